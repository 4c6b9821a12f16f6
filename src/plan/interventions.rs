//! The interventions a coalition rolls out (Nu Niet Zwanger, Centering,
//! VoorZorg …) and where each runs: one *inzet* per municipality and
//! intervention, and the roll-out matrix that answers "where is Centering
//! not yet available?".

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::Writer;
use crate::error::{Error, Result};
use crate::rows;
use crate::schema::{entity, require_living, Choice, Date, Link, Ref, Text, Whole};
use crate::time::iso;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

dutch_choice!(
    /// The programme's three action lines (a line from a newer version
    /// reads as "na de geboorte").
    #[derive(Default)]
    ActionLine {
        VoorZwangerschap = "voor de zwangerschap" ["Voor de zwangerschap", "Before pregnancy"],
        TijdensZwangerschap = "tijdens de zwangerschap" ["Tijdens de zwangerschap", "During pregnancy"],
        #[default]
        NaGeboorte = "na de geboorte" ["Na de geboorte", "After birth"],
    }
);

dutch_choice!(
    /// How far an intervention is in one municipality (a status from a
    /// newer version reads as "niet gestart").
    #[derive(Default)]
    RolloutStatus {
        #[default]
        NietGestart = "niet gestart" ["Niet gestart", "Not started"],
        InVoorbereiding = "in voorbereiding" ["In voorbereiding", "In preparation"],
        Actief = "actief" ["Actief", "Active"],
        Gestopt = "gestopt" ["Gestopt", "Stopped"],
    }
);

/// The catalogue a coalition starts with: (name, action line, target
/// group, what it is).
const CATALOGUE: &[(&str, ActionLine, &str, &str)] = &[
    (
        "Nu Niet Zwanger",
        ActionLine::VoorZwangerschap,
        "Mensen in een kwetsbare situatie met (mogelijk) een kinderwens",
        "Professionals die iemand al kennen, gaan het gesprek aan over kinderwens en anticonceptie en helpen zo nodig naar passende anticonceptie.",
    ),
    (
        "Preconceptiezorg",
        ActionLine::VoorZwangerschap,
        "Wie zwanger wil worden",
        "Advies vóór de zwangerschap over gezondheid, leefstijl, medicijnen en erfelijkheid, bij verloskundige of huisarts.",
    ),
    (
        "CenteringZwangerschap",
        ActionLine::TijdensZwangerschap,
        "Zwangere vrouwen",
        "Zwangerschapszorg in groepen van acht tot twaalf vrouwen die rond dezelfde tijd uitgerekend zijn: controles, voorlichting en steun aan elkaar.",
    ),
    (
        "Prenataal huisbezoek JGZ",
        ActionLine::TijdensZwangerschap,
        "Zwangeren in een kwetsbare situatie",
        "Een jeugdverpleegkundige komt tijdens de zwangerschap thuis kennismaken en bespreekt zorgen vroeg, zodat de hulp na de geboorte al klaarstaat.",
    ),
    (
        "VoorZorg",
        ActionLine::TijdensZwangerschap,
        "Jonge zwangere vrouwen in een kwetsbare situatie",
        "Intensieve huisbezoeken door een jeugdverpleegkundige, van de zwangerschap tot het kind twee jaar is.",
    ),
    (
        "Rookvrije Start",
        ActionLine::TijdensZwangerschap,
        "Aanstaande ouders die roken",
        "Hulp bij stoppen met roken voor zwangeren en hun partners, via verloskundige, huisarts of JGZ.",
    ),
    (
        "Integraal zorgpad kwetsbare zwangeren",
        ActionLine::TijdensZwangerschap,
        "Zwangeren met problemen op meerdere gebieden",
        "Afspraken tussen geboortezorg en sociaal domein over signaleren, samen bespreken en warm overdragen.",
    ),
    (
        "CenteringOuderschap",
        ActionLine::NaGeboorte,
        "Ouders met een baby tot één jaar",
        "De jeugdgezondheidszorg in groepsbijeenkomsten met andere ouders, aansluitend op CenteringZwangerschap.",
    ),
    (
        "Stevig Ouderschap",
        ActionLine::NaGeboorte,
        "Ouders van een pasgeborene met risico's",
        "Huisbezoeken door een jeugdverpleegkundige die de band tussen ouder en kind versterken en problemen vroeg zien.",
    ),
    (
        "Samen Starten",
        ActionLine::NaGeboorte,
        "Ouders van jonge kinderen",
        "Een gespreksmethode van de JGZ om met ouders te bekijken wat goed gaat, waar zorgen zijn en wie kan helpen.",
    ),
    (
        "Extra kraamzorg",
        ActionLine::NaGeboorte,
        "Gezinnen die meer steun nodig hebben",
        "Langere of extra kraamzorg, afgestemd met het sociale domein, voor gezinnen in een kwetsbare situatie.",
    ),
    (
        "Moeders Informeren Moeders",
        ActionLine::NaGeboorte,
        "Ouders met een eerste kind",
        "Getrainde ervaren moeders bezoeken nieuwe ouders thuis en delen kennis over verzorging, opvoeding en ontwikkeling.",
    ),
];

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Intervention in INTERVENTION = "intervention", "interventions";
    input InterventionInput => InterventionChecked {}
    fields {
        name: String = Text<200> ["Naam", "Name"] required "geef de interventie een naam",
        action_line: ActionLine = Choice<ActionLine> ["Actielijn", "Action line"]
            required "kies de actielijn: voor, tijdens of na de zwangerschap",
        target_group: String = Text<300> ["Doelgroep", "Target group"],
        description: String = Text<5000> ["Omschrijving", "Description"],
    }
    kept {}
    extra {}
    hidden { created_at, deleted, deleted_seen }
}

