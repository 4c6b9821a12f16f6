//! Organisations: create, edit, list with filters, delete and restore, and
//! the validation a form relies on.

use wieg::{
    Domain, Error, OrgKind, OrganisationFilter, OrganisationInput, ValidationCode, Workspace,
};

use crate::{new_org, open, refused, workspace};

#[test]
fn create_edit_and_find_again_after_reopening() {
    let (dir, mut ws) = workspace();
    let org = ws
        .create_organisation(&OrganisationInput {
            name: Some("  Verloskundigenpraktijk De Maasoever ".into()),
            kind: Some(OrgKind::Verloskundigenpraktijk),
            domain: Some(Domain::Medisch),
            website: Some("vp-maasoever.nl".into()),
            notes: Some("Praktijk in Venlo.".into()),
            place: Some("Venlo".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(org.place, "Venlo");
    assert_eq!(
        org.involved_since,
        Some(chrono::Utc::now().date_naive()),
        "involved from today unless said otherwise"
    );
    assert_eq!(
        org.name, "Verloskundigenpraktijk De Maasoever",
        "names are trimmed"
    );
    assert_eq!(org.website, "https://vp-maasoever.nl");
    assert!(!org.deleted);

    let edited = ws
        .update_organisation(
            org.id,
            &OrganisationInput {
                domain: Some(Domain::Sociaal),
                notes: Some("Ook in Tegelen.".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (edited.domain, edited.kind),
        (Domain::Sociaal, OrgKind::Verloskundigenpraktijk)
    );
    assert_eq!(edited.notes, "Ook in Tegelen.");
    assert!(edited.updated_at >= org.updated_at);
    assert_eq!(edited.created_at, org.created_at);
    drop(ws);

    let ws = open(dir.path());
    assert_eq!(
        ws.list_organisations(&Default::default()).unwrap(),
        vec![edited]
    );
}

#[test]
fn validation_says_which_field_and_why_and_writes_nothing() {
    let (_dir, mut ws) = workspace();
    let before = ws.all_changes().unwrap().len();
    let cases = [
        (
            OrganisationInput {
                name: Some("   ".into()),
                ..new_org("")
            },
            ("name", ValidationCode::Required),
        ),
        (
            OrganisationInput {
                name: Some("x".repeat(201)),
                ..new_org("")
            },
            ("name", ValidationCode::TooLong),
        ),
        (
            OrganisationInput {
                kind: None,
                ..new_org("Zonder soort")
            },
            ("kind", ValidationCode::Required),
        ),
        (
            OrganisationInput {
                domain: None,
                ..new_org("Zonder domein")
            },
            ("domain", ValidationCode::Required),
        ),
        (
            OrganisationInput {
                website: Some("geen adres".into()),
                ..new_org("Met rare website")
            },
            ("website", ValidationCode::InvalidUrl),
        ),
        (
            OrganisationInput {
                notes: Some("n".repeat(10_001)),
                ..new_org("Lange notities")
            },
            ("notes", ValidationCode::TooLong),
        ),
    ];
    for (input, (field, code)) in cases {
        assert_eq!(
            refused(ws.create_organisation(&input)),
            (field.to_string(), code)
        );
    }
    let id = ws.create_organisation(&new_org("Goed")).unwrap().id;
    let patch = OrganisationInput {
        name: Some(String::new()),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.update_organisation(id, &patch)),
        ("name".to_string(), ValidationCode::Required)
    );
    assert_eq!(
        ws.organisation(id).unwrap().name,
        "Goed",
        "a refused edit changes nothing"
    );
    let written: Vec<_> = ws.all_changes().unwrap().into_iter().skip(before).collect();
    assert!(
        !written.is_empty() && written.iter().all(|c| c.id == id),
        "only the valid organisation's fields were written"
    );
}

#[test]
fn lists_filter_by_text_kind_and_domain_ignoring_case_and_accents() {
    let (_dir, mut ws) = workspace();
    let mk = |ws: &mut Workspace, name: &str, kind, domain, notes: &str| {
        ws.create_organisation(&OrganisationInput {
            name: Some(name.into()),
            kind: Some(kind),
            domain: Some(domain),
            notes: Some(notes.into()),
            ..Default::default()
        })
        .unwrap()
    };
    mk(
        &mut ws,
        "Café Mama Venlo",
        OrgKind::Welzijn,
        Domain::Sociaal,
        "",
    );
    mk(
        &mut ws,
        "Kraamzorg Het Nest",
        OrgKind::Kraamzorg,
        Domain::Medisch,
        "Ook in Venlo",
    );
    mk(
        &mut ws,
        "ähnliche Praxis",
        OrgKind::Huisarts,
        Domain::Medisch,
        "",
    );
    mk(
        &mut ws,
        "Budgetcoaching",
        OrgKind::Schuldhulp,
        Domain::Sociaal,
        "",
    );

    let names = |f: OrganisationFilter| -> Vec<String> {
        ws.list_organisations(&f)
            .unwrap()
            .into_iter()
            .map(|o| o.name)
            .collect()
    };
    assert_eq!(
        names(Default::default()),
        [
            "ähnliche Praxis",
            "Budgetcoaching",
            "Café Mama Venlo",
            "Kraamzorg Het Nest"
        ],
        "sorted by name, ignoring case and accents"
    );
    assert_eq!(
        names(OrganisationFilter {
            text: Some("CAFE".into()),
            ..Default::default()
        }),
        ["Café Mama Venlo"]
    );
    assert_eq!(
        names(OrganisationFilter {
            text: Some("venlo".into()),
            ..Default::default()
        }),
        ["Café Mama Venlo", "Kraamzorg Het Nest"],
        "notes are searched too"
    );
    assert_eq!(
        names(OrganisationFilter {
            domain: Some(Domain::Medisch),
            ..Default::default()
        })
        .len(),
        2
    );
    assert_eq!(
        names(OrganisationFilter {
            kind: Some(OrgKind::Schuldhulp),
            domain: Some(Domain::Sociaal),
            ..Default::default()
        }),
        ["Budgetcoaching"]
    );
    assert!(names(OrganisationFilter {
        text: Some("zzz".into()),
        ..Default::default()
    })
    .is_empty());
}

#[test]
fn delete_is_a_tombstone_that_restore_undoes() {
    let (_dir, mut ws) = workspace();
    let id = ws
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap()
        .id;
    let deleted = ws.delete_organisation(id).unwrap();
    assert!(deleted.deleted);
    assert!(
        ws.list_organisations(&Default::default())
            .unwrap()
            .is_empty(),
        "hidden from the list"
    );
    let all = ws
        .list_organisations(&OrganisationFilter {
            include_deleted: Some(true),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 1, "but still there, to restore");
    assert_eq!(ws.network_summary().unwrap().organisations, 0);
    let restored = ws.restore_organisation(id).unwrap();
    assert!(!restored.deleted);
    assert_eq!(restored.name, "Kraamzorg De Linde");
    assert_eq!(ws.list_organisations(&Default::default()).unwrap().len(), 1);
}

#[test]
fn unknown_ids_and_missing_coalition_are_clear_errors() {
    let (_dir, mut ws) = workspace();
    let missing = uuid::Uuid::now_v7();
    assert!(matches!(
        ws.delete_organisation(missing),
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        ws.find_organisation("Bestaat niet"),
        Err(Error::NotFound { .. })
    ));

    let dir = tempfile::tempdir().unwrap();
    let mut empty = open(dir.path());
    assert!(matches!(
        empty.create_organisation(&new_org("Te vroeg")),
        Err(Error::NoCoalition)
    ));
    empty.create_coalition("Eerste").unwrap();
    assert!(matches!(
        empty.create_coalition("Tweede"),
        Err(Error::CoalitionExists(_))
    ));
}

#[test]
fn the_demo_coalition_is_realistic_and_loads_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    let coalition = ws.load_demo().unwrap();
    assert_eq!(coalition.name, "Kansrijke Start Noord- en Midden-Limburg");
    let summary = ws.network_summary().unwrap();
    assert!(
        summary.organisations >= 90,
        "90+ organisations, got {}",
        summary.organisations
    );
    let orgs = ws.list_organisations(&Default::default()).unwrap();
    let signed = orgs
        .iter()
        .filter(|o| o.status == wieg::CoalitionStatus::Getekend)
        .count();
    assert!((35..=50).contains(&signed), "about 40 signed, got {signed}");
    let signed_years: std::collections::BTreeSet<i32> = orgs
        .iter()
        .filter_map(|o| o.signed_on)
        .map(|d| chrono::Datelike::year(&d))
        .collect();
    assert!(
        signed_years.len() >= 3,
        "signed over three years: {signed_years:?}"
    );
    assert!(
        orgs.iter().all(|o| !o.municipalities.is_empty()),
        "every organisation serves a municipality"
    );
    let contacts = ws.list_contacts(&Default::default()).unwrap();
    assert!(
        (140..=200).contains(&contacts.len()),
        "{} contacts",
        contacts.len()
    );
    assert!(contacts.iter().all(|c| c.email.ends_with(".nl")));
    let relations = ws.list_relations(None).unwrap();
    assert!(relations.len() >= 180, "{} relations", relations.len());

    // The plan: four pillars, about twelve goals, about sixty actions over
    // three years, interventions rolled out unevenly.
    let plan = ws.current_plan().unwrap().unwrap();
    let overview = ws.plan_overview(plan.id, &Default::default()).unwrap();
    assert_eq!(overview.pillars.len(), 4);
    let goals: usize = overview.pillars.iter().map(|p| p.goals.len()).sum();
    let actions: Vec<&wieg::plan::Action> =
        overview.pillars.iter().flat_map(|p| &p.actions).collect();
    assert!((10..=15).contains(&goals), "{goals} goals");
    assert!(
        (50..=70).contains(&actions.len()),
        "{} actions",
        actions.len()
    );
    assert!(actions.iter().all(|a| a.owner.is_some()));
    let years: std::collections::BTreeSet<i32> = actions
        .iter()
        .filter_map(|a| a.start_date)
        .map(|d| chrono::Datelike::year(&d))
        .collect();
    assert!(years.len() >= 3, "{years:?}");
    let funding = ws.funding_overview(plan.id).unwrap();
    assert_eq!(funding.fundings.len(), 2);
    assert!(funding
        .fundings
        .iter()
        .any(|f| f.amount_cents == 13_068_000 && f.funder == "Provincie Limburg"));
    assert!(funding.pillars.iter().any(|p| p.granted_cents > 0));
    let indicators = ws.list_indicators().unwrap();
    assert_eq!(indicators.len(), 5);
    let from_rivm = ws.monitor_catalogue().unwrap();
    assert_eq!(
        from_rivm.iter().filter(|m| m.added).count(),
        2,
        "two from RIVM's monitor, by their catalogue names"
    );
    let small: usize = indicators
        .iter()
        .map(|i| ws.indicator_series(i.id).unwrap())
        .flat_map(|s| s.municipalities)
        .flat_map(|m| m.points)
        .filter(|p| p.value.is_none())
        .count();
    assert!(small > 0, "the demo shows '< 10' somewhere");
    let meetings = ws.list_meetings().unwrap();
    assert!(
        (25..=40).contains(&meetings.len()),
        "{} meetings",
        meetings.len()
    );
    let decisions = ws.list_decisions().unwrap();
    assert!(
        (40..=80).contains(&decisions.len()),
        "{} decisions",
        decisions.len()
    );
    let open = ws.list_action_items(&Default::default()).unwrap();
    assert!(
        open.iter().any(|a| a.overdue),
        "some open items are overdue"
    );
    assert!(
        !ws.search("zwangeren", 5).unwrap().is_empty(),
        "the minutes are searchable"
    );
    let matrix = ws.rollout_matrix().unwrap();
    let active: Vec<u32> = matrix.interventions.iter().map(|i| i.active).collect();
    assert!(
        active.iter().any(|&a| a >= 8) && active.iter().any(|&a| a <= 4),
        "{active:?}"
    );
    for d in summary
        .by_domain
        .iter()
        .filter(|d| d.domain != Domain::Overig)
    {
        assert!(d.count >= 5, "every domain is represented: {d:?}");
    }
    let kinds: std::collections::HashSet<OrgKind> = ws
        .list_organisations(&Default::default())
        .unwrap()
        .iter()
        .map(|o| o.kind)
        .collect();
    assert_eq!(
        kinds.len(),
        OrgKind::ALL.len(),
        "every kind occurs in the demo"
    );
    let demo = wieg::demo::demo_coalition().unwrap();
    assert!(demo.municipalities.len() >= 10);
    assert!(demo
        .municipalities
        .iter()
        .all(|m| m.cbs_code.len() == 6 && m.cbs_code.starts_with("GM")));
    assert!(matches!(ws.load_demo(), Err(Error::CoalitionExists(_))));
}

#[test]
fn coalition_status_follows_the_dates_and_growth_counts_them_per_month() {
    let (_dir, mut ws) = workspace();
    let mk = |ws: &mut Workspace,
              name: &str,
              involved: &str,
              signed: Option<&str>,
              left: Option<&str>| {
        ws.create_organisation(&OrganisationInput {
            involved_since: Some(involved.into()),
            signed_on: signed.map(Into::into),
            left_on: left.map(Into::into),
            signatory: signed.map(|_| "wethouder".into()),
            ..new_org(name)
        })
    };
    let a = mk(&mut ws, "A", "2024-01-10", None, None).unwrap();
    assert_eq!(a.status, wieg::CoalitionStatus::Betrokken);
    let b = mk(&mut ws, "B", "2024-01-20", Some("15-03-2024"), None).unwrap();
    assert_eq!(
        (b.status, b.signatory.as_str()),
        (wieg::CoalitionStatus::Getekend, "wethouder")
    );
    let c = mk(
        &mut ws,
        "C",
        "2024-02-01",
        Some("2024-02-01"),
        Some("2024-04-30"),
    )
    .unwrap();
    assert_eq!(c.status, wieg::CoalitionStatus::Gestopt);
    let with_status = |ws: &Workspace, status| -> Vec<String> {
        ws.list_organisations(&OrganisationFilter {
            status: Some(status),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect()
    };
    assert_eq!(with_status(&ws, wieg::CoalitionStatus::Betrokken), ["A"]);
    assert_eq!(with_status(&ws, wieg::CoalitionStatus::Getekend), ["B"]);
    assert_eq!(with_status(&ws, wieg::CoalitionStatus::Gestopt), ["C"]);
    match mk(&mut ws, "D", "2024-05-01", Some("2024-04-01"), None) {
        Err(Error::Validation(v)) => assert_eq!(
            (v.field.as_str(), v.code),
            ("signed_on", ValidationCode::DateOrder)
        ),
        other => panic!("signing before being involved is refused: {other:?}"),
    }
    // Clearing a date with an empty text.
    let patch = OrganisationInput {
        left_on: Some(String::new()),
        ..Default::default()
    };
    assert_eq!(
        ws.update_organisation(c.id, &patch).unwrap().status,
        wieg::CoalitionStatus::Getekend
    );
    ws.update_organisation(
        c.id,
        &OrganisationInput {
            left_on: Some("2024-04-30".into()),
            ..Default::default()
        },
    )
    .unwrap();

    let growth = ws.network_growth().unwrap();
    let at = |month: &str| {
        growth
            .iter()
            .find(|g| g.month == month)
            .map(|g| (g.involved, g.signed))
    };
    assert_eq!(at("2024-01"), Some((2, 0)));
    assert_eq!(at("2024-02"), Some((3, 1)));
    assert_eq!(at("2024-03"), Some((3, 2)));
    assert_eq!(at("2024-04"), Some((2, 1)), "C left at the end of April");
    assert!(growth.first().unwrap().month.as_str() <= "2024-01");
    assert!(growth.windows(2).all(|w| w[0].month < w[1].month));
    let m = ws.network_metrics().unwrap();
    assert_eq!(m.signed, 1);
}

#[test]
fn an_organisation_is_saved_with_its_municipalities_in_one_transaction() {
    let (_dir, mut ws) = workspace();
    let municipality = |ws: &mut Workspace, name: &str, code: &str| {
        ws.create_municipality(&wieg::MunicipalityInput {
            name: Some(name.into()),
            cbs_code: Some(code.into()),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let venlo = municipality(&mut ws, "Venlo", "GM0983");
    let horst = municipality(&mut ws, "Horst aan de Maas", "GM1507");
    let org = ws
        .create_organisation(&OrganisationInput {
            name: Some("Kraamzorg Het Nest".into()),
            kind: Some(OrgKind::Kraamzorg),
            domain: Some(Domain::Medisch),
            municipalities: Some(vec![venlo]),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(org.municipalities, vec![venlo]);

    // A rename that names a municipality that is not there is refused whole:
    // the name stays too.
    let changes_before = ws.all_changes().unwrap().len();
    let refused = ws.update_organisation(
        org.id,
        &OrganisationInput {
            name: Some("Het Nest".into()),
            municipalities: Some(vec![venlo, uuid::Uuid::now_v7()]),
            ..Default::default()
        },
    );
    assert!(
        matches!(refused, Err(Error::NotFound { .. })),
        "{refused:?}"
    );
    assert_eq!(ws.organisation(org.id).unwrap().name, "Kraamzorg Het Nest");
    assert_eq!(ws.all_changes().unwrap().len(), changes_before);

    let saved = ws
        .update_organisation(
            org.id,
            &OrganisationInput {
                name: Some("Het Nest".into()),
                municipalities: Some(vec![horst]),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(saved.name, "Het Nest");
    assert_eq!(saved.municipalities, vec![horst]);
    // Without municipalities in the patch, they stay as they are.
    let renamed = ws
        .update_organisation(
            org.id,
            &OrganisationInput {
                notes: Some("Werkt ook in Venray".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(renamed.municipalities, vec![horst]);
}

#[test]
fn an_organisation_page_is_read_in_one_call() {
    let (_dir, mut ws) = workspace();
    let nest = ws
        .create_organisation(&new_org("Kraamzorg Het Nest"))
        .unwrap()
        .id;
    let maas = ws
        .create_organisation(&new_org("Verloskundigenpraktijk De Maas"))
        .unwrap()
        .id;
    let gone = ws
        .create_organisation(&new_org("Opgeheven Stichting"))
        .unwrap()
        .id;
    ws.delete_organisation(gone).unwrap();
    let venlo = ws
        .create_municipality(&wieg::MunicipalityInput {
            name: Some("Venlo".into()),
            cbs_code: Some("GM0983".into()),
            ..Default::default()
        })
        .unwrap();
    ws.set_served_municipalities(nest, &[venlo.id]).unwrap();
    ws.create_relation(&wieg::RelationInput {
        from_org: Some(nest),
        to_org: Some(maas),
        ..Default::default()
    })
    .unwrap();
    ws.create_contact(&wieg::ContactInput {
        organisation: Some(nest),
        name: Some("Anne de Vries".into()),
        ..Default::default()
    })
    .unwrap();
    ws.create_contact(&wieg::ContactInput {
        organisation: Some(maas),
        name: Some("Bram Peters".into()),
        ..Default::default()
    })
    .unwrap();

    let detail = ws.organisation_detail(nest).unwrap();
    assert_eq!(detail.organisation.name, "Kraamzorg Het Nest");
    assert_eq!(
        detail
            .served
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["Venlo"]
    );
    assert_eq!(
        detail
            .contacts
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["Anne de Vries"],
        "only its own people"
    );
    assert_eq!(detail.relations.len(), 1);
    assert_eq!(detail.relations[0].to_org, maas);
    let names: Vec<&str> = detail
        .organisations
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert!(
        names.contains(&"Opgeheven Stichting"),
        "deleted ones too: {names:?}"
    );
    assert!(matches!(
        ws.organisation_detail(uuid::Uuid::now_v7()),
        Err(Error::NotFound { .. })
    ));
}

/// The general phone number: checked like a contact's, kept, cleared, synced.
#[test]
fn an_organisation_keeps_its_general_phone_number() {
    let (_dir, mut ws) = workspace();
    let input = |phone: &str| OrganisationInput {
        phone: Some(phone.into()),
        ..new_org("Kraamzorg De Waarden")
    };
    assert_eq!(
        refused(ws.create_organisation(&input("bel maar"))),
        ("phone".into(), ValidationCode::InvalidPhone)
    );
    assert!(ws
        .list_organisations(&Default::default())
        .unwrap()
        .is_empty());
    let org = ws.create_organisation(&input(" 077-3201100 ")).unwrap();
    assert_eq!(org.phone, "077-3201100");
    let (_other_dir, other) = crate::replica_of(&ws);
    assert_eq!(other.organisation(org.id).unwrap().phone, "077-3201100");
    let cleared = ws
        .update_organisation(
            org.id,
            &OrganisationInput {
                phone: Some(String::new()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (cleared.phone.as_str(), cleared.name.as_str()),
        ("", "Kraamzorg De Waarden")
    );
}

/// The map of the demo coalition: partners one step apart stand close,
/// further steps stand further away, no node sits on another, separate parts
/// do not overlap, and the same network gives the same picture whatever
/// order it comes in.
#[test]
fn the_map_places_partners_by_their_steps_apart() {
    use std::collections::{HashMap, HashSet, VecDeque};
    use wieg::network::{map_layout, MapGraphInput, EDGE_LENGTH};

    let (_dir, ws) = crate::demo();
    let nodes: Vec<_> = ws
        .list_organisations(&Default::default())
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    let edges: Vec<_> = ws
        .list_relations(None)
        .unwrap()
        .into_iter()
        .map(|r| (r.from_org, r.to_org))
        .collect();
    // Two organisations of their own, unrelated to the rest.
    let loose = [uuid::Uuid::from_u128(1), uuid::Uuid::from_u128(2)];
    let mut graph = MapGraphInput {
        nodes: nodes.iter().copied().chain(loose).collect(),
        edges: edges.clone(),
    };
    graph.edges.push((loose[0], loose[1]));
    let at = map_layout(&graph);
    assert_eq!(at.len(), nodes.len() + 2);
    let place: HashMap<_, _> = at.iter().map(|p| (p.id, (p.x, p.y))).collect();
    let apart = |a, b| {
        let ((ax, ay), (bx, by)): ((f64, f64), (f64, f64)) = (place[&a], place[&b]);
        (ax - bx).hypot(ay - by)
    };

    // Steps between every two organisations of the demo.
    let mut neighbours: HashMap<_, HashSet<_>> = HashMap::new();
    for (a, b) in &edges {
        neighbours.entry(*a).or_default().insert(*b);
        neighbours.entry(*b).or_default().insert(*a);
    }
    let mut by_steps: HashMap<usize, Vec<f64>> = HashMap::new();
    // Each organisation's part of the network, named by its first member.
    let mut part_of = HashMap::from([(loose[0], loose[0]), (loose[1], loose[0])]);
    for &from in &nodes {
        let mut seen = HashMap::from([(from, 0)]);
        let mut queue = VecDeque::from([from]);
        while let Some(node) = queue.pop_front() {
            for next in neighbours.get(&node).into_iter().flatten() {
                if !seen.contains_key(next) {
                    seen.insert(*next, seen[&node] + 1);
                    queue.push_back(*next);
                }
            }
        }
        let first = *seen.keys().min().unwrap();
        part_of.insert(from, first);
        for (to, steps) in seen {
            if to > from {
                by_steps.entry(steps).or_default().push(apart(from, to));
            }
        }
    }
    let mean = |xs: &Vec<f64>| xs.iter().sum::<f64>() / xs.len() as f64;
    let one = mean(&by_steps[&1]);
    let two = mean(&by_steps[&2]);
    let three = mean(&by_steps[&3]);
    assert!(one < two && two < three, "{one} {two} {three}");
    assert!(
        (0.6 * EDGE_LENGTH..1.6 * EDGE_LENGTH).contains(&one),
        "partners with a relation stand about one edge apart: {one}"
    );

    for (i, a) in at.iter().enumerate() {
        for b in &at[i + 1..] {
            let d = (a.x - b.x).hypot(a.y - b.y);
            assert!(
                d >= 0.55 * EDGE_LENGTH,
                "{} and {} are {d} apart",
                a.id,
                b.id
            );
        }
    }
    // Separate parts of the network do not overlap: their boxes are apart.
    let mut boxes: HashMap<uuid::Uuid, ([f64; 2], [f64; 2])> = HashMap::new();
    for (id, first) in &part_of {
        let (x, y) = place[id];
        let (min, max) = boxes.entry(*first).or_insert(([x, y], [x, y]));
        *min = [min[0].min(x), min[1].min(y)];
        *max = [max[0].max(x), max[1].max(y)];
    }
    assert!(boxes.len() > 2, "the demo has loose partners too");
    let boxes: Vec<_> = boxes.into_values().collect();
    for (i, (amin, amax)) in boxes.iter().enumerate() {
        for (bmin, bmax) in &boxes[i + 1..] {
            let overlap = amin[0] <= bmax[0]
                && bmin[0] <= amax[0]
                && amin[1] <= bmax[1]
                && bmin[1] <= amax[1];
            assert!(!overlap, "{amin:?}–{amax:?} overlaps {bmin:?}–{bmax:?}");
        }
    }

    graph.nodes.reverse();
    graph.edges.reverse();
    graph.edges.push(graph.edges[0]);
    let mut again = map_layout(&graph);
    again.sort_by_key(|p| p.id);
    let mut first = at.clone();
    first.sort_by_key(|p| p.id);
    assert_eq!(first, again, "the same network, the same map");
}
