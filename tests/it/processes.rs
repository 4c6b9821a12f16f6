//! Sync between real `wieg` processes: two laptops editing and syncing in a
//! loop, and syncs killed with SIGKILL at random moments.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use wieg::sync::batch::{decode, Decoded};
use wieg::{Domain, OrgKind, OrganisationInput, Workspace};

use crate::Rng;

fn wieg(data: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_wieg"))
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "wieg {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn two_processes_editing_and_syncing_in_a_loop_converge() {
    let shared = tempfile::tempdir().unwrap();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let folder = shared.path().to_str().unwrap();
    wieg(a.path(), &["init", "--name", "Twee processen"]);
    let id = wieg(
        a.path(),
        &[
            "org", "add", "--name", "Gedeeld", "--kind", "ggz", "--domain", "medisch",
        ],
    )
    .trim()
    .to_string();
    wieg(a.path(), &["sync", "--folder", folder]);
    wieg(b.path(), &["join", "--folder", folder]);
    for round in 0..6 {
        // Both laptops edit and sync at the same moment.
        let spawn = |data: &Path, note: String| {
            let data = data.to_path_buf();
            let id = id.clone();
            std::thread::spawn(move || {
                wieg(&data, &["org", "set", &id, "--notes", &note]);
                wieg(
                    &data,
                    &[
                        "org", "add", "--name", &note, "--kind", "welzijn", "--domain", "sociaal",
                    ],
                );
                wieg(&data, &["sync"]);
            })
        };
        let ta = spawn(a.path(), format!("A ronde {round}"));
        let tb = spawn(b.path(), format!("B ronde {round}"));
        ta.join().unwrap();
        tb.join().unwrap();
    }
    for _ in 0..2 {
        wieg(a.path(), &["sync"]);
        wieg(b.path(), &["sync"]);
    }
    assert_eq!(wieg(a.path(), &["dump"]), wieg(b.path(), &["dump"]));
    let orgs: serde_json::Value =
        serde_json::from_str(&wieg(a.path(), &["org", "list", "--json"])).unwrap();
    assert_eq!(
        orgs.as_array().unwrap().len(),
        13,
        "1 shared + 6 rounds × 2 laptops"
    );
}

/// Open a data dir's database raw, as a check from outside.
fn integrity(data: &Path) -> String {
    let conn = rusqlite::Connection::open(data.join("wieg.sqlite")).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn spawn_and_kill(data: &Path, delay_ms: u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wieg"))
        .arg("--data")
        .arg(data)
        .arg("sync")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(delay_ms));
    let _ = child.kill(); // SIGKILL
    let _ = child.wait();
}

#[test]
fn sync_killed_at_random_moments_loses_and_breaks_nothing() {
    let shared = tempfile::tempdir().unwrap();
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut ws = Workspace::open(a.path()).unwrap();
    ws.create_coalition("Onderbroken synchronisatie").unwrap();
    ws.set_sync_folder(shared.path()).unwrap();
    ws.sync().unwrap();
    drop(ws);
    let (ws_b, _) = Workspace::join(b.path(), shared.path(), None).unwrap();
    drop(ws_b);

    let mut rng = Rng(7);
    for round in 0..12 {
        // New work on A (several batches' worth), then its sync is killed.
        let mut ws = Workspace::open(a.path()).unwrap();
        let batch: Vec<OrganisationInput> = (0..1500)
            .map(|i| OrganisationInput {
                name: Some(format!("Organisatie {round}-{i}")),
                kind: Some(OrgKind::Overig),
                domain: Some(Domain::Sociaal),
                ..Default::default()
            })
            .collect();
        ws.create_organisations(&batch).unwrap();
        drop(ws);
        spawn_and_kill(a.path(), rng.below(120) as u64);
        // B's import of whatever is there is killed too.
        spawn_and_kill(b.path(), rng.below(120) as u64);

        for data in [a.path(), b.path()] {
            assert_eq!(
                integrity(data),
                "ok",
                "round {round}: the database survives SIGKILL"
            );
        }
        // Under a final name there is only ever a whole batch.
        for file in crate::files_under(shared.path()) {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".wiegchanges") {
                let coalition = Workspace::open(a.path())
                    .unwrap()
                    .require_coalition()
                    .unwrap()
                    .id;
                assert!(
                    matches!(
                        decode(&std::fs::read(&file).unwrap(), coalition),
                        Decoded::Complete(..)
                    ),
                    "round {round}: {name} is partial"
                );
            } else {
                assert!(
                    name.starts_with(".tmp-") || name.ends_with(".json"),
                    "unexpected file {name}"
                );
            }
        }
        // B never holds half a batch: its log is exactly the batches it took.
        let conn = rusqlite::Connection::open(b.path().join("wieg.sqlite")).unwrap();
        let (logged, in_batches): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM changes), (SELECT coalesce(sum(changes), 0) FROM sync_batches)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(
            logged, in_batches,
            "round {round}: B applied whole batches only"
        );
    }
    // The next, uninterrupted syncs finish the work.
    wieg(a.path(), &["sync"]);
    wieg(b.path(), &["sync"]);
    assert_eq!(wieg(a.path(), &["dump"]), wieg(b.path(), &["dump"]));
    let status: serde_json::Value =
        serde_json::from_str(&wieg(a.path(), &["status", "--json"])).unwrap();
    assert!(status["coalition"].is_object());
    let orgs: serde_json::Value =
        serde_json::from_str(&wieg(b.path(), &["org", "list", "--json"])).unwrap();
    assert_eq!(orgs.as_array().unwrap().len(), 12 * 1500);
}
