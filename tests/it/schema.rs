//! The entity declarations and the migrations agree: every declared field
//! is a column of its table, and every column is declared, so a field
//! added in one place and forgotten in the other fails here, not in sync.

use std::collections::BTreeSet;

#[test]
fn every_declared_field_is_a_column_and_every_column_is_declared() {
    let (dir, _ws) = crate::workspace();
    let conn = rusqlite::Connection::open(dir.path().join("wieg.sqlite")).unwrap();
    for spec in wieg::entities::REGISTRY.entities() {
        let columns: BTreeSet<String> = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{}')",
                spec.table
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let declared: BTreeSet<String> = ["id", "updated_at"]
            .into_iter()
            .chain(spec.fields.iter().copied())
            .map(String::from)
            .collect();
        assert_eq!(columns, declared, "{} ({})", spec.name, spec.table);
    }
}

/// The record's `SELECT` reads the declared fields by name: a column the
/// declaration names but the table lacks fails at once.
#[test]
fn declared_records_read_back_what_was_written() {
    let (_dir, mut ws) = crate::workspace();
    let coalition = ws.require_coalition().unwrap();
    assert_eq!(coalition.name, "Kansrijke Start Teststad");
    let org = ws
        .create_organisation(&wieg::OrganisationInput {
            phone: Some("077 - 320 11 00".into()),
            ..crate::new_org("GGD Limburg-Noord")
        })
        .unwrap();
    assert_eq!(ws.organisation(org.id).unwrap().phone, "077 - 320 11 00");
    let fields: Vec<&str> = wieg::Organisation::FIELDS.iter().map(|f| f.name).collect();
    assert!(
        fields.contains(&"phone") && fields[0] == "name",
        "{fields:?}"
    );
    let name = &wieg::Organisation::FIELDS[0];
    assert!(name.required && name.max == Some(200));
}
