//! The change path. Every write in Wieg, local or from another laptop, is a
//! list of field changes `(entity, id, field, value, hlc, prev)` applied by
//! [`apply_changes`]: it appends to the `changes` log and updates the typed
//! table in the same transaction.
//!
//! The merge rule lives in [`crate::merge`], pure: per field the highest
//! HLC wins, a change already in the log is a no-op, and a value that lost
//! without anybody having seen it is kept in `conflicts` to show. Deletion
//! is the field `deleted`, so sync never removes a row.
//!
//! The engine names no entity of the domain: the [`Registry`] of entities
//! is handed to it by whoever opens the workspace (`crate::entities`).

use std::collections::{BTreeSet, HashMap};

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::error::Result;
use crate::hlc::{Hlc, HlcClock};
use crate::merge::{self, Version};

/// A synced entity: its name in the change log, its typed table, and the
/// fields that sync. Field names are column names.
#[derive(Debug)]
pub struct EntitySpec {
    pub name: &'static str,
    pub table: &'static str,
    pub fields: &'static [&'static str],
}

impl EntitySpec {
    pub fn has_field(&self, field: &str) -> bool {
        self.fields.contains(&field)
    }
}

/// Bookkeeping field of deletable entities: see [`Writer::set_deleted`].
pub const DELETED_SEEN: &str = "deleted_seen";

/// The field that forgets an entity (personal data, the AVG's right to
/// erasure). Once a change sets it to `true`, every other change of the
/// entity is deleted from the log, its row from its table, its conflicts
/// and parked changes too, and changes for it that arrive later are
/// dropped unread. Only the erasure itself stays (it holds nothing
/// personal), so it syncs on and later joiners forget as well.
pub const ERASED: &str = "erased";

/// Every synced entity one version of the app knows, handed to the engine
/// by whoever opens a workspace: the engine itself names no entity. A
/// change for an entity or field not in it is parked until an upgrade.
#[derive(Debug)]
pub struct Registry {
    entities: &'static [&'static EntitySpec],
    /// The entity with one living row per database (the coalition): its id
    /// names the data set's folder in a shared folder, its `name` the folder.
    root: &'static EntitySpec,
}

impl Registry {
    pub const fn new(entities: &'static [&'static EntitySpec], root: &'static EntitySpec) -> Self {
        Self { entities, root }
    }

    pub fn spec(&self, name: &str) -> Option<&'static EntitySpec> {
        self.entities.iter().copied().find(|e| e.name == name)
    }

    /// Whether a change for `entity`'s `field` can be applied (else it is parked).
    pub fn knows(&self, entity: &str, field: &str) -> bool {
        self.spec(entity).is_some_and(|s| s.has_field(field))
    }

    pub fn entities(&self) -> impl Iterator<Item = &'static EntitySpec> + '_ {
        self.entities.iter().copied()
    }

    pub fn root(&self) -> &'static EntitySpec {
        self.root
    }
}

/// One field of one entity set to one value at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub entity: String,
    pub id: Uuid,
    pub field: String,
    pub value: Value,
    pub hlc: Hlc,
    /// The HLC of the value the editor saw, if the field had one.
    pub prev: Option<Hlc>,
}

/// The current value of a field, if it has one: its HLC and value.
pub(crate) fn current(
    conn: &Connection,
    entity: &str,
    id: Uuid,
    field: &str,
) -> Result<Option<(Hlc, Value)>> {
    let row: Option<(Hlc, String)> = conn
        .prepare_cached(
            "SELECT hlc, value FROM changes WHERE entity_id = ?1 AND field = ?2 AND entity = ?3 \
             ORDER BY hlc DESC LIMIT 1",
        )?
        .query_row(params![id.as_bytes(), field, entity], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match row {
        None => Ok(None),
        Some((hlc, value)) => Ok(Some((hlc, serde_json::from_str(&value)?))),
    }
}

/// The value of one change in an entity's history, if it is there.
pub(crate) fn value_at(conn: &Connection, id: Uuid, hlc: Hlc) -> Result<Option<Value>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value FROM changes WHERE entity_id = ?1 AND hlc = ?2")?
        .query_row(params![id.as_bytes(), hlc.to_bytes()], |r| r.get(0))
        .optional()?;
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}

