//! The action plan (*actieplan*), its pillars and their goals. A new plan
//! starts with the four pillars most coalitions use; they can be renamed,
//! reordered, added and removed.

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
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

pub const PLAN: EntitySpec = EntitySpec {
    name: "plan",
    table: "plans",
    fields: &[
        "title",
        "period_start",
        "period_end",
        "status",
        "vision",
        "urgency",
        "situation",
        "ambition",
        "design",
        "smart_goals",
        "financial_plan",
        "monitoring",
        "milestones",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const PILLAR: EntitySpec = EntitySpec {
    name: "pillar",
    table: "pillars",
    fields: &[
        "plan",
        "position",
        "title",
        "description",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const GOAL: EntitySpec = EntitySpec {
    name: "goal",
    table: "goals",
    fields: &[
        "pillar",
        "position",
        "text",
        "national_goals",
        "target_value",
        "target_date",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

dutch_choice!(
    /// Whether the plan is still being written or has been adopted.
    PlanStatus {
        Concept = "concept",
        Vastgesteld = "vastgesteld",
    }
);

dutch_choice!(
    /// The six national goals of Kansrijke Start, in its three action lines.
    NationalGoal {
        GoedVoorbereid = "goed voorbereid zwanger",
        MinderOnbedoeld = "minder onbedoelde zwangerschappen",
        EerderGesignaleerd = "problemen eerder gesignaleerd",
        SnellerHulp = "sneller de juiste hulp",
        OudersToegerust = "ouders toegerust",
        MinderUithuisplaatsingen = "minder uithuisplaatsingen",
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Plan {
    pub id: Uuid,
    pub title: String,
    pub period_start: Option<i32>,
    pub period_end: Option<i32>,
    pub status: PlanStatus,
    pub vision: String,
    /// The national work-agenda template's sections.
    pub urgency: String,
    pub situation: String,
    pub ambition: String,
    pub design: String,
    pub smart_goals: String,
    pub financial_plan: String,
    pub monitoring: String,
    pub milestones: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A plan's fields as the form or the CLI gives them; on update, absent
/// fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct PlanInput {
    pub title: Option<String>,
    /// Absent: unchanged; `null`: cleared.
    #[ts(as = "Option<Option<i32>>", optional)]
    pub period_start: super::Edit<i32>,
    #[ts(as = "Option<Option<i32>>", optional)]
    pub period_end: super::Edit<i32>,
    pub status: Option<PlanStatus>,
    pub vision: Option<String>,
    pub urgency: Option<String>,
    pub situation: Option<String>,
    pub ambition: Option<String>,
    pub design: Option<String>,
    pub smart_goals: Option<String>,
    pub financial_plan: Option<String>,
    pub monitoring: Option<String>,
    pub milestones: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Pillar {
    pub id: Uuid,
    pub plan: Uuid,
    /// 1, 2, 3 …: the pillar's number in the plan.
    pub number: u32,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Goal {
    pub id: Uuid,
    pub pillar: Uuid,
    /// The SMART formulation.
    pub text: String,
    pub national_goals: Vec<NationalGoal>,
    /// What the indicator should reach, as written ("80 % van de zwangeren").
    pub target_value: String,
    pub target_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct GoalInput {
    pub pillar: Option<Uuid>,
    pub text: Option<String>,
    pub national_goals: Option<Vec<NationalGoal>>,
    pub target_value: Option<String>,
    pub target_date: Option<String>,
}

const LONG_TEXT: usize = 20_000;
const TEXT_FIELDS: &[&str] = &[
    "vision",
    "urgency",
    "situation",
    "ambition",
    "design",
    "smart_goals",
    "financial_plan",
    "monitoring",
    "milestones",
];

const PLAN_SELECT: &str = "SELECT id, title, period_start, period_end, status, vision, urgency, \
     situation, ambition, design, smart_goals, financial_plan, monitoring, milestones, created_at, \
     updated_at FROM plans";

fn plan_from_row(r: &Row) -> rusqlite::Result<Plan> {
    let updated_at = parse_iso_or(&r.get::<_, String>(15)?, DateTime::<Utc>::MIN_UTC);
    Ok(Plan {
        id: rows::uuid(r, 0)?,
        title: r.get(1)?,
        period_start: r.get(2)?,
        period_end: r.get(3)?,
        status: r
            .get::<_, String>(4)?
            .parse()
            .unwrap_or(PlanStatus::Concept),
        vision: r.get(5)?,
        urgency: r.get(6)?,
        situation: r.get(7)?,
        ambition: r.get(8)?,
        design: r.get(9)?,
        smart_goals: r.get(10)?,
        financial_plan: r.get(11)?,
        monitoring: r.get(12)?,
        milestones: r.get(13)?,
        created_at: parse_iso_or(&r.get::<_, String>(14)?, updated_at),
        updated_at,
    })
}

fn pillar_from_row(r: &Row) -> rusqlite::Result<Pillar> {
    Ok(Pillar {
        id: rows::uuid(r, 0)?,
        plan: rows::uuid(r, 1)?,
        number: 0,
        title: r.get(2)?,
        description: r.get(3)?,
    })
}

fn goal_from_row(r: &Row) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: rows::uuid(r, 0)?,
        pillar: rows::uuid(r, 1)?,
        text: r.get(2)?,
        national_goals: r
            .get::<_, String>(3)?
            .split('|')
            .filter_map(|g| g.parse().ok())
            .collect(),
        target_value: r.get(4)?,
        target_date: rows::date(r, 5)?,
    })
}

pub(crate) fn get_plan(conn: &Connection, id: Uuid) -> Result<Plan> {
    rows::by_id(conn, PLAN_SELECT, id, "actieplan", plan_from_row)
}

/// A living row of `table` with this id, or a validation error on `field`.
pub(crate) fn living(
    conn: &Connection,
    table: &str,
    field: &str,
    id: Uuid,
    what: &str,
) -> Result<()> {
    let alive: bool = conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND deleted = 0)"
        ))?
        .query_row([id.to_string()], |r| r.get(0))?;
    if alive {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("{what} {id} bestaat niet (meer)"),
        ))
    }
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

fn valid_year(field: &str, year: i32) -> Result<i32> {
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("{year} is geen jaar voor een actieplan"),
        ))
    }
}

fn write_plan(w: &mut Writer, id: Uuid, before: Option<&Plan>, input: &PlanInput) -> Result<()> {
    let title = validate::required_text(
        "title",
        input
            .title
            .as_deref()
            .or(before.map(|b| b.title.as_str()))
            .unwrap_or(""),
        200,
        "geef het actieplan een titel",
    )?;
    let start = input
        .period_start
        .or(before.and_then(|b| b.period_start))
        .map(|y| valid_year("period_start", y))
        .transpose()?;
    let end = input
        .period_end
        .or(before.and_then(|b| b.period_end))
        .map(|y| valid_year("period_end", y))
        .transpose()?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(Error::validation(
                "period_end",
                ValidationCode::DateOrder,
                format!("het plan eindigt ({e}) vóór het begint ({s})"),
            ));
        }
    }
    w.set(&PLAN, id, "title", title)?;
    w.set(&PLAN, id, "period_start", start)?;
    w.set(&PLAN, id, "period_end", end)?;
    if let Some(status) = input.status.or(before.map(|b| b.status)) {
        w.set(&PLAN, id, "status", status.code())?;
    }
    let texts = [
        &input.vision,
        &input.urgency,
        &input.situation,
        &input.ambition,
        &input.design,
        &input.smart_goals,
        &input.financial_plan,
        &input.monitoring,
        &input.milestones,
    ];
    for (field, value) in TEXT_FIELDS.iter().zip(texts) {
        if let Some(value) = value {
            let text = validate::optional_text(field, value, LONG_TEXT)?;
            w.set(&PLAN, id, field, text)?;
        }
    }
    Ok(())
}

