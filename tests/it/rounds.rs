//! The update round: a workbook per partner, read back field by field
//! against what was sent and what Wieg holds now, taken over only when
//! accepted, and undone as a whole.

use std::path::{Path, PathBuf};

use uuid::Uuid;
use wieg::export::sheet::{xlsx, Cell, Sheet as OutSheet};
use wieg::network::RelationInput;
use wieg::outreach::{ReturnState, RoundReturn, RoundStart};
use wieg::plan::{ActionFilter, ActionStatus};
use wieg::table::{read_table, Sheet};
use wieg::{ContactFilter, ContactInput, OrganisationFilter, OrganisationInput, Workspace};

use crate::{demo, new_org, replica_of, workspace};

/// A partner that leads an action, has people and relations.
fn busy_partner(ws: &Workspace) -> Uuid {
    let actions = ws.list_actions(&ActionFilter::default()).unwrap();
    actions
        .iter()
        .filter(|a| !a.status.is_closed())
        .filter_map(|a| a.owner)
        .find(|org| {
            let people = ws
                .list_contacts(&ContactFilter {
                    organisation: Some(*org),
                    ..Default::default()
                })
                .unwrap();
            people.len() >= 2 && !ws.list_relations(Some(*org)).unwrap().is_empty()
        })
        .expect("the demo has a busy partner")
}

/// Start a round for one partner and write its workbook into `dir`.
fn round_for(ws: &mut Workspace, org: Uuid, dir: &Path) -> PathBuf {
    let files = ws
        .start_round(&RoundStart {
            title: "Voorjaar 2027".into(),
            organisations: Some(vec![org]),
        })
        .unwrap();
    let mut written = files.write_to(dir).unwrap();
    assert_eq!(written.len(), 1);
    written.pop().unwrap()
}

/// The workbook as a partner sends it back: `edit` changes its sheets
/// (read as text), written again as a workbook.
fn returned(path: &Path, edit: impl FnOnce(&mut Vec<Sheet>)) -> PathBuf {
    let mut sheets = read_table(path).unwrap();
    edit(&mut sheets);
    let out: Vec<OutSheet> = sheets
        .iter()
        .map(|s| OutSheet {
            name: s.name.clone(),
            headers: s.headers.clone(),
            rows: s
                .rows
                .iter()
                .map(|r| r.cells.iter().map(|c| Cell::Text(c.clone())).collect())
                .collect(),
        })
        .collect();
    let back = path.with_file_name("teruggestuurd.xlsx");
    let bytes = xlsx(
        &out,
        "terug",
        "partner",
        chrono::NaiveDate::from_ymd_opt(2027, 3, 12).unwrap(),
    )
    .unwrap();
    std::fs::write(&back, bytes).unwrap();
    back
}

fn sheet<'a>(sheets: &'a mut [Sheet], name: &str) -> &'a mut Sheet {
    sheets.iter_mut().find(|s| s.name == name).unwrap()
}

fn column(sheet: &Sheet, header: &str) -> usize {
    sheet.headers.iter().position(|h| h == header).unwrap()
}

/// Set the cell under `header` in the row whose id is `id`.
fn set(sheets: &mut [Sheet], name: &str, id: Uuid, header: &str, value: &str) {
    let s = sheet(sheets, name);
    let c = column(s, header);
    let id_col = column(s, "Id");
    let row = s
        .rows
        .iter_mut()
        .find(|r| r.cells[id_col] == id.to_string())
        .unwrap();
    while row.cells.len() <= c {
        row.cells.push(String::new());
    }
    row.cells[c] = value.to_string();
}

/// A new row: header → value; the id stays empty.
fn add(sheets: &mut [Sheet], name: &str, cells: &[(&str, &str)]) {
    let s = sheet(sheets, name);
    let mut row = vec![String::new(); s.headers.len()];
    for (header, value) in cells {
        row[column(s, header)] = value.to_string();
    }
    let line = s.rows.len() as u64 + 2;
    s.rows.push(wieg::table::TableRow { line, cells: row });
}

fn field<'a>(result: &'a RoundReturn, field: &str) -> Vec<&'a wieg::outreach::ReturnField> {
    result
        .rows
        .iter()
        .flat_map(|r| &r.fields)
        .filter(|f| f.field == field)
        .collect()
}

fn contact_phone(ws: &Workspace, id: Uuid) -> String {
    ws.contact(id).unwrap().phone
}

