//! Concurrent edits the user can see and settle. When two laptops change the
//! same field without seeing each other's edit, the later one wins
//! everywhere and the other value is listed here, with who and when, until
//! someone restores it or keeps the current value. Both are ordinary changes
//! and sync like any edit.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{current, DELETED_SEEN};
use crate::error::{Error, Result};
use crate::hlc::Hlc;
use crate::workspace::Workspace;

/// One lost value next to the value that won.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConflictView {
    /// The id of the losing change.
    pub id: String,
    pub entity: String,
    pub entity_id: Uuid,
    /// What the entity is called ("Kraamzorg Het Nest").
    pub entity_label: String,
    pub field: String,
    pub lost_value: String,
    pub lost_by: String,
    pub lost_at: DateTime<Utc>,
    pub current_value: String,
    pub current_by: String,
    pub current_at: DateTime<Utc>,
}

/// Something deleted on one laptop while another laptop, not knowing,
/// still edited it: the edits would vanish with it unless someone looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RacedDelete {
    pub entity: String,
    pub entity_id: Uuid,
    pub entity_label: String,
    pub deleted_by: String,
    pub deleted_at: DateTime<Utc>,
    /// The newest edit per field that the deleting laptop had not seen.
    pub edits: Vec<RacedEdit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RacedEdit {
    pub field: String,
    pub value: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A field value as a person reads it.
pub(crate) fn shown(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(true) => "ja".into(),
        Value::Bool(false) => "nee".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl Workspace {
    pub(crate) fn replica_name(&self, id: Uuid) -> Result<String> {
        if id == self.replica().id {
            return Ok(self.replica().name.clone());
        }
        let name: Option<String> = self
            .conn()
            .query_row(
                "SELECT name FROM known_replicas WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(name.unwrap_or_else(|| format!("laptop {}", &id.simple().to_string()[..8])))
    }

    pub fn conflict_views(&self) -> Result<Vec<ConflictView>> {
        let mut out = Vec::new();
        for c in self.conflicts()? {
            let Some(spec) = self.registry().spec(&c.entity) else {
                continue;
            };
            let Some((winner_hlc, winner_value)) =
                current(self.conn(), spec.name, c.entity_id, &c.field)?
            else {
                continue;
            };
            let label: Option<String> = if spec.has_field("name") {
                self.conn()
                    .query_row(
                        &format!("SELECT name FROM {} WHERE id = ?1", spec.table),
                        [c.entity_id.to_string()],
                        |r| r.get(0),
                    )
                    .optional()?
            } else {
                None
            };
            out.push(ConflictView {
                id: c.hlc.to_string(),
                entity: c.entity.clone(),
                entity_id: c.entity_id,
                entity_label: label.unwrap_or_default(),
                field: c.field.clone(),
                lost_value: shown(&serde_json::from_str(&c.value)?),
                lost_by: self.replica_name(c.hlc.replica)?,
                lost_at: c.hlc.wall_time(),
                current_value: shown(&winner_value),
                current_by: self.replica_name(winner_hlc.replica)?,
                current_at: winner_hlc.wall_time(),
            });
        }
        Ok(out)
    }

    /// Deleted entities with edits their deleter had not seen.
    pub fn raced_deletes(&self) -> Result<Vec<RacedDelete>> {
        let mut out = Vec::new();
        for spec in self
            .registry()
            .entities()
            .filter(|s| s.has_field(DELETED_SEEN))
        {
            let label = if spec.has_field("name") { "name" } else { "''" };
            let deleted: Vec<(String, String, String)> = self
                .conn()
                .prepare(&format!(
                    "SELECT id, {label}, {DELETED_SEEN} FROM {} WHERE deleted = 1 ORDER BY id",
                    spec.table
                ))?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (id, entity_label, seen) in deleted {
                let entity_id =
                    Uuid::try_parse(&id).map_err(|e| Error::InvalidInput(e.to_string()))?;
                // What the deleting laptop had seen (nothing: every change is after it).
                let seen = seen.parse::<Hlc>().ok();
                let rows: Vec<(String, String, Hlc)> = self
                    .conn()
                    .prepare_cached("SELECT field, value, hlc FROM changes WHERE entity_id = ?1")?
                    .query_map(params![entity_id.as_bytes()], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                let history: Vec<(&str, Hlc)> =
                    rows.iter().map(|(f, _, h)| (f.as_str(), *h)).collect();
                let raced = crate::merge::raced_edits(seen, &history);
                if raced.is_empty() {
                    continue;
                }
                let mut edits: Vec<RacedEdit> = Vec::new();
                for (field, hlc) in raced {
                    let (_, value, _) = rows
                        .iter()
                        .find(|(_, _, h)| *h == hlc)
                        .expect("a raced edit is one of the rows");
                    edits.push(RacedEdit {
                        field: field.to_string(),
                        value: shown(&serde_json::from_str(value)?),
                        by: self.replica_name(hlc.replica)?,
                        at: hlc.wall_time(),
                    });
                }
                let Some((deleted_hlc, _)) = current(self.conn(), spec.name, entity_id, "deleted")?
                else {
                    continue;
                };
                out.push(RacedDelete {
                    entity: spec.name.to_string(),
                    entity_id,
                    entity_label,
                    deleted_by: self.replica_name(deleted_hlc.replica)?,
                    deleted_at: deleted_hlc.wall_time(),
                    edits,
                });
            }
        }
        Ok(out)
    }

    /// Bring a deleted entity back, whatever kind it is.
    pub fn undelete(&mut self, entity_id: Uuid) -> Result<()> {
        for spec in self
            .registry()
            .entities()
            .filter(|s| s.has_field("deleted"))
        {
            let exists: bool = self.conn().query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)", spec.table),
                [entity_id.to_string()],
                |r| r.get(0),
            )?;
            if exists {
                return self.write(|w| w.set_deleted(spec, entity_id, false).map(|_| ()));
            }
        }
        Err(Error::NotFound {
            what: "verwijderd item",
            id: entity_id.to_string(),
        })
    }

    /// Keep a raced entity deleted: its edits have now been seen.
    pub fn keep_deleted(&mut self, entity_id: Uuid) -> Result<()> {
        let raced = self.raced_deletes()?;
        let item = raced
            .iter()
            .find(|r| r.entity_id == entity_id)
            .ok_or_else(|| Error::NotFound {
                what: "verwijdering",
                id: entity_id.to_string(),
            })?;
        let spec = self
            .registry()
            .spec(&item.entity)
            .ok_or_else(|| Error::NotFound {
                what: "verwijdering",
                id: entity_id.to_string(),
            })?;
        self.write(|w| w.set_deleted(spec, entity_id, true).map(|_| ()))
    }

    /// Put the lost value back (a new edit on top of the current one).
    pub fn restore_conflict(&mut self, id: &str) -> Result<()> {
        self.settle(id, true)
    }

    /// Keep the current value and stop listing the lost one.
    pub fn keep_current(&mut self, id: &str) -> Result<()> {
        self.settle(id, false)
    }

    fn settle(&mut self, id: &str, restore: bool) -> Result<()> {
        let not_found = || Error::NotFound {
            what: "conflict",
            id: id.to_string(),
        };
        let lost: Hlc = id.trim().parse().map_err(|_| not_found())?;
        let row: Option<(String, Vec<u8>, String, String)> = self
            .conn()
            .query_row(
                "SELECT entity, entity_id, field, value FROM conflicts WHERE hlc = ?1",
                params![lost],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let (entity, entity_id, field, lost_value) = row.ok_or_else(not_found)?;
        let spec = self.registry().spec(&entity).ok_or_else(not_found)?;
        let entity_id = Uuid::from_slice(&entity_id).map_err(|_| not_found())?;
        let lost_value: Value = serde_json::from_str(&lost_value)?;
        self.write(|w| {
            let (winner_hlc, winner_value) =
                current(w.conn(), spec.name, entity_id, &field)?.ok_or_else(not_found)?;
            if restore {
                w.set_based_on(spec, entity_id, &field, lost_value, winner_hlc)
            } else {
                w.set_based_on(spec, entity_id, &field, winner_value, lost)
            }
        })
    }
}
