//! Integration tests of the core on real SQLite files in temp dirs. One test
//! binary; its modules mirror `src/`.

// A panic in a test or its helpers is a failed test.
#![allow(clippy::unwrap_used)]
// The tests read the computer's clock as an outside observer would, to
// check "today" as the workspace's clock gives it.
#![allow(clippy::disallowed_methods)]

mod bindings;
mod changes;
mod cli;
mod contacts;
mod convergence;
mod dashboard;
mod drafts;
mod exports;
mod import;
mod layers;
mod meetings;
mod municipalities;
mod network;
mod participation;
mod plan;
mod processes;
mod relations;
mod rounds;
mod schema;
mod sync;
mod windows;

use std::path::Path;

use wieg::{Domain, OrgKind, OrganisationInput, Workspace};

/// A workspace in its own temp dir, with a coalition. The dir lives as long
/// as the returned guard.
pub fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open workspace");
    ws.create_coalition("Kansrijke Start Teststad")
        .expect("create coalition");
    (dir, ws)
}

/// A second laptop that joined `origin`'s coalition: it has all of origin's changes.
/// One indicator value as the form sends it.
pub fn indicator_value(
    indicator: uuid::Uuid,
    municipality: uuid::Uuid,
    year: &str,
    numerator: &str,
    denominator: &str,
) -> wieg::plan::IndicatorValueInput {
    wieg::plan::IndicatorValueInput {
        indicator: Some(indicator),
        municipality: Some(municipality),
        year: Some(year.into()),
        numerator: Some(numerator.into()),
        denominator: Some(denominator.into()),
    }
}

/// A workspace with the demo coalition.
pub fn demo() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    ws.load_demo().unwrap();
    (dir, ws)
}

pub fn replica_of(origin: &Workspace) -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("open workspace");
    ws.apply_remote(&origin.all_changes().unwrap()).unwrap();
    (dir, ws)
}

/// The field and code of the validation error `result` must be.
pub fn refused<T: std::fmt::Debug>(result: wieg::Result<T>) -> (String, wieg::ValidationCode) {
    match result {
        Err(wieg::Error::Validation(v)) => (v.field, v.code),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

pub fn open(path: &Path) -> Workspace {
    Workspace::open(path).expect("open workspace")
}

pub fn new_org(name: &str) -> OrganisationInput {
    OrganisationInput {
        name: Some(name.into()),
        kind: Some(OrgKind::Kraamzorg),
        domain: Some(Domain::Medisch),
        ..Default::default()
    }
}

/// Every replica gets every change of every other one.
pub fn exchange(replicas: &mut [&mut Workspace]) {
    let all: Vec<_> = replicas
        .iter()
        .flat_map(|ws| ws.all_changes().unwrap())
        .collect();
    for ws in replicas.iter_mut() {
        ws.apply_remote(&all).unwrap();
    }
}

/// Every file below `root`, sorted, as full paths.
pub fn files_under(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

/// A small deterministic random generator (splitmix64), so a failing order
/// can be replayed from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// Turns a database back into schema `version`, as far as the migrations
/// after it only added columns, tables and indexes (the common case: a
/// field or an entity added). The tests of older schemas call this first, then undo by hand
/// the migrations that did more (the one they are about among them).
pub fn columns_back_to(conn: &rusqlite::Connection, version: usize) {
    for migration in wieg::MIGRATIONS[version..].iter().rev() {
        let statements: Vec<Vec<&str>> = migration
            .split(';')
            .map(|s| s.split_whitespace().collect::<Vec<_>>())
            .filter(|words| !words.is_empty())
            .collect();
        // How to take one statement back, if it only adds.
        let undo = |words: &[&str]| match words {
            ["ALTER", "TABLE", table, "ADD", "COLUMN", column, ..] => {
                Some(format!("ALTER TABLE {table} DROP COLUMN {column}"))
            }
            ["CREATE", "TABLE", table, ..] => Some(format!("DROP TABLE {table}")),
            ["CREATE", "INDEX", index, ..] => Some(format!("DROP INDEX IF EXISTS {index}")),
            _ => None,
        };
        let Some(undone) = statements
            .iter()
            .map(|w| undo(w))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        // Indexes before their tables.
        for statement in undone.iter().rev() {
            conn.execute_batch(statement)
                .unwrap_or_else(|e| panic!("undo with {statement:?}: {e}"));
        }
    }
}
