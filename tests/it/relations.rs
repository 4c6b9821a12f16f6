//! Relations between organisations and the network metrics over them.

use wieg::{
    Domain, OrgKind, OrganisationInput, RelationInput, RelationKind, ValidationCode, Workspace,
};

use crate::{refused, workspace};

fn org(ws: &mut Workspace, name: &str, domain: Domain) -> uuid::Uuid {
    let input = OrganisationInput {
        name: Some(name.into()),
        kind: Some(OrgKind::Overig),
        domain: Some(domain),
        ..Default::default()
    };
    ws.create_organisation(&input).unwrap().id
}

fn link(ws: &mut Workspace, from: uuid::Uuid, to: uuid::Uuid) -> wieg::Result<wieg::Relation> {
    ws.create_relation(&RelationInput {
        from_org: Some(from),
        to_org: Some(to),
        ..Default::default()
    })
}

#[test]
fn relations_are_checked_and_follow_their_organisations() {
    let (_dir, mut ws) = workspace();
    let a = org(&mut ws, "Verloskundigen A", Domain::Medisch);
    let b = org(&mut ws, "Wijkteam B", Domain::Sociaal);
    let r = ws
        .create_relation(&RelationInput {
            from_org: Some(a),
            to_org: Some(b),
            kind: Some(RelationKind::Verwijzing),
            strength: Some(4),
            start_date: Some("01-03-2023".into()),
            note: Some("Warme overdracht".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (r.kind, r.strength, r.start_date.unwrap().to_string()),
        (RelationKind::Verwijzing, 4, "2023-03-01".into())
    );
    assert_eq!(
        refused(link(&mut ws, a, a)),
        ("to_org".into(), ValidationCode::InvalidChoice)
    );
    assert_eq!(
        refused(link(&mut ws, a, uuid::Uuid::now_v7())),
        ("to_org".into(), ValidationCode::InvalidChoice)
    );
    let too_strong = RelationInput {
        from_org: Some(a),
        to_org: Some(b),
        strength: Some(6),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.create_relation(&too_strong)),
        ("strength".into(), ValidationCode::InvalidChoice)
    );
    let backwards = RelationInput {
        from_org: Some(a),
        to_org: Some(b),
        start_date: Some("2024-01-01".into()),
        end_date: Some("2023-01-01".into()),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.create_relation(&backwards)),
        ("end_date".into(), ValidationCode::DateOrder)
    );

    assert_eq!(ws.list_relations(Some(b)).unwrap(), vec![r.clone()]);
    ws.delete_organisation(b).unwrap();
    assert!(
        ws.list_relations(None).unwrap().is_empty(),
        "a relation of a deleted organisation is not listed"
    );
    ws.restore_organisation(b).unwrap();
    assert_eq!(ws.list_relations(None).unwrap().len(), 1);
    ws.delete_relation(r.id).unwrap();
    assert!(ws.list_relations(None).unwrap().is_empty());
}

#[test]
fn metrics_find_the_bridge_between_the_domains() {
    let (_dir, mut ws) = workspace();
    // midwife — hospital — GGD — social team — debt help; GGD is the only way across.
    let midwife = org(&mut ws, "Verloskundigen", Domain::Medisch);
    let hospital = org(&mut ws, "Ziekenhuis", Domain::Medisch);
    let ggd = org(&mut ws, "GGD", Domain::PubliekeGezondheid);
    let team = org(&mut ws, "Sociaal team", Domain::Sociaal);
    let debt = org(&mut ws, "Schuldhulp", Domain::Sociaal);
    for (a, b) in [
        (midwife, hospital),
        (hospital, ggd),
        (ggd, team),
        (team, debt),
    ] {
        link(&mut ws, a, b).unwrap();
    }
    let m = ws.network_metrics().unwrap();
    assert_eq!(
        (m.organisations, m.relations, m.medical_social_links),
        (5, 4, 0)
    );
    // Pairs across: 2 medical × 2 social = 4, all through the GGD and the team's
    // side; the hospital carries the midwife's two, the team the pairs to debt help.
    let scores: Vec<(&str, f64)> = m
        .bridge_builders
        .iter()
        .map(|b| (b.name.as_str(), b.score))
        .collect();
    assert_eq!(
        scores,
        [("GGD", 4.0), ("Sociaal team", 2.0), ("Ziekenhuis", 2.0)]
    );
    link(&mut ws, midwife, team).unwrap();
    let m = ws.network_metrics().unwrap();
    assert_eq!(
        m.medical_social_links, 1,
        "a direct medical–social link counts"
    );
    assert_eq!(m.bridge_builders[0].name, "Sociaal team");
}

