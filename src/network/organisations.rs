//! Partner organisations: who they are, their kind and domain.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::Writer;
use crate::error::{Error, Result};
use crate::rows;
use crate::schema::{self, entity, Choice, Date, Flag, Moment, Text};
use crate::time::iso;
use crate::validate;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

dutch_choice!(
    /// What kind of organisation a partner is (a kind from a newer version
    /// reads as "overig").
    #[derive(Default)]
    OrgKind {
        Verloskundigenpraktijk = "verloskundigenpraktijk" ["Verloskundigenpraktijk", "Midwifery practice"],
        ZiekenhuisVsv = "ziekenhuis/vsv" ["Ziekenhuis/VSV", "Hospital/obstetric partnership (VSV)"],
        Kraamzorg = "kraamzorg" ["Kraamzorg", "Maternity care"],
        JgzGgd = "jgz/ggd" ["JGZ/GGD", "Youth health care/public health (JGZ/GGD)"],
        Wijkteam = "wijkteam/sociaal team" ["Wijkteam/sociaal team", "Neighbourhood/social team"],
        Gemeente = "gemeente" ["Gemeente", "Municipality"],
        Zorgverzekeraar = "zorgverzekeraar" ["Zorgverzekeraar", "Health insurer"],
        Kinderopvang = "kinderopvang" ["Kinderopvang", "Childcare"],
        Welzijn = "welzijn" ["Welzijn", "Social welfare"],
        Ggz = "ggz" ["GGZ", "Mental health care (GGZ)"],
        Huisarts = "huisarts" ["Huisarts", "General practitioner"],
        VeiligThuis = "veilig thuis" ["Veilig Thuis", "Veilig Thuis (domestic abuse)"],
        Schuldhulp = "schuldhulp" ["Schuldhulp", "Debt counselling"],
        Provincie = "provincie" ["Provincie", "Province"],
        #[default]
        Overig = "overig" ["Overig", "Other"],
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
    #[derive(Default)]
    CoalitionStatus {
        #[default]
        Betrokken = "betrokken" ["Betrokken", "Involved"],
        Getekend = "convenant getekend" ["Convenant getekend", "Covenant signed"],
        Gestopt = "gestopt" ["Gestopt", "Left"],
    }
);

dutch_choice!(
    /// The domain a partner works in; the programme is about bridging them.
    #[derive(Default)]
    Domain {
        Medisch = "medisch" ["Medisch", "Medical"],
        Sociaal = "sociaal" ["Sociaal", "Social"],
        PubliekeGezondheid = "publieke gezondheid" ["Publieke gezondheid", "Public health"],
        #[default]
        Overig = "overig" ["Overig", "Other"],
    }
);

entity! {
    /// A partner organisation.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Organisation in ORGANISATION = "organisation", "organisations";
    input OrganisationInput => OrganisationChecked {
        /// The municipalities it serves (exactly these), saved in the same
        /// transaction.
        #[ts(optional)]
        municipalities: Option<Vec<Uuid>>,
    }
    fields {
        name: String = Text<200> ["Naam", "Name"] required "vul de naam van de organisatie in",
        kind: OrgKind = Choice<OrgKind> ["Soort", "Kind"] required "kies het soort organisatie",
        domain: Domain = Choice<Domain> ["Domein", "Domain"] required "kies het domein",
        website: String = Text<500> ["Website", "Website"] check validate::website,
        /// Its general number, for whoever has no contact person there yet.
        phone: String = Text<50> ["Telefoon (algemeen)", "Phone (general)"] check validate::phone,
        notes: String = Text<10000> ["Notities", "Notes"],
        /// Where it is (town or address).
        place: String = Text<200> ["Plaats", "Place"],
        /// Dates as `2026-11-30` or `30-11-2026`; an empty text clears a
        /// date. Involved since defaults to today.
        involved_since: Option<NaiveDate> = Date ["Betrokken sinds", "Involved since"],
        signed_on: Option<NaiveDate> = Date ["Convenant getekend op", "Covenant signed on"],
        /// Who signed the covenant for it.
        signatory: String = Text<200> ["Getekend door", "Signed by"],
        covenant_version: String = Text<50> ["Convenantversie", "Covenant version"],
        left_on: Option<NaiveDate> = Date ["Gestopt op", "Left on"],
    }
    kept { created_at: DateTime<Utc> = Moment, deleted: bool = Flag }
    extra {
        status: CoalitionStatus,
        /// The municipalities it serves.
        municipalities: Vec<Uuid>,
    }
    hidden { deleted_seen }
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

fn from_row(r: &Row) -> rusqlite::Result<Organisation> {
    let mut org = Organisation::read(r)?;
    org.status = status_of(org.signed_on, org.left_on);
    Ok(org)
}

fn status_of(signed_on: Option<NaiveDate>, left_on: Option<NaiveDate>) -> CoalitionStatus {
    match (signed_on, left_on) {
        (_, Some(_)) => CoalitionStatus::Gestopt,
        (Some(_), None) => CoalitionStatus::Getekend,
        (None, None) => CoalitionStatus::Betrokken,
    }
}

/// The coalition dates of an organisation may not contradict each other.
fn check_dates(
    involved_since: Option<NaiveDate>,
    signed_on: Option<NaiveDate>,
    left_on: Option<NaiveDate>,
) -> Result<()> {
    validate::date_order("signed_on", involved_since, signed_on)?;
    validate::date_order("left_on", involved_since, left_on)?;
    validate::date_order("left_on", signed_on, left_on)
}

fn get(conn: &Connection, id: Uuid) -> Result<Organisation> {
    rows::by_id(conn, Organisation::SELECT, id, "organisatie", from_row)
}

pub(crate) fn create_organisation_in(w: &mut Writer, input: &OrganisationInput) -> Result<Uuid> {
    let mut fields = input.check(true)?;
    // Involved since today, unless it signed the covenant earlier.
    let today = w.today();
    let signed_on = fields.signed_on.flatten();
    if fields.involved_since.flatten().is_none() {
        fields.involved_since = Some(Some(signed_on.unwrap_or(today).min(today)));
    }
    check_dates(
        fields.involved_since.flatten(),
        signed_on,
        fields.left_on.flatten(),
    )?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
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
    patch: &OrganisationInput,
) -> Result<()> {
    let before = get(w.conn(), id)?;
    let fields = patch.check(false)?;
    check_dates(
        fields.involved_since.unwrap_or(before.involved_since),
        fields.signed_on.unwrap_or(before.signed_on),
        fields.left_on.unwrap_or(before.left_on),
    )?;
    fields.write(w, id)?;
    if let Some(municipalities) = &patch.municipalities {
        super::serves::set_served_checked_in(w, id, municipalities)?;
    }
    Ok(())
}

impl Workspace {
    pub fn create_organisation(&mut self, input: &OrganisationInput) -> Result<Organisation> {
        self.require_coalition()?;
        let id = self.write(|w| create_organisation_in(w, input))?;
        self.organisation(id)
    }

    /// Create many organisations in one transaction: all or none.
    pub fn create_organisations(&mut self, inputs: &[OrganisationInput]) -> Result<Vec<Uuid>> {
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
        patch: &OrganisationInput,
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
            "{} WHERE (?1 OR deleted = 0) AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR domain = ?3) \
             AND {}",
            Organisation::SELECT,
            schema::arrived(&ORGANISATION),
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
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT domain, count(*) FROM organisations WHERE {} GROUP BY domain",
            schema::living(&ORGANISATION)
        ))?;
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