pub(crate) fn create_plan_in(w: &mut Writer, input: &PlanInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let mut input = input.clone();
    input.status = input.status.or(Some(PlanStatus::Concept));
    write_plan(w, id, None, &input)?;
    w.set(&PLAN, id, "created_at", iso(w.now()))?;
    w.set(&PLAN, id, "deleted", false)?;
    for (title, description) in DEFAULT_PILLARS {
        create_pillar_in(w, id, title, description)?;
    }
    super::seed_interventions_in(w)?;
    Ok(id)
}

pub(crate) fn create_pillar_in(
    w: &mut Writer,
    plan: Uuid,
    title: &str,
    description: &str,
) -> Result<Uuid> {
    living(w.conn(), "plans", "plan", plan, "actieplan")?;
    let title = validate::required_text("title", title, 200, "geef de pijler een titel")?;
    let description = validate::optional_text("description", description, LONG_TEXT)?;
    let last: i64 = w.conn().query_row(
        "SELECT coalesce(max(position), 0) FROM pillars WHERE plan = ?1 AND deleted = 0",
        [plan.to_string()],
        |r| r.get(0),
    )?;
    let id = Uuid::now_v7();
    w.set(&PILLAR, id, "plan", plan.to_string())?;
    w.set(&PILLAR, id, "position", last + 1)?;
    w.set(&PILLAR, id, "title", title)?;
    w.set(&PILLAR, id, "description", description)?;
    w.set(&PILLAR, id, "created_at", iso(w.now()))?;
    w.set(&PILLAR, id, "deleted", false)?;
    Ok(id)
}

