//! A workspace is one data directory holding one coalition database. It
//! knows which replica (laptop) it is and stamps every local write.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{apply_changes, Change, Registry, Writer};
use crate::error::{Error, Result};
use crate::hlc::{system_now_ms, HlcClock};

/// The app's identifier; the data directory is named after it.
pub const APP_IDENTIFIER: &str = "nl.wieg.app";
/// The database file inside a data directory.
pub const DATABASE_FILE: &str = "wieg.sqlite";
/// Overrides the data directory, for the CLI and the app alike.
pub const DATA_ENV: &str = "WIEG_DATA";
/// Shifts this process's clock, to act out a laptop whose clock is wrong.
pub const CLOCK_OFFSET_ENV: &str = "WIEG_CLOCK_OFFSET_MS";

/// The platform's app-data directory for Wieg, the same one the desktop app
/// uses (`~/.local/share/nl.wieg.app` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER))
}

/// The data directory: the one given, else `WIEG_DATA`, else the default.
pub fn resolve_data_dir(explicit: Option<PathBuf>) -> Result<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATA_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(default_data_dir)
        .ok_or_else(|| Error::InvalidInput("geen gegevensmap gevonden: geef --data MAP".into()))
}

/// This laptop as the other replicas know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Replica {
    pub id: Uuid,
    pub name: String,
}

/// What applying a set of incoming changes did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ApplyReport {
    pub applied: usize,
    pub duplicates: usize,
    pub parked: usize,
}

pub struct Workspace {
    conn: Connection,
    registry: &'static Registry,
    clock: HlcClock,
    replica: Replica,
    data_dir: PathBuf,
    clock_offset_ms: i64,
}

impl Workspace {
    /// Open the coalition database in `data_dir`, creating the directory, the
    /// database and this replica's identity on first use, for the entities
    /// of `registry` (the app's are `crate::entities::REGISTRY`, which
    /// `Workspace::open` hands in).
    pub fn open_with(data_dir: impl AsRef<Path>, registry: &'static Registry) -> Result<Self> {
        let data_dir = data_dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&data_dir).map_err(|e| Error::io(&data_dir, e))?;
        let conn = crate::db::open(&data_dir.join(DATABASE_FILE))?;
        let replica = load_or_create_replica(&conn)?;
        let mut clock = HlcClock::new(replica.id);
        // The clock never goes behind anything already in the log, even if
        // the computer's clock went back while the app was closed.
        observe_latest(&conn, &mut clock)?;
        unpark(&conn, registry)?;
        let clock_offset_ms = std::env::var(CLOCK_OFFSET_ENV)
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        Ok(Self {
            conn,
            registry,
            clock,
            replica,
            data_dir,
            clock_offset_ms,
        })
    }

    /// The entities this workspace knows.
    pub fn registry(&self) -> &'static Registry {
        self.registry
    }

    /// The data set's root row (the coalition): its id and name, if there is one.
    pub(crate) fn root(&self) -> Result<Option<(Uuid, String)>> {
        let table = self.registry.root().table;
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                &format!("SELECT id, name FROM {table} WHERE deleted = 0 ORDER BY id LIMIT 1"),
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(id, name)| {
            let id = Uuid::try_parse(&id).map_err(|e| Error::InvalidInput(e.to_string()))?;
            Ok((id, name))
        })
        .transpose()
    }

    pub(crate) fn require_root(&self) -> Result<(Uuid, String)> {
        self.root()?.ok_or(Error::NoCoalition)
    }

    pub fn replica(&self) -> &Replica {
        &self.replica
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub(crate) fn now_for_sync_ms(&self) -> u64 {
        self.now_ms()
    }

    /// Now, by this workspace's clock (see [`crate::time`]).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        crate::time::from_ms(self.now_ms())
    }

    /// Today, on the user's calendar.
    pub fn today(&self) -> chrono::NaiveDate {
        crate::time::calendar_day(self.now())
    }

    fn now_ms(&self) -> u64 {
        (system_now_ms() as i64)
            .saturating_add(self.clock_offset_ms)
            .max(0) as u64
    }

    /// Shift this workspace's clock (as `WIEG_CLOCK_OFFSET_MS` does): to
    /// act out a laptop whose clock is wrong, or jumps while Wieg runs.
    pub fn set_clock_offset_ms(&mut self, offset_ms: i64) {
        self.clock_offset_ms = offset_ms;
    }

    /// Run one local edit: every field it sets becomes a change, all in one
    /// IMMEDIATE transaction; on error nothing is written.
    pub fn write<T>(&mut self, edit: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        self.transact(true, edit)
    }

    /// Run an edit and roll it back whatever happens: to see what it would
    /// do (an import's preview) with every check of the real thing.
    pub fn trial<T>(&mut self, edit: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        self.transact(false, edit)
    }

    fn transact<T>(
        &mut self,
        commit: bool,
        edit: impl FnOnce(&mut Writer) -> Result<T>,
    ) -> Result<T> {
        let now_ms = self.now_ms();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another connection (a sync in the background, the CLI) may have
        // added changes since: stay ahead of them too.
        observe_latest(&tx, &mut self.clock)?;
        let mut writer = Writer {
            tx: &tx,
            clock: &mut self.clock,
            now_ms,
            written: Vec::new(),
        };
        let result = edit(&mut writer)?;
        if commit {
            tx.commit()?;
        }
        Ok(result)
    }

    /// Apply changes made elsewhere, in one transaction.
    pub fn apply_remote(&mut self, changes: &[Change]) -> Result<ApplyReport> {
        let erasures = self.erasure_count()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let applied = apply_changes(&tx, self.registry, changes, false)?;
        let report = ApplyReport {
            applied: applied.new,
            duplicates: applied.duplicates,
            parked: applied.parked,
        };
        tx.commit()?;
        for change in changes {
            self.clock.observe(&change.hlc);
        }
        if self.erasure_count()? != erasures {
            self.scrub_erased()?;
        }
        Ok(report)
    }

    /// Every change in the log, in HLC order.
    pub fn all_changes(&self) -> Result<Vec<Change>> {
        let mut stmt = self.conn.prepare(
            "SELECT entity, entity_id, field, value, hlc, prev FROM changes ORDER BY hlc",
        )?;
        let rows = stmt.query_map([], crate::changes::change_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// After an erasure: copy the WAL into the database file and empty it,
    /// so the erased values' old pages leave the disk too (the database
    /// file's own pages were zeroed by `secure_delete`).
    pub(crate) fn scrub_erased(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub(crate) fn erasure_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM erasures", [], |r| r.get(0))?)
    }

    /// Values that lost a concurrent edit.
    pub fn conflicts(&self) -> Result<Vec<crate::changes::Conflict>> {
        crate::changes::conflicts(&self.conn)
    }

    /// Rename this replica (how other laptops will see it).
    pub fn set_replica_name(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::validation(
                "name",
                crate::error::ValidationCode::Required,
                "geef deze laptop een naam",
            ));
        }
        set_setting(&self.conn, "replica_name", name)?;
        self.replica.name = name.to_string();
        Ok(())
    }
}

