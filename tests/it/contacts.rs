//! Contact persons: checks, inzage, and erasure (the AVG's right to be
//! forgotten) on this laptop, through sync, and down to the bytes on disk.

use std::path::Path;

use wieg::{
    CoalitionRole, ContactFilter, ContactInput, Error, LegalBasis, OrganisationInput,
    ValidationCode, Workspace,
};

use crate::{new_org, refused, workspace};

fn person(org: uuid::Uuid, name: &str) -> ContactInput {
    ContactInput {
        organisation: Some(org),
        name: Some(name.into()),
        ..Default::default()
    }
}

/// Whether any batch in the shared folder holds `needle` once inflated.
fn in_batches(folder: &Path, needle: &str) -> bool {
    use std::io::Read;
    crate::files_under(folder).iter().any(|path| {
        let bytes = std::fs::read(path).unwrap();
        let mut lines = bytes.splitn(3, |b| *b == b'\n');
        let (Some(b"WIEG-CHANGES"), Some(_header), Some(body)) =
            (lines.next(), lines.next(), lines.next())
        else {
            return false;
        };
        let mut plain = String::new();
        flate2::read::DeflateDecoder::new(body)
            .read_to_string(&mut plain)
            .unwrap();
        plain.contains(needle)
    })
}

/// Whether any file under `dir` (database, WAL, …) holds `needle`.
fn on_disk(dir: &Path, needle: &str) -> bool {
    crate::files_under(dir).iter().any(|path| {
        let bytes = std::fs::read(path).unwrap();
        bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
    })
}

