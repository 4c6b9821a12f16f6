//! Offline-first sync through a shared folder (OneDrive, Nextcloud,
//! Syncthing, an SMB share, a USB stick):
//!
//! ```text
//! <shared>/Wieg/<slug>-<coalition-id>/
//!   changes/<replica-id>/<seq>.wiegchanges   immutable batches, one writer each
//!   replicas/<replica-id>.json               who that laptop is
//!   exports/                                 files for partners
//! ```
//!
//! Sync = take every batch not yet applied + write my new changes as new
//! batches. A laptop writes only into its own folders, never replaces a
//! batch, and never takes a lock, so no sync service sees two writers of one
//! file. What has been applied is the set of (replica, seq, checksum) in the
//! database, never a modification time. Nothing in the folder deletes
//! anything here: an empty or missing folder only means nothing new.

pub mod batch;
pub mod folder;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{apply_changes, Change, Registry};
use crate::error::{Error, Result};
use crate::time::{iso, parse_iso_or};
use crate::workspace::{renew_replica_id, set_setting, setting, Workspace};
use batch::Decoded;
use folder::{Written, WIEG_DIR};

/// At most this many changes go into one batch file.
pub const MAX_BATCH: usize = 20_000;
/// A change stamped further ahead than this is reported (and still applied).
const FUTURE_MS: u64 = 24 * 3600 * 1000;

const FOLDER_KEY: &str = "sync.folder";
const EXPORTED_KEY: &str = "sync.exported_through";
const NEXT_SEQ_KEY: &str = "sync.next_seq";
const LAST_SYNC_KEY: &str = "sync.last_sync";
const LAST_PROBLEM_KEY: &str = "sync.last_problem";

/// A file in the shared folder that was not applied, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SkippedFile {
    pub path: String,
    pub reason: String,
    pub kind: SkipKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    /// Still arriving (empty, cut short, checksum not yet right): retried.
    Incomplete,
    /// Never for us (garbage, another coalition).
    Refused,
    /// From a newer Wieg: applied after an update.
    NewerFormat,
}

/// What one sync did.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct SyncReport {
    pub folder: String,
    pub exported_batches: u32,
    pub exported_changes: u32,
    pub imported_batches: u32,
    pub imported_changes: u32,
    /// Batches seen again (already applied, or a sync service's copy).
    pub already_applied: u32,
    pub skipped: Vec<SkippedFile>,
    /// Changes stamped more than a day ahead of this laptop's clock.
    pub future_changes: u32,
    /// Set when another laptop used this laptop's id and this one took a new id.
    pub new_replica_id: Option<Uuid>,
    pub finished_at: DateTime<Utc>,
}

/// Another laptop (or this one) as seen in the shared folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KnownReplica {
    pub id: Uuid,
    pub name: String,
    pub app_version: String,
    pub last_sync: Option<DateTime<Utc>>,
}

/// The sync state for the status bar and the sharing page.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncStatus {
    pub folder: Option<String>,
    pub last_sync: Option<DateTime<Utc>>,
    /// Local changes not yet written to the shared folder.
    pub pending_changes: u32,
    pub replicas: Vec<KnownReplica>,
    /// The last sync's problem, in Dutch, if it failed.
    pub problem: Option<String>,
    /// Lost concurrent edits and deletes that raced edits, waiting for the
    /// coordinator to look at them (the frame's badge).
    pub open_conflicts: u32,
}

#[derive(Serialize, Deserialize)]
struct ReplicaFile {
    id: Uuid,
    name: String,
    app_version: String,
    last_sync: DateTime<Utc>,
}

/// `<shared>/Wieg/<slug>-<id>` if it exists there, under whatever slug.
fn find_coalition_dir(shared: &Path, id: Uuid) -> Option<PathBuf> {
    let entries = fs::read_dir(shared.join(WIEG_DIR)).ok()?;
    entries
        .flatten()
        .find(|e| {
            folder::coalition_id_of_dir(&e.file_name().to_string_lossy()) == Some(id)
                && e.path().is_dir()
        })
        .map(|e| e.path())
}

