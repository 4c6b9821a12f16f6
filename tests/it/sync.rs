//! Sync through a shared folder, on real files: join, conflicts across
//! laptops, files that are half-synced, foreign or copied by a sync service,
//! a cloned laptop, clocks that are wrong, and a convergence property test
//! over a simulated sync service that delays, reorders, duplicates,
//! truncates and renames files.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use wieg::{Error, OrganisationFilter, OrganisationInput, SkipKind, Workspace};

use crate::{new_org, open, workspace};

fn shared() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn batch_files(root: &Path) -> Vec<PathBuf> {
    crate::files_under(root)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "wiegchanges"))
        .collect()
}

fn notes(ws: &mut Workspace, id: uuid::Uuid, text: &str) {
    ws.update_organisation(
        id,
        &OrganisationInput {
            notes: Some(text.into()),
            ..Default::default()
        },
    )
    .unwrap();
}

#[test]
fn a_new_laptop_joins_and_edits_flow_both_ways() {
    let folder = shared();
    let (_a_dir, mut a) = workspace();
    let nest = a
        .create_organisation(&new_org("Kraamzorg Het Nest"))
        .unwrap()
        .id;
    a.set_sync_folder(folder.path()).unwrap();
    let first = a.sync().unwrap();
    assert_eq!((first.exported_batches, first.imported_batches), (1, 0));

    let b_dir = tempfile::tempdir().unwrap();
    let (mut b, joined) = Workspace::join(b_dir.path(), folder.path(), None).unwrap();
    assert_eq!(joined.imported_changes, first.exported_changes);
    assert_eq!(
        b.dump().unwrap(),
        a.dump().unwrap(),
        "the new laptop has everything"
    );

    notes(&mut b, nest, "Ook in Tegelen");
    b.sync().unwrap();
    let back = a.sync().unwrap();
    assert_eq!(back.imported_changes, 1);
    assert_eq!(a.organisation(nest).unwrap().notes, "Ook in Tegelen");
    let again = a.sync().unwrap();
    assert_eq!(
        (again.imported_batches, again.exported_batches),
        (0, 0),
        "nothing is applied twice"
    );

    let status = a.sync_status().unwrap();
    assert_eq!(status.pending_changes, 0);
    assert!(status.last_sync.is_some() && status.problem.is_none());
    let names: HashSet<_> = status.replicas.iter().map(|r| r.id).collect();
    assert!(
        names.contains(&a.replica().id) && names.contains(&b.replica().id),
        "both laptops are seen"
    );
}

#[test]
fn a_concurrent_edit_is_listed_on_both_laptops_and_restoring_it_syncs() {
    let folder = shared();
    let (_a_dir, mut a) = workspace();
    let id = a
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap()
        .id;
    a.set_sync_folder(folder.path()).unwrap();
    a.sync().unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let (mut b, _) = Workspace::join(b_dir.path(), folder.path(), None).unwrap();

    notes(&mut a, id, "Van A");
    notes(&mut b, id, "Van B");
    for _ in 0..2 {
        a.sync().unwrap();
        b.sync().unwrap();
    }
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    let conflicts = a.conflict_views().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let c = &conflicts[0];
    assert_eq!(
        (c.entity_label.as_str(), c.field.as_str()),
        ("Kraamzorg De Linde", "notes")
    );
    let mut both = [c.lost_value.clone(), c.current_value.clone()];
    both.sort();
    assert_eq!(both, ["Van A", "Van B"]);
    assert_eq!(b.conflict_views().unwrap(), conflicts);
    assert_eq!(
        a.sync_status().unwrap().open_conflicts,
        1,
        "the frame's badge"
    );

    // B puts the lost value back; after sync both laptops show it, unlisted.
    let lost = c.lost_value.clone();
    b.restore_conflict(&c.id).unwrap();
    assert_eq!(b.organisation(id).unwrap().notes, lost);
    b.sync().unwrap();
    a.sync().unwrap();
    assert_eq!(a.organisation(id).unwrap().notes, lost);
    assert!(a.conflict_views().unwrap().is_empty() && b.conflict_views().unwrap().is_empty());
    assert_eq!(a.sync_status().unwrap().open_conflicts, 0);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
}