/// A change from a row of `entity, entity_id, field, value, hlc, prev`. Ids
/// and HLCs may be in the log's binary form or as text (other tables).
pub(crate) fn change_from_row(r: &rusqlite::Row) -> rusqlite::Result<Result<Change>> {
    let bad = |what: String| {
        crate::error::Error::InvalidInput(format!("beschadigde wijziging in het logboek: {what}"))
    };
    let id = r.get_ref(1)?;
    let hlc = r.get_ref(4)?;
    let prev = r.get_ref(5)?;
    let value: String = r.get(3)?;
    let (entity, field): (String, String) = (r.get(0)?, r.get(2)?);
    Ok((|| {
        Ok(Change {
            entity,
            id: uuid_of(id).ok_or_else(|| bad(format!("{id:?}")))?,
            field,
            value: serde_json::from_str(&value)?,
            hlc: hlc_of(hlc).ok_or_else(|| bad(format!("{hlc:?}")))?,
            prev: match prev {
                rusqlite::types::ValueRef::Null => None,
                other => Some(hlc_of(other).ok_or_else(|| bad(format!("{other:?}")))?),
            },
        })
    })())
}

fn uuid_of(value: rusqlite::types::ValueRef) -> Option<Uuid> {
    match value {
        rusqlite::types::ValueRef::Blob(b) => Uuid::from_slice(b).ok(),
        rusqlite::types::ValueRef::Text(t) => Uuid::try_parse_ascii(t).ok(),
        _ => None,
    }
}

/// Column `i` as an HLC, in the log's binary form or as text.
pub(crate) fn hlc_column(r: &rusqlite::Row, i: usize) -> rusqlite::Result<Hlc> {
    let value = r.get_ref(i)?;
    hlc_of(value).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            value.data_type(),
            format!("ongeldige tijdstempel: {value:?}").into(),
        )
    })
}

fn hlc_of(value: rusqlite::types::ValueRef) -> Option<Hlc> {
    match value {
        rusqlite::types::ValueRef::Blob(b) => Hlc::from_bytes(b),
        rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok()?.parse().ok(),
        _ => None,
    }
}

/// What applying a list of changes did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    /// New to this replica (each may or may not have won its field).
    pub new: usize,
    /// Already in the log: nothing changed.
    pub duplicates: usize,
    /// For an entity or field this version does not know: kept for later.
    pub parked: usize,
    /// Dropped because their entity was erased (or erased by them).
    pub erased: usize,
}

/// One change of an entity, for the merge: from the log, or just arrived
/// (then with its value still parsed).
struct Stored<'a> {
    hlc: Hlc,
    /// The field's index in the entity's spec.
    field: usize,
    /// The value as JSON text, as the log stores it.
    value: String,
    parsed: Option<&'a Value>,
    prev: Option<Hlc>,
}

impl Stored<'_> {
    fn version(&self) -> Version<'_> {
        Version {
            hlc: self.hlc,
            value: &self.value,
            prev: self.prev,
        }
    }

    fn sql_value(&self) -> Result<SqlValue> {
        Ok(match self.parsed {
            Some(value) => to_sql(value),
            None => to_sql(&serde_json::from_str(&self.value)?),
        })
    }
}

/// Apply changes inside the caller's transaction. Idempotent and
/// order-independent: see the module docs. Each entity's history is read
/// once, and its merged state written once, however many of its fields
/// change. `local` marks changes made on this laptop (sync exports those).
pub fn apply_changes(
    conn: &Connection,
    registry: &Registry,
    changes: &[Change],
    local: bool,
) -> Result<Applied> {
    apply_with(conn, |name| registry.spec(name), changes, local)
}