fn pillars_of(conn: &Connection, plan: Uuid) -> Result<Vec<Pillar>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, plan, title, description FROM pillars \
         WHERE plan = ?1 AND deleted = 0 AND created_at != '' ORDER BY position, id",
    )?;
    let mut pillars: Vec<Pillar> = stmt
        .query_map([plan.to_string()], pillar_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    // Numbered by order, so two laptops inserting at once still number 1, 2, 3.
    for (i, p) in pillars.iter_mut().enumerate() {
        p.number = i as u32 + 1;
    }
    Ok(pillars)
}

fn write_goal(w: &mut Writer, id: Uuid, before: Option<&Goal>, input: &GoalInput) -> Result<()> {
    let pillar = match (input.pillar, before) {
        (Some(p), _) => p,
        (None, Some(b)) => b.pillar,
        (None, None) => {
            return Err(Error::validation(
                "pillar",
                ValidationCode::Required,
                "kies de pijler van dit doel",
            ))
        }
    };
    living(w.conn(), "pillars", "pillar", pillar, "pijler")?;
    let text = validate::required_text(
        "text",
        input
            .text
            .as_deref()
            .or(before.map(|b| b.text.as_str()))
            .unwrap_or(""),
        LONG_TEXT,
        "beschrijf het doel (SMART)",
    )?;
    let target_value = validate::optional_text(
        "target_value",
        input
            .target_value
            .as_deref()
            .or(before.map(|b| b.target_value.as_str()))
            .unwrap_or(""),
        200,
    )?;
    let target_date = match &input.target_date {
        Some(d) => validate::optional_date("target_date", Some(d))?,
        None => before.and_then(|b| b.target_date),
    };
    let goals: Vec<&str> = input
        .national_goals
        .as_ref()
        .or(before.map(|b| &b.national_goals))
        .map(|g| g.iter().map(|g| g.code()).collect())
        .unwrap_or_default();
    w.set(&GOAL, id, "pillar", pillar.to_string())?;
    w.set(&GOAL, id, "text", text)?;
    w.set(&GOAL, id, "national_goals", goals.join("|"))?;
    w.set(&GOAL, id, "target_value", target_value)?;
    w.set(&GOAL, id, "target_date", target_date.map(|d| d.to_string()))?;
    Ok(())
}

