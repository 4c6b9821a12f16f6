//! Actions: the concrete work under a pillar (and perhaps one of its goals),
//! owned by a partner (*kartrekker*) with other partners, in some
//! municipalities, with a period, quarterly milestones, a budget in cents
//! and dated progress notes.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::plans::living;
use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::membership::Membership;
use crate::rows;
use crate::time::{iso, parse_iso_or};
use crate::validate;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

pub const ACTION: EntitySpec = EntitySpec {
    name: "action",
    table: "actions",
    fields: &[
        "plan",
        "pillar",
        "goal",
        "title",
        "description",
        "owner",
        "status",
        "start_date",
        "end_date",
        "budget_cents",
        "funding",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const ACTION_PARTNER: EntitySpec = EntitySpec {
    name: "action_partner",
    table: "action_partners",
    fields: &["action", "organisation", "deleted", "deleted_seen"],
};

pub const ACTION_MUNICIPALITY: EntitySpec = EntitySpec {
    name: "action_municipality",
    table: "action_municipalities",
    fields: &["action", "municipality", "deleted", "deleted_seen"],
};

pub const MILESTONE: EntitySpec = EntitySpec {
    name: "milestone",
    table: "milestones",
    fields: &[
        "action",
        "quarter",
        "title",
        "done",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const ACTION_NOTE: EntitySpec = EntitySpec {
    name: "action_note",
    table: "action_notes",
    fields: &[
        "action",
        "date",
        "text",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

const PARTNERS: Membership = Membership {
    spec: &ACTION_PARTNER,
    owner: "action",
    member: "organisation",
    member_table: "organisations",
    member_living: "m.deleted = 0",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_6163_7470),
};

const MUNICIPALITIES: Membership = Membership {
    spec: &ACTION_MUNICIPALITY,
    owner: "action",
    member: "municipality",
    member_table: "municipalities",
    member_living: "m.deleted = 0",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_6163_746d),
};

dutch_choice!(
    /// Where an action stands.
    ActionStatus {
        Idee = "idee",
        Gepland = "gepland",
        Loopt = "loopt",
        Afgerond = "afgerond",
        Gestopt = "gestopt",
    }
);

impl ActionStatus {
    /// Finished, one way or the other: never overdue, not "open".
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Afgerond | ActionStatus::Gestopt)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Action {
    pub id: Uuid,
    pub plan: Uuid,
    pub pillar: Uuid,
    pub goal: Option<Uuid>,
    pub title: String,
    pub description: String,
    /// The partner that pulls it (*kartrekker*).
    pub owner: Option<Uuid>,
    pub partners: Vec<Uuid>,
    pub municipalities: Vec<Uuid>,
    pub status: ActionStatus,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Whole cents: money is never a float.
    pub budget_cents: i64,
    /// Where the money comes from, as written.
    pub funding: String,
    /// Open and past its end date.
    pub overdue: bool,
    pub milestones: Vec<Milestone>,
    pub notes: Vec<ActionNote>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Milestone {
    pub id: Uuid,
    pub action: Uuid,
    /// `2025-K2`: the quarter it is planned in.
    pub quarter: String,
    pub title: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActionNote {
    pub id: Uuid,
    pub action: Uuid,
    pub date: Option<NaiveDate>,
    pub text: String,
}

/// An action as the form, the CLI or the demo gives it. On update, absent
/// fields stay as they are; an empty text clears (an owner or goal too).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ActionInput {
    pub pillar: Option<Uuid>,
    /// A goal id, or empty for none.
    pub goal: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    /// An organisation id, or empty for none.
    pub owner: Option<String>,
    pub partners: Option<Vec<Uuid>>,
    pub municipalities: Option<Vec<Uuid>>,
    pub status: Option<ActionStatus>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// Euros as typed: `12.500`, `€ 1.250,50`.
    pub budget: Option<String>,
    pub funding: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ActionFilter {
    pub plan: Option<Uuid>,
    pub pillar: Option<Uuid>,
    pub municipality: Option<Uuid>,
    /// The owner or one of the partners.
    pub organisation: Option<Uuid>,
    pub status: Option<ActionStatus>,
    /// Matched against title and description, ignoring case and diacritics.
    pub text: Option<String>,
}

const SELECT: &str =
    "SELECT id, plan, pillar, goal, title, description, owner, status, start_date, \
     end_date, budget_cents, funding, created_at, updated_at FROM actions";

fn optional_uuid(r: &Row, i: usize) -> rusqlite::Result<Option<Uuid>> {
    Ok(Uuid::try_parse(&r.get::<_, String>(i)?).ok())
}

fn from_row(r: &Row) -> rusqlite::Result<Action> {
    let updated_at = parse_iso_or(&r.get::<_, String>(13)?, DateTime::<Utc>::MIN_UTC);
    Ok(Action {
        id: rows::uuid(r, 0)?,
        plan: rows::uuid(r, 1)?,
        pillar: rows::uuid(r, 2)?,
        goal: optional_uuid(r, 3)?,
        title: r.get(4)?,
        description: r.get(5)?,
        owner: optional_uuid(r, 6)?,
        partners: Vec::new(),
        municipalities: Vec::new(),
        status: r.get::<_, String>(7)?.parse().unwrap_or(ActionStatus::Idee),
        start_date: rows::date(r, 8)?,
        end_date: rows::date(r, 9)?,
        budget_cents: r.get(10)?,
        funding: r.get(11)?,
        overdue: false,
        milestones: Vec::new(),
        notes: Vec::new(),
        created_at: parse_iso_or(&r.get::<_, String>(12)?, updated_at),
        updated_at,
    })
}

/// `2025-K2`, `2025-Q2` or `K2 2025` as `2025-K2`.
pub fn valid_quarter(text: &str) -> Result<String> {
    let cleaned: String = text
        .trim()
        .to_uppercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let cleaned = cleaned.replace('Q', "K");
    let (year, quarter) = match cleaned.find('K') {
        Some(0) if cleaned.len() == 6 => (&cleaned[2..], &cleaned[1..2]),
        Some(4) if cleaned.len() == 6 => (&cleaned[..4], &cleaned[5..]),
        _ => ("", ""),
    };
    match (year.parse::<i32>(), quarter.parse::<u8>()) {
        (Ok(y), Ok(q)) if (2000..=2100).contains(&y) && (1..=4).contains(&q) => {
            Ok(format!("{y}-K{q}"))
        }
        _ => Err(Error::validation(
            "quarter",
            ValidationCode::InvalidDate,
            format!("{text:?} is geen kwartaal (bijvoorbeeld 2025-K2)"),
        )),
    }
}

/// An id in a text field, or none for an empty text.
fn optional_id(field: &str, text: &str) -> Result<Option<Uuid>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    Uuid::try_parse(text).map(Some).map_err(|_| {
        Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("{text:?} is geen id"),
        )
    })
}

fn write_action(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Action>,
    input: &ActionInput,
    today: NaiveDate,
) -> Result<()> {
    let pillar = input.pillar.or(before.map(|b| b.pillar)).ok_or_else(|| {
        Error::validation(
            "pillar",
            ValidationCode::Required,
            "kies de pijler van deze actie",
        )
    })?;
    living(w.conn(), "pillars", "pillar", pillar, "pijler")?;
    let plan: String = w.conn().query_row(
        "SELECT plan FROM pillars WHERE id = ?1",
        [pillar.to_string()],
        |r| r.get(0),
    )?;
    let goal = match &input.goal {
        Some(text) => optional_id("goal", text)?,
        None => before.and_then(|b| b.goal),
    };
    if let Some(goal) = goal {
        let goal_pillar: Option<String> =
            rusqlite::OptionalExtension::optional(w.conn().query_row(
                "SELECT pillar FROM goals WHERE id = ?1 AND deleted = 0",
                [goal.to_string()],
                |r| r.get(0),
            ))?;
        if goal_pillar.as_deref() != Some(pillar.to_string().as_str()) {
            return Err(Error::validation(
                "goal",
                ValidationCode::InvalidChoice,
                "dit doel hoort niet bij de gekozen pijler",
            ));
        }
    }
    let owner = match &input.owner {
        Some(text) => optional_id("owner", text)?,
        None => before.and_then(|b| b.owner),
    };
    if let Some(owner) = owner.filter(|o| before.is_none_or(|b| b.owner != Some(*o))) {
        living(w.conn(), "organisations", "owner", owner, "organisatie")?;
    }
    let text = |value: &Option<String>, old: Option<&String>| {
        value.clone().or(old.cloned()).unwrap_or_default()
    };
    let title = validate::required_text(
        "title",
        &text(&input.title, before.map(|b| &b.title)),
        300,
        "geef de actie een titel",
    )?;
    let description = validate::optional_text(
        "description",
        &text(&input.description, before.map(|b| &b.description)),
        20_000,
    )?;
    let funding = validate::optional_text(
        "funding",
        &text(&input.funding, before.map(|b| &b.funding)),
        300,
    )?;
    let budget = match &input.budget {
        Some(b) => validate::money("budget", b)?,
        None => before.map_or(0, |b| b.budget_cents),
    };
    let status = input
        .status
        .or(before.map(|b| b.status))
        .unwrap_or(ActionStatus::Idee);
    let date = |field: &str, value: &Option<String>, old: Option<NaiveDate>| match value {
        Some(v) => validate::optional_date(field, Some(v)),
        None => Ok(old),
    };
    let mut start = date(
        "start_date",
        &input.start_date,
        before.and_then(|b| b.start_date),
    )?;
    let mut end = date("end_date", &input.end_date, before.and_then(|b| b.end_date))?;
    // An action that starts running has started; one that is finished or
    // stopped has ended: today, unless a date says otherwise. A date filled
    // in this way never contradicts one that is there (another laptop's
    // calendar may be ahead or behind this one's).
    let changed_status = before.is_none_or(|b| b.status != status);
    if changed_status && status == ActionStatus::Loopt && start.is_none() {
        start = Some(end.map_or(today, |e| today.min(e)));
    }
    if changed_status && status.is_closed() && end.is_none() {
        end = Some(today.max(start.unwrap_or(today)));
    }
    validate::date_order("end_date", start, end)?;
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let id_text = |id: Option<Uuid>| id.map(|i| i.to_string()).unwrap_or_default();
    w.set(&ACTION, id, "plan", plan)?;
    w.set(&ACTION, id, "pillar", pillar.to_string())?;
    w.set(&ACTION, id, "goal", id_text(goal))?;
    w.set(&ACTION, id, "title", title)?;
    w.set(&ACTION, id, "description", description)?;
    w.set(&ACTION, id, "owner", id_text(owner))?;
    w.set(&ACTION, id, "status", status.code())?;
    w.set(&ACTION, id, "start_date", day(start))?;
    w.set(&ACTION, id, "end_date", day(end))?;
    w.set(&ACTION, id, "budget_cents", budget)?;
    w.set(&ACTION, id, "funding", funding)?;
    if let Some(partners) = &input.partners {
        for p in partners {
            living(w.conn(), "organisations", "partners", *p, "organisatie")?;
        }
        PARTNERS.set_in(w, id, partners)?;
    }
    if let Some(municipalities) = &input.municipalities {
        for m in municipalities {
            living(w.conn(), "municipalities", "municipalities", *m, "gemeente")?;
        }
        MUNICIPALITIES.set_in(w, id, municipalities)?;
    }
    Ok(())
}

pub(crate) fn create_action_in(
    w: &mut Writer,
    input: &ActionInput,
    today: NaiveDate,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_action(w, id, None, input, today)?;
    w.set(&ACTION, id, "created_at", iso(w.now()))?;
    w.set(&ACTION, id, "deleted", false)?;
    Ok(id)
}

pub(crate) fn add_milestone_in(
    w: &mut Writer,
    action: Uuid,
    quarter: &str,
    title: &str,
) -> Result<Uuid> {
    living(w.conn(), "actions", "action", action, "actie")?;
    let quarter = valid_quarter(quarter)?;
    let title = validate::required_text("title", title, 300, "beschrijf de mijlpaal")?;
    let id = Uuid::now_v7();
    w.set(&MILESTONE, id, "action", action.to_string())?;
    w.set(&MILESTONE, id, "quarter", quarter)?;
    w.set(&MILESTONE, id, "title", title)?;
    w.set(&MILESTONE, id, "done", false)?;
    w.set(&MILESTONE, id, "created_at", iso(w.now()))?;
    w.set(&MILESTONE, id, "deleted", false)?;
    Ok(id)
}

pub(crate) fn add_note_in(w: &mut Writer, action: Uuid, date: &str, text: &str) -> Result<Uuid> {
    living(w.conn(), "actions", "action", action, "actie")?;
    let date = validate::date("date", date)?;
    let text = validate::required_text("text", text, 20_000, "schrijf wat er gebeurd is")?;
    let id = Uuid::now_v7();
    w.set(&ACTION_NOTE, id, "action", action.to_string())?;
    w.set(&ACTION_NOTE, id, "date", date.to_string())?;
    w.set(&ACTION_NOTE, id, "text", text)?;
    w.set(&ACTION_NOTE, id, "created_at", iso(w.now()))?;
    w.set(&ACTION_NOTE, id, "deleted", false)?;
    Ok(id)
}

/// Milestones and notes per action.
type Details = (
    HashMap<Uuid, Vec<Milestone>>,
    HashMap<Uuid, Vec<ActionNote>>,
);

/// Milestones and notes of the living actions, by action.
fn details(conn: &Connection) -> Result<Details> {
    let mut milestones: HashMap<Uuid, Vec<Milestone>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, action, quarter, title, done FROM milestones \
         WHERE deleted = 0 AND created_at != '' ORDER BY quarter, id",
    )?;
    for m in stmt.query_map([], |r| {
        Ok(Milestone {
            id: rows::uuid(r, 0)?,
            action: rows::uuid(r, 1)?,
            quarter: r.get(2)?,
            title: r.get(3)?,
            done: r.get(4)?,
        })
    })? {
        let m = m?;
        milestones.entry(m.action).or_default().push(m);
    }
    let mut notes: HashMap<Uuid, Vec<ActionNote>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, action, date, text FROM action_notes \
         WHERE deleted = 0 AND created_at != '' ORDER BY date DESC, id",
    )?;
    for n in stmt.query_map([], |r| {
        Ok(ActionNote {
            id: rows::uuid(r, 0)?,
            action: rows::uuid(r, 1)?,
            date: rows::date(r, 2)?,
            text: r.get(3)?,
        })
    })? {
        let n = n?;
        notes.entry(n.action).or_default().push(n);
    }
    Ok((milestones, notes))
}

impl Workspace {
    pub fn create_action(&mut self, input: &ActionInput) -> Result<Action> {
        let today = self.today();
        let id = self.write(|w| create_action_in(w, input, today))?;
        self.action(id)
    }

    pub fn update_action(&mut self, id: Uuid, input: &ActionInput) -> Result<Action> {
        let before = self.action(id)?;
        let today = self.today();
        self.write(|w| write_action(w, id, Some(&before), input, today))?;
        self.action(id)
    }

    pub fn delete_action(&mut self, id: Uuid) -> Result<()> {
        self.action(id)?;
        self.write(|w| w.set_deleted(&ACTION, id, true).map(drop))
    }

    pub fn action(&self, id: Uuid) -> Result<Action> {
        let action = rows::by_id(self.conn(), SELECT, id, "actie", from_row)?;
        self.complete(vec![action])?.pop().ok_or(Error::NotFound {
            what: "actie",
            id: id.to_string(),
        })
    }

    /// Actions matching the filter, by pillar and start date.
    pub fn list_actions(&self, filter: &ActionFilter) -> Result<Vec<Action>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE deleted = 0 AND created_at != '' \
             AND (?1 IS NULL OR plan = ?1) AND (?2 IS NULL OR pillar = ?2) AND (?3 IS NULL OR status = ?3) \
             AND pillar IN (SELECT id FROM pillars WHERE deleted = 0)"
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![
                filter.plan.map(|p| p.to_string()),
                filter.pillar.map(|p| p.to_string()),
                filter.status.map(|s| s.code())
            ],
            from_row,
        )?;
        let mut actions: Vec<Action> = rows.collect::<rusqlite::Result<_>>()?;
        if let Some(text) = filter
            .text
            .as_deref()
            .map(fold)
            .filter(|t| !t.trim().is_empty())
        {
            actions.retain(|a| {
                fold(&a.title).contains(text.trim()) || fold(&a.description).contains(text.trim())
            });
        }
        let mut actions = self.complete(actions)?;
        if let Some(m) = filter.municipality {
            actions.retain(|a| a.municipalities.contains(&m));
        }
        if let Some(o) = filter.organisation {
            actions.retain(|a| a.owner == Some(o) || a.partners.contains(&o));
        }
        actions.sort_by_key(|a| (a.pillar, a.start_date, a.id));
        Ok(actions)
    }

    /// Partners, municipalities, milestones, notes and "overdue" filled in.
    fn complete(&self, mut actions: Vec<Action>) -> Result<Vec<Action>> {
        let ids: Vec<Uuid> = actions.iter().map(|a| a.id).collect();
        let mut partners = PARTNERS.of(self.conn(), &ids)?;
        let mut municipalities = MUNICIPALITIES.of(self.conn(), &ids)?;
        let (mut milestones, mut notes) = details(self.conn())?;
        let today = self.today();
        for a in &mut actions {
            a.partners = partners
                .remove(&a.id)
                .unwrap_or_default()
                .into_iter()
                .collect();
            a.municipalities = municipalities
                .remove(&a.id)
                .unwrap_or_default()
                .into_iter()
                .collect();
            a.milestones = milestones.remove(&a.id).unwrap_or_default();
            a.notes = notes.remove(&a.id).unwrap_or_default();
            a.overdue = !a.status.is_closed() && a.end_date.is_some_and(|e| e < today);
        }
        Ok(actions)
    }

    pub fn add_milestone(&mut self, action: Uuid, quarter: &str, title: &str) -> Result<Action> {
        self.write(|w| add_milestone_in(w, action, quarter, title))?;
        self.action(action)
    }

    pub fn set_milestone_done(&mut self, id: Uuid, done: bool) -> Result<()> {
        rows::by_id(
            self.conn(),
            "SELECT id FROM milestones",
            id,
            "mijlpaal",
            |r| rows::uuid(r, 0),
        )?;
        self.write(|w| w.set(&MILESTONE, id, "done", done).map(drop))
    }

    pub fn delete_milestone(&mut self, id: Uuid) -> Result<()> {
        self.write(|w| w.set_deleted(&MILESTONE, id, true).map(drop))
    }

    pub fn add_action_note(&mut self, action: Uuid, date: &str, text: &str) -> Result<Action> {
        self.write(|w| add_note_in(w, action, date, text))?;
        self.action(action)
    }
}
