//! Relations between organisations: who works with, refers to, meets or
//! funds whom. Kumu's From/To/Type/Strength model, with a period and a note.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::time::{iso, parse_iso_or};
use crate::validate;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

pub const RELATION: EntitySpec = EntitySpec {
    name: "relation",
    table: "relations",
    fields: &[
        "from_org",
        "to_org",
        "kind",
        "strength",
        "start_date",
        "end_date",
        "note",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

dutch_choice!(
    /// What kind of relation two partners have.
    RelationKind {
        Samenwerking = "samenwerking",
        Verwijzing = "verwijzing",
        Overleg = "overleg",
        Financiering = "financiering",
        Convenantpartner = "convenantpartner",
        Anders = "anders",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Relation {
    pub id: Uuid,
    pub from_org: Uuid,
    pub to_org: Uuid,
    pub kind: RelationKind,
    /// 1 (loose) to 5 (strong).
    pub strength: u8,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct NewRelation {
    pub from_org: Uuid,
    pub to_org: Uuid,
    pub kind: Option<RelationKind>,
    pub strength: Option<u8>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub note: Option<String>,
}

/// The fields of a relation to change; absent fields stay as they are, an
/// empty date clears it.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct RelationPatch {
    pub kind: Option<RelationKind>,
    pub strength: Option<u8>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub note: Option<String>,
}

const SELECT: &str =
    "SELECT id, from_org, to_org, kind, strength, start_date, end_date, note, created_at, \
                      updated_at, deleted FROM relations";

fn from_row(r: &Row) -> rusqlite::Result<Relation> {
    let uuid = |i: usize| rows::uuid(r, i);
    let date = |i: usize| rows::date(r, i);
    let updated_at = parse_iso_or(&r.get::<_, String>(9)?, DateTime::<Utc>::MIN_UTC);
    Ok(Relation {
        id: uuid(0)?,
        from_org: uuid(1)?,
        to_org: uuid(2)?,
        kind: r
            .get::<_, String>(3)?
            .parse()
            .unwrap_or(RelationKind::Anders),
        strength: r.get::<_, i64>(4)?.clamp(1, 5) as u8,
        start_date: date(5)?,
        end_date: date(6)?,
        note: r.get(7)?,
        created_at: parse_iso_or(&r.get::<_, String>(8)?, updated_at),
        updated_at,
        deleted: r.get(10)?,
    })
}

fn get(conn: &Connection, id: Uuid) -> Result<Relation> {
    rows::by_id(conn, SELECT, id, "verbinding", from_row)
}

fn living_organisation(conn: &Connection, field: &str, id: Uuid) -> Result<()> {
    let alive: Option<bool> = conn
        .query_row(
            "SELECT deleted = 0 FROM organisations WHERE id = ?1 AND created_at != ''",
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    match alive {
        Some(true) => Ok(()),
        _ => Err(Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("organisatie {id} bestaat niet (meer)"),
        )),
    }
}

pub(crate) fn create_relation_in(w: &mut Writer, input: &NewRelation) -> Result<Uuid> {
    living_organisation(w.conn(), "from_org", input.from_org)?;
    living_organisation(w.conn(), "to_org", input.to_org)?;
    if input.from_org == input.to_org {
        return Err(Error::validation(
            "to_org",
            ValidationCode::InvalidChoice,
            "een verbinding gaat tussen twee verschillende organisaties",
        ));
    }
    let id = Uuid::now_v7();
    w.set(&RELATION, id, "from_org", input.from_org.to_string())?;
    w.set(&RELATION, id, "to_org", input.to_org.to_string())?;
    let details = RelationPatch {
        kind: Some(input.kind.unwrap_or(RelationKind::Samenwerking)),
        strength: Some(input.strength.unwrap_or(3)),
        start_date: input.start_date.clone(),
        end_date: input.end_date.clone(),
        note: input.note.clone(),
    };
    write_details(w, id, None, &details)?;
    w.set(&RELATION, id, "created_at", iso(w.now()))?;
    w.set(&RELATION, id, "deleted", false)?;
    Ok(id)
}

/// Check and write the details of a relation on top of `before`.
fn write_details(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Relation>,
    patch: &RelationPatch,
) -> Result<()> {
    let strength = patch.strength.or(before.map(|b| b.strength)).unwrap_or(3);
    if !(1..=5).contains(&strength) {
        return Err(Error::validation(
            "strength",
            ValidationCode::InvalidChoice,
            format!("de sterkte is 1 tot en met 5, niet {strength}"),
        ));
    }
    let date = |field: &str, value: &Option<String>, old: Option<NaiveDate>| match value {
        Some(v) => validate::optional_date(field, Some(v)),
        None => Ok(old),
    };
    let start = date(
        "start_date",
        &patch.start_date,
        before.and_then(|b| b.start_date),
    )?;
    let end = date("end_date", &patch.end_date, before.and_then(|b| b.end_date))?;
    validate::date_order("end_date", start, end)?;
    let note = match &patch.note {
        Some(note) => validate::optional_text("note", note, 2000)?,
        None => before.map(|b| b.note.clone()).unwrap_or_default(),
    };
    let kind = patch
        .kind
        .or(before.map(|b| b.kind))
        .unwrap_or(RelationKind::Samenwerking);
    w.set(&RELATION, id, "kind", kind.code())?;
    w.set(&RELATION, id, "strength", strength)?;
    w.set(&RELATION, id, "start_date", start.map(|d| d.to_string()))?;
    w.set(&RELATION, id, "end_date", end.map(|d| d.to_string()))?;
    w.set(&RELATION, id, "note", note)?;
    Ok(())
}

pub(crate) fn update_relation_in(w: &mut Writer, id: Uuid, patch: &RelationPatch) -> Result<()> {
    let before = get(w.conn(), id)?;
    write_details(w, id, Some(&before), patch)
}

impl Workspace {
    /// Create many relations in one transaction: all or none.
    pub fn create_relations(&mut self, inputs: &[NewRelation]) -> Result<Vec<Uuid>> {
        self.require_coalition()?;
        self.write(|w| inputs.iter().map(|i| create_relation_in(w, i)).collect())
    }

    pub fn update_relation(&mut self, id: Uuid, patch: &RelationPatch) -> Result<Relation> {
        self.write(|w| update_relation_in(w, id, patch))?;
        get(self.conn(), id)
    }

    pub fn create_relation(&mut self, input: &NewRelation) -> Result<Relation> {
        self.require_coalition()?;
        let id = self.write(|w| create_relation_in(w, input))?;
        get(self.conn(), id)
    }

    pub fn delete_relation(&mut self, id: Uuid) -> Result<Relation> {
        get(self.conn(), id)?;
        self.write(|w| w.set_deleted(&RELATION, id, true))?;
        get(self.conn(), id)
    }

    /// Relations between living organisations, optionally of one of them.
    pub fn list_relations(&self, organisation: Option<Uuid>) -> Result<Vec<Relation>> {
        let org = organisation.map(|o| o.to_string());
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE deleted = 0 AND created_at != '' \
             AND (?1 IS NULL OR from_org = ?1 OR to_org = ?1) \
             AND from_org IN (SELECT id FROM organisations WHERE deleted = 0) \
             AND to_org IN (SELECT id FROM organisations WHERE deleted = 0) \
             ORDER BY id"
        ))?;
        let rows = stmt.query_map([org], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
