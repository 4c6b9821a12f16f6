//! The change path: merge is last-writer-wins per field, idempotent,
//! order-independent, and keeps the value that lost a concurrent edit.

use wieg::{Change, OrganisationInput, Workspace};

use crate::{exchange, new_org, open, replica_of, workspace, Rng};

fn rename(ws: &mut Workspace, id: uuid::Uuid, name: &str) {
    ws.update_organisation(
        id,
        &OrganisationInput {
            name: Some(name.into()),
            ..Default::default()
        },
    )
    .unwrap();
}

/// Changes from three laptops that edited the same organisations
/// concurrently (including delete/restore), sharing part of their history.
fn concurrent_history() -> (Vec<Change>, String) {
    let (_a_dir, mut a) = workspace();
    let shared = a
        .create_organisation(&new_org("Kraamzorg Het Nest"))
        .unwrap()
        .id;
    let other = a.create_organisation(&new_org("JGZ Noord")).unwrap().id;
    let (_b_dir, mut b) = replica_of(&a);
    let (_c_dir, mut c) = replica_of(&a);
    rename(&mut a, shared, "Kraamzorg Het Nest Venlo");
    rename(&mut b, shared, "Kraamzorg 't Nest");
    b.update_organisation(
        other,
        &OrganisationInput {
            notes: Some("Prenataal huisbezoek".into()),
            ..Default::default()
        },
    )
    .unwrap();
    c.delete_organisation(other).unwrap();
    c.create_organisation(&new_org("Huisartsen Zuid")).unwrap();
    rename(&mut c, shared, "Het Nest");
    a.restore_organisation(other).unwrap();

    let mut all: Vec<Change> = Vec::new();
    for ws in [&a, &b, &c] {
        for ch in ws.all_changes().unwrap() {
            if !all.contains(&ch) {
                all.push(ch);
            }
        }
    }
    // The reference state: every change applied in log (HLC) order.
    let dir = tempfile::tempdir().unwrap();
    let mut reference = open(dir.path());
    reference.apply_remote(&all).unwrap();
    (all, reference.dump().unwrap())
}

#[test]
fn any_order_of_arrival_gives_the_same_state() {
    let (changes, expected) = concurrent_history();
    assert!(
        changes.len() > 20,
        "the history should be non-trivial, has {}",
        changes.len()
    );
    for seed in 0..40u64 {
        let mut order = changes.clone();
        Rng(seed).shuffle(&mut order);
        let dir = tempfile::tempdir().unwrap();
        let mut ws = open(dir.path());
        // Deliver in a few separate batches, as sync would.
        for chunk in order.chunks(7) {
            ws.apply_remote(chunk).unwrap();
        }
        assert_eq!(
            ws.dump().unwrap(),
            expected,
            "order from seed {seed} must converge to the same dump"
        );
    }
    let mut reversed = changes.clone();
    reversed.reverse();
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    ws.apply_remote(&reversed).unwrap();
    assert_eq!(
        ws.dump().unwrap(),
        expected,
        "newest-first delivery must converge too"
    );
}

#[test]
fn applying_twice_changes_nothing() {
    let (changes, expected) = concurrent_history();
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    let first = ws.apply_remote(&changes).unwrap();
    assert_eq!(first.applied, changes.len());
    let again = ws.apply_remote(&changes).unwrap();
    assert_eq!(
        (again.applied, again.duplicates),
        (0, changes.len()),
        "every change is already known"
    );
    assert_eq!(ws.dump().unwrap(), expected);
    assert_eq!(
        ws.all_changes().unwrap().len(),
        changes.len(),
        "the log holds each change once"
    );
}

