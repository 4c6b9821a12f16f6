//! The municipalities (gemeenten) of the coalition, with their CBS code.
//! Municipalities merge, so each has a period in which it exists.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::time::{iso, parse_iso_or};
use crate::validate;
use crate::vocabulary::fold;
use crate::workspace::Workspace;

pub const MUNICIPALITY: EntitySpec = EntitySpec {
    name: "municipality",
    table: "municipalities",
    fields: &[
        "name",
        "cbs_code",
        "in_coalition",
        "valid_from",
        "valid_to",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Municipality {
    pub id: Uuid,
    pub name: String,
    /// `GM` and four digits, as CBS numbers municipalities.
    pub cbs_code: String,
    pub in_coalition: bool,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct NewMunicipality {
    pub name: String,
    pub cbs_code: String,
    pub in_coalition: Option<bool>,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
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

const SELECT: &str = "SELECT id, name, cbs_code, in_coalition, valid_from, valid_to, created_at, updated_at, deleted \
                      FROM municipalities";

fn from_row(r: &Row) -> rusqlite::Result<Municipality> {
    let id: String = r.get(0)?;
    let updated_at = parse_iso_or(&r.get::<_, String>(7)?, DateTime::<Utc>::MIN_UTC);
    let date = |i: usize| rows::date(r, i);
    Ok(Municipality {
        id: Uuid::try_parse(&id).unwrap_or_default(),
        name: r.get(1)?,
        cbs_code: r.get(2)?,
        in_coalition: r.get(3)?,
        valid_from: date(4)?,
        valid_to: date(5)?,
        created_at: parse_iso_or(&r.get::<_, String>(6)?, updated_at),
        updated_at,
        deleted: r.get(8)?,
    })
}

pub(crate) fn get(conn: &Connection, id: Uuid) -> Result<Municipality> {
    rows::by_id(conn, SELECT, id, "gemeente", from_row)
}

pub(crate) fn create_municipality_in(w: &mut Writer, input: &NewMunicipality) -> Result<Uuid> {
    let name = validate::required_text("name", &input.name, 100, "vul de naam van de gemeente in")?;
    let cbs_code = valid_cbs_code(&input.cbs_code)?;
    let from = input.valid_from.as_deref().filter(|d| !d.trim().is_empty());
    let to = input.valid_to.as_deref().filter(|d| !d.trim().is_empty());
    let from = from.map(|d| validate::date("valid_from", d)).transpose()?;
    let to = to.map(|d| validate::date("valid_to", d)).transpose()?;
    validate::date_order("valid_to", from, to)?;
    let taken: bool = w.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM municipalities WHERE cbs_code = ?1 AND deleted = 0)",
        [&cbs_code],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::validation(
            "cbs_code",
            ValidationCode::Duplicate,
            format!("er is al een gemeente met code {cbs_code}"),
        ));
    }
    let id = Uuid::now_v7();
    w.set(&MUNICIPALITY, id, "name", name)?;
    w.set(&MUNICIPALITY, id, "cbs_code", cbs_code)?;
    w.set(
        &MUNICIPALITY,
        id,
        "in_coalition",
        input.in_coalition.unwrap_or(true),
    )?;
    w.set(&MUNICIPALITY, id, "valid_from", from.map(|d| d.to_string()))?;
    w.set(&MUNICIPALITY, id, "valid_to", to.map(|d| d.to_string()))?;
    w.set(&MUNICIPALITY, id, "created_at", iso(w.now()))?;
    w.set(&MUNICIPALITY, id, "deleted", false)?;
    Ok(id)
}

impl Workspace {
    pub fn create_municipality(&mut self, input: &NewMunicipality) -> Result<Municipality> {
        self.require_coalition()?;
        let id = self.write(|w| create_municipality_in(w, input))?;
        get(self.conn(), id)
    }

    pub fn municipality(&self, id: Uuid) -> Result<Municipality> {
        get(self.conn(), id)
    }

    /// The municipalities, by name; deleted ones only when asked.
    pub fn list_municipalities(&self, include_deleted: bool) -> Result<Vec<Municipality>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE (?1 OR deleted = 0) AND created_at != ''"
        ))?;
        let mut out = stmt
            .query_map([include_deleted], from_row)?
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
