//! The coalition's gatherings: a network day (such as a yearly *WIJ
//! GROEIEN* day) and training (*scholing*, for instance in Nu Niet
//! Zwanger). Each records per organisation how many professionals
//! registered and how many came, or were trained, and whether the
//! organisation was new to the network that day; the domain comes from
//! the organisation, so the numbers per domain show who was reached.
//!
//! One row per gathering and organisation (its id made from both), so two
//! laptops typing the same organisation's numbers keep one, the later.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::actions::{Day, ACTION};
use super::indicators::Count;
use super::interventions::INTERVENTION;
use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::network::{Domain, ORGANISATION};
use crate::rows;
use crate::schema::{entity, require_living, Choice, Flag, Link, Moment, Ref, Text};
use crate::time::iso;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

dutch_choice!(
    /// What kind of gathering (a kind from a newer version reads as a
    /// network gathering).
    #[derive(Default)]
    GatheringKind {
        #[default]
        Netwerkbijeenkomst = "netwerkbijeenkomst" ["Netwerkbijeenkomst", "Network event"],
        Scholing = "scholing" ["Scholing", "Training"],
    }
);

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Gathering in GATHERING = "gathering", "gatherings";
    input GatheringInput => GatheringChecked {
        /// The numbers per organisation (exactly these), saved in the same
        /// transaction.
        #[ts(optional)]
        turnout: Option<Vec<TurnoutInput>>,
    }
    fields {
        title: String = Text<200> ["Titel", "Title"] required "geef de bijeenkomst een titel",
        kind: GatheringKind = Choice<GatheringKind> ["Soort", "Kind"],
        date: Option<NaiveDate> = Day ["Datum", "Date"] required "vul de datum in",
        place: String = Text<200> ["Plaats", "Place"],
        /// The plan's action it belongs to, if any.
        action: Option<Uuid> = Ref ["Actie", "Action"],
        /// For training: the intervention the professionals were trained in.
        intervention: Option<Uuid> = Ref ["Interventie", "Intervention"],
        notes: String = Text<5000> ["Toelichting", "Notes"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {
        /// Per organisation, by name.
        turnout: Vec<Turnout>,
        registered: i64,
        attended: i64,
        /// Organisations new to the network that day.
        welcomed: i64,
    }
    hidden { deleted, deleted_seen }
}

entity! {
    /// One organisation's numbers at one gathering.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct GatheringTurnout in GATHERING_TURNOUT = "gathering_turnout", "gathering_turnouts";
    input TurnoutInput => TurnoutChecked {}
    fields {
        gathering: Uuid = Link ["Bijeenkomst", "Gathering"],
        organisation: Uuid = Link ["Organisatie", "Organisation"] required "kies de organisatie",
        registered: i64 = Count ["Aangemeld", "Registered"],
        /// Came, or for training: trained.
        attended: i64 = Count ["Aanwezig", "Attended"],
        /// New to the network: welcomed that day.
        welcomed: bool = Flag ["Nieuw in het netwerk", "New to the network"],
    }
    kept {}
    extra {}
    hidden { deleted, deleted_seen }
}

/// An organisation's numbers at a gathering, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Turnout {
    pub organisation: Uuid,
    /// Its name (kept when it was deleted since).
    pub name: String,
    pub domain: Domain,
    pub registered: i64,
    pub attended: i64,
    pub welcomed: bool,
}

/// Which gatherings; every part optional, the days included.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct GatheringFilter {
    pub kind: Option<GatheringKind>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Professionals trained in one intervention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Trained {
    pub intervention: Uuid,
    pub name: String,
    pub professionals: i64,
    /// Organisations with at least one professional trained.
    pub organisations: i64,
}

/// Who came, per domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DomainTurnout {
    pub domain: Domain,
    pub registered: i64,
    pub attended: i64,
    pub organisations: i64,
}

const TURNOUT_NAMESPACE: Uuid = Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_6761_7468);

/// One row per gathering and organisation, on every laptop.
fn turnout_id(gathering: Uuid, organisation: Uuid) -> Uuid {
    Uuid::new_v5(
        &TURNOUT_NAMESPACE,
        format!("{gathering}/{organisation}").as_bytes(),
    )
}

