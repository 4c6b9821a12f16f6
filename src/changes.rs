//! The change path. Every write in Wieg, local or from another laptop, is a
//! list of field changes `(entity, id, field, value, hlc, prev)` applied by
//! [`apply_change`]: it appends to the `changes` log and updates the typed
//! table in the same transaction.
//!
//! Merge rules, the same on every replica whatever the order of arrival:
//! - per field, the change with the highest HLC wins (last writer wins);
//! - a change already in the log is skipped, so applying twice is a no-op;
//! - a losing value that no later edit was based on (no change names it as
//!   its `prev`) and that differs from the winner is a *conflict*: it is kept
//!   in `conflicts` so the user can see and restore it;
//! - deletion is the field `deleted`, so sync never removes a row.

use std::collections::HashSet;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::error::Result;
use crate::hlc::{Hlc, HlcClock};

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

/// Every synced entity this version knows. A change for anything else is
/// parked until an upgrade.
pub const ENTITIES: &[&EntitySpec] = &[&crate::coalition::COALITION, &crate::network::ORGANISATION];

pub fn entity_spec(name: &str) -> Option<&'static EntitySpec> {
    ENTITIES.iter().copied().find(|e| e.name == name)
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

/// What happened to one incoming change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// New to this replica; it may or may not have won its field.
    New,
    /// Already in the log: nothing changed.
    Duplicate,
    /// For an entity or field this version does not know: kept for later.
    Parked,
}

/// The current value of a field, if it has one: its HLC and value.
pub(crate) fn current(
    conn: &Connection,
    entity: &str,
    id: Uuid,
    field: &str,
) -> Result<Option<(Hlc, Value)>> {
    let row: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT hlc, value FROM changes WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 \
             ORDER BY hlc DESC LIMIT 1",
        )?
        .query_row(params![entity, id.to_string(), field], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match row {
        None => Ok(None),
        Some((hlc, value)) => Ok(Some((parse_hlc(&hlc)?, serde_json::from_str(&value)?))),
    }
}

/// A change from a row of `entity, entity_id, field, value, hlc, prev`.
pub(crate) fn change_from_row(r: &rusqlite::Row) -> rusqlite::Result<Result<Change>> {
    let (entity, id, field, value, hlc, prev): (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
    ) = (
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    );
    let bad = |what: &str| {
        crate::Error::InvalidInput(format!("beschadigde wijziging in het logboek: {what}"))
    };
    Ok((|| {
        Ok(Change {
            entity,
            id: Uuid::try_parse(&id).map_err(|_| bad(&id))?,
            field,
            value: serde_json::from_str(&value)?,
            hlc: hlc.parse().map_err(|_| bad(&hlc))?,
            prev: prev.map(|p| p.parse().map_err(|_| bad(&p))).transpose()?,
        })
    })())
}

fn parse_hlc(text: &str) -> Result<Hlc> {
    text.parse()
        .map_err(|e: crate::hlc::ParseHlcError| crate::Error::InvalidInput(e.to_string()))
}

/// Apply one change inside the caller's transaction. Idempotent and
/// order-independent: see the module docs.
/// `local` marks a change made on this laptop (sync exports those).
pub fn apply_change(conn: &Connection, change: &Change, local: bool) -> Result<Applied> {
    let Some(spec) = entity_spec(&change.entity).filter(|s| s.has_field(&change.field)) else {
        conn.prepare_cached("INSERT OR IGNORE INTO parked_changes (hlc, change) VALUES (?1, ?2)")?
            .execute(params![
                change.hlc.to_string(),
                serde_json::to_string(change)?
            ])?;
        return Ok(Applied::Parked);
    };
    let id = change.id.to_string();
    let before = current(conn, spec.name, change.id, &change.field)?;
    let inserted = conn
        .prepare_cached(
            "INSERT OR IGNORE INTO changes (hlc, replica, entity, entity_id, field, value, prev, local) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            change.hlc.to_string(),
            change.hlc.replica.to_string(),
            spec.name,
            id,
            change.field,
            serde_json::to_string(&change.value)?,
            change.prev.map(|p| p.to_string()),
            local,
        ])?;
    if inserted == 0 {
        return Ok(Applied::Duplicate);
    }

    let wins = before.as_ref().is_none_or(|(hlc, _)| change.hlc > *hlc);
    if wins {
        conn.prepare_cached(&format!(
            "INSERT OR IGNORE INTO {} (id) VALUES (?1)",
            spec.table
        ))?
        .execute([&id])?;
        let updated_at = crate::time::iso(change.hlc.wall_time());
        conn.prepare_cached(&format!(
            "UPDATE {} SET {} = ?1, updated_at = max(updated_at, ?2) WHERE id = ?3",
            spec.table, change.field
        ))?
        .execute(params![to_sql(&change.value), updated_at, id])?;
    }

    // The common cases need no look at the field's history: the first value
    // of a field, and an edit on top of the only value before it. Anything
    // else may create or settle a conflict (an older value that equalled
    // the winner may differ from the new one), so recompute from the set.
    let simple = wins
        && change.prev == before.as_ref().map(|(hlc, _)| *hlc)
        && field_change_count(conn, spec.name, &id, &change.field)? <= 2;
    if !simple {
        recompute_conflicts(conn, spec.name, &id, &change.field)?;
    }
    Ok(Applied::New)
}

