//! The action plan (*actieplan*), its pillars and their goals. A new plan
//! starts with the four pillars most coalitions use; they can be renamed,
//! reordered, added and removed.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::schema::{entity, require_living, Choice, Choices, Date, Link, Moment, Text, Whole};
use crate::time::iso;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

dutch_choice!(
    /// Whether the plan is still being written or has been adopted (a
    /// status from a newer version reads as "concept").
    #[derive(Default)]
    PlanStatus {
        #[default]
        Concept = "concept" ["Concept", "Draft"],
        Vastgesteld = "vastgesteld" ["Vastgesteld", "Adopted"],
    }
);

dutch_choice!(
    /// The six national goals of Kansrijke Start, in its three action lines.
    NationalGoal {
        GoedVoorbereid = "goed voorbereid zwanger" ["Goed voorbereid zwanger", "Well prepared for pregnancy"],
        MinderOnbedoeld = "minder onbedoelde zwangerschappen" ["Minder onbedoelde zwangerschappen", "Fewer unintended pregnancies"],
        EerderGesignaleerd = "problemen eerder gesignaleerd" ["Problemen eerder gesignaleerd", "Problems spotted earlier"],
        SnellerHulp = "sneller de juiste hulp" ["Sneller de juiste hulp", "The right help sooner"],
        OudersToegerust = "ouders toegerust" ["Ouders toegerust", "Parents well equipped"],
        MinderUithuisplaatsingen = "minder uithuisplaatsingen" ["Minder uithuisplaatsingen", "Fewer children placed out of home"],
    }
);

/// The pillars a new plan starts with (as in Leiden's plan).
pub const DEFAULT_PILLARS: &[(&str, &str)] = &[
    (
        "Verbinding geboortezorgpartners met het sociale domein",
        "Verloskundigen, ziekenhuis, kraamzorg en JGZ kennen de partners in het sociale domein en weten hen snel te vinden.",
    ),
    (
        "Nu Niet Zwanger",
        "Mensen in een kwetsbare situatie krijgen ondersteuning bij hun kinderwens en anticonceptie.",
    ),
    (
        "Gezonde leefstijl tijdens de eerste 1000 dagen",
        "Rookvrij, gezonde voeding en beweging voor aanstaande en jonge ouders.",
    ),
    (
        "Duurzame start jonge kind",
        "Ouders zijn toegerust en krijgen op tijd de juiste steun na de geboorte.",
    ),
];

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Plan in PLAN = "plan", "plans";
    input PlanInput => PlanChecked {}
    fields {
        title: String = Text<200> ["Titel", "Title"] required "geef het actieplan een titel",
        /// The first and last year (2000–2100). In the input, absent:
        /// unchanged; `null`: cleared.
        #[serde(with = "crate::schema::nullable")]
        #[ts(as = "_")]
        period_start: Option<i32> = Whole<i32> ["Beginjaar", "First year"] check valid_year,
        #[serde(with = "crate::schema::nullable")]
        #[ts(as = "_")]
        period_end: Option<i32> = Whole<i32> ["Eindjaar", "Last year"] check valid_year,
        status: PlanStatus = Choice<PlanStatus> ["Status", "Status"],
        vision: String = Text<20000> ["Visie", "Vision"],
        /// The national work-agenda template's sections.
        urgency: String = Text<20000> ["Urgentie", "Urgency"],
        situation: String = Text<20000> ["Situatie", "Situation"],
        ambition: String = Text<20000> ["Ambitie", "Ambition"],
        design: String = Text<20000> ["Ontwerp", "Design"],
        smart_goals: String = Text<20000> ["SMART-doelen", "SMART goals"],
        financial_plan: String = Text<20000> ["Financieel plan", "Financial plan"],
        monitoring: String = Text<20000> ["Monitoring", "Monitoring"],
        milestones: String = Text<20000> ["Mijlpalenplanning", "Milestone planning"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {}
    hidden { deleted, deleted_seen }
}

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Pillar in PILLAR = "pillar", "pillars";
    input PillarInput => PillarChecked {}
    fields {
        plan: Uuid = Link ["Actieplan", "Action plan"] required "kies het actieplan",
        title: String = Text<200> ["Naam", "Name"] required "geef de pijler een titel",
        description: String = Text<20000> ["Omschrijving", "Description"],
    }
    kept {}
    extra {
        /// 1, 2, 3 …: the pillar's number in the plan.
        number: u32,
    }
    hidden { position, created_at, deleted, deleted_seen }
}

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Goal in GOAL = "goal", "goals";
    input GoalInput => GoalChecked {}
    fields {
        pillar: Uuid = Link ["Pijler", "Pillar"] required "kies de pijler van dit doel",
        /// The SMART formulation.
        text: String = Text<20000> ["Doel (SMART)", "Goal (SMART)"] required "beschrijf het doel (SMART)",
        national_goals: Vec<NationalGoal> = Choices<NationalGoal> ["Landelijke doelen", "National goals"],
        /// What the indicator should reach, as written ("80 % van de zwangeren").
        target_value: String = Text<200> ["Streefwaarde", "Target value"],
        target_date: Option<NaiveDate> = Date ["Te halen op", "To be reached by"],
    }
    kept {}
    extra {}
    hidden { position, created_at, deleted, deleted_seen }
}