/// The coalitions a shared folder holds: (id, folder).
pub fn coalitions_in(shared: &Path) -> Result<Vec<(Uuid, PathBuf)>> {
    check_reachable(shared)?;
    let mut found = Vec::new();
    if let Ok(entries) = fs::read_dir(shared.join(WIEG_DIR)) {
        for e in entries.flatten() {
            if let Some(id) = folder::coalition_id_of_dir(&e.file_name().to_string_lossy()) {
                if e.path().is_dir() {
                    found.push((id, e.path()));
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

fn check_reachable(shared: &Path) -> Result<()> {
    if shared.is_dir() {
        Ok(())
    } else {
        Err(Error::SyncFolderMissing(shared.display().to_string()))
    }
}

impl Workspace {
    /// `exports/` in the coalition's folder in the shared folder (made when
    /// missing): where files for partners go when they should travel along.
    pub fn shared_exports_dir(&self) -> Result<PathBuf> {
        let shared = self.sync_folder()?.ok_or(Error::NoSyncFolder)?;
        check_reachable(&shared)?;
        let (id, name) = self.require_root()?;
        let dir = find_coalition_dir(&shared, id)
            .unwrap_or_else(|| {
                shared
                    .join(WIEG_DIR)
                    .join(folder::coalition_dir_name(&name, id))
            })
            .join("exports");
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(dir)
    }

    pub fn sync_folder(&self) -> Result<Option<PathBuf>> {
        Ok(setting(self.conn(), FOLDER_KEY)?.map(PathBuf::from))
    }

    /// Choose the shared folder. The database may not live inside it: a sync
    /// service copying a live SQLite file corrupts it.
    pub fn set_sync_folder(&mut self, shared: &Path) -> Result<()> {
        check_reachable(shared)?;
        if folder::is_within(self.data_dir(), shared) {
            return Err(Error::DatabaseInSyncFolder(
                self.data_dir().display().to_string(),
            ));
        }
        let shared = folder::canonical(shared).map_err(|e| Error::io(shared, e))?;
        let text = shared.display().to_string();
        if self.sync_folder()?.as_deref() != Some(shared.as_path()) {
            // A different folder needs all of this laptop's changes.
            let tx = self.conn_mut().transaction()?;
            set_setting(&tx, FOLDER_KEY, &text)?;
            tx.execute(
                "DELETE FROM local_settings WHERE key IN (?1, ?2)",
                params![EXPORTED_KEY, NEXT_SEQ_KEY],
            )?;
            tx.commit()?;
        }
        Ok(())
    }

    pub fn sync_status(&self) -> Result<SyncStatus> {
        let pending: u32 = self.conn().query_row(
            "SELECT count(*) FROM changes WHERE local = 1 AND hlc > ?1",
            [self.exported_through()?],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn().prepare(
            "SELECT id, name, app_version, last_sync FROM known_replicas ORDER BY name, id",
        )?;
        let replicas = stmt
            .query_map([], |r| {
                let id: String = r.get(0)?;
                let last: String = r.get(3)?;
                Ok(KnownReplica {
                    id: Uuid::try_parse(&id).unwrap_or_default(),
                    name: r.get(1)?,
                    app_version: r.get(2)?,
                    last_sync: (!last.is_empty())
                        .then(|| parse_iso_or(&last, DateTime::<Utc>::MIN_UTC)),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(SyncStatus {
            folder: setting(self.conn(), FOLDER_KEY)?,
            last_sync: setting(self.conn(), LAST_SYNC_KEY)?
                .map(|t| parse_iso_or(&t, DateTime::<Utc>::MIN_UTC)),
            pending_changes: pending,
            replicas,
            problem: setting(self.conn(), LAST_PROBLEM_KEY)?,
            open_conflicts: (self.conflict_views()?.len() + self.raced_deletes()?.len()) as u32,
        })
    }

    /// Sync with the chosen shared folder. A failure (the folder is not
    /// there) is remembered for the status and changes nothing here.
    pub fn sync(&mut self) -> Result<SyncReport> {
        let shared = self.sync_folder()?.ok_or(Error::NoSyncFolder)?;
        let result = self.sync_with(&shared);
        match &result {
            Ok(_) => self.conn().execute(
                "DELETE FROM local_settings WHERE key = ?1",
                [LAST_PROBLEM_KEY],
            )?,
            Err(e) => {
                set_setting(self.conn(), LAST_PROBLEM_KEY, &e.to_string())?;
                0
            }
        };
        result
    }

    fn sync_with(&mut self, shared: &Path) -> Result<SyncReport> {
        check_reachable(shared)?;
        if folder::is_within(self.data_dir(), shared) {
            return Err(Error::DatabaseInSyncFolder(
                self.data_dir().display().to_string(),
            ));
        }
        let (coalition, name) = self.require_root()?;
        let dir = match find_coalition_dir(shared, coalition) {
            Some(dir) => dir,
            None => {
                // First sync of this coalition into this folder, or the folder
                // lost it: write everything again (readers ignore what they have).
                self.conn().execute(
                    "DELETE FROM local_settings WHERE key IN (?1, ?2)",
                    params![EXPORTED_KEY, NEXT_SEQ_KEY],
                )?;
                shared
                    .join(WIEG_DIR)
                    .join(folder::coalition_dir_name(&name, coalition))
            }
        };
        let mut report = SyncReport {
            folder: shared.display().to_string(),
            ..Default::default()
        };
        let erasures = self.erasure_count()?;
        let clash = self.import(&dir, coalition, &mut report)?;
        if self.erasure_count()? != erasures {
            self.scrub_erased()?;
        }
        if clash {
            report.new_replica_id = Some(renew_replica_id(self)?);
            // The new id starts a fresh folder: export every local change again.
            self.conn().execute(
                "DELETE FROM local_settings WHERE key IN (?1, ?2)",
                params![EXPORTED_KEY, NEXT_SEQ_KEY],
            )?;
        }
        self.export(&dir, coalition, &mut report)?;
        self.write_replica_file(&dir)?;
        self.read_replica_files(&dir)?;
        report.finished_at = self.now();
        set_setting(self.conn(), LAST_SYNC_KEY, &iso(report.finished_at))?;
        Ok(report)
    }

    /// Apply every complete batch not applied yet. Returns whether another
    /// laptop has been writing as this replica.
    fn import(&mut self, dir: &Path, coalition: Uuid, report: &mut SyncReport) -> Result<bool> {
        let applied: HashSet<(String, i64)> = self
            .conn()
            .prepare("SELECT replica, seq FROM sync_batches")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let now_ms = self.now_for_sync_ms();
        let mut clash = false;
        let Ok(replica_dirs) = fs::read_dir(dir.join("changes")) else {
            return Ok(false);
        };
        let mut files: Vec<(String, PathBuf)> = Vec::new();
        for replica_dir in replica_dirs.flatten() {
            let dir_name = replica_dir.file_name().to_string_lossy().into_owned();
            if folder::is_ignored(&dir_name) || !replica_dir.path().is_dir() {
                continue;
            }
            let Ok(entries) = fs::read_dir(replica_dir.path()) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !folder::may_be_batch(&name) {
                    continue;
                }
                // The original name of a batch already applied: no need to read it.
                if let Some(seq) = folder::canonical_seq(&name) {
                    if applied.contains(&(dir_name.clone(), seq as i64)) {
                        report.already_applied += 1;
                        continue;
                    }
                }
                files.push((dir_name.clone(), entry.path()));
            }
        }
        files.sort();
        // Files are read and decoded on a second thread while this one
        // applies the previous batch: reading and decoding is about a quarter
        // of a join, and a slow share or USB stick makes it more.
        std::thread::scope(|scope| -> Result<bool> {
            let (send, received) = std::sync::mpsc::sync_channel(2);
            scope.spawn(move || {
                for (dir_name, path) in files {
                    let read = fs::read(&path).map(|bytes| batch::decode(&bytes, coalition));
                    // The receiver is gone when applying failed: stop reading.
                    if send.send((dir_name, path, read)).is_err() {
                        break;
                    }
                }
            });
            for (dir_name, path, read) in received {
                if self.take_file(&dir_name, &path, read, now_ms, report)? {
                    clash = true;
                }
            }
            Ok(clash)
        })
    }

    /// Apply one file of the shared folder if it is a complete batch not
    /// applied yet, or note in the report why not. Returns whether it shows
    /// another laptop writing as this replica.
    fn take_file(
        &mut self,
        dir_name: &str,
        path: &Path,
        read: std::io::Result<Decoded>,
        now_ms: u64,
        report: &mut SyncReport,
    ) -> Result<bool> {
        let me = self.replica().id;
        let shown = path.display().to_string();
        let skip = |report: &mut SyncReport, reason: String, kind: SkipKind| {
            report.skipped.push(SkippedFile {
                path: shown.clone(),
                reason,
                kind,
            });
            Ok(false)
        };
        let (header, changes) = match read {
            Err(e) => {
                return skip(
                    report,
                    format!("nog niet leesbaar: {e}"),
                    SkipKind::Incomplete,
                )
            }
            Ok(Decoded::Complete(h, c)) => (h, c),
            Ok(Decoded::Incomplete(reason)) => return skip(report, reason, SkipKind::Incomplete),
            Ok(Decoded::Refused(reason)) => return skip(report, reason, SkipKind::Refused),
            Ok(Decoded::NewerFormat(v)) => {
                return skip(
                    report,
                    format!(
                        "gemaakt met een nieuwere versie van Wieg (formaat {v}): werk Wieg bij"
                    ),
                    SkipKind::NewerFormat,
                )
            }
        };
        let known: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM sync_batches WHERE replica = ?1 AND seq = ?2 AND sha256 = ?3)",
            params![header.replica.to_string(), header.seq as i64, header.sha256],
            |r| r.get(0),
        )?;
        if known {
            report.already_applied += 1;
            return Ok(false);
        }
        let mut clash = false;
        if header.replica == me && dir_name == me.to_string() {
            if self.is_own_batch(&header)? {
                // Written by this laptop, which stopped before noting it.
                self.note_exported(&header)?;
                return Ok(false);
            }
            clash = true;
        }
        report.future_changes += changes
            .iter()
            .filter(|c| c.hlc.wall_ms > now_ms.saturating_add(FUTURE_MS))
            .count() as u32;
        self.apply_batch(&header, &changes)?;
        report.imported_batches += 1;
        report.imported_changes += changes.len() as u32;
        Ok(clash)
    }

    /// One batch, all or nothing, recorded as applied in the same transaction.
    fn apply_batch(&mut self, header: &batch::BatchHeader, changes: &[Change]) -> Result<()> {
        let (now, registry) = (iso(self.now()), self.registry());
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        apply_changes(&tx, registry, changes, false)?;
        tx.execute(
            "INSERT OR IGNORE INTO sync_batches (replica, seq, sha256, changes, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![header.replica.to_string(), header.seq as i64, header.sha256, changes.len() as i64, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn is_own_batch(&self, header: &batch::BatchHeader) -> Result<bool> {
        let local: i64 = self.conn().query_row(
            "SELECT count(*) FROM changes WHERE hlc IN (?1, ?2) AND local = 1",
            params![header.first_hlc.to_bytes(), header.last_hlc.to_bytes()],
            |r| r.get(0),
        )?;
        Ok(local
            == if header.first_hlc == header.last_hlc {
                1
            } else {
                2
            })
    }

    /// Record a batch of ours as written: it, and every local change up to
    /// its last, are in the folder.
    fn note_exported(&mut self, header: &batch::BatchHeader) -> Result<()> {
        let now = iso(self.now());
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT OR IGNORE INTO sync_batches (replica, seq, sha256, changes, applied_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![header.replica.to_string(), header.seq as i64, header.sha256, header.count as i64, now],
        )?;
        let exported = setting(&tx, EXPORTED_KEY)?.unwrap_or_default();
        if header.last_hlc.to_string() > exported {
            set_setting(&tx, EXPORTED_KEY, &header.last_hlc.to_string())?;
        }
        let next: u64 = setting(&tx, NEXT_SEQ_KEY)?
            .and_then(|s| s.parse().ok())
            .unwrap_or(1);
        set_setting(&tx, NEXT_SEQ_KEY, &next.max(header.seq + 1).to_string())?;
        tx.commit()?;
        Ok(())
    }

    /// Write this laptop's changes that the folder does not have yet.
    fn export(&mut self, dir: &Path, coalition: Uuid, report: &mut SyncReport) -> Result<()> {
        let me = self.replica().id;
        let own = dir.join("changes").join(me.to_string());
        fs::create_dir_all(&own).map_err(|e| Error::io(&own, e))?;
        folder::remove_own_temp_files(&own);
        self.redact_own_batches(&own, coalition)?;
        loop {
            let pending = self.local_changes_after(self.exported_through()?, MAX_BATCH)?;
            if pending.is_empty() {
                return Ok(());
            }
            let mut seq: u64 = setting(self.conn(), NEXT_SEQ_KEY)?
                .and_then(|s| s.parse().ok())
                .unwrap_or(1);
            loop {
                let (header, bytes) = batch::encode(coalition, me, seq, &pending)?;
                let name = folder::batch_file_name(seq);
                match folder::write_new(&own, &name, &bytes)
                    .map_err(|e| Error::io(own.join(&name), e))?
                {
                    Written::New => {
                        self.note_exported(&header)?;
                        report.exported_batches += 1;
                        report.exported_changes += header.count as u32;
                        break;
                    }
                    Written::Exists => {
                        // Ours from an interrupted sync: adopt it. Anything
                        // else under our name: leave it (import takes it) and
                        // use the next number.
                        if let Ok(existing) = fs::read(own.join(&name)) {
                            if let Decoded::Complete(h, _) = batch::decode(&existing, coalition) {
                                if h.replica == me && self.is_own_batch(&h)? {
                                    self.note_exported(&h)?;
                                    break;
                                }
                            }
                        }
                        seq += 1;
                    }
                }
            }
        }
    }

    /// Take erased people out of this laptop's batches in the shared folder:
    /// each batch that holds their values is rewritten without them and
    /// with the erasure itself. Other laptops skip the rewritten file (they
    /// know its replica and number), laptops that join later read it. Each
    /// laptop rewrites only its own batches, the folder's one writer rule.
    fn redact_own_batches(&mut self, own: &Path, coalition: Uuid) -> Result<()> {
        let erasures: Vec<Change> = self
            .conn()
            .prepare(
                "SELECT entity, entity_id, 'erased', 'true', hlc, NULL FROM erasures \
                 WHERE redacted = 0",
            )?
            .query_map([], crate::changes::change_from_row)?
            .map(|r| r?)
            .collect::<Result<_>>()?;
        if erasures.is_empty() {
            return Ok(());
        }
        let me = self.replica().id;
        let erased: HashSet<Uuid> = erasures.iter().map(|e| e.id).collect();
        let entries = fs::read_dir(own).map_err(|e| Error::io(own, e))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // A sync service's copy of a batch ("00000003 (1).wiegchanges") too.
            if !folder::may_be_batch(&name) {
                continue;
            }
            let path = entry.path();
            let bytes = fs::read(&path).map_err(|e| Error::io(&path, e))?;
            let Decoded::Complete(header, changes) = batch::decode(&bytes, coalition) else {
                continue;
            };
            if header.replica != me || !changes.iter().any(|c| erased.contains(&c.id)) {
                continue;
            }
            let (gone, mut kept): (Vec<Change>, Vec<Change>) =
                changes.into_iter().partition(|c| erased.contains(&c.id));
            kept.extend(
                erasures
                    .iter()
                    .filter(|e| gone.iter().any(|g| g.id == e.id))
                    .cloned(),
            );
            kept.sort_by_key(|c| c.hlc);
            let (_, bytes) = batch::encode(coalition, me, header.seq, &kept)?;
            folder::write_replacing(own, &name, &bytes).map_err(|e| Error::io(&path, e))?;
        }
        self.conn()
            .execute("UPDATE erasures SET redacted = 1 WHERE redacted = 0", [])?;
        Ok(())
    }

    /// The newest local change already in the shared folder (zeros: none).
    fn exported_through(&self) -> Result<[u8; crate::hlc::HLC_BYTES]> {
        Ok(setting(self.conn(), EXPORTED_KEY)?
            .and_then(|text| text.parse::<crate::hlc::Hlc>().ok())
            .map(|hlc| hlc.to_bytes())
            .unwrap_or_default())
    }

    fn local_changes_after(
        &self,
        exported: [u8; crate::hlc::HLC_BYTES],
        limit: usize,
    ) -> Result<Vec<Change>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT entity, entity_id, field, value, hlc, prev FROM changes \
             WHERE local = 1 AND hlc > ?1 ORDER BY hlc LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            params![exported, limit as i64],
            crate::changes::change_from_row,
        )?;
        rows.map(|r| r?).collect()
    }

    fn write_replica_file(&self, dir: &Path) -> Result<()> {
        let replicas = dir.join("replicas");
        fs::create_dir_all(&replicas).map_err(|e| Error::io(&replicas, e))?;
        let me = ReplicaFile {
            id: self.replica().id,
            name: self.replica().name.clone(),
            app_version: env!("CARGO_PKG_VERSION").into(),
            last_sync: self.now(),
        };
        let name = format!("{}.json", me.id);
        folder::write_replacing(&replicas, &name, &serde_json::to_vec_pretty(&me)?)
            .map_err(|e| Error::io(replicas.join(&name), e))
    }

    fn read_replica_files(&mut self, dir: &Path) -> Result<()> {
        let Ok(entries) = fs::read_dir(dir.join("replicas")) else {
            return Ok(());
        };
        let tx = self.conn_mut().transaction()?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if folder::is_ignored(&name) || !name.ends_with(".json") {
                continue;
            }
            // A half-synced or foreign file is simply not (yet) a replica.
            let Ok(bytes) = fs::read(entry.path()) else {
                continue;
            };
            let Ok(r) = serde_json::from_slice::<ReplicaFile>(&bytes) else {
                continue;
            };
            tx.execute(
                "INSERT INTO known_replicas (id, name, app_version, last_sync) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (id) DO UPDATE SET name = excluded.name, app_version = excluded.app_version, \
                 last_sync = max(last_sync, excluded.last_sync)",
                params![r.id.to_string(), r.name, r.app_version, iso(r.last_sync)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Build a new laptop's database from a shared folder: every batch of
    /// the coalition there. `coalition` picks one when the folder has several.
    pub fn join_with(
        data_dir: &Path,
        registry: &'static Registry,
        shared: &Path,
        coalition: Option<Uuid>,
    ) -> Result<(Workspace, SyncReport)> {
        let found = coalitions_in(shared)?;
        let (id, _) = match (coalition, found.as_slice()) {
            (_, []) => return Err(Error::NoCoalitionInFolder(shared.display().to_string())),
            (None, [one]) => one.clone(),
            (None, _) => {
                let ids: Vec<String> = found.iter().map(|(_, p)| p.display().to_string()).collect();
                return Err(Error::SeveralCoalitionsInFolder(ids.join(", ")));
            }
            (Some(id), _) => found
                .iter()
                .find(|(f, _)| *f == id)
                .cloned()
                .ok_or_else(|| {
                    Error::NoCoalitionInFolder(format!("{} ({id})", shared.display()))
                })?,
        };
        let mut ws = Workspace::open_with(data_dir, registry)?;
        if let Some((existing, name)) = ws.root()? {
            if existing != id {
                return Err(Error::CoalitionExists(name));
            }
        }
        ws.set_sync_folder(shared)?;
        let dir = find_coalition_dir(shared, id)
            .ok_or_else(|| Error::NoCoalitionInFolder(shared.display().to_string()))?;
        let mut report = SyncReport {
            folder: shared.display().to_string(),
            ..Default::default()
        };
        let clash = ws.import(&dir, id, &mut report)?;
        if ws.erasure_count()? > 0 {
            ws.scrub_erased()?;
        }
        if clash {
            report.new_replica_id = Some(renew_replica_id(&mut ws)?);
        }
        if ws.root()?.is_none() {
            return Err(Error::NoCoalitionInFolder(format!(
                "{}: de coalitiegegevens zijn er nog niet (helemaal); probeer het later opnieuw",
                shared.display()
            )));
        }
        ws.write_replica_file(&dir)?;
        ws.read_replica_files(&dir)?;
        report.finished_at = ws.now();
        set_setting(ws.conn(), LAST_SYNC_KEY, &iso(report.finished_at))?;
        Ok((ws, report))
    }
}
