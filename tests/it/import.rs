//! Importing the network from files as partners have them, and exporting
//! it for partners and Kumu: read back by a real reader, round trips, the
//! preview, all-or-nothing, and undo.

use std::path::{Path, PathBuf};

use wieg::import::{ImportKind, ImportPreview, RowAction};
use wieg::{
    ContactFilter, Domain, Error, MunicipalityInput, OrgKind, OrganisationFilter, Workspace,
};

use crate::workspace;

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn actions(preview: &ImportPreview) -> Vec<(u32, RowAction)> {
    preview.rows.iter().map(|r| (r.line, r.action)).collect()
}

fn names(ws: &Workspace) -> Vec<String> {
    ws.list_organisations(&OrganisationFilter::default())
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect()
}

fn municipalities(ws: &mut Workspace, list: &[(&str, &str)]) {
    for (name, code) in list {
        ws.create_municipality(&MunicipalityInput {
            name: Some((*name).into()),
            cbs_code: Some((*code).into()),
            ..Default::default()
        })
        .unwrap();
    }
}

#[test]
fn dutch_excel_csv_with_bom_quotes_and_empty_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    municipalities(&mut ws, &[("Venlo", "GM0983"), ("Venray", "GM0984")]);
    let csv = "\u{feff}Naam;Soort;Domein;Plaats;Convenant getekend;Gemeenten\r\n\
               \r\n\
               \"Kraamzorg \"\"Het Nest\"\"; Venlo\";kraamzorg;;Venlo;01-03-2023;Venlo|GM0984\r\n\
               Wijkteam Venray;wijkteam;sociaal;Venray;;Venray\r\n\
               ;;;;;\r\n\
               Stichting Zonder Soort;;;;;\r\n";
    let path = file(dir.path(), "partners.csv", csv.as_bytes());
    let preview = ws.preview_import(&path).unwrap();
    assert_eq!(preview.sheets[0].kind, Some(ImportKind::Organisaties));
    assert_eq!(
        actions(&preview),
        [
            (3, RowAction::Nieuw),
            (4, RowAction::Nieuw),
            (6, RowAction::Nieuw)
        ],
        "lines as Excel numbers them; empty lines skipped"
    );
    assert!(names(&ws).is_empty(), "a preview writes nothing");

    let done = ws.import_file(&path).unwrap();
    assert_eq!((done.record.new, done.record.updated), (3, 0));
    let orgs = ws
        .list_organisations(&OrganisationFilter::default())
        .unwrap();
    let nest = orgs
        .iter()
        .find(|o| o.name.starts_with("Kraamzorg"))
        .unwrap();
    assert_eq!(nest.name, "Kraamzorg \"Het Nest\"; Venlo");
    assert_eq!(nest.domain, Domain::Medisch, "domain from the kind");
    assert_eq!(nest.signed_on.unwrap().to_string(), "2023-03-01");
    assert_eq!(nest.municipalities.len(), 2, "by name and by CBS code");
    let plain = orgs
        .iter()
        .find(|o| o.name == "Stichting Zonder Soort")
        .unwrap();
    assert_eq!(
        (plain.kind, plain.domain),
        (OrgKind::Overig, Domain::Overig)
    );

    // The same file again changes nothing.
    let again = ws.preview_import(&path).unwrap();
    assert_eq!(again.unchanged, 3);
    assert_eq!(again.new + again.updated + again.errors, 0);
}

#[test]
fn windows_1252_with_commas_and_english_headers() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    // "Café Renée" and "Ëlla's Kraamzorg" as Windows-1252 bytes.
    let bytes = b"Name,Kind,Domain,Notes\n\
                  Caf\xE9 Ren\xE9e,welzijn,sociaal,\"Koffie, thee en advies\"\n\
                  \xCBlla's Kraamzorg,kraamzorg,medisch,\n";
    let path = file(dir.path(), "export.csv", bytes);
    let done = ws.import_file(&path).unwrap();
    assert_eq!(done.record.new, 2);
    assert_eq!(names(&ws), ["Café Renée", "Ëlla's Kraamzorg"]);
    let cafe = &ws
        .list_organisations(&OrganisationFilter {
            text: Some("cafe".into()),
            ..Default::default()
        })
        .unwrap()[0];
    assert_eq!(cafe.notes, "Koffie, thee en advies");
}