fn write_gathering(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Gathering>,
    input: &GatheringInput,
) -> Result<()> {
    let fields = input.check(before.is_none())?;
    let kind = fields.kind.or(before.map(|b| b.kind)).unwrap_or_default();
    let intervention = fields
        .intervention
        .unwrap_or(before.and_then(|b| b.intervention));
    if let Some(i) = intervention.filter(|i| before.is_none_or(|b| b.intervention != Some(*i))) {
        require_living(w.conn(), &INTERVENTION, "intervention", i, "interventie")?;
    }
    if kind == GatheringKind::Scholing && intervention.is_none() {
        return Err(Error::validation(
            "intervention",
            ValidationCode::Required,
            "kies de interventie waarin getraind is",
        ));
    }
    if let Some(Some(a)) = fields
        .action
        .filter(|a| before.is_none_or(|b| b.action != *a))
    {
        require_living(w.conn(), &ACTION, "action", a, "actie")?;
    }
    fields.write(w, id)?;
    if let Some(rows) = &input.turnout {
        set_turnout(w, id, before, rows)?;
    }
    Ok(())
}

/// Make the gathering's numbers exactly `rows`: one per organisation.
fn set_turnout(
    w: &mut Writer,
    gathering: Uuid,
    before: Option<&Gathering>,
    rows: &[TurnoutInput],
) -> Result<()> {
    let mut seen = Vec::with_capacity(rows.len());
    for row in rows {
        let organisation = row.organisation.unwrap_or_default();
        // A refused number is the list's, and names the organisation it
        // was typed for.
        let mut fields = row.check(true).map_err(|e| match e {
            Error::Validation(mut v) => {
                v.field = "turnout".into();
                let name: Option<String> = w
                    .conn()
                    .query_row(
                        "SELECT name FROM organisations WHERE id = ?1",
                        [organisation.to_string()],
                        |r| r.get(0),
                    )
                    .ok();
                if let Some(name) = name {
                    v.message = format!("{name}: {}", v.message);
                }
                Error::Validation(v)
            }
            other => other,
        })?;
        if seen.contains(&organisation) {
            return Err(Error::validation(
                "turnout",
                ValidationCode::InvalidChoice,
                "elke organisatie staat er één keer in",
            ));
        }
        seen.push(organisation);
        let known =
            before.is_some_and(|b| b.turnout.iter().any(|t| t.organisation == organisation));
        if !known {
            require_living(
                w.conn(),
                &ORGANISATION,
                "turnout",
                organisation,
                "organisatie",
            )?;
        }
        fields.gathering = Some(gathering);
        let id = turnout_id(gathering, organisation);
        fields.write(w, id)?;
        w.set_deleted(&GATHERING_TURNOUT, id, false)?;
    }
    for gone in before
        .map(|b| b.turnout.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|t| !seen.contains(&t.organisation))
    {
        w.set_deleted(
            &GATHERING_TURNOUT,
            turnout_id(gathering, gone.organisation),
            true,
        )?;
    }
    Ok(())
}

pub(crate) fn create_gathering_in(w: &mut Writer, input: &GatheringInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_gathering(w, id, None, input)?;
    w.set(&GATHERING, id, "created_at", iso(w.now()))?;
    w.set(&GATHERING, id, "deleted", false)?;
    Ok(id)
}

impl Workspace {
    pub fn create_gathering(&mut self, input: &GatheringInput) -> Result<Gathering> {
        self.require_coalition()?;
        let id = self.write(|w| create_gathering_in(w, input))?;
        self.gathering(id)
    }

    pub fn update_gathering(&mut self, id: Uuid, input: &GatheringInput) -> Result<Gathering> {
        let before = self.gathering(id)?;
        self.write(|w| write_gathering(w, id, Some(&before), input))?;
        self.gathering(id)
    }

    pub fn delete_gathering(&mut self, id: Uuid) -> Result<()> {
        self.gathering(id)?;
        self.write(|w| w.set_deleted(&GATHERING, id, true).map(drop))
    }

    pub fn gathering(&self, id: Uuid) -> Result<Gathering> {
        let found = rows::by_id(
            self.conn(),
            Gathering::SELECT,
            id,
            "bijeenkomst",
            Gathering::read,
        )?;
        Ok(self.with_turnout(vec![found])?.remove(0))
    }