#[test]
fn every_partner_gets_one_workbook_with_what_wieg_holds_about_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = demo();
    let living = ws
        .list_organisations(&OrganisationFilter::default())
        .unwrap();
    let expected = living.iter().filter(|o| o.left_on.is_none()).count();
    let files = ws
        .start_round(&RoundStart {
            title: "Najaar 2026".into(),
            organisations: None,
        })
        .unwrap();
    let written = files.write_to(dir.path()).unwrap();
    assert_eq!(written.len(), expected);
    let overview = ws.round_overview(files.round).unwrap();
    assert_eq!(
        (overview.sent, overview.returned, overview.waiting),
        (expected as u32, 0, expected as u32)
    );

    let org = busy_partner(&ws);
    let name = ws.organisation(org).unwrap().name;
    let path = written
        .iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().contains(&name))
        .expect("a stable name with the partner's name");
    let sheets = read_table(path).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Toelichting",
            "Organisatie",
            "Contactpersonen",
            "Acties",
            "Uitrol",
            "Verbindingen",
            "Lijsten",
            "Wieg"
        ]
    );
    let people = ws
        .list_contacts(&ContactFilter {
            organisation: Some(org),
            ..Default::default()
        })
        .unwrap();
    let contacts = sheets.iter().find(|s| s.name == "Contactpersonen").unwrap();
    let ids: Vec<&str> = contacts.rows.iter().map(|r| r.cell(0)).collect();
    for p in &people {
        assert!(
            ids.contains(&p.id.to_string().as_str()),
            "{} is in it",
            p.name
        );
    }
    let organisation = sheets.iter().find(|s| s.name == "Organisatie").unwrap();
    assert_eq!(organisation.rows[0].cell(1), name);
    // The actions it leads, with its role.
    let acties = sheets.iter().find(|s| s.name == "Acties").unwrap();
    assert!(acties.rows.iter().any(|r| r.cell(2) == "Kartrekker"));
}