#[test]
fn bad_rows_are_shown_with_their_reason_and_nothing_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let csv = "Naam;Soort;Betrokken sinds;Website\n\
               GGD Noord;ggd;01-02-2023;\n\
               Huisarts Zuid;huisarts;31-02-2023;\n\
               GGD Noord;ggd;;\n\
               Praktijk X;tandarts;;\n\
               Praktijk Y;huisarts;;geen website\n\
               Wijkteam Oost;wijkteam;;\n";
    let path = file(dir.path(), "fouten.csv", csv.as_bytes());
    let preview = ws.preview_import(&path).unwrap();
    let errors: Vec<(u32, Option<&str>)> = preview
        .rows
        .iter()
        .filter(|r| r.action == RowAction::Fout)
        .map(|r| (r.line, r.field.as_deref()))
        .collect();
    assert_eq!(
        errors,
        [
            (3, Some("involved_since")),
            (4, Some("name")),
            (5, Some("kind")),
            (6, Some("website"))
        ]
    );
    let bad_date = preview.rows.iter().find(|r| r.line == 3).unwrap();
    assert!(
        bad_date.message.contains("31-02-2023"),
        "{}",
        bad_date.message
    );
    let twice = preview.rows.iter().find(|r| r.line == 4).unwrap();
    assert!(twice.message.contains("regel 2"), "{}", twice.message);
    assert_eq!((preview.new, preview.errors), (2, 4));

    match ws.import_file(&path) {
        Err(Error::InvalidInput(message)) => assert!(message.contains("niets geïmporteerd")),
        other => panic!("an import with errors must be refused, got {other:?}"),
    }
    assert!(names(&ws).is_empty(), "all or nothing");
    assert!(ws.list_imports().unwrap().is_empty());

    // Fixed, it goes in.
    let fixed =
        "Naam;Soort;Betrokken sinds\nGGD Noord;ggd;01-02-2023\nHuisarts Zuid;huisarts;28-02-2023\n";
    let path = file(dir.path(), "fouten.csv", fixed.as_bytes());
    assert_eq!(ws.import_file(&path).unwrap().record.new, 2);
}

#[test]
fn files_that_are_not_tables_get_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let empty = file(dir.path(), "leeg.csv", b"");
    assert!(matches!(ws.preview_import(&empty), Err(Error::InvalidInput(m)) if m.contains("leeg")));
    let zip = file(dir.path(), "kapot.xlsx", b"PK\x03\x04 dit is geen werkboek");
    assert!(
        matches!(ws.preview_import(&zip), Err(Error::InvalidInput(m)) if m.contains("werkboek"))
    );
    let no_name = file(dir.path(), "x.csv", b"Soort;Domein\nggd;medisch\n");
    match ws.preview_import(&no_name) {
        Err(Error::InvalidInput(m)) => assert!(m.contains("Naam"), "{m}"),
        other => panic!("{other:?}"),
    }
    let missing = dir.path().join("weg.csv");
    assert!(matches!(ws.preview_import(&missing), Err(Error::Io { .. })));
}