    /// The gatherings that match, the latest first, with their numbers.
    pub fn list_gatherings(&self, filter: &GatheringFilter) -> Result<Vec<Gathering>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' \
             AND (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR date >= ?2) \
             AND (?3 IS NULL OR date <= ?3) ORDER BY date DESC, id DESC",
            Gathering::SELECT
        ))?;
        let list: Vec<Gathering> = stmt
            .query_map(
                rusqlite::params![
                    filter.kind.map(|k| k.code()),
                    filter.from.map(|d| d.to_string()),
                    filter.to.map(|d| d.to_string()),
                ],
                Gathering::read,
            )?
            .collect::<rusqlite::Result<_>>()?;
        self.with_turnout(list)
    }

    /// Professionals trained per intervention in these gatherings, the
    /// most first.
    pub fn trained(&self, gatherings: &[Gathering]) -> Result<Vec<Trained>> {
        let mut per: BTreeMap<Uuid, (i64, i64)> = BTreeMap::new();
        for g in gatherings
            .iter()
            .filter(|g| g.kind == GatheringKind::Scholing)
        {
            let Some(intervention) = g.intervention else {
                continue;
            };
            let entry = per.entry(intervention).or_default();
            entry.0 += g.attended;
            entry.1 += g.turnout.iter().filter(|t| t.attended > 0).count() as i64;
        }
        let mut out = Vec::with_capacity(per.len());
        for (intervention, (professionals, organisations)) in per {
            let name = self
                .intervention(intervention)
                .map(|i| i.name)
                .unwrap_or_default();
            out.push(Trained {
                intervention,
                name,
                professionals,
                organisations,
            });
        }
        out.sort_by(|a, b| {
            b.professionals
                .cmp(&a.professionals)
                .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
        });
        Ok(out)
    }

    /// Professionals trained in `intervention`, ever.
    pub fn trained_in(&self, intervention: Uuid) -> Result<i64> {
        Ok(self.conn().query_row(
            "SELECT COALESCE(SUM(t.attended), 0) FROM gathering_turnouts t \
             JOIN gatherings g ON g.id = t.gathering AND g.deleted = 0 \
             WHERE t.deleted = 0 AND g.kind = ?1 AND g.intervention = ?2",
            rusqlite::params![GatheringKind::Scholing.code(), intervention.to_string()],
            |r| r.get(0),
        )?)
    }

    fn with_turnout(&self, mut gatherings: Vec<Gathering>) -> Result<Vec<Gathering>> {
        if gatherings.is_empty() {
            return Ok(gatherings);
        }
        // Names and domains of every organisation, the deleted ones too:
        // a gathering keeps who came.
        let orgs: HashMap<Uuid, (String, Domain)> = self
            .list_organisations(&crate::network::OrganisationFilter {
                include_deleted: Some(true),
                ..Default::default()
            })?
            .into_iter()
            .map(|o| (o.id, (o.name, o.domain)))
            .collect();
        let mut per: HashMap<Uuid, Vec<Turnout>> = HashMap::new();
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{} WHERE deleted = 0", GatheringTurnout::SELECT))?;
        for row in stmt.query_map([], GatheringTurnout::read)? {
            let row = row?;
            let Some((name, domain)) = orgs.get(&row.organisation) else {
                continue;
            };
            per.entry(row.gathering).or_default().push(Turnout {
                organisation: row.organisation,
                name: name.clone(),
                domain: *domain,
                registered: row.registered,
                attended: row.attended,
                welcomed: row.welcomed,
            });
        }
        for g in &mut gatherings {
            let mut turnout = per.remove(&g.id).unwrap_or_default();
            turnout.sort_by_cached_key(|t| fold(&t.name));
            g.registered = turnout.iter().map(|t| t.registered).sum();
            g.attended = turnout.iter().map(|t| t.attended).sum();
            g.welcomed = turnout.iter().filter(|t| t.welcomed).count() as i64;
            g.turnout = turnout;
        }
        Ok(gatherings)
    }
}

/// Who came to these gatherings, per domain, in the order of the domains.
pub fn turnout_per_domain(gatherings: &[Gathering]) -> Vec<DomainTurnout> {
    let mut per: BTreeMap<usize, (i64, i64, Vec<Uuid>)> = BTreeMap::new();
    for t in gatherings.iter().flat_map(|g| &g.turnout) {
        let index = Domain::ALL.iter().position(|d| *d == t.domain).unwrap_or(0);
        let entry = per.entry(index).or_default();
        entry.0 += t.registered;
        entry.1 += t.attended;
        if !entry.2.contains(&t.organisation) {
            entry.2.push(t.organisation);
        }
    }
    per.into_iter()
        .map(|(index, (registered, attended, orgs))| DomainTurnout {
            domain: Domain::ALL[index],
            registered,
            attended,
            organisations: orgs.len() as i64,
        })
        .collect()
}