#[test]
fn contacts_are_checked_and_updated_field_by_field() {
    let (_dir, mut ws) = workspace();
    let org = ws
        .create_organisation(&new_org("GGD Hollands Midden"))
        .unwrap()
        .id;
    let mut input = person(org, "  Fatima el Amrani ");
    input.function = Some("jeugdverpleegkundige".into());
    input.email = Some("f.elamrani@ggdhm.nl".into());
    input.phone = Some("+31 (0)71 516 12 34".into());
    input.coalition_role = Some("Kartrekker".into());
    input.active_from = Some("01-02-2024".into());
    let c = ws.create_contact(&input).unwrap();
    assert_eq!(c.name, "Fatima el Amrani");
    assert_eq!(c.coalition_role, Some(CoalitionRole::Kartrekker));
    assert_eq!(c.legal_basis, LegalBasis::GerechtvaardigdBelang);
    assert_eq!(c.active_from.unwrap().to_string(), "2024-02-01");
    assert_eq!(
        c.last_checked,
        Some(chrono::Utc::now().date_naive()),
        "whoever adds a person has just checked the data"
    );

    let bad = |change: fn(&mut ContactInput)| {
        let mut input = person(org, "Piet");
        change(&mut input);
        input
    };
    let mut ws2 = ws;
    let cases: Vec<(ContactInput, &str, ValidationCode)> = vec![
        (
            bad(|i| i.name = Some(" ".into())),
            "name",
            ValidationCode::Required,
        ),
        (
            bad(|i| i.organisation = None),
            "organisation",
            ValidationCode::Required,
        ),
        (
            bad(|i| i.organisation = Some(uuid::Uuid::now_v7())),
            "organisation",
            ValidationCode::InvalidChoice,
        ),
        (
            bad(|i| i.email = Some("piet@".into())),
            "email",
            ValidationCode::InvalidEmail,
        ),
        (
            bad(|i| i.email = Some("piet @x.nl".into())),
            "email",
            ValidationCode::InvalidEmail,
        ),
        (
            bad(|i| i.phone = Some("bel me".into())),
            "phone",
            ValidationCode::InvalidPhone,
        ),
        (
            bad(|i| i.phone = Some("123".into())),
            "phone",
            ValidationCode::InvalidPhone,
        ),
        (
            bad(|i| i.coalition_role = Some("baas".into())),
            "coalition_role",
            ValidationCode::InvalidChoice,
        ),
        (
            bad(|i| {
                i.active_from = Some("2025-01-01".into());
                i.active_to = Some("2024-01-01".into());
            }),
            "active_to",
            ValidationCode::DateOrder,
        ),
    ];
    for (input, field, code) in cases {
        assert_eq!(
            refused(ws2.create_contact(&input)),
            (field.into(), code),
            "{input:?}"
        );
    }

    // An update changes only what it names; an empty text clears.
    let before = ws2.all_changes().unwrap().len();
    let updated = ws2
        .update_contact(
            c.id,
            &ContactInput {
                phone: Some(String::new()),
                legal_basis: Some(LegalBasis::PubliekeTaak),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(updated.phone, "");
    assert_eq!(updated.email, "f.elamrani@ggdhm.nl");
    assert_eq!(updated.legal_basis, LegalBasis::PubliekeTaak);
    assert_eq!(ws2.all_changes().unwrap().len(), before + 2);
    assert_eq!(
        refused(ws2.update_contact(
            c.id,
            &ContactInput {
                active_to: Some("2020-01-01".into()),
                ..Default::default()
            }
        ))
        .1,
        ValidationCode::DateOrder
    );
}

#[test]
fn contacts_list_by_organisation_text_and_check_date() {
    let (_dir, mut ws) = workspace();
    let ggd = ws.create_organisation(&new_org("GGD")).unwrap().id;
    let nest = ws.create_organisation(&new_org("Het Nest")).unwrap().id;
    let mut old = person(ggd, "Anouk Çelik");
    old.last_checked = Some("2023-05-01".into());
    ws.create_contact(&old).unwrap();
    ws.create_contact(&person(ggd, "bram de Vries")).unwrap();
    ws.create_contact(&person(nest, "Carla Jansen")).unwrap();

    let names = |ws: &Workspace, filter: ContactFilter| -> Vec<String> {
        ws.list_contacts(&filter)
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect()
    };
    assert_eq!(
        names(&ws, ContactFilter::default()),
        ["Anouk Çelik", "bram de Vries", "Carla Jansen"]
    );
    assert_eq!(
        names(
            &ws,
            ContactFilter {
                organisation: Some(ggd),
                ..Default::default()
            }
        ),
        ["Anouk Çelik", "bram de Vries"]
    );
    assert_eq!(
        names(
            &ws,
            ContactFilter {
                text: Some("CELIK".into()),
                ..Default::default()
            }
        ),
        ["Anouk Çelik"]
    );
    assert_eq!(
        names(
            &ws,
            ContactFilter {
                unchecked_since: "2024-01-01".parse().ok(),
                ..Default::default()
            }
        ),
        ["Anouk Çelik"],
        "who has not been checked for a long time"
    );
    ws.delete_organisation(nest).unwrap();
    assert_eq!(names(&ws, ContactFilter::default()).len(), 2);
}

#[test]
fn inzage_lists_every_stored_value_with_who_and_when() {
    let (_dir, mut ws) = workspace();
    let org = ws.create_organisation(&new_org("Het Nest")).unwrap().id;
    let mut input = person(org, "Daan Smit");
    input.email = Some("daan@nest.nl".into());
    let c = ws.create_contact(&input).unwrap();
    ws.update_contact(
        c.id,
        &ContactInput {
            email: Some("d.smit@nest.nl".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let inzage = ws.contact_inzage(c.id).unwrap();
    assert_eq!(inzage.organisation_name, "Het Nest");
    assert_eq!(inzage.contact.email, "d.smit@nest.nl");
    let emails: Vec<&str> = inzage
        .history
        .iter()
        .filter(|h| h.field == "email")
        .map(|h| h.value.as_str())
        .collect();
    assert_eq!(emails, ["daan@nest.nl", "d.smit@nest.nl"], "old values too");
    assert!(inzage.history.iter().all(|h| h.by == ws.replica().name));
}

#[test]
fn erasing_a_person_leaves_no_trace_in_the_database_files() {
    let (dir, mut ws) = workspace();
    let org = ws.create_organisation(&new_org("Het Nest")).unwrap().id;
    let mut input = person(org, "Zwaantje Onvindbaar");
    input.email = Some("zwaantje.onvindbaar@nest.nl".into());
    let c = ws.create_contact(&input).unwrap();
    for n in 0..3 {
        ws.update_contact(
            c.id,
            &ContactInput {
                phone: Some(format!("06-9988776{n}")),
                ..Default::default()
            },
        )
        .unwrap();
    }
    let kept = ws.create_contact(&person(org, "Blijft Bewaard")).unwrap();
    assert!(on_disk(dir.path(), "Zwaantje Onvindbaar") || on_disk(dir.path(), "zwaantje"));

    ws.erase_contact(c.id).unwrap();
    assert!(matches!(ws.contact(c.id), Err(Error::NotFound { .. })));
    assert!(ws
        .all_changes()
        .unwrap()
        .iter()
        .filter(|ch| ch.id == c.id)
        .all(|ch| ch.field == "erased"));
    for needle in [
        "Zwaantje",
        "zwaantje.onvindbaar",
        "06-99887760",
        "06-99887762",
    ] {
        assert!(!on_disk(dir.path(), needle), "{needle} is still on disk");
    }
    assert_eq!(ws.contact(kept.id).unwrap().name, "Blijft Bewaard");
    assert!(matches!(
        ws.erase_contact(c.id),
        Err(Error::NotFound { .. })
    ));
    drop(ws);
    let ws = crate::open(dir.path());
    assert!(!on_disk(dir.path(), "Zwaantje"));
    assert_eq!(
        ws.list_contacts(&ContactFilter::default()).unwrap().len(),
        1
    );
}

#[test]
fn an_erasure_syncs_and_edits_that_raced_it_are_dropped() {
    let folder = tempfile::tempdir().unwrap();
    let (a_dir, mut a) = workspace();
    let org = a.create_organisation(&new_org("Het Nest")).unwrap().id;
    let c = a.create_contact(&person(org, "Gerrit Weggegooid")).unwrap();
    a.set_sync_folder(folder.path()).unwrap();
    a.sync().unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let (mut b, _) = Workspace::join(b_dir.path(), folder.path(), None).unwrap();
    assert_eq!(b.contact(c.id).unwrap().name, "Gerrit Weggegooid");

    // A forgets Gerrit while B, not knowing, edits him and syncs first.
    a.erase_contact(c.id).unwrap();
    b.update_contact(
        c.id,
        &ContactInput {
            phone: Some("06-55544433".into()),
            ..Default::default()
        },
    )
    .unwrap();
    b.sync().unwrap();
    assert!(in_batches(folder.path(), "Gerrit"));
    assert!(in_batches(folder.path(), "06-55544433"));
    let report = a.sync().unwrap();
    assert!(report.imported_changes >= 1);
    assert!(matches!(a.contact(c.id), Err(Error::NotFound { .. })));
    assert!(
        !on_disk(a_dir.path(), "06-55544433"),
        "a late edit is dropped unread"
    );

    b.sync().unwrap();
    assert!(matches!(b.contact(c.id), Err(Error::NotFound { .. })));
    for needle in ["Gerrit", "06-55544433"] {
        assert!(
            !on_disk(b_dir.path(), needle),
            "{needle} is still on B's disk"
        );
    }
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    // Each laptop took him out of its own batches in the shared folder.
    assert!(!in_batches(folder.path(), "Gerrit"));
    assert!(!in_batches(folder.path(), "06-55544433"));
    assert!(in_batches(folder.path(), "Het Nest"), "the rest stays");

    // A laptop joining later forgets him as well, whatever order it reads.
    let c_dir = tempfile::tempdir().unwrap();
    let (joined, _) = Workspace::join(c_dir.path(), folder.path(), None).unwrap();
    assert!(matches!(joined.contact(c.id), Err(Error::NotFound { .. })));
    assert!(!on_disk(c_dir.path(), "Gerrit"));
    assert_eq!(joined.dump().unwrap(), a.dump().unwrap());

    // Editing the organisation afterwards is unaffected.
    a.update_organisation(
        org,
        &OrganisationInput {
            place: Some("Leiden".into()),
            ..Default::default()
        },
    )
    .unwrap();
}