#[test]
fn a_concurrent_edit_leaves_exactly_one_conflict() {
    let (_a_dir, mut a) = workspace();
    let id = a
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap()
        .id;
    let (_b_dir, mut b) = replica_of(&a);
    rename(&mut a, id, "Kraamzorg De Linde (Venray)");
    rename(&mut b, id, "De Linde Kraamzorg");
    exchange(&mut [&mut a, &mut b]);

    assert_eq!(
        a.dump().unwrap(),
        b.dump().unwrap(),
        "both laptops converge"
    );
    let winner = a.organisation(id).unwrap().name;
    let conflicts = a.conflicts().unwrap();
    assert_eq!(
        conflicts.len(),
        1,
        "one field was edited concurrently: {conflicts:?}"
    );
    let loser: String = serde_json::from_str(&conflicts[0].value).unwrap();
    assert_eq!(conflicts[0].field, "name");
    assert_eq!(conflicts[0].entity_id, id);
    let mut both = vec![winner, loser];
    both.sort();
    assert_eq!(
        both,
        ["De Linde Kraamzorg", "Kraamzorg De Linde (Venray)"],
        "nothing is lost"
    );
    assert_eq!(
        b.conflicts().unwrap(),
        conflicts,
        "the same conflict on both laptops"
    );
}

#[test]
fn edits_made_one_after_another_on_two_laptops_are_no_conflict() {
    let (_a_dir, mut a) = workspace();
    let id = a.create_organisation(&new_org("JGZ Midden")).unwrap().id;
    let (_b_dir, mut b) = replica_of(&a);
    rename(&mut b, id, "JGZ Midden-Limburg");
    exchange(&mut [&mut a, &mut b]);
    rename(&mut a, id, "JGZ Midden-Limburg (fictief)");
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(
        b.organisation(id).unwrap().name,
        "JGZ Midden-Limburg (fictief)"
    );
    assert!(a.conflicts().unwrap().is_empty() && b.conflicts().unwrap().is_empty());
}

#[test]
fn a_later_edit_on_top_of_a_concurrent_pair_settles_nothing_silently() {
    // Three laptops: A and B edit concurrently; C, having seen both, edits
    // again. The value that lost between A and B is still listed.
    let (_a_dir, mut a) = workspace();
    let id = a.create_organisation(&new_org("Welzijn Noord")).unwrap().id;
    let (_b_dir, mut b) = replica_of(&a);
    let (_c_dir, mut c) = replica_of(&a);
    rename(&mut a, id, "Welzijn Noord A");
    rename(&mut b, id, "Welzijn Noord B");
    exchange(&mut [&mut a, &mut b, &mut c]);
    rename(&mut c, id, "Welzijn Noord C");
    exchange(&mut [&mut a, &mut b, &mut c]);
    assert_eq!(a.organisation(id).unwrap().name, "Welzijn Noord C");
    assert_eq!(a.conflicts().unwrap().len(), 1);
    assert_eq!(a.dump().unwrap(), c.dump().unwrap());
}

#[test]
fn local_edits_record_what_they_saw() {
    let (_dir, mut ws) = workspace();
    let id = ws
        .create_organisation(&new_org("Kraamzorg Maas"))
        .unwrap()
        .id;
    rename(&mut ws, id, "Kraamzorg Maas en Peel");
    let names: Vec<Change> = ws
        .all_changes()
        .unwrap()
        .into_iter()
        .filter(|c| c.id == id && c.field == "name")
        .collect();
    assert_eq!(names.len(), 2);
    assert_eq!(names[0].prev, None, "a new field saw nothing");
    assert_eq!(
        names[1].prev,
        Some(names[0].hlc),
        "the edit was based on the first value"
    );
    assert!(names[1].hlc > names[0].hlc);
    // An edit to the same value is not a change.
    let before = ws.all_changes().unwrap().len();
    rename(&mut ws, id, "Kraamzorg Maas en Peel");
    assert_eq!(ws.all_changes().unwrap().len(), before);
}

#[test]
fn changes_for_unknown_fields_are_parked_not_lost() {
    let (_dir, mut ws) = workspace();
    let id = ws
        .create_organisation(&new_org("Kraamzorg Maas"))
        .unwrap()
        .id;
    let mut future = ws.all_changes().unwrap().pop().unwrap();
    future.field = "field_of_a_newer_version".into();
    future.hlc.counter += 100;
    let report = ws.apply_remote(&[future.clone(), future]).unwrap();
    assert_eq!(report.parked, 2);
    assert_eq!(ws.organisation(id).unwrap().name, "Kraamzorg Maas");
}