fn apply_with(
    conn: &Connection,
    entity_spec: impl Fn(&str) -> Option<&'static EntitySpec>,
    changes: &[Change],
    local: bool,
) -> Result<Applied> {
    let mut applied = Applied::default();
    let mut index: HashMap<(&'static str, Uuid), usize> = HashMap::new();
    let mut groups: Vec<(Uuid, &'static EntitySpec, Vec<&Change>)> = Vec::new();
    let mut last_spec: Option<&'static EntitySpec> = None;
    for change in changes {
        // Changes come in runs of one entity kind: look the kind up once a run.
        let spec = match last_spec {
            Some(s) if s.name == change.entity => Some(s),
            _ => entity_spec(&change.entity),
        };
        last_spec = spec.or(last_spec);
        match spec.filter(|s| s.has_field(&change.field)) {
            Some(spec) => {
                let at = *index.entry((spec.name, change.id)).or_insert_with(|| {
                    groups.push((change.id, spec, Vec::new()));
                    groups.len() - 1
                });
                groups[at].2.push(change);
            }
            None => {
                conn.prepare_cached(
                    "INSERT OR IGNORE INTO parked_changes (hlc, change) VALUES (?1, ?2)",
                )?
                .execute(params![
                    change.hlc.to_string(),
                    serde_json::to_string(change)?
                ])?;
                applied.parked += 1;
            }
        }
    }
    // In key order, so the log's B-tree is written front to back.
    groups.sort_by(|a, b| (a.0, a.1.name).cmp(&(b.0, b.1.name)));
    for (id, spec, mut incoming) in groups {
        apply_entity(conn, spec, id, &mut incoming, local, &mut applied)?;
    }
    if !local {
        if let Some(latest) = changes.iter().map(|c| c.hlc).max() {
            note_latest(conn, latest)?;
        }
    }
    Ok(applied)
}

/// The setting that holds the newest HLC applied from elsewhere: the log has
/// no index by HLC alone, and a clock must never fall behind it.
const LATEST_KEY: &str = "clock.latest";

/// Remember `hlc` as seen, if it is the newest yet. In the caller's transaction.
pub(crate) fn note_latest(conn: &Connection, hlc: Hlc) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO local_settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)",
    )?
    .execute(params![LATEST_KEY, hlc.to_string()])?;
    Ok(())
}

/// The newest HLC in the log: this laptop's own newest change (an index
/// holds those) or the newest one applied from elsewhere.
pub(crate) fn latest(conn: &Connection) -> Result<Option<Hlc>> {
    let own: Option<Hlc> = conn
        .prepare_cached("SELECT max(hlc) FROM changes WHERE local = 1")?
        .query_row([], |r| r.get(0))?;
    let seen: Option<String> = conn
        .prepare_cached("SELECT value FROM local_settings WHERE key = ?1")?
        .query_row([LATEST_KEY], |r| r.get(0))
        .optional()?;
    let seen = seen.and_then(|s| s.parse::<Hlc>().ok());
    Ok(own.max(seen))
}

