//! The municipalities (gemeenten) of the coalition, with their CBS code.
//! Municipalities merge, so each has a period in which it exists.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::schema::{self, entity, Date, Flag, Moment, Text};
use crate::time::iso;
use crate::validate;
use crate::vocabulary::fold;
use crate::workspace::Workspace;

entity! {
    /// A municipality (gemeente) of the coalition. Municipalities merge, so
    /// each has a period in which it exists.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Municipality in MUNICIPALITY = "municipality", "municipalities";
    input MunicipalityInput => MunicipalityChecked {}
    fields {
        name: String = Text<100> ["Gemeente", "Municipality"] required "vul de naam van de gemeente in",
        /// `GM` and four digits, as CBS numbers municipalities.
        cbs_code: String = Text<20> ["CBS-code", "CBS code"]
            required "vul de CBS-code van de gemeente in" check cbs_code,
        in_coalition: bool = Flag ["In de coalitie", "In the coalition"]
            default (true),
        valid_from: Option<NaiveDate> = Date ["Bestaat vanaf", "Exists from"],
        valid_to: Option<NaiveDate> = Date ["Bestaat tot", "Exists until"],
    }
    kept { created_at: DateTime<Utc> = Moment, deleted: bool = Flag }
    extra {}
    hidden { deleted_seen }
}

fn cbs_code(_field: &str, code: &str) -> Result<String> {
    valid_cbs_code(code)
}

/// "GM0983", "gm983" and "0983" all mean GM0983.
pub fn valid_cbs_code(code: &str) -> Result<String> {
    let trimmed = code.trim().to_uppercase();
    let digits = trimmed.strip_prefix("GM").unwrap_or(&trimmed);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::validation(
            "cbs_code",
            ValidationCode::InvalidCode,
            format!("{code:?} is geen CBS-gemeentecode (GM gevolgd door vier cijfers, bijvoorbeeld GM0983)"),
        ));
    }
    Ok(format!("GM{digits:0>4}"))
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Municipality> {
    rows::by_id(
        conn,
        Municipality::SELECT,
        id,
        "gemeente",
        Municipality::read,
    )
}

/// Two living municipalities never share a CBS code.
fn refuse_taken_code(w: &Writer, cbs_code: &str, except: Option<Uuid>) -> Result<()> {
    let taken: bool = w.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM municipalities \
         WHERE cbs_code = ?1 AND deleted = 0 AND id IS NOT ?2)",
        rusqlite::params![cbs_code, except.map(|id| id.to_string())],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::validation(
            "cbs_code",
            ValidationCode::Duplicate,
            format!("er is al een gemeente met code {cbs_code}"),
        ));
    }
    Ok(())
}

pub(crate) fn create_municipality_in(w: &mut Writer, input: &MunicipalityInput) -> Result<Uuid> {
    let fields = input.check(true)?;
    validate::date_order(
        "valid_to",
        fields.valid_from.flatten(),
        fields.valid_to.flatten(),
    )?;
    refuse_taken_code(w, fields.cbs_code.as_deref().unwrap_or_default(), None)?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&MUNICIPALITY, id, "created_at", iso(w.now()))?;
    w.set(&MUNICIPALITY, id, "deleted", false)?;
    Ok(id)
}

impl Workspace {
    pub fn create_municipality(&mut self, input: &MunicipalityInput) -> Result<Municipality> {
        self.require_coalition()?;
        let id = self.write(|w| create_municipality_in(w, input))?;
        get(self.conn(), id)
    }

    /// Correct a municipality: its name, code, whether it is in the
    /// coalition, and the period it exists (after a merger of municipalities).
    pub fn update_municipality(
        &mut self,
        id: Uuid,
        patch: &MunicipalityInput,
    ) -> Result<Municipality> {
        self.write(|w| {
            let before = get(w.conn(), id)?;
            let fields = patch.check(false)?;
            validate::date_order(
                "valid_to",
                fields.valid_from.unwrap_or(before.valid_from),
                fields.valid_to.unwrap_or(before.valid_to),
            )?;
            if let Some(code) = fields.cbs_code.as_deref() {
                refuse_taken_code(w, code, Some(id))?;
            }
            fields.write(w, id)
        })?;
        get(self.conn(), id)
    }

    pub fn municipality(&self, id: Uuid) -> Result<Municipality> {
        get(self.conn(), id)
    }

    /// The municipalities, by name; deleted ones only when asked.
    pub fn list_municipalities(&self, include_deleted: bool) -> Result<Vec<Municipality>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE (?1 OR deleted = 0) AND {}",
            Municipality::SELECT,
            schema::arrived(&MUNICIPALITY),
        ))?;
        let mut out = stmt
            .query_map([include_deleted], Municipality::read)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.sort_by_cached_key(|m| (fold(&m.name), m.id));
        Ok(out)
    }

    pub fn delete_municipality(&mut self, id: Uuid) -> Result<Municipality> {
        get(self.conn(), id)?;
        self.write(|w| w.set_deleted(&MUNICIPALITY, id, true))?;
        get(self.conn(), id)
    }

    /// By id, CBS code or exact name (ignoring case).
    pub fn find_municipality(&self, key: &str) -> Result<Municipality> {
        if let Ok(id) = Uuid::try_parse(key.trim()) {
            return get(self.conn(), id);
        }
        let code = valid_cbs_code(key).ok();
        let wanted = fold(key.trim());
        self.list_municipalities(false)?
            .into_iter()
            .find(|m| Some(&m.cbs_code) == code.as_ref() || fold(&m.name) == wanted)
            .ok_or(Error::NotFound {
                what: "gemeente",
                id: key.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cbs_codes_are_normalised_or_refused() {
        assert_eq!(valid_cbs_code("GM0983").unwrap(), "GM0983");
        assert_eq!(valid_cbs_code(" gm983 ").unwrap(), "GM0983");
        assert_eq!(valid_cbs_code("0889").unwrap(), "GM0889");
        for bad in ["", "GM", "GM12345", "Venlo", "GM09A3"] {
            assert!(valid_cbs_code(bad).is_err(), "{bad:?}");
        }
    }
}
