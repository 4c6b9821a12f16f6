//! The coalition itself: one per database, created on the first laptop and
//! synced to the others like any entity.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result};
use crate::time::{iso, parse_iso_or};
use crate::workspace::{Replica, Workspace};

pub const COALITION: EntitySpec = EntitySpec {
    name: "coalition",
    table: "coalition",
    fields: &["name", "start_date", "created_at", "deleted"],
};

const MAX_NAME: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Coalition {
    pub id: Uuid,
    pub name: String,
    pub start_date: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the app shows before anything else: is there a coalition, and who am I.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AppStatus {
    pub coalition: Option<Coalition>,
    pub replica: Replica,
    pub data_dir: String,
}

impl Workspace {
    pub fn coalition(&self) -> Result<Option<Coalition>> {
        let row: Option<(String, String, Option<String>, String, String)> = self
            .conn()
            .query_row(
                "SELECT id, name, start_date, created_at, updated_at FROM coalition \
                 WHERE deleted = 0 ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((id, name, start_date, created_at, updated_at)) = row else {
            return Ok(None);
        };
        let updated_at = parse_iso_or(&updated_at, DateTime::<Utc>::MIN_UTC);
        Ok(Some(Coalition {
            id: Uuid::try_parse(&id).map_err(|e| Error::InvalidInput(e.to_string()))?,
            name,
            start_date: start_date.and_then(|d| d.parse().ok()),
            created_at: parse_iso_or(&created_at, updated_at),
            updated_at,
        }))
    }

    pub fn require_coalition(&self) -> Result<Coalition> {
        self.coalition()?.ok_or(Error::NoCoalition)
    }

    pub fn status(&self) -> Result<AppStatus> {
        Ok(AppStatus {
            coalition: self.coalition()?,
            replica: self.replica().clone(),
            data_dir: self.data_dir().display().to_string(),
        })
    }

    /// Start a new coalition in this (empty) database.
    pub fn create_coalition(&mut self, name: &str) -> Result<Coalition> {
        if let Some(existing) = self.coalition()? {
            return Err(Error::CoalitionExists(existing.name));
        }
        let today = Utc::now().date_naive();
        self.write(|w| create_coalition_in(w, name, today))?;
        self.require_coalition()
    }
}

pub(crate) fn create_coalition_in(
    w: &mut Writer,
    name: &str,
    start_date: NaiveDate,
) -> Result<Uuid> {
    let name = crate::validate::required_text("name", name, MAX_NAME, "geef de coalitie een naam")?;
    let id = Uuid::now_v7();
    w.set(&COALITION, id, "name", name)?;
    w.set(&COALITION, id, "start_date", start_date.to_string())?;
    w.set(&COALITION, id, "created_at", iso(Utc::now()))?;
    w.set(&COALITION, id, "deleted", false)?;
    Ok(id)
}