#[test]
fn the_clock_stays_ahead_of_the_log_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let last = {
        let mut ws = open(dir.path());
        ws.create_coalition("Kansrijke Start Klok").unwrap();
        // A change from a laptop whose clock is a year ahead.
        let mut ahead = ws.all_changes().unwrap().pop().unwrap();
        ahead.hlc.wall_ms += 365 * 24 * 3600 * 1000;
        ahead.hlc.replica = uuid::Uuid::now_v7();
        ahead.prev = None;
        ws.apply_remote(&[ahead.clone()]).unwrap();
        ahead.hlc
    };
    let mut ws = open(dir.path());
    let org = ws
        .create_organisation(&crate::new_org("Na herstart"))
        .unwrap();
    let newest = ws
        .all_changes()
        .unwrap()
        .into_iter()
        .filter(|c| c.id == org.id)
        .map(|c| c.hlc)
        .min()
        .unwrap();
    assert!(
        newest > last,
        "a local write after reopening is stamped after everything seen"
    );
}

#[test]
fn an_organisation_whose_creation_is_still_arriving_is_not_listed() {
    let (_a_dir, mut a) = workspace();
    let id = a
        .create_organisation(&new_org("Kraamzorg Onderweg"))
        .unwrap()
        .id;
    let (_b_dir, mut b) = workspace();
    let changes: Vec<Change> = a
        .all_changes()
        .unwrap()
        .into_iter()
        .filter(|c| c.id == id)
        .collect();
    let (notes, rest): (Vec<Change>, Vec<Change>) =
        changes.into_iter().partition(|c| c.field == "notes");
    b.apply_remote(&notes).unwrap();
    assert!(
        b.list_organisations(&Default::default())
            .unwrap()
            .is_empty(),
        "half an organisation is not shown"
    );
    assert_eq!(b.network_summary().unwrap().organisations, 0);
    b.apply_remote(&rest).unwrap();
    assert_eq!(
        b.list_organisations(&Default::default()).unwrap()[0].name,
        "Kraamzorg Onderweg"
    );
}

#[test]
fn a_settled_conflict_stays_settled_after_later_edits() {
    for restore in [true, false] {
        let (_a_dir, mut a) = workspace();
        let id = a.create_organisation(&new_org("GGD Noord")).unwrap().id;
        let (_b_dir, mut b) = replica_of(&a);
        rename(&mut a, id, "GGD Noord A");
        rename(&mut b, id, "GGD Noord B");
        exchange(&mut [&mut a, &mut b]);
        let conflict = a.conflicts().unwrap().remove(0).hlc.to_string();
        if restore {
            a.restore_conflict(&conflict).unwrap();
        } else {
            a.keep_current(&conflict).unwrap();
        }
        exchange(&mut [&mut a, &mut b]);
        rename(&mut b, id, "GGD Noord-Limburg");
        exchange(&mut [&mut a, &mut b]);
        assert!(
            a.conflicts().unwrap().is_empty(),
            "restore={restore}: a settled value does not come back"
        );
        assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    }
}