#[test]
fn contacts_and_kumu_connections_refer_to_organisations_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let orgs = "Label;Type\nGGD Noord;ggd\nWijkteam Oost;wijkteam\nHet Nest;kraamzorg\n";
    ws.import_file(&file(dir.path(), "elements.csv", orgs.as_bytes()))
        .unwrap();
    let contacts = "Naam;Organisatie;E-mailadres;Functie;Rol in coalitie;Grondslag\n\
                    Anouk Janssen;GGD Noord;a.janssen@ggd.nl;jeugdarts;kartrekker;publieke taak\n\
                    Bram Peeters;Wijkteam Oost;;wijkteamer;;\n\
                    Carla Smeets;Onbekende Club;;;;\n";
    let preview = ws
        .preview_import(&file(dir.path(), "contacts.csv", contacts.as_bytes()))
        .unwrap();
    assert_eq!(preview.sheets[0].kind, Some(ImportKind::Contactpersonen));
    assert_eq!(
        actions(&preview),
        [
            (2, RowAction::Nieuw),
            (3, RowAction::Nieuw),
            (4, RowAction::Fout)
        ]
    );
    let fixed = contacts.replace("Carla Smeets;Onbekende Club", "Carla Smeets;Het Nest");
    ws.import_file(&file(dir.path(), "contacts.csv", fixed.as_bytes()))
        .unwrap();
    let anouk = ws
        .list_contacts(&ContactFilter {
            text: Some("anouk".into()),
            ..Default::default()
        })
        .unwrap()
        .remove(0);
    assert_eq!(anouk.coalition_role, Some(wieg::CoalitionRole::Kartrekker));
    assert_eq!(anouk.legal_basis, wieg::LegalBasis::PubliekeTaak);

    // Matched by e-mail: a new phone number updates the same person.
    let update = "Naam;Organisatie;E-mail;Telefoon\nAnouk Janssen-Coenen;GGD Noord;A.Janssen@ggd.nl;06-12345678\n";
    let done = ws
        .import_file(&file(dir.path(), "update.csv", update.as_bytes()))
        .unwrap();
    assert_eq!((done.record.new, done.record.updated), (0, 1));
    assert_eq!(ws.contact(anouk.id).unwrap().phone, "06-12345678");

    // Kumu: From/To/Type/Strength, several types with `|` (the first counts).
    let connections = "From,To,Type,Strength,Description\n\
                       GGD Noord,Wijkteam Oost,verwijzing|overleg,4,Warme overdracht\n\
                       Het Nest,GGD Noord,samenwerking,,\n\
                       Het Nest,Nergens,samenwerking,,\n\
                       Het Nest,Wijkteam Oost,samenwerking,9,\n";
    let preview = ws
        .preview_import(&file(dir.path(), "connections.csv", connections.as_bytes()))
        .unwrap();
    assert_eq!(preview.sheets[0].kind, Some(ImportKind::Verbindingen));
    let errors: Vec<(u32, Option<&str>)> = preview
        .rows
        .iter()
        .filter(|r| r.action == RowAction::Fout)
        .map(|r| (r.line, r.field.as_deref()))
        .collect();
    assert_eq!(errors, [(4, Some("to")), (5, Some("strength"))]);
    let good: String = connections
        .lines()
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    ws.import_file(&file(dir.path(), "connections.csv", good.as_bytes()))
        .unwrap();
    let relations = ws.list_relations(None).unwrap();
    assert_eq!(relations.len(), 2);
    let referral = relations
        .iter()
        .find(|r| r.kind == wieg::RelationKind::Verwijzing)
        .unwrap();
    assert_eq!(
        (referral.strength, referral.note.as_str()),
        (4, "Warme overdracht")
    );
}

#[test]
fn an_import_is_undone_as_a_whole_but_later_edits_stay() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let existing = ws
        .create_organisation(&crate::new_org("GGD Noord"))
        .unwrap();
    let workbook = "Naam;Soort;Plaats;Notities\nGGD Noord;ggd;Venlo;Uit de import\nNieuw Team;wijkteam;Horst;\nAnder Team;wijkteam;;\n";
    let done = ws
        .import_file(&file(dir.path(), "x.csv", workbook.as_bytes()))
        .unwrap();
    assert_eq!((done.record.new, done.record.updated), (2, 1));
    let people = "Naam;Organisatie;Functie\nDirk Coenen;Nieuw Team;wijkteamer\n";
    let people_done = ws
        .import_file(&file(dir.path(), "p.csv", people.as_bytes()))
        .unwrap();
    // Someone edits one imported field afterwards.
    ws.update_organisation(
        existing.id,
        &wieg::OrganisationInput {
            notes: Some("Later aangepast".into()),
            ..Default::default()
        },
    )
    .unwrap();

    let undone = ws.undo_import(people_done.record.id).unwrap();
    assert_eq!(undone.removed, 1);
    assert!(ws
        .list_contacts(&ContactFilter::default())
        .unwrap()
        .is_empty());

    let report = ws.undo_import(done.record.id).unwrap();
    assert_eq!(report.removed, 2);
    assert_eq!(report.kept, 1, "the edited notes stay");
    let ggd = ws.organisation(existing.id).unwrap();
    assert_eq!(ggd.place, "", "the place the import set is gone again");
    assert_eq!(
        ggd.kind,
        OrgKind::Kraamzorg,
        "the kind before the import is back"
    );
    assert_eq!(ggd.notes, "Later aangepast");
    assert_eq!(names(&ws), ["GGD Noord"]);
    assert!(ws
        .list_imports()
        .unwrap()
        .iter()
        .all(|i| i.undone_at.is_some()));
    assert!(matches!(
        ws.undo_import(done.record.id),
        Err(Error::InvalidInput(_))
    ));
}

