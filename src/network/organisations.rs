//! Partner organisations: who they are, their kind and domain.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::time::{iso, parse_iso_or};
use crate::validate;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

pub const ORGANISATION: EntitySpec = EntitySpec {
    name: "organisation",
    table: "organisations",
    fields: &[
        "name",
        "kind",
        "domain",
        "website",
        "notes",
        "created_at",
        "deleted",
        "deleted_seen",
        "place",
        "involved_since",
        "signed_on",
        "signatory",
        "covenant_version",
        "left_on",
    ],
};

dutch_choice!(
    /// What kind of organisation a partner is.
    OrgKind {
        Verloskundigenpraktijk = "verloskundigenpraktijk",
        ZiekenhuisVsv = "ziekenhuis/vsv",
        Kraamzorg = "kraamzorg",
        JgzGgd = "jgz/ggd",
        Wijkteam = "wijkteam/sociaal team",
        Gemeente = "gemeente",
        Zorgverzekeraar = "zorgverzekeraar",
        Kinderopvang = "kinderopvang",
        Welzijn = "welzijn",
        Ggz = "ggz",
        Huisarts = "huisarts",
        VeiligThuis = "veilig thuis",
        Schuldhulp = "schuldhulp",
        Provincie = "provincie",
        Overig = "overig",
    }
);

impl OrgKind {
    /// The domain this kind of organisation usually works in, for imports
    /// that name only the kind.
    pub fn usual_domain(self) -> Domain {
        use OrgKind::*;
        match self {
            Verloskundigenpraktijk
            | ZiekenhuisVsv
            | Kraamzorg
            | Zorgverzekeraar
            | Ggz
            | Huisarts => Domain::Medisch,
            JgzGgd => Domain::PubliekeGezondheid,
            Wijkteam | Kinderopvang | Welzijn | VeiligThuis | Schuldhulp => Domain::Sociaal,
            Gemeente | Provincie | Overig => Domain::Overig,
        }
    }
}

dutch_choice!(
    /// Where a partner stands in the coalition, from its dates: involved,
    /// signed the covenant, or left.
    CoalitionStatus {
        Betrokken = "betrokken",
        Getekend = "convenant getekend",
        Gestopt = "gestopt",
    }
);

dutch_choice!(
    /// The domain a partner works in; the programme is about bridging them.
    Domain {
        Medisch = "medisch",
        Sociaal = "sociaal",
        PubliekeGezondheid = "publieke gezondheid",
        Overig = "overig",
    }
);

const MAX_NAME: usize = 200;
const MAX_WEBSITE: usize = 500;
const MAX_NOTES: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    pub kind: OrgKind,
    pub domain: Domain,
    pub website: String,
    pub notes: String,
    /// Where it is (town or address).
    pub place: String,
    pub involved_since: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
    /// Who signed the covenant for it.
    pub signatory: String,
    pub covenant_version: String,
    pub left_on: Option<NaiveDate>,
    pub status: CoalitionStatus,
    /// The municipalities it serves.
    pub municipalities: Vec<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub deleted: bool,
}

/// A new organisation as the form or the CLI gives it.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: Option<OrgKind>,
    pub domain: Option<Domain>,
    #[serde(default)]
    #[ts(optional)]
    pub website: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub notes: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub place: Option<String>,
    /// Dates as `2026-11-30` or `30-11-2026`; involved defaults to today.
    #[serde(default)]
    #[ts(optional)]
    pub involved_since: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub signed_on: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub signatory: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub covenant_version: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub left_on: Option<String>,
    /// The municipalities it serves, saved in the same transaction.
    #[serde(default)]
    #[ts(optional)]
    pub municipalities: Option<Vec<Uuid>>,
}

/// The fields to change; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct OrganisationPatch {
    pub name: Option<String>,
    pub kind: Option<OrgKind>,
    pub domain: Option<Domain>,
    pub website: Option<String>,
    pub notes: Option<String>,
    pub place: Option<String>,
    /// Dates: an empty text clears the date.
    pub involved_since: Option<String>,
    pub signed_on: Option<String>,
    pub signatory: Option<String>,
    pub covenant_version: Option<String>,
    pub left_on: Option<String>,
    /// Exactly the municipalities it serves, saved in the same transaction.
    pub municipalities: Option<Vec<Uuid>>,
}