pub(crate) fn get_plan(conn: &Connection, id: Uuid) -> Result<Plan> {
    rows::by_id(conn, Plan::SELECT, id, "actieplan", Plan::read)
}

/// A name no other living row of `table` has (ignoring case).
pub(crate) fn unique_name(
    conn: &Connection,
    table: &str,
    id: Uuid,
    name: &str,
    what: &str,
) -> Result<()> {
    let taken: bool = conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE lower(name) = lower(?1) AND id != ?2 AND deleted = 0)"
        ))?
        .query_row([name, &id.to_string()], |r| r.get(0))?;
    if taken {
        return Err(Error::validation(
            "name",
            ValidationCode::Duplicate,
            format!("er is al een {what} {name:?}"),
        ));
    }
    Ok(())
}

fn valid_year(field: &'static str, year: &Option<i32>) -> Result<Option<i32>> {
    match *year {
        Some(year) if !(2000..=2100).contains(&year) => Err(Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("{year} is geen jaar voor een actieplan"),
        )),
        year => Ok(year),
    }
}

/// A plan ends no earlier than it begins.
fn check_period(start: Option<i32>, end: Option<i32>) -> Result<()> {
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(Error::validation(
                "period_end",
                ValidationCode::DateOrder,
                format!("het plan eindigt ({e}) vóór het begint ({s})"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn create_plan_in(w: &mut Writer, input: &PlanInput) -> Result<Uuid> {
    // A new plan needs a title and starts as a concept; of its sections
    // only those given are written.
    let fields = PlanInput {
        title: Some(input.title.clone().unwrap_or_default()),
        status: Some(input.status.unwrap_or_default()),
        ..input.clone()
    }
    .check(false)?;
    check_period(fields.period_start.flatten(), fields.period_end.flatten())?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&PLAN, id, "created_at", iso(w.now()))?;
    w.set(&PLAN, id, "deleted", false)?;
    for (title, description) in DEFAULT_PILLARS {
        create_pillar_in(
            w,
            &PillarInput {
                plan: Some(id),
                title: Some(title.to_string()),
                description: Some(description.to_string()),
            },
        )?;
    }
    super::seed_interventions_in(w)?;
    Ok(id)
}

pub(crate) fn create_pillar_in(w: &mut Writer, input: &PillarInput) -> Result<Uuid> {
    let fields = input.check(true)?;
    let plan = fields.plan.unwrap_or_default();
    require_living(w.conn(), &PLAN, "plan", plan, "actieplan")?;
    let last: i64 = w.conn().query_row(
        "SELECT coalesce(max(position), 0) FROM pillars WHERE plan = ?1 AND deleted = 0",
        [plan.to_string()],
        |r| r.get(0),
    )?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&PILLAR, id, "position", last + 1)?;
    w.set(&PILLAR, id, "created_at", iso(w.now()))?;
    w.set(&PILLAR, id, "deleted", false)?;
    Ok(id)
}

fn pillars_of(conn: &Connection, plan: Uuid) -> Result<Vec<Pillar>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE plan = ?1 AND deleted = 0 AND created_at != '' ORDER BY position, id",
        Pillar::SELECT
    ))?;
    let mut pillars: Vec<Pillar> = stmt
        .query_map([plan.to_string()], Pillar::read)?
        .collect::<rusqlite::Result<_>>()?;
    // Numbered by order, so two laptops inserting at once still number 1, 2, 3.
    for (i, p) in pillars.iter_mut().enumerate() {
        p.number = i as u32 + 1;
    }
    Ok(pillars)
}

/// A goal belongs to a living pillar.
fn check_goal(w: &Writer, pillar: Uuid) -> Result<()> {
    require_living(w.conn(), &PILLAR, "pillar", pillar, "pijler")
}

pub(crate) fn create_goal_in(w: &mut Writer, input: &GoalInput) -> Result<Uuid> {
    let fields = input.check(true)?;
    let pillar = fields.pillar.unwrap_or_default();
    check_goal(w, pillar)?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    let last: i64 = w.conn().query_row(
        "SELECT coalesce(max(position), 0) FROM goals WHERE pillar = ?1",
        [pillar.to_string()],
        |r| r.get(0),
    )?;
    w.set(&GOAL, id, "position", last + 1)?;
    w.set(&GOAL, id, "created_at", iso(w.now()))?;
    w.set(&GOAL, id, "deleted", false)?;
    Ok(id)
}

fn update_goal_in(w: &mut Writer, id: Uuid, before: &Goal, input: &GoalInput) -> Result<()> {
    let fields = input.check(false)?;
    check_goal(w, fields.pillar.unwrap_or(before.pillar))?;
    fields.write(w, id)
}