#[test]
fn the_network_exports_to_csv_and_a_kumu_workbook_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut demo = crate::open(data.path());
    demo.load_demo().unwrap();
    let orgs = demo
        .list_organisations(&OrganisationFilter::default())
        .unwrap();
    let relations = demo.list_relations(None).unwrap();

    // CSV as Dutch Excel reads it.
    let written = demo
        .export_network_csv(&dir.path().join("netwerk.csv"))
        .unwrap();
    assert_eq!(written.len(), 2);
    let bytes = std::fs::read(&written[0]).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFNaam;Soort;Domein"));
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), orgs.len() + 1);
    assert!(text.contains("\r\n"));
    let signed = orgs.iter().find(|o| o.signed_on.is_some()).unwrap();
    assert!(text.contains(&signed.signed_on.unwrap().format("%d-%m-%Y").to_string()));

    // The workbook, read with a spreadsheet reader: Kumu's sheets and columns.
    let xlsx = dir.path().join("kumu.xlsx");
    demo.export_network_xlsx(&xlsx).unwrap();
    let sheets = wieg::table::read_table(&xlsx).unwrap();
    assert_eq!(
        sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        ["Elements", "Connections"]
    );
    assert_eq!(&sheets[0].headers[..2], ["Label", "Type"]);
    assert_eq!(&sheets[1].headers[..4], ["From", "To", "Type", "Strength"]);
    assert_eq!(sheets[0].rows.len(), orgs.len());
    assert_eq!(sheets[1].rows.len(), relations.len());

    // Both read back into a coalition with the same municipalities: the
    // same network, and the second file changes nothing.
    for path in [xlsx.clone(), written[0].clone(), written[1].clone()] {
        let (_d, mut ws) = workspace();
        let list: Vec<(String, String)> = demo
            .list_municipalities(false)
            .unwrap()
            .into_iter()
            .map(|m| (m.name, m.cbs_code))
            .collect();
        let refs: Vec<(&str, &str)> = list.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        municipalities(&mut ws, &refs);
        if path == written[1] {
            ws.import_file(&written[0]).unwrap();
        }
        let done = ws.import_file(&path).unwrap();
        assert_eq!(done.preview.errors, 0, "{path:?}");
        let back = ws
            .list_organisations(&OrganisationFilter::default())
            .unwrap();
        assert_eq!(back.len(), orgs.len());
        for (a, b) in orgs.iter().zip(&back) {
            assert_eq!(
                (
                    &a.name,
                    a.kind,
                    a.domain,
                    a.signed_on,
                    a.status,
                    a.municipalities.len()
                ),
                (
                    &b.name,
                    b.kind,
                    b.domain,
                    b.signed_on,
                    b.status,
                    b.municipalities.len()
                )
            );
        }
        if path != written[0] {
            assert_eq!(ws.list_relations(None).unwrap().len(), relations.len());
        }
        let again = ws.preview_import(&path).unwrap();
        assert_eq!(again.new + again.updated + again.errors, 0, "{path:?}");
    }
}

#[test]
fn ten_thousand_rows_import_in_one_transaction() {
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let mut csv = String::from("Naam;Soort;Plaats\n");
    for i in 0..10_000 {
        csv.push_str(&format!("Organisatie {i:05};wijkteam;Plaats {}\n", i % 40));
    }
    let path = file(dir.path(), "groot.csv", csv.as_bytes());
    let done = ws.import_file(&path).unwrap();
    assert_eq!(done.record.new, 10_000);
    assert_eq!(names(&ws).len(), 10_000);
}