#[test]
fn the_demo_network_has_relations_and_bridges() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    ws.load_demo().unwrap();
    let m = ws.network_metrics().unwrap();
    assert!(m.relations >= 70, "{}", m.relations);
    assert!(m.medical_social_links >= 5, "{}", m.medical_social_links);
    assert!(!m.bridge_builders.is_empty());
}

/// A report over a past period shows the network as its dates say it was
/// then: who was involved and had signed, and which relations ran.
#[test]
fn metrics_on_a_past_day_follow_the_recorded_dates() {
    let (_dir, mut ws) = workspace();
    let dated = |ws: &mut Workspace, name: &str, domain, since: &str, signed: Option<&str>| {
        ws.create_organisation(&OrganisationInput {
            name: Some(name.into()),
            kind: Some(OrgKind::Overig),
            domain: Some(domain),
            involved_since: Some(since.into()),
            signed_on: signed.map(Into::into),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let midwife = dated(
        &mut ws,
        "Verloskundigen",
        Domain::Medisch,
        "2022-01-10",
        Some("2022-06-01"),
    );
    let team = dated(
        &mut ws,
        "Sociaal team",
        Domain::Sociaal,
        "2022-03-01",
        Some("2024-02-01"),
    );
    let late = dated(&mut ws, "Kinderopvang", Domain::Sociaal, "2025-05-01", None);
    ws.create_organisation(&OrganisationInput {
        name: Some("Consultatiebureau".into()),
        kind: Some(OrgKind::Overig),
        domain: Some(Domain::Medisch),
        involved_since: Some("2022-01-01".into()),
        left_on: Some("2023-01-01".into()),
        ..Default::default()
    })
    .unwrap();
    let relation = |ws: &mut Workspace, from, to, start: Option<&str>, end: Option<&str>| {
        ws.create_relation(&RelationInput {
            from_org: Some(from),
            to_org: Some(to),
            start_date: start.map(Into::into),
            end_date: end.map(Into::into),
            ..Default::default()
        })
        .unwrap();
    };
    relation(
        &mut ws,
        midwife,
        team,
        Some("2022-04-01"),
        Some("2023-12-31"),
    );
    relation(&mut ws, midwife, team, Some("2025-01-01"), None);
    relation(&mut ws, team, late, None, None);

    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let on = |ws: &Workspace, d: &str| {
        let m = ws.network_metrics_on(day(d)).unwrap();
        (
            m.organisations,
            m.signed,
            m.relations,
            m.medical_social_links,
        )
    };
    assert_eq!(on(&ws, "2021-12-31"), (0, 0, 0, 0));
    assert_eq!(on(&ws, "2022-05-01"), (3, 0, 1, 1));
    assert_eq!(
        on(&ws, "2023-12-31"),
        (2, 1, 1, 1),
        "an ending relation runs through its last day"
    );
    assert_eq!(on(&ws, "2024-06-30"), (2, 2, 0, 0));
    assert_eq!(on(&ws, "2025-06-30"), (3, 2, 2, 1));
    let by_domain = ws.network_metrics_on(day("2025-06-30")).unwrap().by_domain;
    let social = by_domain
        .iter()
        .find(|d| d.domain == Domain::Sociaal)
        .unwrap();
    assert_eq!(social.count, 2);
    // Today's metrics count every organisation and every relation not ended.
    let now = ws.network_metrics().unwrap();
    assert_eq!((now.organisations, now.relations), (4, 2));
}