/// Changes a newer Wieg made to fields this version did not know yet were
/// parked; once this version knows them (after an update), apply them.
fn unpark(conn: &Connection, registry: &Registry) -> Result<()> {
    let parked: Vec<(String, String)> = conn
        .prepare("SELECT hlc, change FROM parked_changes")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let known: Vec<(String, Change)> = parked
        .into_iter()
        .filter_map(|(hlc, json)| serde_json::from_str::<Change>(&json).ok().map(|c| (hlc, c)))
        .filter(|(_, c)| registry.knows(&c.entity, &c.field))
        .collect();
    if known.is_empty() {
        return Ok(());
    }
    let tx = conn.unchecked_transaction()?;
    let changes: Vec<Change> = known.iter().map(|(_, c)| c.clone()).collect();
    apply_changes(&tx, registry, &changes, false)?;
    for (hlc, _) in &known {
        tx.execute("DELETE FROM parked_changes WHERE hlc = ?1", [hlc])?;
    }
    tx.commit()?;
    Ok(())
}

fn observe_latest(conn: &Connection, clock: &mut HlcClock) -> Result<()> {
    if let Some(hlc) = crate::changes::latest(conn)? {
        clock.observe(&hlc);
    }
    Ok(())
}

impl Workspace {
    /// Re-read this laptop's identity, after another connection (a sync in
    /// the background) had to take a new replica id.
    pub fn reload_replica(&mut self) -> Result<()> {
        let replica = load_or_create_replica(&self.conn)?;
        if replica.id != self.clock.replica() {
            let mut clock = HlcClock::new(replica.id);
            observe_latest(&self.conn, &mut clock)?;
            self.clock = clock;
        }
        self.replica = replica;
        Ok(())
    }
}

/// Take a new replica id, keeping the name: for when another laptop turned
/// out to use the same id (a cloned disk, a restored backup).
pub(crate) fn renew_replica_id(ws: &mut Workspace) -> Result<Uuid> {
    let id = Uuid::now_v7();
    set_setting(&ws.conn, "replica_id", &id.to_string())?;
    ws.replica.id = id;
    let mut clock = HlcClock::new(id);
    observe_latest(&ws.conn, &mut clock)?;
    ws.clock = clock;
    Ok(id)
}

pub(crate) fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM local_settings WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO local_settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn load_or_create_replica(conn: &Connection) -> Result<Replica> {
    let id = match setting(conn, "replica_id")?.and_then(|s| Uuid::try_parse(&s).ok()) {
        Some(id) => id,
        None => {
            let id = Uuid::now_v7();
            set_setting(conn, "replica_id", &id.to_string())?;
            id
        }
    };
    let name = match setting(conn, "replica_name")? {
        Some(name) => name,
        None => {
            let name = default_replica_name();
            set_setting(conn, "replica_name", &name)?;
            name
        }
    };
    Ok(Replica { id, name })
}

/// `login@host`, as a coordinator would recognise their own laptop.
fn default_replica_name() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "gebruiker".into());
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    if host.is_empty() {
        user
    } else {
        format!("{user}@{host}")
    }
}