/// A database from before the log was stored in binary form (schema 9:
/// text HLCs and ids, keyed by HLC) opens with every change, conflict and
/// value intact, and the clock still stays ahead of everything in it.
#[test]
fn a_text_log_from_schema_9_is_converted_without_losing_anything() {
    let a_dir = tempfile::tempdir().unwrap();
    let mut a = open(a_dir.path());
    a.load_demo().unwrap();
    // Schema 9 knew no lead persons (their column comes with migration 14).
    for action in a.list_actions(&Default::default()).unwrap() {
        if action.owner_contact.is_some() {
            a.update_action(
                action.id,
                &wieg::plan::ActionInput {
                    owner_contact: Some(String::new()),
                    ..Default::default()
                },
            )
            .unwrap();
        }
    }
    // Nor where a grant's report stands, spending or goals' targets
    // (migration 15), parents' groups or gatherings (migration 16): a
    // laptop on schema 9 would have parked those changes, not kept them.
    for funding in a.list_fundings().unwrap() {
        a.update_funding(
            funding.id,
            &wieg::plan::FundingInput {
                reporting_state: Some(Default::default()),
                ..Default::default()
            },
        )
        .unwrap();
    }
    rusqlite::Connection::open(a_dir.path().join("wieg.sqlite"))
        .unwrap()
        .execute_batch(
            "DELETE FROM spendings; DELETE FROM goal_targets; \
             DELETE FROM parent_groups; DELETE FROM parent_group_years; \
             DELETE FROM parent_group_actions; DELETE FROM parent_group_meetings; \
             DELETE FROM gatherings; DELETE FROM gathering_turnouts; \
             DELETE FROM changes WHERE entity IN ('spending', 'goal_target', 'parent_group', \
             'parent_group_year', 'parent_group_action', 'parent_group_meeting', 'gathering', \
             'gathering_turnout');",
        )
        .unwrap();
    let id = a.create_organisation(&new_org("GGD Zuid")).unwrap().id;
    let (b_dir, mut b) = replica_of(&a);
    rename(&mut a, id, "GGD Zuid A");
    rename(&mut b, id, "GGD Zuid B");
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(b.conflicts().unwrap().len(), 1);
    let dump = b.dump().unwrap();
    let changes = b.all_changes().unwrap();
    let newest = changes.iter().map(|c| c.hlc).max().unwrap();
    drop(b);

    // Back to how schema 9 stored the log.
    let conn = rusqlite::Connection::open(b_dir.path().join("wieg.sqlite")).unwrap();
    crate::columns_back_to(&conn, 9);
    conn.execute_batch(
        "CREATE TABLE old_changes (
            hlc TEXT PRIMARY KEY, replica TEXT NOT NULL, entity TEXT NOT NULL,
            entity_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
            prev TEXT, local INTEGER NOT NULL DEFAULT 0
         ) WITHOUT ROWID;
         INSERT INTO old_changes
         SELECT lower(hex(substr(hlc, 1, 8))) || '-' || lower(hex(substr(hlc, 9))),
                lower(hex(substr(hlc, 9))),
                entity,
                lower(substr(hex(entity_id), 1, 8) || '-' || substr(hex(entity_id), 9, 4) || '-' ||
                      substr(hex(entity_id), 13, 4) || '-' || substr(hex(entity_id), 17, 4) || '-' ||
                      substr(hex(entity_id), 21)),
                field, value,
                CASE WHEN prev IS NULL THEN NULL
                     ELSE lower(hex(substr(prev, 1, 8))) || '-' || lower(hex(substr(prev, 9))) END,
                local
         FROM changes;
         DROP TABLE changes;
         ALTER TABLE old_changes RENAME TO changes;
         CREATE INDEX changes_by_entity ON changes (entity_id);
         CREATE INDEX changes_local ON changes (hlc) WHERE local = 1;
         DELETE FROM local_settings WHERE key = 'clock.latest';
         PRAGMA user_version = 9;",
    )
    .unwrap();
    let sample: String = conn
        .query_row("SELECT hlc FROM changes LIMIT 1", [], |r| r.get(0))
        .unwrap();
    assert!(sample.parse::<wieg::hlc::Hlc>().is_ok(), "{sample}");
    drop(conn);

    let mut b = open(b_dir.path());
    let conn = rusqlite::Connection::open(b_dir.path().join("wieg.sqlite")).unwrap();
    let (binary, total): (i64, i64) = conn
        .query_row(
            "SELECT sum(length(hlc) = 24 AND length(entity_id) = 16 AND typeof(hlc) = 'blob'), count(*) FROM changes",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (binary, total),
        (changes.len() as i64, changes.len() as i64)
    );
    drop(conn);
    assert_eq!(b.all_changes().unwrap(), changes);
    assert_eq!(b.dump().unwrap(), dump);
    rename(&mut b, id, "GGD Zuid-Limburg");
    let edit = b
        .all_changes()
        .unwrap()
        .into_iter()
        .map(|c| c.hlc)
        .max()
        .unwrap();
    assert!(edit > newest, "the clock stays ahead of the converted log");
    assert_eq!(edit.replica, b.replica().id);
    // And the conflict can still be settled.
    let conflict = b.conflicts().unwrap().remove(0).hlc.to_string();
    b.keep_current(&conflict).unwrap();
    assert!(b.conflicts().unwrap().is_empty());
}