#[test]
fn keeping_the_current_value_settles_the_conflict() {
    let (_a_dir, mut a) = workspace();
    let id = a.create_organisation(&new_org("GGD")).unwrap().id;
    let (_b_dir, mut b) = crate::replica_of(&a);
    notes(&mut a, id, "A");
    notes(&mut b, id, "B");
    crate::exchange(&mut [&mut a, &mut b]);
    let c = a.conflict_views().unwrap().remove(0);
    let current = a.organisation(id).unwrap().notes;
    a.keep_current(&c.id).unwrap();
    assert!(a.conflict_views().unwrap().is_empty());
    assert_eq!(a.organisation(id).unwrap().notes, current);
    crate::exchange(&mut [&mut a, &mut b]);
    assert!(b.conflict_views().unwrap().is_empty());
    assert!(
        matches!(a.keep_current(&c.id), Err(Error::NotFound { .. })),
        "a settled conflict is gone"
    );
}

#[test]
fn half_synced_foreign_and_copied_files_are_handled_and_the_rest_goes_on() {
    let folder = shared();
    let (_a_dir, mut a) = workspace();
    a.create_organisation(&new_org("Welzijn Noord")).unwrap();
    a.set_sync_folder(folder.path()).unwrap();
    a.sync().unwrap();
    let original = batch_files(folder.path()).remove(0);
    let bytes = fs::read(&original).unwrap();
    let replica_dir = original.parent().unwrap().to_path_buf();

    // What sync services and people leave in a folder.
    fs::write(replica_dir.join("00000001 (1).wiegchanges"), &bytes).unwrap();
    fs::write(
        replica_dir.join("00000001.sync-conflict-20261122-101010-ABCDEFG.wiegchanges"),
        &bytes,
    )
    .unwrap();
    fs::write(
        replica_dir.join("00000007.wiegchanges"),
        &bytes[..bytes.len() / 2],
    )
    .unwrap();
    fs::write(replica_dir.join("00000008.wiegchanges"), b"").unwrap();
    fs::write(
        replica_dir.join("00000009.wiegchanges"),
        b"dit is geen batch",
    )
    .unwrap();
    fs::write(
        replica_dir.join(".syncthing.00000010.wiegchanges.tmp"),
        b"half",
    )
    .unwrap();
    fs::write(replica_dir.join("desktop.ini"), b"[.ShellClassInfo]").unwrap();
    let (_other_dir, mut other) = workspace();
    other
        .set_sync_folder(tempfile::tempdir().unwrap().keep().as_path())
        .unwrap();
    other.sync().unwrap();
    let foreign = batch_files(Path::new(&other.sync_status().unwrap().folder.unwrap())).remove(0);
    fs::copy(&foreign, replica_dir.join("00000011.wiegchanges")).unwrap();

    let b_dir = tempfile::tempdir().unwrap();
    let (b, report) = Workspace::join(b_dir.path(), folder.path(), None).unwrap();
    assert_eq!(
        report.imported_batches, 1,
        "the batch is applied once, whatever its copies: {report:?}"
    );
    assert_eq!(
        report.already_applied, 2,
        "both copies are recognised by their header"
    );
    let kinds: BTreeMap<String, SkipKind> = report
        .skipped
        .iter()
        .map(|s| {
            (
                Path::new(&s.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                s.kind,
            )
        })
        .collect();
    assert_eq!(
        kinds.get("00000007.wiegchanges"),
        Some(&SkipKind::Incomplete)
    );
    assert_eq!(
        kinds.get("00000008.wiegchanges"),
        Some(&SkipKind::Incomplete)
    );
    assert_eq!(kinds.get("00000009.wiegchanges"), Some(&SkipKind::Refused));
    assert_eq!(kinds.get("00000011.wiegchanges"), Some(&SkipKind::Refused));
    assert!(report
        .skipped
        .iter()
        .any(|s| s.reason.contains("andere coalitie")));
    assert_eq!(
        kinds.len(),
        4,
        "temporary and system files are not even mentioned: {kinds:?}"
    );
    assert_eq!(b.dump().unwrap(), a.dump().unwrap());
}

#[test]
fn a_missing_folder_changes_nothing_and_says_so() {
    let folder = shared();
    let (_dir, mut ws) = workspace();
    ws.create_organisation(&new_org("Kraamzorg")).unwrap();
    ws.set_sync_folder(folder.path()).unwrap();
    ws.sync().unwrap();
    let before = ws.dump().unwrap();
    let path = folder.path().to_path_buf();
    drop(folder); // the stick is pulled
    match ws.sync() {
        Err(Error::SyncFolderMissing(p)) => assert!(p.contains(path.to_str().unwrap())),
        other => panic!("expected the folder to be missing, got {other:?}"),
    }
    let status = ws.sync_status().unwrap();
    assert!(status.problem.unwrap().contains("niet bereikbaar"));
    assert_eq!(ws.dump().unwrap(), before, "nothing is deleted locally");
    let id = ws.create_organisation(&new_org("Doorwerken")).unwrap().id;
    let made = ws
        .all_changes()
        .unwrap()
        .iter()
        .filter(|c| c.id == id)
        .count() as u32;
    assert_eq!(
        ws.sync_status().unwrap().pending_changes,
        made,
        "editing goes on; the changes wait"
    );

    // An empty folder in its place (unmounted share) deletes nothing either.
    fs::create_dir_all(&path).unwrap();
    ws.sync().unwrap();
    assert_eq!(
        ws.list_organisations(&OrganisationFilter::default())
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        ws.sync_status().unwrap().pending_changes,
        0,
        "all changes were written again"
    );
}

#[test]
fn the_database_may_not_live_in_the_shared_folder() {
    let folder = shared();
    let inside = folder.path().join("wieg-data");
    let mut ws = open(&inside);
    ws.create_coalition("In de map").unwrap();
    assert!(matches!(
        ws.set_sync_folder(folder.path()),
        Err(Error::DatabaseInSyncFolder(_))
    ));
    let b = tempfile::tempdir().unwrap();
    assert!(matches!(
        Workspace::join(b.path(), folder.path(), None),
        Err(Error::NoCoalitionInFolder(_))
    ));
}

#[test]
fn an_interrupted_export_is_finished_not_duplicated() {
    let folder = shared();
    let dir = tempfile::tempdir().unwrap();
    let mut ws = open(dir.path());
    ws.create_coalition("Onderbroken").unwrap();
    ws.set_sync_folder(folder.path()).unwrap();
    drop(ws);
    // The database as it was before the sync, as if the sync stopped right
    // after writing its file.
    let snapshot = tempfile::tempdir().unwrap();
    for f in fs::read_dir(dir.path()).unwrap().flatten() {
        fs::copy(f.path(), snapshot.path().join(f.file_name())).unwrap();
    }
    let mut ws = open(dir.path());
    ws.sync().unwrap();
    drop(ws);
    for f in fs::read_dir(snapshot.path()).unwrap().flatten() {
        fs::copy(f.path(), dir.path().join(f.file_name())).unwrap();
    }
    let mut ws = open(dir.path());
    let report = ws.sync().unwrap();
    assert_eq!(
        report.exported_batches, 0,
        "the batch already in the folder is adopted: {report:?}"
    );
    assert_eq!(report.new_replica_id, None, "it is this laptop's own batch");
    assert_eq!(batch_files(folder.path()).len(), 1);
    assert_eq!(ws.sync_status().unwrap().pending_changes, 0);
}

#[test]
fn a_cloned_laptop_takes_a_new_id_and_nothing_is_lost() {
    let folder = shared();
    let (a_dir, mut a) = workspace();
    a.set_sync_folder(folder.path()).unwrap();
    a.sync().unwrap();
    drop(a);
    // A disk image of laptop A becomes laptop B: same replica id.
    let b_dir = tempfile::tempdir().unwrap();
    for f in fs::read_dir(a_dir.path()).unwrap().flatten() {
        fs::copy(f.path(), b_dir.path().join(f.file_name())).unwrap();
    }
    let mut a = open(a_dir.path());
    let mut b = open(b_dir.path());
    assert_eq!(a.replica().id, b.replica().id);
    let from_a = a.create_organisation(&new_org("Van laptop A")).unwrap().id;
    let from_b = b.create_organisation(&new_org("Van laptop B")).unwrap().id;
    a.sync().unwrap();
    // B finds a batch under its own id that it did not write: the sync
    // service made a conflict copy of the file both wrote as 00000002.
    let own_dir = batch_files(folder.path())[0]
        .parent()
        .unwrap()
        .to_path_buf();
    let b_report = b.sync().unwrap();
    let a_report = a.sync().unwrap();
    let renewed = b_report.new_replica_id.or(a_report.new_replica_id);
    assert!(
        renewed.is_some(),
        "one of the twins takes a new id: {b_report:?} {a_report:?}"
    );
    assert_ne!(a.replica().id, b.replica().id);
    for _ in 0..2 {
        a.sync().unwrap();
        b.sync().unwrap();
    }
    for ws in [&a, &b] {
        ws.organisation(from_a).unwrap();
        ws.organisation(from_b).unwrap();
    }
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    assert!(own_dir.exists());
}

#[test]
fn wrong_clocks_do_not_stall_anyone() {
    const HOUR: i64 = 3600 * 1000;
    const YEAR: i64 = 365 * 24 * HOUR;
    let folder = shared();
    let (_a_dir, mut ahead) = workspace();
    ahead.set_clock_offset_ms(YEAR);
    let id = ahead
        .create_organisation(&new_org("Klok vooruit"))
        .unwrap()
        .id;
    ahead.set_sync_folder(folder.path()).unwrap();
    ahead.sync().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (mut behind, report) = Workspace::join(dir.path(), folder.path(), None).unwrap();
    assert!(
        report.future_changes > 0,
        "changes a year ahead are reported: {report:?}"
    );
    behind.set_clock_offset_ms(-HOUR);
    // An edit made after seeing the future value still wins over it.
    notes(&mut behind, id, "Later bewerkt");
    behind.sync().unwrap();
    ahead.sync().unwrap();
    assert_eq!(ahead.organisation(id).unwrap().notes, "Later bewerkt");
    // A clock that jumps back while Wieg runs: edits keep their order.
    behind.set_clock_offset_ms(-YEAR);
    notes(&mut behind, id, "Nog later");
    behind.set_clock_offset_ms(0);
    behind.sync().unwrap();
    ahead.sync().unwrap();
    assert_eq!(
        ahead.organisation(id).unwrap().notes,
        "Nog later",
        "a clock a year behind still wins when it edits last"
    );
    notes(&mut ahead, id, "Daarna, op de andere laptop");
    ahead.sync().unwrap();
    behind.sync().unwrap();
    ahead.sync().unwrap();
    assert_eq!(
        behind.organisation(id).unwrap().notes,
        "Daarna, op de andere laptop"
    );
    assert_eq!(ahead.dump().unwrap(), behind.dump().unwrap());
    assert!(
        ahead.conflicts().unwrap().is_empty(),
        "edits one after another are no conflict"
    );
}

#[test]
fn a_lost_laptop_is_replaced_by_joining_and_gets_everything_back() {
    let folder = shared();
    let (_a_dir, mut a) = workspace();
    a.create_organisation(&new_org("Van A")).unwrap();
    a.set_sync_folder(folder.path()).unwrap();
    a.sync().unwrap();
    let b_dir = tempfile::tempdir().unwrap();
    let (mut b, _) = Workspace::join(b_dir.path(), folder.path(), None).unwrap();
    b.create_organisation(&new_org("Van B")).unwrap();
    b.sync().unwrap();
    a.create_organisation(&new_org("Nog een van A")).unwrap();
    a.sync().unwrap();
    let expected = a.dump().unwrap();
    drop(a); // laptop A is stolen; its data directory is gone with it
    let c_dir = tempfile::tempdir().unwrap();
    let (c, _) = Workspace::join(c_dir.path(), folder.path(), None).unwrap();
    assert_eq!(
        c.dump().unwrap(),
        expected,
        "everything every laptop exported comes back"
    );
    assert_eq!(
        c.list_organisations(&OrganisationFilter::default())
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn parked_changes_are_applied_once_this_version_knows_their_field() {
    let (dir, mut ws) = workspace();
    let id = ws.create_organisation(&new_org("Kraamzorg")).unwrap().id;
    // A change to a field this version knows, but parked as if it did not
    // (as an older Wieg would have parked it).
    let mut change = ws
        .all_changes()
        .unwrap()
        .into_iter()
        .find(|c| c.id == id && c.field == "notes")
        .unwrap();
    change.value = "uit een nieuwere versie".into();
    change.prev = Some(change.hlc);
    change.hlc.counter += 1000;
    change.field = "notes_from_the_future".into();
    ws.apply_remote(&[change.clone()]).unwrap();
    drop(ws);
    // Rename the parked field to a known one in the raw database: "after an update".
    let conn = rusqlite::Connection::open(dir.path().join("wieg.sqlite")).unwrap();
    let json: String = conn
        .query_row("SELECT change FROM parked_changes", [], |r| r.get(0))
        .unwrap();
    conn.execute(
        "UPDATE parked_changes SET change = ?1",
        [json.replace("notes_from_the_future", "notes")],
    )
    .unwrap();
    drop(conn);
    let ws = open(dir.path());
    assert_eq!(
        ws.organisation(id).unwrap().notes,
        "uit een nieuwere versie"
    );
}

#[test]
fn an_edit_that_raced_a_delete_is_shown_and_can_bring_it_back() {
    let (_a_dir, mut a) = workspace();
    let id = a
        .create_organisation(&new_org("Schuldhulpmaatje"))
        .unwrap()
        .id;
    let (_b_dir, mut b) = crate::replica_of(&a);
    a.delete_organisation(id).unwrap();
    notes(&mut b, id, "Nieuw telefoonnummer");
    crate::exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    assert!(
        a.organisation(id).unwrap().deleted,
        "the delete stands for now"
    );
    let raced = a.raced_deletes().unwrap();
    assert_eq!(raced.len(), 1, "{raced:?}");
    assert_eq!(raced[0].entity_label, "Schuldhulpmaatje");
    assert_eq!(raced[0].edits.len(), 1);
    assert_eq!(
        (
            raced[0].edits[0].field.as_str(),
            raced[0].edits[0].value.as_str()
        ),
        ("notes", "Nieuw telefoonnummer")
    );
    let on_b = b.raced_deletes().unwrap();
    assert_eq!(
        (on_b.len(), on_b[0].entity_id, on_b[0].deleted_at),
        (1, id, raced[0].deleted_at),
        "both laptops show it"
    );
    assert!(
        a.conflicts().unwrap().is_empty(),
        "it is not a field conflict"
    );
    assert_eq!(
        a.sync_status().unwrap().open_conflicts,
        1,
        "the frame's badge counts it"
    );

    b.undelete(id).unwrap();
    crate::exchange(&mut [&mut a, &mut b]);
    let back = a.organisation(id).unwrap();
    assert!(!back.deleted);
    assert_eq!(
        back.notes, "Nieuw telefoonnummer",
        "the raced edit is there"
    );
    assert!(a.raced_deletes().unwrap().is_empty() && b.raced_deletes().unwrap().is_empty());
}

#[test]
fn keeping_a_raced_delete_settles_it_everywhere() {
    let (_a_dir, mut a) = workspace();
    let id = a
        .create_organisation(&new_org("Budgetcoaching"))
        .unwrap()
        .id;
    let (_b_dir, mut b) = crate::replica_of(&a);
    notes(&mut a, id, "Van A, voor het verwijderen");
    a.delete_organisation(id).unwrap();
    notes(&mut b, id, "Van B");
    crate::exchange(&mut [&mut a, &mut b]);
    let raced = b.raced_deletes().unwrap();
    assert_eq!(raced.len(), 1);
    assert_eq!(
        raced[0].edits[0].value, "Van B",
        "A's own edit before deleting was seen"
    );
    b.keep_deleted(id).unwrap();
    crate::exchange(&mut [&mut a, &mut b]);
    assert!(a.raced_deletes().unwrap().is_empty() && b.raced_deletes().unwrap().is_empty());
    assert!(a.organisation(id).unwrap().deleted);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
}
