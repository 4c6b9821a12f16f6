//! Contact persons of partner organisations: the professionals a
//! coordinator works with, never the families they serve.
//!
//! Their data is personal data under the AVG (GDPR). Each person has a
//! legal basis and a "last checked" date; [`Workspace::contact_inzage`]
//! gives everything stored about them, and [`Workspace::erase_contact`]
//! forgets them: the values leave this laptop's tables and change log, and
//! the erasure syncs so every other laptop does the same (see
//! [`crate::changes::ERASED`]).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{EntitySpec, Writer, ERASED};
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::time::{iso, parse_iso_or};
use crate::validate;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

pub const CONTACT: EntitySpec = EntitySpec {
    name: "contact",
    table: "contacts",
    fields: &[
        "organisation",
        "name",
        "function",
        "email",
        "phone",
        "coalition_role",
        "active_from",
        "active_to",
        "legal_basis",
        "last_checked",
        "created_at",
        ERASED,
    ],
};

dutch_choice!(
    /// The part a person plays in the coalition.
    CoalitionRole {
        Bestuurlijk = "bestuurlijk",
        Uitvoerend = "uitvoerend",
        Kartrekker = "kartrekker",
    }
);

dutch_choice!(
    /// Why the coalition may keep this person's data (AVG article 6).
    LegalBasis {
        PubliekeTaak = "publieke taak",
        GerechtvaardigdBelang = "gerechtvaardigd belang",
        Toestemming = "toestemming",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contact {
    pub id: Uuid,
    pub organisation: Uuid,
    pub name: String,
    /// Role or job title at the organisation ("wijkverpleegkundige").
    pub function: String,
    pub email: String,
    pub phone: String,
    pub coalition_role: Option<CoalitionRole>,
    pub active_from: Option<NaiveDate>,
    pub active_to: Option<NaiveDate>,
    pub legal_basis: LegalBasis,
    /// When someone last checked that these data are still right and needed.
    pub last_checked: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A contact person as the form, the CLI or an import gives it. On update,
/// absent fields stay as they are; an empty text clears a field.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ContactInput {
    pub organisation: Option<Uuid>,
    pub name: Option<String>,
    pub function: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// A [`CoalitionRole`] word, or empty for none.
    pub coalition_role: Option<String>,
    pub active_from: Option<String>,
    pub active_to: Option<String>,
    pub legal_basis: Option<LegalBasis>,
    pub last_checked: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ContactFilter {
    /// Matched against name, function and e-mail, ignoring case and diacritics.
    pub text: Option<String>,
    pub organisation: Option<Uuid>,
    /// Only people not checked since this date (or never).
    pub unchecked_since: Option<NaiveDate>,
}

/// Everything Wieg stores about one person: their data, and every change
/// to it with who made it and when (the AVG's right of access, *inzage*).
#[derive(Debug, Clone, Serialize, TS)]
pub struct ContactInzage {
    pub made_at: DateTime<Utc>,
    pub contact: Contact,
    pub organisation_name: String,
    pub history: Vec<ContactChange>,
    /// Values that lost a concurrent edit and are kept until settled.
    pub unsettled_values: Vec<ContactChange>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ContactChange {
    pub field: String,
    pub value: String,
    pub at: DateTime<Utc>,
    pub by: String,
}

const SELECT: &str = "SELECT id, organisation, name, function, email, phone, coalition_role, \
     active_from, active_to, legal_basis, last_checked, created_at, updated_at FROM contacts";

fn from_row(r: &Row) -> rusqlite::Result<Contact> {
    let updated_at = parse_iso_or(&r.get::<_, String>(12)?, DateTime::<Utc>::MIN_UTC);
    Ok(Contact {
        id: rows::uuid(r, 0)?,
        organisation: rows::uuid(r, 1)?,
        name: r.get(2)?,
        function: r.get(3)?,
        email: r.get(4)?,
        phone: r.get(5)?,
        coalition_role: r.get::<_, Option<String>>(6)?.and_then(|c| c.parse().ok()),
        active_from: rows::date(r, 7)?,
        active_to: rows::date(r, 8)?,
        legal_basis: r
            .get::<_, String>(9)?
            .parse()
            .unwrap_or(LegalBasis::GerechtvaardigdBelang),
        last_checked: rows::date(r, 10)?,
        created_at: parse_iso_or(&r.get::<_, String>(11)?, updated_at),
        updated_at,
    })
}

fn get(conn: &Connection, id: Uuid) -> Result<Contact> {
    rows::by_id(conn, SELECT, id, "contactpersoon", from_row)
}

fn coalition_role(text: &str) -> Result<Option<CoalitionRole>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|message| {
        Error::validation("coalition_role", ValidationCode::InvalidChoice, message)
    })
}

fn living_organisation(conn: &Connection, id: Uuid) -> Result<()> {
    let alive: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ?1 AND deleted = 0 AND created_at != '')",
        [id.to_string()],
        |r| r.get(0),
    )?;
    if alive {
        Ok(())
    } else {
        Err(Error::validation(
            "organisation",
            ValidationCode::InvalidChoice,
            format!("organisatie {id} bestaat niet (meer)"),
        ))
    }
}