pub(crate) fn create_goal_in(w: &mut Writer, input: &GoalInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_goal(w, id, None, input)?;
    let last: i64 = w.conn().query_row(
        "SELECT coalesce(max(position), 0) FROM goals WHERE pillar = ?1",
        [input.pillar.map(|p| p.to_string())],
        |r| r.get(0),
    )?;
    w.set(&GOAL, id, "position", last + 1)?;
    w.set(&GOAL, id, "created_at", iso(w.now()))?;
    w.set(&GOAL, id, "deleted", false)?;
    Ok(id)
}

const GOAL_SELECT: &str =
    "SELECT id, pillar, text, national_goals, target_value, target_date FROM goals";

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
        self.write(|w| write_plan(w, id, Some(&before), input))?;
        get_plan(self.conn(), id)
    }

    /// The plans, the current one (latest period) first.
    pub fn list_plans(&self) -> Result<Vec<Plan>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{PLAN_SELECT} WHERE deleted = 0 AND created_at != '' \
             ORDER BY coalesce(period_end, 0) DESC, created_at DESC"
        ))?;
        let plans = stmt.query_map([], plan_from_row)?;
        Ok(plans.collect::<rusqlite::Result<_>>()?)
    }

    /// The plan the coalition works on now: the one with the latest period.
    pub fn current_plan(&self) -> Result<Option<Plan>> {
        Ok(self.list_plans()?.into_iter().next())
    }

    pub fn pillars(&self, plan: Uuid) -> Result<Vec<Pillar>> {
        pillars_of(self.conn(), plan)
    }

    pub fn create_pillar(&mut self, plan: Uuid, title: &str, description: &str) -> Result<Pillar> {
        let id = self.write(|w| create_pillar_in(w, plan, title, description))?;
        self.pillar(id)
    }

    pub fn pillar(&self, id: Uuid) -> Result<Pillar> {
        let plan: String = self
            .conn()
            .query_row(
                "SELECT plan FROM pillars WHERE id = ?1",
                [id.to_string()],
                |r| r.get(0),
            )
            .map_err(|_| Error::NotFound {
                what: "pijler",
                id: id.to_string(),
            })?;
        let plan = Uuid::try_parse(&plan).unwrap_or_default();
        pillars_of(self.conn(), plan)?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(Error::NotFound {
                what: "pijler",
                id: id.to_string(),
            })
    }

    pub fn update_pillar(
        &mut self,
        id: Uuid,
        title: Option<&str>,
        description: Option<&str>,
    ) -> Result<Pillar> {
        let before = self.pillar(id)?;
        let title = title
            .map(|t| validate::required_text("title", t, 200, "geef de pijler een titel"))
            .transpose()?;
        let description = description
            .map(|d| validate::optional_text("description", d, LONG_TEXT))
            .transpose()?;
        self.write(|w| {
            w.set(&PILLAR, id, "title", title.unwrap_or(before.title))?;
            w.set(
                &PILLAR,
                id,
                "description",
                description.unwrap_or(before.description),
            )?;
            Ok(())
        })?;
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
        rows::by_id(self.conn(), GOAL_SELECT, id, "doel", goal_from_row)
    }

    pub fn update_goal(&mut self, id: Uuid, input: &GoalInput) -> Result<Goal> {
        let before = self.goal(id)?;
        self.write(|w| write_goal(w, id, Some(&before), input))?;
        self.goal(id)
    }

    pub fn delete_goal(&mut self, id: Uuid) -> Result<()> {
        self.goal(id)?;
        self.write(|w| w.set_deleted(&GOAL, id, true).map(drop))
    }

    /// The goals of a plan's pillars, in order.
    pub fn goals(&self, plan: Uuid) -> Result<Vec<Goal>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{GOAL_SELECT} WHERE deleted = 0 AND created_at != '' AND pillar IN \
             (SELECT id FROM pillars WHERE plan = ?1 AND deleted = 0) ORDER BY position, id"
        ))?;
        let goals = stmt.query_map([plan.to_string()], goal_from_row)?;
        Ok(goals.collect::<rusqlite::Result<_>>()?)
    }
}