fn apply_entity(
    conn: &Connection,
    spec: &EntitySpec,
    id: Uuid,
    incoming: &mut [&Change],
    local: bool,
    applied: &mut Applied,
) -> Result<()> {
    let key = *id.as_bytes();
    if spec.has_field(ERASED) && erase(conn, spec, id, incoming, local, applied)? {
        return Ok(());
    }
    let mut history: Vec<Stored> = conn
        .prepare_cached(
            "SELECT hlc, field, value, prev FROM changes WHERE entity_id = ?1 AND entity = ?2",
        )?
        .query_map(params![key, spec.name], |r| {
            let field = r.get_ref(1)?.as_str()?;
            Ok(spec.fields.iter().position(|f| *f == field).map(|field| {
                Ok::<_, rusqlite::Error>(Stored {
                    hlc: r.get(0)?,
                    field,
                    value: r.get(2)?,
                    parsed: None,
                    prev: r.get(3)?,
                })
            }))
        })?
        // A field this version no longer has cannot change a row.
        .filter_map(|r| r.transpose())
        .map(|r| r.and_then(|s| s))
        .collect::<rusqlite::Result<_>>()?;
    // Searched below. The rows come in key order already (an ORDER BY in
    // the query costs a join a third of its speed), so this only checks.
    history.sort_by_key(|s| s.hlc);

    incoming.sort_by_key(|c| c.hlc);
    let known: Vec<Hlc> = history.iter().map(|s| s.hlc).collect();
    let arriving: Vec<Hlc> = incoming.iter().map(|c| c.hlc).collect();
    let fresh_at = merge::fresh_indexes(&known, &arriving);
    applied.duplicates += incoming.len() - fresh_at.len();
    let mut fresh: Vec<Stored> = Vec::with_capacity(fresh_at.len());
    let mut insert = conn.prepare_cached(
        "INSERT INTO changes (entity_id, hlc, entity, field, value, prev, local) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for change in fresh_at.into_iter().map(|i| incoming[i]) {
        let field = spec
            .fields
            .iter()
            .position(|f| *f == change.field)
            .expect("apply_changes passes known fields only");
        let value = serde_json::to_string(&change.value)?;
        insert.execute(params![
            key,
            change.hlc.to_bytes(),
            spec.name,
            spec.fields[field],
            value,
            change.prev.map(|p| p.to_bytes()),
            local
        ])?;
        fresh.push(Stored {
            hlc: change.hlc,
            field,
            value,
            parsed: Some(&change.value),
            prev: change.prev,
        });
    }
    if fresh.is_empty() {
        return Ok(());
    }
    applied.new += fresh.len();

    let touched = fresh.iter().fold(0u64, |m, s| m | 1 << s.field);
    // The fields whose winner changed, by their index in the spec.
    let mut row: Vec<(usize, SqlValue)> = Vec::new();
    // The newest winning change.
    let mut newest: Option<Hlc> = None;
    let mut listed: Option<HashMap<String, BTreeSet<Hlc>>> = None;
    for field in (0..spec.fields.len()).filter(|i| touched & (1 << i) != 0) {
        let (old, new) = (versions_of(&history, field), versions_of(&fresh, field));
        let old_versions: Vec<Version> = old.iter().map(|(_, v)| *v).collect();
        let new_versions: Vec<Version> = new.iter().map(|(_, v)| *v).collect();
        let Some(merged) = merge::merge_field(&old_versions, &new_versions) else {
            continue;
        };
        if merged.winner_changed {
            let winner = new
                .iter()
                .find(|(_, v)| v.hlc == merged.winner)
                .map(|(i, _)| &fresh[*i])
                .expect("a changed winner is a new version");
            row.push((field, winner.sql_value()?));
            newest = newest.max(Some(winner.hlc));
        }
        // Delete bookkeeping is last-writer-wins only, never a conflict to show.
        let Some(lost) = merged.lost.filter(|_| spec.fields[field] != DELETED_SEEN) else {
            continue;
        };
        let lost: BTreeSet<Hlc> = lost.iter().copied().collect();
        let listed = match &mut listed {
            Some(l) => l,
            None => listed.insert(listed_conflicts(conn, spec.name, id)?),
        };
        let name = spec.fields[field];
        if listed.get(name).cloned().unwrap_or_default() != lost {
            conn.prepare_cached(
                "DELETE FROM conflicts WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
            )?
            .execute(params![spec.name, id.as_bytes(), name])?;
            let mut add = conn.prepare_cached(
                "INSERT INTO conflicts (hlc, entity, entity_id, field, value) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for v in old_versions.iter().chain(&new_versions) {
                if lost.contains(&v.hlc) {
                    add.execute(params![v.hlc, spec.name, id.as_bytes(), name, v.value])?;
                }
            }
        }
    }
    if let Some(newest) = newest {
        // One upsert of every field whose winner changed.
        let updated_at = crate::time::iso(newest.wall_time());
        row.sort_by_key(|(index, _)| *index);
        let mask = row.iter().fold(0u64, |m, (index, _)| m | 1 << index);
        let mut values: Vec<SqlValue> = Vec::with_capacity(row.len() + 2);
        values.push(SqlValue::Text(id.to_string()));
        values.push(SqlValue::Text(updated_at));
        values.extend(row.into_iter().map(|(_, v)| v));
        UPSERTS.with(|cache| -> Result<()> {
            let mut cache = cache.borrow_mut();
            let sql = cache
                .entry((spec.table, mask))
                .or_insert_with(|| upsert_sql(spec, mask));
            conn.prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(values))?;
            Ok(())
        })?;
    }
    Ok(())
}

/// The versions of one field (by its index in the spec), with their places.
fn versions_of<'s>(stored: &'s [Stored<'_>], field: usize) -> Vec<(usize, Version<'s>)> {
    stored
        .iter()
        .enumerate()
        .filter(|(_, s)| s.field == field)
        .map(|(i, s)| (i, s.version()))
        .collect()
}

