//! The coalition itself: one per database, created on the first laptop and
//! synced to the others like any entity.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;

use crate::changes::Writer;
use crate::error::{Error, Result};
use crate::schema::{entity, Date, Moment, Text};
use crate::time::iso;
use crate::workspace::{Replica, Workspace};

entity! {
    /// The coalition: one living row per database.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Coalition in COALITION = "coalition", "coalition";
    input CoalitionInput => CoalitionChecked {}
    fields {
        name: String = Text<200> ["Naam van de coalitie", "Name of the coalition"]
            required "geef de coalitie een naam",
        /// The day the coalition began (`2020-03-01` or `1-3-2020`): "dagen
        /// onderweg" count from it. Empty: from the day it was made in Wieg.
        start_date: Option<NaiveDate> = Date ["Gestart op", "Started on"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {}
    hidden { logo, deleted }
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
        Ok(self
            .conn()
            .query_row(
                &format!(
                    "{} WHERE deleted = 0 ORDER BY id LIMIT 1",
                    Coalition::SELECT
                ),
                [],
                Coalition::read,
            )
            .optional()?)
    }

    pub fn require_coalition(&self) -> Result<Coalition> {
        self.coalition()?.ok_or(Error::NoCoalition)
    }

    /// The logo documents carry: a PNG, if one was chosen.
    pub fn coalition_logo(&self) -> Result<Option<Vec<u8>>> {
        Ok(self
            .coalition_logo_base64()?
            .and_then(|text| BASE64.decode(text).ok()))
    }

    /// The logo as stored: base64 of a PNG (for a preview in the app).
    pub fn coalition_logo_base64(&self) -> Result<Option<String>> {
        let Some(coalition) = self.coalition()? else {
            return Ok(None);
        };
        let text: String = self.conn().query_row(
            "SELECT logo FROM coalition WHERE id = ?1",
            [coalition.id.to_string()],
            |r| r.get(0),
        )?;
        Ok(Some(text).filter(|t| !t.is_empty()))
    }

    /// Use the picture at `path` (PNG or JPEG) as the coalition's logo in
    /// documents. It is scaled to fit 600 × 300 pixels and kept as a PNG,
    /// so it stays small in the log that every laptop syncs.
    pub fn set_coalition_logo(&mut self, path: &std::path::Path) -> Result<()> {
        let coalition = self.require_coalition()?;
        let refuse = |why: &str| {
            Error::validation(
                "logo",
                crate::error::ValidationCode::InvalidChoice,
                format!("{}: {why}", path.display()),
            )
        };
        let size = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        if size > 10 * 1024 * 1024 {
            return Err(refuse("groter dan 10 MB; kies een kleinere afbeelding"));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let picture = image::load_from_memory(&bytes)
            .map_err(|_| refuse("geen PNG- of JPEG-afbeelding die te lezen is"))?;
        let picture = if picture.width() > 600 || picture.height() > 300 {
            picture.resize(600, 300, image::imageops::FilterType::Lanczos3)
        } else {
            picture
        };
        let mut png = Vec::new();
        picture
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| Error::InvalidInput(format!("logo opslaan: {e}")))?;
        let text = BASE64.encode(png);
        self.write(|w| w.set(&COALITION, coalition.id, "logo", text).map(drop))
    }

    pub fn clear_coalition_logo(&mut self) -> Result<()> {
        let coalition = self.require_coalition()?;
        self.write(|w| w.set(&COALITION, coalition.id, "logo", "").map(drop))
    }

    pub fn status(&self) -> Result<AppStatus> {
        Ok(AppStatus {
            coalition: self.coalition()?,
            replica: self.replica().clone(),
            data_dir: self.data_dir().display().to_string(),
        })
    }

    /// Rename the coalition or set the day it began, in one edit.
    pub fn update_coalition(&mut self, input: &CoalitionInput) -> Result<Coalition> {
        let coalition = self.require_coalition()?;
        let fields = input.check(false)?;
        if let Some(Some(day)) = fields.start_date {
            if day > self.today() {
                return Err(Error::validation(
                    "start_date",
                    crate::error::ValidationCode::InvalidDate,
                    "de startdatum ligt in de toekomst",
                ));
            }
        }
        self.write(|w| fields.write(w, coalition.id))?;
        self.require_coalition()
    }

    /// Start a new coalition in this (empty) database.
    pub fn create_coalition(&mut self, name: &str) -> Result<Coalition> {
        if let Some(existing) = self.coalition()? {
            return Err(Error::CoalitionExists(existing.name));
        }
        let today = self.today();
        self.write(|w| create_coalition_in(w, name, today))?;
        self.require_coalition()
    }
}

pub(crate) fn create_coalition_in(
    w: &mut Writer,
    name: &str,
    start_date: NaiveDate,
) -> Result<Uuid> {
    let fields = CoalitionInput {
        name: Some(name.to_string()),
        start_date: Some(start_date.to_string()),
    }
    .check(true)?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&COALITION, id, "created_at", iso(w.now()))?;
    w.set(&COALITION, id, "deleted", false)?;
    Ok(id)
}
