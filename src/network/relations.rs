//! Relations between organisations: who works with, refers to, meets or
//! funds whom. Kumu's From/To/Type/Strength model, with a period and a note.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::ORGANISATION;
use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::schema::{self, entity, Choice, Date, Flag, Kind, Link, Moment, Text};
use crate::time::iso;
use crate::validate;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

dutch_choice!(
    /// What kind of relation two partners have (a kind from a newer version
    /// reads as "anders").
    #[derive(Default)]
    RelationKind {
        Samenwerking = "samenwerking" ["Samenwerking", "Collaboration"],
        Verwijzing = "verwijzing" ["Verwijzing", "Referral"],
        Overleg = "overleg" ["Overleg", "Consultation"],
        Financiering = "financiering" ["Financiering", "Funding"],
        Convenantpartner = "convenantpartner" ["Convenantpartner", "Covenant partner"],
        #[default]
        Anders = "anders" ["Anders", "Other"],
    }
);

entity! {
    /// A relation between two organisations: Kumu's From/To/Type/Strength,
    /// with a period and a note. Its two ends never change.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Relation in RELATION = "relation", "relations";
    input RelationInput => RelationChecked {}
    fields {
        from_org: Uuid = Link ["Van organisatie", "From organisation"] required "kies de organisatie waar de verbinding begint",
        to_org: Uuid = Link ["Met organisatie", "With organisation"] required "kies de organisatie waar de verbinding heen gaat",
        kind: RelationKind = Choice<RelationKind> ["Soort verbinding", "Kind of relation"]
            default (RelationKind::Samenwerking),
        /// 1 (loose) to 5 (strong).
        strength: u8 = Strength ["Sterkte", "Strength"] default (3),
        start_date: Option<NaiveDate> = Date ["Begindatum", "Start date"],
        end_date: Option<NaiveDate> = Date ["Einddatum", "End date"],
        note: String = Text<2000> ["Notitie", "Note"],
    }
    kept { created_at: DateTime<Utc> = Moment, deleted: bool = Flag }
    extra {}
    hidden { deleted_seen }
}

/// How strong a relation is: 1 (loose) to 5 (strong).
pub struct Strength;

impl Kind for Strength {
    type Stored = u8;
    type Input = u8;
    fn check(field: &'static str, input: &u8) -> Result<u8> {
        if (1..=5).contains(input) {
            Ok(*input)
        } else {
            Err(Error::validation(
                field,
                ValidationCode::InvalidChoice,
                format!("de sterkte is 1 tot en met 5, niet {input}"),
            ))
        }
    }
    fn absent() -> u8 {
        3
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<u8> {
        Ok(row.get::<_, Option<i64>>(column)?.unwrap_or(3).clamp(1, 5) as u8)
    }
    fn value(stored: &u8) -> serde_json::Value {
        serde_json::Value::from(*stored)
    }
}

fn get(conn: &Connection, id: Uuid) -> Result<Relation> {
    rows::by_id(conn, Relation::SELECT, id, "verbinding", Relation::read)
}

pub(crate) fn create_relation_in(w: &mut Writer, input: &RelationInput) -> Result<Uuid> {
    let fields = input.check(true)?;
    let (from, to) = (
        fields.from_org.unwrap_or_default(),
        fields.to_org.unwrap_or_default(),
    );
    schema::require_living(w.conn(), &ORGANISATION, "from_org", from, "organisatie")?;
    schema::require_living(w.conn(), &ORGANISATION, "to_org", to, "organisatie")?;
    if from == to {
        return Err(Error::validation(
            "to_org",
            ValidationCode::InvalidChoice,
            "een verbinding gaat tussen twee verschillende organisaties",
        ));
    }
    validate::date_order(
        "end_date",
        fields.start_date.flatten(),
        fields.end_date.flatten(),
    )?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&RELATION, id, "created_at", iso(w.now()))?;
    w.set(&RELATION, id, "deleted", false)?;
    Ok(id)
}

/// Change the details of a relation; its two ends stay.
pub(crate) fn update_relation_in(w: &mut Writer, id: Uuid, patch: &RelationInput) -> Result<()> {
    let before = get(w.conn(), id)?;
    let fields = patch.check(false)?;
    for (field, end, was) in [
        ("from_org", fields.from_org, before.from_org),
        ("to_org", fields.to_org, before.to_org),
    ] {
        if end.is_some_and(|end| end != was) {
            return Err(Error::validation(
                field,
                ValidationCode::InvalidChoice,
                "een verbinding houdt haar twee organisaties; maak een nieuwe verbinding",
            ));
        }
    }
    validate::date_order(
        "end_date",
        fields.start_date.unwrap_or(before.start_date),
        fields.end_date.unwrap_or(before.end_date),
    )?;
    fields.write(w, id)
}

impl Workspace {
    /// Create many relations in one transaction: all or none.
    pub fn create_relations(&mut self, inputs: &[RelationInput]) -> Result<Vec<Uuid>> {
        self.require_coalition()?;
        self.write(|w| inputs.iter().map(|i| create_relation_in(w, i)).collect())
    }

    pub fn update_relation(&mut self, id: Uuid, patch: &RelationInput) -> Result<Relation> {
        self.write(|w| update_relation_in(w, id, patch))?;
        get(self.conn(), id)
    }

    pub fn create_relation(&mut self, input: &RelationInput) -> Result<Relation> {
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
            "{} WHERE {} AND (?1 IS NULL OR from_org = ?1 OR to_org = ?1) \
             AND from_org IN (SELECT id FROM organisations WHERE {living}) \
             AND to_org IN (SELECT id FROM organisations WHERE {living}) \
             ORDER BY id",
            Relation::SELECT,
            schema::living(&RELATION),
            living = schema::living(&ORGANISATION),
        ))?;
        let rows = stmt.query_map([org], Relation::read)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