/// Schema 13 keeps conflicts and erasures with binary ids and clocks, as the
/// log does. A database from before, with both in text, is converted on
/// opening: the same dump, the erasure still holds, the conflict restores.
#[test]
fn text_conflicts_and_erasures_from_schema_12_are_converted() {
    let (a_dir, mut a) = workspace();
    let id = a
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap()
        .id;
    let person = a
        .create_contact(&wieg::ContactInput {
            organisation: Some(id),
            name: Some("Gerrit Weggegooid".into()),
            ..Default::default()
        })
        .unwrap();
    let (_b_dir, mut b) = replica_of(&a);
    rename(&mut a, id, "Kraamzorg De Linde (Venray)");
    rename(&mut b, id, "De Linde Kraamzorg");
    exchange(&mut [&mut a, &mut b]);
    a.erase_contact(person.id).unwrap();
    let dump = a.dump().unwrap();
    let conflict = a.conflicts().unwrap()[0].clone();
    drop(a);

    // Back to how schema 12 kept them: text.
    let conn = rusqlite::Connection::open(a_dir.path().join("wieg.sqlite")).unwrap();
    let hlc_text = "lower(hex(substr(hlc, 1, 8))) || '-' || lower(hex(substr(hlc, 9)))";
    let id_text =
        "lower(substr(hex(entity_id), 1, 8) || '-' || substr(hex(entity_id), 9, 4) || '-' || \
                   substr(hex(entity_id), 13, 4) || '-' || substr(hex(entity_id), 17, 4) || '-' || \
                   substr(hex(entity_id), 21))";
    conn.execute_batch(&format!(
        "CREATE TABLE old_conflicts (hlc TEXT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
             field TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
         INSERT INTO old_conflicts SELECT {hlc_text}, entity, {id_text}, field, value FROM conflicts;
         DROP TABLE conflicts;
         ALTER TABLE old_conflicts RENAME TO conflicts;
         CREATE INDEX conflicts_by_field ON conflicts (entity, entity_id, field);
         CREATE TABLE old_erasures (entity_id TEXT PRIMARY KEY, entity TEXT NOT NULL, hlc TEXT NOT NULL,
             redacted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
         INSERT INTO old_erasures SELECT {id_text}, entity, {hlc_text}, redacted FROM erasures;
         DROP TABLE erasures;
         ALTER TABLE old_erasures RENAME TO erasures;
         PRAGMA user_version = 12;"
    ))
    .unwrap();
    crate::columns_back_to(&conn, 12);
    let kinds: String = conn
        .query_row(
            "SELECT typeof(hlc) || typeof(entity_id) FROM conflicts",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kinds, "texttext");
    drop(conn);

    let mut a = open(a_dir.path());
    assert_eq!(
        a.dump().unwrap(),
        dump,
        "the same coalition, the same conflict"
    );
    assert_eq!(a.conflicts().unwrap(), std::slice::from_ref(&conflict));
    // B, not knowing, edits the forgotten person: A drops it unread.
    let late = b
        .update_contact(
            person.id,
            &wieg::ContactInput {
                phone: Some("06-55544433".into()),
                ..Default::default()
            },
        )
        .map(|_| b.all_changes().unwrap());
    a.apply_remote(&late.unwrap()).unwrap();
    assert!(a.contact(person.id).is_err(), "still forgotten");
    a.restore_conflict(&conflict.hlc.to_string()).unwrap();
    assert!(a.conflicts().unwrap().is_empty());
}