impl Workspace {
    /// A new plan with the four usual pillars (and, the first time, the
    /// catalogue of interventions).
    pub fn create_plan(&mut self, input: &PlanInput) -> Result<Plan> {
        self.require_coalition()?;
        let id = self.write(|w| create_plan_in(w, input))?;
        get_plan(self.conn(), id)
    }

    pub fn update_plan(&mut self, id: Uuid, input: &PlanInput) -> Result<Plan> {
        let before = get_plan(self.conn(), id)?;
        let fields = input.check(false)?;
        check_period(
            fields.period_start.unwrap_or(before.period_start),
            fields.period_end.unwrap_or(before.period_end),
        )?;
        self.write(|w| fields.write(w, id))?;
        get_plan(self.conn(), id)
    }

    /// The plans, the current one (latest period) first.
    pub fn list_plans(&self) -> Result<Vec<Plan>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' \
             ORDER BY coalesce(period_end, 0) DESC, created_at DESC",
            Plan::SELECT
        ))?;
        let plans = stmt.query_map([], Plan::read)?;
        Ok(plans.collect::<rusqlite::Result<_>>()?)
    }

    /// The plan the coalition works on now: the one with the latest period.
    pub fn current_plan(&self) -> Result<Option<Plan>> {
        Ok(self.list_plans()?.into_iter().next())
    }

    pub fn pillars(&self, plan: Uuid) -> Result<Vec<Pillar>> {
        pillars_of(self.conn(), plan)
    }

    pub fn create_pillar(&mut self, input: &PillarInput) -> Result<Pillar> {
        let id = self.write(|w| create_pillar_in(w, input))?;
        self.pillar(id)
    }

    pub fn pillar(&self, id: Uuid) -> Result<Pillar> {
        let plan = rows::by_id(self.conn(), Pillar::SELECT, id, "pijler", Pillar::read)?.plan;
        pillars_of(self.conn(), plan)?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(Error::NotFound {
                what: "pijler",
                id: id.to_string(),
            })
    }

    /// Rename or describe a pillar; it stays under its plan.
    pub fn update_pillar(&mut self, id: Uuid, input: &PillarInput) -> Result<Pillar> {
        self.pillar(id)?;
        let fields = PillarInput {
            plan: None,
            ..input.clone()
        }
        .check(false)?;
        self.write(|w| fields.write(w, id))?;
        self.pillar(id)
    }

    /// Move a pillar to `number` (1 = first); the others shift.
    pub fn move_pillar(&mut self, id: Uuid, number: u32) -> Result<Vec<Pillar>> {
        let pillar = self.pillar(id)?;
        let mut order: Vec<Uuid> = self
            .pillars(pillar.plan)?
            .into_iter()
            .map(|p| p.id)
            .filter(|p| *p != id)
            .collect();
        let at = (number.max(1) as usize - 1).min(order.len());
        order.insert(at, id);
        self.write(|w| {
            for (i, p) in order.iter().enumerate() {
                w.set(&PILLAR, *p, "position", i as i64 + 1)?;
            }
            Ok(())
        })?;
        self.pillars(pillar.plan)
    }

    /// Delete a pillar that has no actions left.
    pub fn delete_pillar(&mut self, id: Uuid) -> Result<()> {
        self.pillar(id)?;
        let actions: i64 = self.conn().query_row(
            "SELECT count(*) FROM actions WHERE pillar = ?1 AND deleted = 0",
            [id.to_string()],
            |r| r.get(0),
        )?;
        if actions > 0 {
            return Err(Error::validation(
                "pillar",
                ValidationCode::InvalidChoice,
                format!("deze pijler heeft nog {actions} acties; verplaats of verwijder die eerst"),
            ));
        }
        self.write(|w| w.set_deleted(&PILLAR, id, true).map(drop))
    }

    pub fn create_goal(&mut self, input: &GoalInput) -> Result<Goal> {
        let id = self.write(|w| create_goal_in(w, input))?;
        self.goal(id)
    }

    pub fn goal(&self, id: Uuid) -> Result<Goal> {
        rows::by_id(self.conn(), Goal::SELECT, id, "doel", Goal::read)
    }

    pub fn update_goal(&mut self, id: Uuid, input: &GoalInput) -> Result<Goal> {
        let before = self.goal(id)?;
        self.write(|w| update_goal_in(w, id, &before, input))?;
        self.goal(id)
    }

    pub fn delete_goal(&mut self, id: Uuid) -> Result<()> {
        self.goal(id)?;
        self.write(|w| w.set_deleted(&GOAL, id, true).map(drop))
    }

    /// The goals of a plan's pillars, in order.
    pub fn goals(&self, plan: Uuid) -> Result<Vec<Goal>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' AND pillar IN \
             (SELECT id FROM pillars WHERE plan = ?1 AND deleted = 0) ORDER BY position, id",
            Goal::SELECT
        ))?;
        let goals = stmt.query_map([plan.to_string()], Goal::read)?;
        Ok(goals.collect::<rusqlite::Result<_>>()?)
    }
}