thread_local! {
    /// The upsert of each table and set of fields, built once: the change
    /// path runs it for every entity a sync brings.
    static UPSERTS: std::cell::RefCell<HashMap<(&'static str, u64), String>> =
        std::cell::RefCell::new(HashMap::new());
}

/// `INSERT … ON CONFLICT DO UPDATE` of the fields in `mask` (bit i = the
/// spec's field i), with `?1` the id, `?2` updated_at, then the fields in
/// spec order.
fn upsert_sql(spec: &EntitySpec, mask: u64) -> String {
    let columns: Vec<&str> = spec
        .fields
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, f)| *f)
        .collect();
    let placeholders: Vec<String> = (0..columns.len()).map(|i| format!("?{}", i + 3)).collect();
    let sets: Vec<String> = columns
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {table} (id, updated_at, {cols}) VALUES (?1, ?2, {vals}) \
         ON CONFLICT (id) DO UPDATE SET {sets}, updated_at = max(updated_at, excluded.updated_at)",
        table = spec.table,
        cols = columns.join(", "),
        vals = placeholders.join(", "),
        sets = sets.join(", "),
    )
}

/// Whether the entity is (now) erased: if so, see [`ERASED`].
fn erase(
    conn: &Connection,
    spec: &EntitySpec,
    id: Uuid,
    incoming: &[&Change],
    local: bool,
    applied: &mut Applied,
) -> Result<bool> {
    let known: Option<Hlc> = conn
        .prepare_cached("SELECT hlc FROM erasures WHERE entity_id = ?1")?
        .query_row([id.as_bytes()], |r| hlc_column(r, 0))
        .optional()?;
    // Two laptops may forget the same person: every laptop keeps the
    // earliest erasure, so their logs end up the same.
    let erasure = incoming
        .iter()
        .filter(|c| c.field == ERASED && c.value == Value::Bool(true))
        .min_by_key(|c| c.hlc)
        .filter(|c| known.is_none_or(|k| c.hlc < k));
    if known.is_none() && erasure.is_none() {
        return Ok(false);
    }
    applied.erased += incoming.len();
    if let Some(erasure) = erasure {
        conn.prepare_cached("DELETE FROM changes WHERE entity_id = ?1")?
            .execute([id.as_bytes()])?;
        for sql in [
            "DELETE FROM conflicts WHERE entity_id = ?1",
            "DELETE FROM erasures WHERE entity_id = ?1",
        ] {
            conn.prepare_cached(sql)?.execute([id.as_bytes()])?;
        }
        // Parked changes are JSON, and the typed tables name ids as text.
        let id_text = id.to_string();
        conn.prepare_cached("DELETE FROM parked_changes WHERE json_extract(change, '$.id') = ?1")?
            .execute([&id_text])?;
        conn.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", spec.table))?
            .execute([&id_text])?;
        conn.prepare_cached("INSERT INTO erasures (entity_id, entity, hlc) VALUES (?1, ?2, ?3)")?
            .execute(params![id.as_bytes(), spec.name, erasure.hlc])?;
        conn.prepare_cached(
            "INSERT INTO changes (entity_id, hlc, entity, field, value, prev, local) \
             VALUES (?1, ?2, ?3, ?4, 'true', NULL, ?5)",
        )?
        .execute(params![
            id.as_bytes(),
            erasure.hlc.to_bytes(),
            spec.name,
            ERASED,
            local
        ])?;
        applied.erased -= 1;
        applied.new += 1;
    }
    Ok(true)
}