entity! {
    /// One intervention in one municipality.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Rollout in ROLLOUT = "rollout", "rollouts";
    input RolloutInput => RolloutChecked {}
    fields {
        status: RolloutStatus = Choice<RolloutStatus> ["Status", "Status"],
        /// The organisation that provides it there; in the input an
        /// organisation id, or empty for none.
        provider: Option<Uuid> = Ref ["Uitvoerder", "Provider"],
        since: Option<NaiveDate> = Date ["Sinds", "Since"],
        /// Trajecten per year: planned and reached. In the input, absent:
        /// unchanged; `null`: cleared.
        #[serde(with = "crate::schema::nullable")]
        #[ts(as = "_")]
        target_per_year: Option<u32> = Whole<u32>
            ["Beoogd aantal trajecten per jaar", "Planned trajectories per year"],
        #[serde(with = "crate::schema::nullable")]
        #[ts(as = "_")]
        actual_per_year: Option<u32> = Whole<u32>
            ["Behaald aantal trajecten per jaar", "Reached trajectories per year"],
    }
    kept {
        municipality: Uuid = Link,
        intervention: Uuid = Link,
    }
    extra {}
    hidden { deleted, deleted_seen }
}

/// Municipalities × interventions, with counts of where each runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RolloutMatrix {
    pub municipalities: Vec<MatrixMunicipality>,
    pub interventions: Vec<MatrixIntervention>,
    /// Every cell that is not "niet gestart"; a missing cell is not started.
    pub cells: Vec<Rollout>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MatrixMunicipality {
    pub id: Uuid,
    pub name: String,
    /// Interventions active here.
    pub active: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MatrixIntervention {
    pub id: Uuid,
    pub name: String,
    pub action_line: ActionLine,
    /// Municipalities where it is active.
    pub active: u32,
}

const NAMESPACE: Uuid = Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_696e_7476);

/// The catalogue's ids are made from the names, so two laptops that each
/// start a plan get one catalogue.
fn catalogue_id(name: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("catalogue/{}", fold(name)).as_bytes())
}

fn rollout_id(municipality: Uuid, intervention: Uuid) -> Uuid {
    Uuid::new_v5(
        &NAMESPACE,
        format!("{municipality}/{intervention}").as_bytes(),
    )
}

/// Fill the catalogue the first time a plan is made.
pub(crate) fn seed_interventions_in(w: &mut Writer) -> Result<()> {
    let any: bool = w.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM interventions WHERE created_at != '')",
        [],
        |r| r.get(0),
    )?;
    if any {
        return Ok(());
    }
    for (name, line, group, description) in CATALOGUE {
        let id = catalogue_id(name);
        InterventionInput {
            name: Some(name.to_string()),
            action_line: Some(*line),
            target_group: Some(group.to_string()),
            description: Some(description.to_string()),
        }
        .check(true)?
        .write(w, id)?;
        w.set(&INTERVENTION, id, "created_at", iso(w.now()))?;
        w.set(&INTERVENTION, id, "deleted", false)?;
    }
    Ok(())
}

fn write_intervention(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Intervention>,
    input: &InterventionInput,
) -> Result<()> {
    let fields = input.check(before.is_none())?;
    let name = fields
        .name
        .as_deref()
        .or(before.map(|b| b.name.as_str()))
        .unwrap_or_default();
    super::plans::unique_name(w.conn(), "interventions", id, name, "interventie")?;
    fields.write(w, id)
}

pub(crate) fn set_rollout_in(
    w: &mut Writer,
    municipality: Uuid,
    intervention: Uuid,
    input: &RolloutInput,
) -> Result<()> {
    require_living(
        w.conn(),
        &crate::network::MUNICIPALITY,
        "municipality",
        municipality,
        "gemeente",
    )?;
    require_living(
        w.conn(),
        &INTERVENTION,
        "intervention",
        intervention,
        "interventie",
    )?;
    // Only what is given is written: a cell never set is "niet gestart".
    let fields = input.check(false)?;
    if let Some(Some(org)) = fields.provider {
        require_living(
            w.conn(),
            &crate::network::ORGANISATION,
            "provider",
            org,
            "organisatie",
        )?;
    }
    let id = rollout_id(municipality, intervention);
    w.set(&ROLLOUT, id, "municipality", municipality.to_string())?;
    w.set(&ROLLOUT, id, "intervention", intervention.to_string())?;
    fields.write(w, id)?;
    w.set_deleted(&ROLLOUT, id, false)?;
    Ok(())
}