/// Check `input` on top of `before` (None for a new person) and write the
/// fields that differ.
fn write_contact(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Contact>,
    input: &ContactInput,
) -> Result<()> {
    let text = |value: &Option<String>, old: Option<&str>| -> String {
        value
            .as_deref()
            .or(old)
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    let organisation = match (input.organisation, before) {
        (Some(org), _) => org,
        (None, Some(b)) => b.organisation,
        (None, None) => {
            return Err(Error::validation(
                "organisation",
                ValidationCode::Required,
                "kies de organisatie van deze persoon",
            ))
        }
    };
    if before.is_none_or(|b| b.organisation != organisation) {
        living_organisation(w.conn(), organisation)?;
    }
    let name = validate::required_text(
        "name",
        &text(&input.name, before.map(|b| b.name.as_str())),
        200,
        "vul de naam van de contactpersoon in",
    )?;
    let function = validate::optional_text(
        "function",
        &text(&input.function, before.map(|b| b.function.as_str())),
        200,
    )?;
    let email = validate::email(
        "email",
        &text(&input.email, before.map(|b| b.email.as_str())),
    )?;
    let phone = validate::phone(
        "phone",
        &text(&input.phone, before.map(|b| b.phone.as_str())),
    )?;
    let role = match &input.coalition_role {
        Some(role) => coalition_role(role)?,
        None => before.and_then(|b| b.coalition_role),
    };
    let date = |field: &str, value: &Option<String>, old: Option<NaiveDate>| match value {
        Some(v) => validate::optional_date(field, Some(v)),
        None => Ok(old),
    };
    let active_from = date(
        "active_from",
        &input.active_from,
        before.and_then(|b| b.active_from),
    )?;
    let active_to = date(
        "active_to",
        &input.active_to,
        before.and_then(|b| b.active_to),
    )?;
    validate::date_order("active_to", active_from, active_to)?;
    let last_checked = date(
        "last_checked",
        &input.last_checked,
        before.and_then(|b| b.last_checked),
    )?;
    let basis = input
        .legal_basis
        .or(before.map(|b| b.legal_basis))
        .unwrap_or(LegalBasis::GerechtvaardigdBelang);
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    w.set(&CONTACT, id, "organisation", organisation.to_string())?;
    w.set(&CONTACT, id, "name", name)?;
    w.set(&CONTACT, id, "function", function)?;
    w.set(&CONTACT, id, "email", email)?;
    w.set(&CONTACT, id, "phone", phone)?;
    w.set(&CONTACT, id, "coalition_role", role.map(|r| r.code()))?;
    w.set(&CONTACT, id, "active_from", day(active_from))?;
    w.set(&CONTACT, id, "active_to", day(active_to))?;
    w.set(&CONTACT, id, "legal_basis", basis.code())?;
    w.set(&CONTACT, id, "last_checked", day(last_checked))?;
    Ok(())
}

pub(crate) fn create_contact_in(w: &mut Writer, input: &ContactInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_contact(w, id, None, input)?;
    w.set(&CONTACT, id, "created_at", iso(w.now()))?;
    Ok(id)
}

pub(crate) fn update_contact_in(w: &mut Writer, id: Uuid, input: &ContactInput) -> Result<()> {
    let before = get(w.conn(), id)?;
    write_contact(w, id, Some(&before), input)
}

impl Workspace {
    /// Add a contact person. Their data were checked today, by whoever adds them.
    pub fn create_contact(&mut self, input: &ContactInput) -> Result<Contact> {
        self.require_coalition()?;
        let mut input = input.clone();
        if input
            .last_checked
            .as_deref()
            .is_none_or(|d| d.trim().is_empty())
        {
            input.last_checked = Some(self.today().to_string());
        }
        let id = self.write(|w| create_contact_in(w, &input))?;
        get(self.conn(), id)
    }

    pub fn contact(&self, id: Uuid) -> Result<Contact> {
        get(self.conn(), id)
    }

    pub fn update_contact(&mut self, id: Uuid, input: &ContactInput) -> Result<Contact> {
        self.write(|w| update_contact_in(w, id, input))?;
        get(self.conn(), id)
    }

    /// Contact persons of living organisations, by name.
    pub fn list_contacts(&self, filter: &ContactFilter) -> Result<Vec<Contact>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE created_at != '' AND (?1 IS NULL OR organisation = ?1) \
             AND (?2 IS NULL OR last_checked IS NULL OR last_checked < ?2) \
             AND organisation IN (SELECT id FROM organisations WHERE deleted = 0)"
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![
                filter.organisation.map(|o| o.to_string()),
                filter.unchecked_since.map(|d| d.to_string())
            ],
            from_row,
        )?;
        let mut contacts: Vec<Contact> = rows.collect::<rusqlite::Result<_>>()?;
        if let Some(text) = filter.text.as_deref().map(fold).filter(|t| !t.is_empty()) {
            contacts.retain(|c| {
                [&c.name, &c.function, &c.email]
                    .iter()
                    .any(|field| fold(field).contains(&text))
            });
        }
        contacts.sort_by_cached_key(|c| (fold(&c.name), c.id));
        Ok(contacts)
    }

    /// Everything stored about one person (inzage).
    pub fn contact_inzage(&self, id: Uuid) -> Result<ContactInzage> {
        let contact = get(self.conn(), id)?;
        let organisation_name = self
            .conn()
            .query_row(
                "SELECT name FROM organisations WHERE id = ?1",
                [contact.organisation.to_string()],
                |r| r.get(0),
            )
            .unwrap_or_default();
        let history = self.contact_changes(
            "SELECT field, value, hlc FROM changes WHERE entity_id = ?1 ORDER BY hlc",
            id.as_bytes(),
        )?;
        let unsettled_values = self.contact_changes(
            "SELECT field, value, hlc FROM conflicts WHERE entity_id = ?1 ORDER BY hlc",
            &id.to_string(),
        )?;
        Ok(ContactInzage {
            made_at: self.now(),
            contact,
            organisation_name,
            history,
            unsettled_values,
        })
    }

    /// The inzage as a file to hand over: indented JSON.
    pub fn contact_inzage_json(&self, id: Uuid) -> Result<String> {
        let mut text = serde_json::to_string_pretty(&self.contact_inzage(id)?)?;
        text.push('\n');
        Ok(text)
    }

    /// Write the inzage to a file (replacing it: the user chose the name).
    pub fn save_contact_inzage(&self, id: Uuid, path: &std::path::Path) -> Result<()> {
        let text = self.contact_inzage_json(id)?;
        std::fs::write(path, text).map_err(|e| Error::io(path, e))
    }

    /// The log keeps ids in binary form, the conflicts table as text.
    fn contact_changes(&self, sql: &str, id: &dyn rusqlite::ToSql) -> Result<Vec<ContactChange>> {
        let rows: Vec<(String, String, crate::hlc::Hlc)> = self
            .conn()
            .prepare_cached(sql)?
            .query_map([id], |r| {
                Ok((r.get(0)?, r.get(1)?, crate::changes::hlc_column(r, 2)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        rows.into_iter()
            .map(|(field, value, hlc)| {
                let value: serde_json::Value = serde_json::from_str(&value)?;
                Ok(ContactChange {
                    field,
                    value: crate::conflicts::shown(&value),
                    at: hlc.wall_time(),
                    by: self.replica_name(hlc.replica)?,
                })
            })
            .collect()
    }

    /// Forget a person: their values leave this laptop's tables and change
    /// log for good, and the erasure syncs to the other laptops. Cannot be
    /// undone.
    pub fn erase_contact(&mut self, id: Uuid) -> Result<()> {
        get(self.conn(), id)?;
        self.write(|w| w.set(&CONTACT, id, ERASED, true))?;
        self.scrub_erased()
    }
}