#[test]
fn a_return_is_previewed_then_taken_over_and_undone_as_a_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = demo();
    let org = busy_partner(&ws);
    let people = ws
        .list_contacts(&ContactFilter {
            organisation: Some(org),
            ..Default::default()
        })
        .unwrap();
    let (first, second) = (people[0].clone(), people[1].clone());
    let action = ws
        .list_actions(&ActionFilter {
            organisation: Some(org),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .find(|a| a.owner == Some(org) && !a.status.is_closed())
        .unwrap();
    let notes_before = action.notes.len();
    let sent = round_for(&mut ws, org, dir.path());

    let back = returned(&sent, |sheets| {
        set(
            sheets,
            "Contactpersonen",
            first.id,
            "Telefoon",
            "06-11112222",
        );
        set(
            sheets,
            "Contactpersonen",
            second.id,
            "Actief vanaf",
            "31-02-2027",
        );
        add(
            sheets,
            "Contactpersonen",
            &[
                ("Naam", "Noor Vermeulen"),
                ("Functie", "Kraamverzorgende"),
                ("E-mail", "noor@example.nl"),
            ],
        );
        set(sheets, "Acties", action.id, "Status", "Afgerond");
        set(
            sheets,
            "Acties",
            action.id,
            "Nieuwe voortgang",
            "Alle teams geschoold",
        );
    });

    let preview = ws.preview_round_return(&back).unwrap();
    assert_eq!(preview.organisation, org);
    assert_eq!(preview.new, 1, "{preview:#?}");
    assert_eq!(preview.conflicts, 0);
    assert_eq!(preview.errors, 1, "the broken date");
    let phone = field(&preview, "phone");
    assert_eq!(phone.len(), 1);
    assert_eq!(phone[0].state, ReturnState::Gewijzigd);
    assert_eq!(phone[0].partner, "06-11112222");
    assert_eq!(phone[0].sent, first.phone);
    let date = field(&preview, "active_from");
    assert_eq!(date[0].state, ReturnState::Fout);
    assert!(date[0].message.contains("niet overgenomen"), "{date:?}");
    assert_eq!(field(&preview, "status")[0].partner, "Afgerond");
    assert_eq!(field(&preview, "progress")[0].state, ReturnState::Nieuw);
    // Nothing was written.
    assert_eq!(contact_phone(&ws, first.id), first.phone);
    assert_eq!(ws.confirmation(org).unwrap(), None);
    assert_eq!(ws.round_overview(preview.round).unwrap().returned, 0);

    let accepted = ws.accept_round_return(&back, &[]).unwrap();
    let today = ws.today();
    assert_eq!(contact_phone(&ws, first.id), "06-11112222");
    assert_eq!(ws.contact(first.id).unwrap().last_checked, Some(today));
    assert_eq!(
        ws.contact(second.id).unwrap().active_from,
        second.active_from,
        "a broken date is left out"
    );
    assert_eq!(ws.contact(second.id).unwrap().last_checked, Some(today));
    let now = ws.action(action.id).unwrap();
    assert_eq!(now.status, ActionStatus::Afgerond);
    assert_eq!(now.notes.len(), notes_before + 1);
    assert!(now.notes[0].text.starts_with("Alle teams geschoold"));
    let noor = ws
        .list_contacts(&ContactFilter {
            organisation: Some(org),
            text: Some("Noor Vermeulen".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(noor.len(), 1);
    let confirmed = ws.confirmation(org).unwrap().unwrap();
    assert_eq!(confirmed.on, today);
    assert_eq!(confirmed.by, ws.organisation(org).unwrap().name);
    let overview = ws.round_overview(accepted.result.round).unwrap();
    assert_eq!((overview.returned, overview.waiting), (1, 0));

    // Undone as a whole: the phone, the status, the person, the note, the return.
    let undo = ws.undo_import(accepted.record.id).unwrap();
    assert!(undo.removed >= 2, "{undo:?}");
    assert_eq!(contact_phone(&ws, first.id), first.phone);
    assert_eq!(
        ws.contact(first.id).unwrap().last_checked,
        first.last_checked
    );
    assert_eq!(ws.action(action.id).unwrap().status, action.status);
    assert_eq!(ws.action(action.id).unwrap().notes.len(), notes_before);
    assert!(ws
        .list_contacts(&ContactFilter {
            text: Some("Noor Vermeulen".into()),
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    assert_eq!(ws.confirmation(org).unwrap(), None);
    assert_eq!(ws.round_overview(overview.round.id).unwrap().returned, 0);
}

#[test]
fn a_field_changed_on_both_sides_is_decided_by_the_coordinator() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = demo();
    let org = busy_partner(&ws);
    let person = ws
        .list_contacts(&ContactFilter {
            organisation: Some(org),
            ..Default::default()
        })
        .unwrap()
        .remove(0);
    let sent = round_for(&mut ws, org, dir.path());
    // Since the round started, the coordinator changed the same phone.
    ws.update_contact(
        person.id,
        &ContactInput {
            phone: Some("040-1234567".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let back = returned(&sent, |sheets| {
        set(
            sheets,
            "Contactpersonen",
            person.id,
            "Telefoon",
            "06-99998888",
        );
    });

    let preview = ws.preview_round_return(&back).unwrap();
    assert_eq!(preview.conflicts, 1);
    let conflict = field(&preview, "phone")[0].clone();
    assert_eq!(conflict.state, ReturnState::Beide);
    assert_eq!(
        (
            conflict.sent.as_str(),
            conflict.partner.as_str(),
            conflict.wieg.as_str()
        ),
        (person.phone.as_str(), "06-99998888", "040-1234567")
    );

    // Not chosen: Wieg's value stays.
    let kept = ws.accept_round_return(&back, &[]).unwrap();
    assert_eq!(contact_phone(&ws, person.id), "040-1234567");
    ws.undo_import(kept.record.id).unwrap();
    // Chosen: the partner's.
    ws.accept_round_return(&back, std::slice::from_ref(&conflict.key))
        .unwrap();
    assert_eq!(contact_phone(&ws, person.id), "06-99998888");
}

#[test]
fn rows_are_matched_by_id_after_a_rename_and_a_move() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let org = ws
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap();
    let elsewhere = ws.create_organisation(&new_org("Kraamzorg Noord")).unwrap();
    let person = ws
        .create_contact(&ContactInput {
            organisation: Some(org.id),
            name: Some("Fatima el Amrani".into()),
            function: Some("Kraamverzorgende".into()),
            ..Default::default()
        })
        .unwrap();
    ws.create_relation(&RelationInput {
        from_org: Some(org.id),
        to_org: Some(elsewhere.id),
        ..Default::default()
    })
    .unwrap();
    let sent = round_for(&mut ws, org.id, dir.path());
    // In Wieg, the organisation is renamed and the person moves.
    ws.update_organisation(
        org.id,
        &OrganisationInput {
            name: Some("Kraamzorg De Linde & Co".into()),
            ..Default::default()
        },
    )
    .unwrap();
    ws.update_contact(
        person.id,
        &ContactInput {
            organisation: Some(elsewhere.id),
            ..Default::default()
        },
    )
    .unwrap();
    let back = returned(&sent, |sheets| {
        set(
            sheets,
            "Contactpersonen",
            person.id,
            "Functie",
            "Teamleider",
        );
        add(
            sheets,
            "Verbindingen",
            &[("Met organisatie", "kraamzorg noord"), ("Sterkte", "4")],
        );
        add(
            sheets,
            "Verbindingen",
            &[("Met organisatie", "Bestaat Niet"), ("Sterkte", "2")],
        );
    });
    let accepted = ws.accept_round_return(&back, &[]).unwrap();
    let result = &accepted.result;
    // The name the partner left alone is not a change: Wieg's new name stays.
    assert_eq!(
        ws.organisation(org.id).unwrap().name,
        "Kraamzorg De Linde & Co"
    );
    assert!(field(result, "name").is_empty(), "{result:#?}");
    let moved = ws.contact(person.id).unwrap();
    assert_eq!(
        (moved.organisation, moved.function.as_str()),
        (elsewhere.id, "Teamleider")
    );
    // The relation with Kraamzorg Noord typed as a new row is the one
    // there: its strength changes, no second one is made.
    assert_eq!(result.new, 0, "{result:#?}");
    assert_eq!(result.errors, 1);
    let relations = ws.list_relations(Some(org.id)).unwrap();
    assert_eq!(relations.len(), 1);
    assert_eq!(relations[0].strength, 4);
    let unknown = result
        .rows
        .iter()
        .find(|r| r.state == ReturnState::Fout)
        .unwrap();
    assert!(
        unknown.fields[0].message.contains("Bestaat Niet"),
        "{unknown:?}"
    );
}

#[test]
fn a_workbook_returned_twice_adds_its_new_people_once() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let org = ws
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap();
    let sent = round_for(&mut ws, org.id, dir.path());
    let back = returned(&sent, |sheets| {
        add(
            sheets,
            "Contactpersonen",
            &[("Naam", "Noor Vermeulen"), ("E-mail", "noor@example.nl")],
        );
    });
    assert_eq!(ws.accept_round_return(&back, &[]).unwrap().result.new, 1);
    let again = ws.accept_round_return(&back, &[]).unwrap().result;
    assert_eq!((again.new, again.changed), (0, 0), "{again:#?}");
    assert_eq!(
        ws.list_contacts(&ContactFilter {
            organisation: Some(org.id),
            ..Default::default()
        })
        .unwrap()
        .len(),
        1
    );
}

#[test]
fn a_file_that_is_not_a_rounds_workbook_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    ws.create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap();
    let mut plain = OutSheet::new("Organisaties", &["Naam"]);
    plain
        .rows
        .push(vec![Cell::Text("Kraamzorg De Linde".into())]);
    let path = dir.path().join("lijst.xlsx");
    std::fs::write(
        &path,
        xlsx(
            &[plain],
            "lijst",
            "iemand",
            chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
        )
        .unwrap(),
    )
    .unwrap();
    let before = ws.all_changes().unwrap().len();
    let message = ws.preview_round_return(&path).unwrap_err().to_string();
    assert!(message.contains("actualisatieronde"), "{message}");
    assert!(ws.accept_round_return(&path, &[]).is_err());
    assert_eq!(ws.all_changes().unwrap().len(), before);
}

#[test]
fn a_round_started_on_one_laptop_is_taken_back_on_another() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut origin) = workspace();
    let org = origin
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap();
    let sent = round_for(&mut origin, org.id, dir.path());
    let (_e, mut other) = replica_of(&origin);
    let back = returned(&sent, |sheets| {
        let s = sheet(sheets, "Organisatie");
        let c = column(s, "Plaats");
        while s.rows[0].cells.len() <= c {
            s.rows[0].cells.push(String::new());
        }
        s.rows[0].cells[c] = "Venlo".into();
    });
    let accepted = other.accept_round_return(&back, &[]).unwrap();
    assert_eq!(accepted.result.changed, 1);
    assert_eq!(other.organisation(org.id).unwrap().place, "Venlo");
    origin.apply_remote(&other.all_changes().unwrap()).unwrap();
    assert_eq!(origin.organisation(org.id).unwrap().place, "Venlo");
    let overview = origin.round_overview(accepted.result.round).unwrap();
    assert_eq!(overview.returned, 1);
    assert!(overview.partners[0].outcome.contains("1 gewijzigd"));
}