impl Workspace {
    pub fn list_interventions(&self) -> Result<Vec<Intervention>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != ''",
            Intervention::SELECT
        ))?;
        let mut list: Vec<Intervention> = stmt
            .query_map([], Intervention::read)?
            .collect::<rusqlite::Result<_>>()?;
        list.sort_by_cached_key(|i| (i.action_line, fold(&i.name)));
        Ok(list)
    }

    pub fn intervention(&self, id: Uuid) -> Result<Intervention> {
        rows::by_id(
            self.conn(),
            Intervention::SELECT,
            id,
            "interventie",
            Intervention::read,
        )
    }

    /// By id or by name (ignoring case and diacritics).
    pub fn find_intervention(&self, key: &str) -> Result<Intervention> {
        if let Ok(id) = Uuid::try_parse(key.trim()) {
            return self.intervention(id);
        }
        let wanted = fold(key.trim());
        self.list_interventions()?
            .into_iter()
            .find(|i| fold(&i.name) == wanted)
            .ok_or(Error::NotFound {
                what: "interventie",
                id: key.to_string(),
            })
    }

    pub fn create_intervention(&mut self, input: &InterventionInput) -> Result<Intervention> {
        self.require_coalition()?;
        let id = Uuid::now_v7();
        self.write(|w| {
            write_intervention(w, id, None, input)?;
            w.set(&INTERVENTION, id, "created_at", iso(w.now()))?;
            w.set(&INTERVENTION, id, "deleted", false).map(drop)
        })?;
        self.intervention(id)
    }

    pub fn update_intervention(
        &mut self,
        id: Uuid,
        input: &InterventionInput,
    ) -> Result<Intervention> {
        let before = self.intervention(id)?;
        self.write(|w| write_intervention(w, id, Some(&before), input))?;
        self.intervention(id)
    }

    pub fn delete_intervention(&mut self, id: Uuid) -> Result<()> {
        self.intervention(id)?;
        self.write(|w| w.set_deleted(&INTERVENTION, id, true).map(drop))
    }

    /// Set (part of) one cell of the roll-out matrix.
    pub fn set_rollout(
        &mut self,
        municipality: Uuid,
        intervention: Uuid,
        input: &RolloutInput,
    ) -> Result<Rollout> {
        self.write(|w| set_rollout_in(w, municipality, intervention, input))?;
        self.rollout_matrix()?
            .cells
            .into_iter()
            .find(|c| c.municipality == municipality && c.intervention == intervention)
            .ok_or(Error::NotFound {
                what: "inzet",
                id: rollout_id(municipality, intervention).to_string(),
            })
    }

    /// The municipalities of the coalition × the interventions.
    pub fn rollout_matrix(&self) -> Result<RolloutMatrix> {
        let municipalities: Vec<(Uuid, String)> = self
            .list_municipalities(false)?
            .into_iter()
            .filter(|m| m.in_coalition)
            .map(|m| (m.id, m.name))
            .collect();
        let interventions = self.list_interventions()?;
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{} WHERE deleted = 0", Rollout::SELECT))?;
        let rows = stmt.query_map([], Rollout::read)?;
        let known_m: HashMap<Uuid, usize> = municipalities
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i))
            .collect();
        let known_i: HashMap<Uuid, usize> = interventions
            .iter()
            .enumerate()
            .map(|(i, iv)| (iv.id, i))
            .collect();
        let mut active_m = vec![0u32; municipalities.len()];
        let mut active_i = vec![0u32; interventions.len()];
        let mut cells = Vec::new();
        for cell in rows {
            let cell = cell?;
            let (Some(&m), Some(&i)) = (
                known_m.get(&cell.municipality),
                known_i.get(&cell.intervention),
            ) else {
                continue;
            };
            if cell.status == RolloutStatus::Actief {
                active_m[m] += 1;
                active_i[i] += 1;
            }
            cells.push(cell);
        }
        cells.sort_by_key(|c| (known_m[&c.municipality], known_i[&c.intervention]));
        Ok(RolloutMatrix {
            municipalities: municipalities
                .into_iter()
                .zip(active_m)
                .map(|((id, name), active)| MatrixMunicipality { id, name, active })
                .collect(),
            interventions: interventions
                .into_iter()
                .zip(active_i)
                .map(|(iv, active)| MatrixIntervention {
                    id: iv.id,
                    name: iv.name,
                    action_line: iv.action_line,
                    active,
                })
                .collect(),
            cells,
        })
    }
}