fn field_change_count(conn: &Connection, entity: &str, id: &str, field: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT count(*) FROM (SELECT 1 FROM changes WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 LIMIT 3)")?
        .query_row(params![entity, id, field], |r| r.get(0))?)
}

/// Conflicts of one field, from the whole set of its changes: values that
/// lost, differ from the winner, and that no other change was based on.
fn recompute_conflicts(conn: &Connection, entity: &str, id: &str, field: &str) -> Result<()> {
    let rows: Vec<(String, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT hlc, value, prev FROM changes WHERE entity = ?1 AND entity_id = ?2 AND field = ?3 ORDER BY hlc",
        )?
        .query_map(params![entity, id, field], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    conn.prepare_cached(
        "DELETE FROM conflicts WHERE entity = ?1 AND entity_id = ?2 AND field = ?3",
    )?
    .execute(params![entity, id, field])?;
    let Some((winner_hlc, winner_value, _)) = rows.last() else {
        return Ok(());
    };
    let winner: Value = serde_json::from_str(winner_value)?;
    let based_on: HashSet<&str> = rows
        .iter()
        .filter_map(|(_, _, prev)| prev.as_deref())
        .collect();
    let mut insert = conn.prepare_cached(
        "INSERT INTO conflicts (hlc, entity, entity_id, field, value) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (hlc, value, _) in &rows {
        if hlc == winner_hlc || based_on.contains(hlc.as_str()) {
            continue;
        }
        if serde_json::from_str::<Value>(value)? != winner {
            insert.execute(params![hlc, entity, id, field, value])?;
        }
    }
    Ok(())
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

    /// Set one field. Returns false (and records nothing) when the field
    /// already has this value.
    pub fn set(
        &mut self,
        entity: &EntitySpec,
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
        if before.as_ref().is_some_and(|(_, v)| *v == value) {
            return Ok(false);
        }
        let change = Change {
            entity: entity.name.to_string(),
            id,
            field: field.to_string(),
            value,
            hlc: self.clock.tick(self.now_ms),
            prev: before.map(|(hlc, _)| hlc),
        };
        apply_change(self.tx, &change, true)?;
        self.written.push(change);
        Ok(true)
    }

    /// Set one field on top of a given earlier value, even to the value it
    /// has: how a conflict is settled (the losing value is then "seen").
    pub fn set_based_on(
        &mut self,
        entity: &EntitySpec,
        id: Uuid,
        field: &str,
        value: Value,
        prev: Hlc,
    ) -> Result<()> {
        let change = Change {
            entity: entity.name.to_string(),
            id,
            field: field.to_string(),
            value,
            hlc: self.clock.tick(self.now_ms),
            prev: Some(prev),
        };
        apply_change(self.tx, &change, true)?;
        self.written.push(change);
        Ok(())
    }

    /// The changes this write made so far.
    pub fn written(&self) -> &[Change] {
        &self.written
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
    let rows: Vec<(String, String, String, String, String)> = conn
        .prepare_cached("SELECT hlc, entity, entity_id, field, value FROM conflicts ORDER BY hlc")?
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(hlc, entity, entity_id, field, value)| {
            Ok(Conflict {
                hlc: parse_hlc(&hlc)?,
                entity,
                entity_id: Uuid::try_parse(&entity_id)
                    .map_err(|e| crate::Error::InvalidInput(e.to_string()))?,
                field,
                value,
            })
        })
        .collect()
}
