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
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::ORGANISATION;
use crate::changes::{Writer, ERASED};
use crate::error::{Error, Result};
use crate::rows;
use crate::schema::{self, entity, Choice, Date, Link, MaybeChoice, Moment, Text};
use crate::time::iso;
use crate::validate;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

dutch_choice!(
    /// The part a person plays in the coalition.
    CoalitionRole {
        Bestuurlijk = "bestuurlijk" ["Bestuurlijk", "Governance"],
        Uitvoerend = "uitvoerend" ["Uitvoerend", "Operational"],
        Kartrekker = "kartrekker" ["Kartrekker", "Driving force"],
    }
);

dutch_choice!(
    /// Why the coalition may keep this person's data (AVG article 6).
    #[derive(Default)]
    LegalBasis {
        PubliekeTaak = "publieke taak" ["Publieke taak", "Public task"],
        #[default]
        GerechtvaardigdBelang = "gerechtvaardigd belang" ["Gerechtvaardigd belang", "Legitimate interest"],
        Toestemming = "toestemming" ["Toestemming", "Consent"],
    }
);

entity! {
    /// A contact person of a partner organisation. On update, absent fields
    /// stay as they are; an empty text clears a field.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Contact in CONTACT = "contact", "contacts";
    input ContactInput => ContactChecked {}
    fields {
        organisation: Uuid = Link ["Organisatie", "Organisation"]
            required "kies de organisatie van deze persoon",
        name: String = Text<200> ["Naam", "Name"] required "vul de naam van de contactpersoon in",
        /// Role or job title at the organisation ("wijkverpleegkundige").
        function: String = Text<200> ["Functie", "Job title"],
        email: String = Text<254> ["E-mail", "Email"] check validate::email,
        phone: String = Text<50> ["Telefoon", "Phone"] check validate::phone,
        /// A [`CoalitionRole`] word, or empty for none.
        coalition_role: Option<CoalitionRole> = MaybeChoice<CoalitionRole>
            ["Rol in de coalitie", "Role in the coalition"],
        active_from: Option<NaiveDate> = Date ["Actief vanaf", "Active from"],
        active_to: Option<NaiveDate> = Date ["Actief tot", "Active until"],
        legal_basis: LegalBasis = Choice<LegalBasis> ["Grondslag (AVG)", "Legal basis (GDPR)"],
        /// When someone last checked that these data are still right and needed.
        last_checked: Option<NaiveDate> = Date ["Laatst gecontroleerd", "Last checked"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {}
    hidden { erased }
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

fn get(conn: &Connection, id: Uuid) -> Result<Contact> {
    rows::by_id(conn, Contact::SELECT, id, "contactpersoon", Contact::read)
}

/// Check `input` on top of `before` (None for a new person) and write the
/// fields that differ.
fn write_contact(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Contact>,
    input: &ContactInput,
) -> Result<()> {
    let fields = input.check(before.is_none())?;
    if let Some(organisation) = fields.organisation {
        if before.is_none_or(|b| b.organisation != organisation) {
            schema::require_living(
                w.conn(),
                &ORGANISATION,
                "organisation",
                organisation,
                "organisatie",
            )?;
        }
    }
    validate::date_order(
        "active_to",
        fields
            .active_from
            .unwrap_or_else(|| before.and_then(|b| b.active_from)),
        fields
            .active_to
            .unwrap_or_else(|| before.and_then(|b| b.active_to)),
    )?;
    fields.write(w, id)
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
            "{} WHERE {} AND (?1 IS NULL OR organisation = ?1) \
             AND (?2 IS NULL OR last_checked IS NULL OR last_checked < ?2) \
             AND organisation IN (SELECT id FROM organisations WHERE {})",
            Contact::SELECT,
            schema::living(&CONTACT),
            schema::living(&ORGANISATION),
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![
                filter.organisation.map(|o| o.to_string()),
                filter.unchecked_since.map(|d| d.to_string())
            ],
            Contact::read,
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
            id.as_bytes(),
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