fn listed_conflicts(
    conn: &Connection,
    entity: &str,
    id: Uuid,
) -> Result<HashMap<String, BTreeSet<Hlc>>> {
    let mut out: HashMap<String, BTreeSet<Hlc>> = HashMap::new();
    let rows = conn
        .prepare_cached("SELECT field, hlc FROM conflicts WHERE entity = ?1 AND entity_id = ?2")?
        .query_map(params![entity, id.as_bytes()], |r| {
            Ok((r.get::<_, String>(0)?, hlc_column(r, 1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (field, hlc) in rows {
        out.entry(field).or_default().insert(hlc);
    }
    Ok(out)
}

fn to_sql(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            None => SqlValue::Real(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

/// The local side of the change path: domain code calls [`Writer::set`] for
/// each field it changes, inside one transaction.
pub struct Writer<'a> {
    pub(crate) tx: &'a rusqlite::Transaction<'a>,
    pub(crate) clock: &'a mut HlcClock,
    pub(crate) now_ms: u64,
    pub(crate) written: Vec<Change>,
}

impl Writer<'_> {
    /// The transaction, for reads that must see this write's own changes.
    pub fn conn(&self) -> &Connection {
        self.tx
    }

    /// The moment of this write, by the workspace's clock.
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        crate::time::from_ms(self.now_ms)
    }

    /// Today, on the user's calendar, as this write sees it.
    pub fn today(&self) -> chrono::NaiveDate {
        crate::time::calendar_day(self.now())
    }

    /// Set one field. Returns false (and records nothing) when the field
    /// already has this value.
    pub fn set(
        &mut self,
        entity: &'static EntitySpec,
        id: Uuid,
        field: &str,
        value: impl Into<Value>,
    ) -> Result<bool> {
        debug_assert!(
            entity.has_field(field),
            "{} has no field {field}",
            entity.name
        );
        let value = value.into();
        let before = current(self.tx, entity.name, id, field)?;
        // No change: the same value, or "nothing" for a field that never had one.
        if before
            .as_ref()
            .map_or(value.is_null(), |(_, v)| *v == value)
        {
            return Ok(false);
        }
        self.record(entity, id, field, value, before.map(|(hlc, _)| hlc))?;
        Ok(true)
    }

    /// Delete (as a tombstone) or restore. A delete also records the newest
    /// change of the entity this laptop had seen, so edits made elsewhere
    /// that it had not seen can be shown as having raced the delete.
    pub fn set_deleted(
        &mut self,
        entity: &'static EntitySpec,
        id: Uuid,
        deleted: bool,
    ) -> Result<bool> {
        if deleted && entity.has_field(DELETED_SEEN) {
            let newest: Option<Hlc> = self
                .tx
                .prepare_cached("SELECT max(hlc) FROM changes WHERE entity_id = ?1")?
                .query_row([id.as_bytes()], |r| r.get(0))?;
            let newest = newest.map(|h| h.to_string()).unwrap_or_default();
            self.set(entity, id, DELETED_SEEN, newest)?;
        }
        self.set(entity, id, "deleted", deleted)
    }

    /// Set one field on top of a given earlier value, even to the value it
    /// has: how a conflict is settled (the losing value is then "seen").
    pub fn set_based_on(
        &mut self,
        entity: &'static EntitySpec,
        id: Uuid,
        field: &str,
        value: Value,
        prev: Hlc,
    ) -> Result<()> {
        self.record(entity, id, field, value, Some(prev))
    }

    /// Stamp a change now and apply it as a local one.
    fn record(
        &mut self,
        entity: &'static EntitySpec,
        id: Uuid,
        field: &str,
        value: Value,
        prev: Option<Hlc>,
    ) -> Result<()> {
        let change = Change {
            entity: entity.name.to_string(),
            id,
            field: field.to_string(),
            value,
            hlc: self.clock.tick(self.now_ms),
            prev,
        };
        apply_with(
            self.tx,
            |_| Some(entity),
            std::slice::from_ref(&change),
            true,
        )?;
        self.written.push(change);
        Ok(())
    }

    /// The changes this write made so far.
    pub fn written(&self) -> &[Change] {
        &self.written
    }

    /// Run `edit` as a part that can fail on its own: on error, what it
    /// wrote is rolled back (a savepoint) and the rest of the write goes on.
    pub fn attempt<T>(&mut self, edit: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.tx.execute_batch("SAVEPOINT attempt")?;
        let mark = self.written.len();
        match edit(self) {
            Ok(value) => {
                self.tx.execute_batch("RELEASE attempt")?;
                Ok(value)
            }
            Err(e) => {
                self.tx
                    .execute_batch("ROLLBACK TO attempt; RELEASE attempt")?;
                self.written.truncate(mark);
                Err(e)
            }
        }
    }
}

/// A value that lost a concurrent edit.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Conflict {
    #[ts(type = "string")]
    pub hlc: Hlc,
    pub entity: String,
    pub entity_id: Uuid,
    pub field: String,
    /// The losing value as JSON text.
    pub value: String,
}

pub(crate) fn conflicts(conn: &Connection) -> Result<Vec<Conflict>> {
    let rows = conn
        .prepare_cached("SELECT hlc, entity, entity_id, field, value FROM conflicts ORDER BY hlc")?
        .query_map([], |r| {
            Ok((
                hlc_column(r, 0)?,
                r.get::<_, String>(1)?,
                r.get_ref(2).map(uuid_of)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(hlc, entity, entity_id, field, value)| {
            Ok(Conflict {
                hlc,
                entity,
                entity_id: entity_id.ok_or_else(|| {
                    crate::error::Error::InvalidInput("beschadigd conflict: geen id".into())
                })?,
                field,
                value,
            })
        })
        .collect()
}