/// What an organisation's page shows, read in one go.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OrganisationDetail {
    pub organisation: Organisation,
    /// The municipalities it serves.
    pub served: Vec<super::Municipality>,
    pub contacts: Vec<super::Contact>,
    /// Its relations with living organisations.
    pub relations: Vec<super::Relation>,
    /// Every organisation, deleted ones too: the names at the other end of
    /// its relations, and the choices for a new one.
    pub organisations: Vec<Organisation>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct OrganisationFilter {
    /// Matched against name, website and notes, ignoring case and diacritics.
    pub text: Option<String>,
    pub kind: Option<OrgKind>,
    pub domain: Option<Domain>,
    /// Also list deleted organisations (to restore them).
    pub include_deleted: Option<bool>,
    /// Only organisations serving this municipality.
    pub municipality: Option<Uuid>,
    /// Only organisations with this coalition status.
    pub status: Option<CoalitionStatus>,
}

/// Organisations per domain, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NetworkSummary {
    pub organisations: u32,
    pub by_domain: Vec<DomainCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DomainCount {
    pub domain: Domain,
    pub count: u32,
}

fn valid_name(name: &str) -> Result<String> {
    validate::required_text("name", name, MAX_NAME, "vul de naam van de organisatie in")
}

/// A website as people type it ("ggdlimburgnoord.nl") becomes a full https
/// address; anything that is not a web address is refused.
fn valid_website(website: &str) -> Result<String> {
    let website = website.trim();
    if website.is_empty() {
        return Ok(String::new());
    }
    let invalid = || {
        Err(Error::validation(
            "website",
            ValidationCode::InvalidUrl,
            format!("{website:?} is geen webadres (bijvoorbeeld https://www.voorbeeld.nl)"),
        ))
    };
    validate::optional_text("website", website, MAX_WEBSITE)?;
    let full = if website.contains("://") {
        website.to_string()
    } else {
        format!("https://{website}")
    };
    let Some(rest) = full
        .strip_prefix("https://")
        .or_else(|| full.strip_prefix("http://"))
    else {
        return invalid();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if !host_ok || full.chars().any(char::is_whitespace) {
        return invalid();
    }
    Ok(full)
}

fn valid_notes(notes: &str) -> Result<String> {
    validate::optional_text("notes", notes, MAX_NOTES)
}

fn required_choice<T>(value: Option<T>, field: &str, message: &str) -> Result<T> {
    value.ok_or_else(|| Error::validation(field, ValidationCode::Required, message))
}

const SELECT: &str = "SELECT id, name, kind, domain, website, notes, created_at, updated_at, deleted, \
                      place, involved_since, signed_on, signatory, covenant_version, left_on FROM organisations";

fn from_row(r: &Row) -> rusqlite::Result<Organisation> {
    let id: String = r.get(0)?;
    let kind: String = r.get(2)?;
    let domain: String = r.get(3)?;
    let created_at: String = r.get(6)?;
    let updated_at = parse_iso_or(&r.get::<_, String>(7)?, DateTime::<Utc>::MIN_UTC);
    let date = |i: usize| rows::date(r, i);
    let (signed_on, left_on) = (date(11)?, date(14)?);
    Ok(Organisation {
        id: Uuid::try_parse(&id).unwrap_or_default(),
        name: r.get(1)?,
        // A kind or domain from a newer version reads as "overig" here.
        kind: kind.parse().unwrap_or(OrgKind::Overig),
        domain: domain.parse().unwrap_or(Domain::Overig),
        website: r.get(4)?,
        notes: r.get(5)?,
        place: r.get(9)?,
        involved_since: date(10)?,
        signed_on,
        signatory: r.get(12)?,
        covenant_version: r.get(13)?,
        left_on,
        status: status_of(signed_on, left_on),
        municipalities: Vec::new(),
        created_at: parse_iso_or(&created_at, updated_at),
        updated_at,
        deleted: r.get(8)?,
    })
}

fn status_of(signed_on: Option<NaiveDate>, left_on: Option<NaiveDate>) -> CoalitionStatus {
    match (signed_on, left_on) {
        (_, Some(_)) => CoalitionStatus::Gestopt,
        (Some(_), None) => CoalitionStatus::Getekend,
        (None, None) => CoalitionStatus::Betrokken,
    }
}

/// A date field as typed: empty is no date.
/// The coalition dates of an organisation, checked together.
struct CoalitionDates {
    involved_since: Option<NaiveDate>,
    signed_on: Option<NaiveDate>,
    left_on: Option<NaiveDate>,
}

impl CoalitionDates {
    fn check(self) -> Result<Self> {
        validate::date_order("signed_on", self.involved_since, self.signed_on)?;
        validate::date_order("left_on", self.involved_since, self.left_on)?;
        validate::date_order("left_on", self.signed_on, self.left_on)?;
        Ok(self)
    }

    fn write(&self, w: &mut Writer, id: Uuid) -> Result<()> {
        let text = |d: Option<NaiveDate>| d.map(|d| d.to_string());
        w.set(
            &ORGANISATION,
            id,
            "involved_since",
            text(self.involved_since),
        )?;
        w.set(&ORGANISATION, id, "signed_on", text(self.signed_on))?;
        w.set(&ORGANISATION, id, "left_on", text(self.left_on))?;
        Ok(())
    }
}

fn get(conn: &Connection, id: Uuid) -> Result<Organisation> {
    rows::by_id(conn, SELECT, id, "organisatie", from_row)
}

pub(crate) fn create_organisation_in(w: &mut Writer, input: &NewOrganisation) -> Result<Uuid> {
    let name = valid_name(&input.name)?;
    let kind = required_choice(input.kind, "kind", "kies het soort organisatie")?;
    let domain = required_choice(input.domain, "domain", "kies het domein")?;
    let website = valid_website(input.website.as_deref().unwrap_or(""))?;
    let notes = valid_notes(input.notes.as_deref().unwrap_or(""))?;
    let place = validate::optional_text("place", input.place.as_deref().unwrap_or(""), 200)?;
    let signatory =
        validate::optional_text("signatory", input.signatory.as_deref().unwrap_or(""), 200)?;
    let version = validate::optional_text(
        "covenant_version",
        input.covenant_version.as_deref().unwrap_or(""),
        50,
    )?;
    // Involved since today, unless it signed the covenant earlier.
    let today = w.today();
    let signed_on = validate::optional_date("signed_on", input.signed_on.as_deref())?;
    let dates = CoalitionDates {
        involved_since: validate::optional_date("involved_since", input.involved_since.as_deref())?
            .or_else(|| Some(signed_on.unwrap_or(today).min(today))),
        signed_on,
        left_on: validate::optional_date("left_on", input.left_on.as_deref())?,
    }
    .check()?;
    let id = Uuid::now_v7();
    w.set(&ORGANISATION, id, "name", name)?;
    w.set(&ORGANISATION, id, "kind", kind.code())?;
    w.set(&ORGANISATION, id, "domain", domain.code())?;
    w.set(&ORGANISATION, id, "website", website)?;
    w.set(&ORGANISATION, id, "notes", notes)?;
    w.set(&ORGANISATION, id, "place", place)?;
    w.set(&ORGANISATION, id, "signatory", signatory)?;
    w.set(&ORGANISATION, id, "covenant_version", version)?;
    dates.write(w, id)?;
    w.set(&ORGANISATION, id, "created_at", iso(w.now()))?;
    w.set(&ORGANISATION, id, "deleted", false)?;
    if let Some(municipalities) = &input.municipalities {
        super::serves::set_served_checked_in(w, id, municipalities)?;
    }
    Ok(id)
}

pub(crate) fn update_organisation_in(
    w: &mut Writer,
    id: Uuid,
    patch: &OrganisationPatch,
) -> Result<()> {
    let before = get(w.conn(), id)?;
    let date = |field: &str, patched: &Option<String>, old: Option<NaiveDate>| match patched {
        Some(text) => validate::optional_date(field, Some(text)),
        None => Ok(old),
    };
    let dates = CoalitionDates {
        involved_since: date(
            "involved_since",
            &patch.involved_since,
            before.involved_since,
        )?,
        signed_on: date("signed_on", &patch.signed_on, before.signed_on)?,
        left_on: date("left_on", &patch.left_on, before.left_on)?,
    }
    .check()?;
    let text = |field: &str, value: &Option<String>, max: usize| {
        value
            .as_deref()
            .map(|v| validate::optional_text(field, v, max))
            .transpose()
    };
    let place = text("place", &patch.place, 200)?;
    let signatory = text("signatory", &patch.signatory, 200)?;
    let version = text("covenant_version", &patch.covenant_version, 50)?;
    let name = patch.name.as_deref().map(valid_name).transpose()?;
    let website = patch.website.as_deref().map(valid_website).transpose()?;
    let notes = patch.notes.as_deref().map(valid_notes).transpose()?;
    {
        if let Some(name) = name {
            w.set(&ORGANISATION, id, "name", name)?;
        }
        if let Some(kind) = patch.kind {
            w.set(&ORGANISATION, id, "kind", kind.code())?;
        }
        if let Some(domain) = patch.domain {
            w.set(&ORGANISATION, id, "domain", domain.code())?;
        }
        if let Some(website) = website {
            w.set(&ORGANISATION, id, "website", website)?;
        }
        if let Some(notes) = notes {
            w.set(&ORGANISATION, id, "notes", notes)?;
        }
        for (field, value) in [
            ("place", place),
            ("signatory", signatory),
            ("covenant_version", version),
        ] {
            if let Some(value) = value {
                w.set(&ORGANISATION, id, field, value)?;
            }
        }
        dates.write(w, id)?;
        if let Some(municipalities) = &patch.municipalities {
            super::serves::set_served_checked_in(w, id, municipalities)?;
        }
        Ok(())
    }
}

impl Workspace {
    pub fn create_organisation(&mut self, input: &NewOrganisation) -> Result<Organisation> {
        self.require_coalition()?;
        let id = self.write(|w| create_organisation_in(w, input))?;
        self.organisation(id)
    }

    /// Create many organisations in one transaction: all or none.
    pub fn create_organisations(&mut self, inputs: &[NewOrganisation]) -> Result<Vec<Uuid>> {
        self.require_coalition()?;
        self.write(|w| {
            inputs
                .iter()
                .map(|input| create_organisation_in(w, input))
                .collect()
        })
    }

    pub fn organisation(&self, id: Uuid) -> Result<Organisation> {
        let mut org = get(self.conn(), id)?;
        let mut served = super::served(self.conn(), &[id])?;
        org.municipalities = served.remove(&id).unwrap_or_default().into_iter().collect();
        Ok(org)
    }

    /// An organisation's page, read from one snapshot of the database.
    pub fn organisation_detail(&self, id: Uuid) -> Result<OrganisationDetail> {
        // One read transaction: a sync on another connection cannot land
        // between the parts.
        let snapshot = self.conn().unchecked_transaction()?;
        let detail = OrganisationDetail {
            organisation: self.organisation(id)?,
            served: self.served_municipalities(id)?,
            contacts: self.list_contacts(&super::ContactFilter {
                organisation: Some(id),
                ..Default::default()
            })?,
            relations: self.list_relations(Some(id))?,
            organisations: self.list_organisations(&OrganisationFilter {
                include_deleted: Some(true),
                ..Default::default()
            })?,
        };
        snapshot.rollback()?;
        Ok(detail)
    }

    /// Change the given fields (and the municipalities served, if given) in
    /// one transaction; only fields whose value differs become changes.
    pub fn update_organisation(
        &mut self,
        id: Uuid,
        patch: &OrganisationPatch,
    ) -> Result<Organisation> {
        self.write(|w| update_organisation_in(w, id, patch))?;
        self.organisation(id)
    }

    /// Delete as a tombstone: the organisation can be restored, and the
    /// deletion syncs like any edit.
    pub fn delete_organisation(&mut self, id: Uuid) -> Result<Organisation> {
        self.set_organisation_deleted(id, true)
    }

    pub fn restore_organisation(&mut self, id: Uuid) -> Result<Organisation> {
        self.set_organisation_deleted(id, false)
    }

    fn set_organisation_deleted(&mut self, id: Uuid, deleted: bool) -> Result<Organisation> {
        get(self.conn(), id)?;
        self.write(|w| w.set_deleted(&ORGANISATION, id, deleted))?;
        self.organisation(id)
    }

    /// Organisations matching the filter, by name (ignoring case and
    /// diacritics). One whose creation has not fully arrived from another
    /// laptop yet (batches can arrive out of order) is left out until it has.
    pub fn list_organisations(&self, filter: &OrganisationFilter) -> Result<Vec<Organisation>> {
        let include_deleted = filter.include_deleted.unwrap_or(false);
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE (?1 OR deleted = 0) AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR domain = ?3) \
             AND created_at != ''"
        ))?;
        let rows = stmt.query_map(
            params![
                include_deleted,
                filter.kind.map(|k| k.code()),
                filter.domain.map(|d| d.code())
            ],
            from_row,
        )?;
        let needle = filter
            .text
            .as_deref()
            .map(fold)
            .filter(|t| !t.trim().is_empty());
        let mut out = Vec::new();
        for org in rows {
            let org = org?;
            let matches = filter.status.is_none_or(|s| s == org.status)
                && needle.as_ref().is_none_or(|needle| {
                    let needle = needle.trim();
                    fold(&org.name).contains(needle)
                        || fold(&org.website).contains(needle)
                        || fold(&org.notes).contains(needle)
                });
            if matches {
                out.push(org);
            }
        }
        let ids: Vec<Uuid> = out.iter().map(|o| o.id).collect();
        let mut served = super::served(self.conn(), &ids)?;
        for org in &mut out {
            org.municipalities = served
                .remove(&org.id)
                .unwrap_or_default()
                .into_iter()
                .collect();
        }
        if let Some(m) = filter.municipality {
            out.retain(|o| o.municipalities.contains(&m));
        }
        out.sort_by_cached_key(|o| (fold(&o.name), o.id));
        Ok(out)
    }

    /// Find one organisation by id or by its exact name (ignoring case).
    pub fn find_organisation(&self, id_or_name: &str) -> Result<Organisation> {
        if let Ok(id) = Uuid::try_parse(id_or_name.trim()) {
            return self.organisation(id);
        }
        let wanted = fold(id_or_name.trim());
        let all = self.list_organisations(&OrganisationFilter {
            include_deleted: Some(true),
            ..Default::default()
        })?;
        let mut found: Vec<Organisation> = all
            .into_iter()
            .filter(|o| fold(&o.name) == wanted)
            .collect();
        // Prefer the living one when a deleted namesake exists.
        if found.len() > 1 {
            found.retain(|o| !o.deleted);
        }
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(Error::NotFound {
                what: "organisatie",
                id: id_or_name.to_string(),
            }),
            n => Err(Error::InvalidInput(format!(
                "{n} organisaties heten {id_or_name:?}: gebruik de id (zie `wieg org list`)"
            ))),
        }
    }

    pub fn network_summary(&self) -> Result<NetworkSummary> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT domain, count(*) FROM organisations WHERE deleted = 0 AND created_at != '' GROUP BY domain",
        )?;
        let counted: Vec<(String, u32)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let by_domain: Vec<DomainCount> = Domain::ALL
            .iter()
            .map(|&domain| DomainCount {
                domain,
                count: counted
                    .iter()
                    .filter(|(code, _)| code.parse::<Domain>().unwrap_or(Domain::Overig) == domain)
                    .map(|(_, n)| n)
                    .sum(),
            })
            .collect();
        Ok(NetworkSummary {
            organisations: by_domain.iter().map(|d| d.count).sum(),
            by_domain,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websites_are_completed_or_refused() {
        assert_eq!(valid_website("").unwrap(), "");
        assert_eq!(
            valid_website(" ggdlimburgnoord.nl ").unwrap(),
            "https://ggdlimburgnoord.nl"
        );
        assert_eq!(
            valid_website("http://www.venlo.nl/jgz?x=1").unwrap(),
            "http://www.venlo.nl/jgz?x=1"
        );
        for bad in [
            "geen website",
            "ftp://x.nl",
            "https://localhost",
            "https://a b.nl",
            "www.",
            "https://.nl",
        ] {
            match valid_website(bad) {
                Err(Error::Validation(v)) => assert_eq!(
                    (v.field.as_str(), v.code),
                    ("website", ValidationCode::InvalidUrl),
                    "{bad}"
                ),
                other => panic!("{bad:?} must be refused as a website, got {other:?}"),
            }
        }
    }

    #[test]
    fn kinds_parse_from_the_words_coordinators_type() {
        assert_eq!("Ziekenhuis".parse::<OrgKind>(), Ok(OrgKind::ZiekenhuisVsv));
        assert_eq!("VSV".parse::<OrgKind>(), Ok(OrgKind::ZiekenhuisVsv));
        assert_eq!("GGD".parse::<OrgKind>(), Ok(OrgKind::JgzGgd));
        assert_eq!("sociaal team".parse::<OrgKind>(), Ok(OrgKind::Wijkteam));
        assert_eq!("Veilig-Thuis".parse::<OrgKind>(), Ok(OrgKind::VeiligThuis));
        assert_eq!(
            "publieke_gezondheid".parse::<Domain>(),
            Ok(Domain::PubliekeGezondheid)
        );
        assert!("bakkerij".parse::<OrgKind>().is_err());
    }
}
