//! Actions: the concrete work under a pillar (and perhaps one of its goals),
//! owned by a partner (*kartrekker*) with other partners, in some
//! municipalities, with a period, quarterly milestones, a budget in cents
//! and dated progress notes.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use super::plans::PILLAR;
use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::membership::Membership;
use crate::rows;
use crate::schema::{
    entity, require_living, Choice, Date, Flag, Kind, Link, Moment, Money, Ref, Text,
};
use crate::time::iso;
use crate::validate;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

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
    /// Where an action stands (a status from a newer version reads as
    /// "idee").
    #[derive(Default)]
    ActionStatus {
        #[default]
        Idee = "idee" ["Idee", "Idea"],
        Gepland = "gepland" ["Gepland", "Planned"],
        Loopt = "loopt" ["Loopt", "Running"],
        Afgerond = "afgerond" ["Afgerond", "Finished"],
        Gestopt = "gestopt" ["Gestopt", "Stopped"],
    }
);

impl ActionStatus {
    /// Finished, one way or the other: never overdue, not "open".
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Afgerond | ActionStatus::Gestopt)
    }
}

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Action in ACTION = "action", "actions";
    input ActionInput => ActionChecked {
        /// The partners with it (exactly these), saved in the same transaction.
        #[ts(optional)]
        partners: Option<Vec<Uuid>>,
        /// The municipalities it runs in (exactly these), likewise.
        #[ts(optional)]
        municipalities: Option<Vec<Uuid>>,
    }
    fields {
        pillar: Uuid = Link ["Pijler", "Pillar"] required "kies de pijler van deze actie",
        /// One of its pillar's goals; in the input its id, or empty for none.
        goal: Option<Uuid> = Ref ["Doel", "Goal"],
        title: String = Text<300> ["Titel", "Title"] required "geef de actie een titel",
        description: String = Text<20000> ["Omschrijving", "Description"],
        /// The partner that pulls it (*kartrekker*); in the input an
        /// organisation id, or empty for none.
        owner: Option<Uuid> = Ref ["Kartrekker", "Lead partner"],
        /// The person at the lead partner who pulls it; in the input a
        /// contact id, or empty. Chosen alone, their organisation becomes
        /// the lead partner.
        owner_contact: Option<Uuid> = Ref ["Kartrekker (persoon)", "Lead person"],
        status: ActionStatus = Choice<ActionStatus> ["Status", "Status"],
        start_date: Option<NaiveDate> = Date ["Begindatum", "Start date"],
        end_date: Option<NaiveDate> = Date ["Einddatum", "End date"],
        /// Whole cents: money is never a float. The input calls it
        /// `budget`: euros as typed (`12.500`, `€ 1.250,50`).
        budget_cents: i64 = Money ["Budget", "Budget"] input "budget",
        /// Where the money comes from, as written.
        funding: String = Text<300> ["Financiering", "Funding"],
    }
    kept {
        plan: Uuid = Link,
        created_at: DateTime<Utc> = Moment,
    }
    extra {
        partners: Vec<Uuid>,
        municipalities: Vec<Uuid>,
        /// Open and past its end date.
        overdue: bool,
        milestones: Vec<Milestone>,
        notes: Vec<ActionNote>,
    }
    hidden { deleted, deleted_seen }
}

/// A quarter, `2025-K2`, typed as `2025-K2`, `2025-Q2` or `K2 2025`.
pub struct Quarter;

impl Kind for Quarter {
    type Stored = String;
    type Input = String;
    fn check(_field: &'static str, input: &String) -> Result<String> {
        valid_quarter(input)
    }
    fn absent() -> String {
        String::new()
    }
    fn is_blank(stored: &String) -> bool {
        stored.is_empty()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<String> {
        Text::<10>::read(row, column)
    }
    fn value(stored: &String) -> Value {
        Value::from(stored.as_str())
    }
}

/// A calendar day that must be there, typed as `2026-11-30` or `30-11-2026`.
pub struct Day;

impl Kind for Day {
    type Stored = Option<NaiveDate>;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<Option<NaiveDate>> {
        validate::date(field, input).map(Some)
    }
    fn absent() -> Option<NaiveDate> {
        None
    }
    fn is_blank(stored: &Option<NaiveDate>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<NaiveDate>> {
        Date::read(row, column)
    }
    fn value(stored: &Option<NaiveDate>) -> Value {
        Date::value(stored)
    }
}

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Milestone in MILESTONE = "milestone", "milestones";
    input MilestoneInput => MilestoneChecked {}
    fields {
        action: Uuid = Link ["Actie", "Action"] required "kies de actie van deze mijlpaal",
        /// `2025-K2`: the quarter it is planned in.
        quarter: String = Quarter ["Kwartaal", "Quarter"],
        title: String = Text<300> ["Mijlpaal", "Milestone"] required "beschrijf de mijlpaal",
        done: bool = Flag ["Gehaald", "Done"],
    }
    kept {}
    extra {}
    hidden { created_at, deleted, deleted_seen }
}

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct ActionNote in ACTION_NOTE = "action_note", "action_notes";
    input ActionNoteInput => ActionNoteChecked {}
    fields {
        action: Uuid = Link ["Actie", "Action"] required "kies de actie van deze notitie",
        date: Option<NaiveDate> = Day ["Datum", "Date"],
        text: String = Text<20000> ["Wat is er gebeurd?", "What happened?"]
            required "schrijf wat er gebeurd is",
    }
    kept {}
    extra {}
    hidden { created_at, deleted, deleted_seen }
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

/// The first and last day of a quarter written as `2025-K2`.
pub fn quarter_span(quarter: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (year, q) = quarter.split_once("-K")?;
    let (year, q): (i32, u32) = (year.parse().ok()?, q.parse().ok()?);
    if !(1..=4).contains(&q) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year, q * 3 - 2, 1)?;
    let next = if q == 4 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, q * 3 + 1, 1)?
    };
    Some((first, next.pred_opt()?))
}

fn write_action(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Action>,
    input: &ActionInput,
    today: NaiveDate,
) -> Result<()> {
    let mut fields = input.check(before.is_none())?;
    let pillar = fields
        .pillar
        .or(before.map(|b| b.pillar))
        .unwrap_or_default();
    require_living(w.conn(), &PILLAR, "pillar", pillar, "pijler")?;
    let plan: String = w.conn().query_row(
        "SELECT plan FROM pillars WHERE id = ?1",
        [pillar.to_string()],
        |r| r.get(0),
    )?;
    let goal = fields.goal.unwrap_or(before.and_then(|b| b.goal));
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
    let mut owner = fields.owner.unwrap_or(before.and_then(|b| b.owner));
    let contact = match fields.owner_contact {
        Some(chosen) => chosen,
        // Another lead partner than before takes its person along.
        None if owner != before.and_then(|b| b.owner) => None,
        None => before.and_then(|b| b.owner_contact),
    };
    if let Some(contact) = contact.filter(|c| before.is_none_or(|b| b.owner_contact != Some(*c))) {
        require_living(
            w.conn(),
            &crate::network::CONTACT,
            "owner_contact",
            contact,
            "contactpersoon",
        )?;
        let works_at: String = w.conn().query_row(
            "SELECT organisation FROM contacts WHERE id = ?1",
            [contact.to_string()],
            |r| r.get(0),
        )?;
        let works_at = Uuid::parse_str(&works_at)
            .map_err(|e| Error::InvalidInput(format!("contactpersoon zonder organisatie: {e}")))?;
        match owner {
            None => owner = Some(works_at),
            Some(o) if o != works_at => {
                return Err(Error::validation(
                    "owner_contact",
                    ValidationCode::InvalidChoice,
                    "deze persoon werkt niet bij de kartrekker",
                ))
            }
            Some(_) => {}
        }
    }
    if let Some(owner) = owner.filter(|o| before.is_none_or(|b| b.owner != Some(*o))) {
        require_living(
            w.conn(),
            &crate::network::ORGANISATION,
            "owner",
            owner,
            "organisatie",
        )?;
    }
    fields.owner = Some(owner);
    fields.owner_contact = Some(contact);
    let status = fields
        .status
        .or(before.map(|b| b.status))
        .unwrap_or_default();
    let mut start = fields
        .start_date
        .unwrap_or(before.and_then(|b| b.start_date));
    let mut end = fields.end_date.unwrap_or(before.and_then(|b| b.end_date));
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
    fields.start_date = Some(start);
    fields.end_date = Some(end);
    w.set(&ACTION, id, "plan", plan)?;
    fields.write(w, id)?;
    if let Some(partners) = &input.partners {
        for p in partners {
            require_living(
                w.conn(),
                &crate::network::ORGANISATION,
                "partners",
                *p,
                "organisatie",
            )?;
        }
        PARTNERS.set_in(w, id, partners)?;
    }
    if let Some(municipalities) = &input.municipalities {
        for m in municipalities {
            require_living(
                w.conn(),
                &crate::network::MUNICIPALITY,
                "municipalities",
                *m,
                "gemeente",
            )?;
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

/// Change the given fields of an action, as its form does.
pub(crate) fn update_action_in(
    w: &mut Writer,
    id: Uuid,
    input: &ActionInput,
    today: NaiveDate,
) -> Result<()> {
    let before = rows::by_id(w.conn(), Action::SELECT, id, "actie", Action::read)?;
    write_action(w, id, Some(&before), input, today)
}

pub(crate) fn add_milestone_in(w: &mut Writer, input: &MilestoneInput) -> Result<Uuid> {
    let fields = input.check(true)?;
    let action = fields.action.unwrap_or_default();
    require_living(w.conn(), &ACTION, "action", action, "actie")?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&MILESTONE, id, "created_at", iso(w.now()))?;
    w.set(&MILESTONE, id, "deleted", false)?;
    Ok(id)
}

/// Tick a milestone off, or on again.
pub(crate) fn set_milestone_done_in(w: &mut Writer, id: Uuid, done: bool) -> Result<()> {
    MilestoneInput {
        done: Some(done),
        ..Default::default()
    }
    .check(false)?
    .write(w, id)
}

pub(crate) fn add_note_in(w: &mut Writer, input: &ActionNoteInput) -> Result<Uuid> {
    let fields = input.check(true)?;
    let action = fields.action.unwrap_or_default();
    require_living(w.conn(), &ACTION, "action", action, "actie")?;
    let id = Uuid::now_v7();
    fields.write(w, id)?;
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
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE deleted = 0 AND created_at != '' ORDER BY quarter, id",
        Milestone::SELECT
    ))?;
    for m in stmt.query_map([], Milestone::read)? {
        let m = m?;
        milestones.entry(m.action).or_default().push(m);
    }
    let mut notes: HashMap<Uuid, Vec<ActionNote>> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "{} WHERE deleted = 0 AND created_at != '' ORDER BY date DESC, id",
        ActionNote::SELECT
    ))?;
    for n in stmt.query_map([], ActionNote::read)? {
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
        let action = rows::by_id(self.conn(), Action::SELECT, id, "actie", Action::read)?;
        self.complete(vec![action])?.pop().ok_or(Error::NotFound {
            what: "actie",
            id: id.to_string(),
        })
    }

    /// Actions matching the filter, by pillar and start date.
    pub fn list_actions(&self, filter: &ActionFilter) -> Result<Vec<Action>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' \
             AND (?1 IS NULL OR plan = ?1) AND (?2 IS NULL OR pillar = ?2) AND (?3 IS NULL OR status = ?3) \
             AND pillar IN (SELECT id FROM pillars WHERE deleted = 0)",
            Action::SELECT
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![
                filter.plan.map(|p| p.to_string()),
                filter.pillar.map(|p| p.to_string()),
                filter.status.map(|s| s.code())
            ],
            Action::read,
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

    /// A milestone of an action; the action as it is now comes back.
    pub fn add_milestone(&mut self, input: &MilestoneInput) -> Result<Action> {
        self.write(|w| add_milestone_in(w, input))?;
        self.action(input.action.unwrap_or_default())
    }

    pub fn set_milestone_done(&mut self, id: Uuid, done: bool) -> Result<()> {
        rows::by_id(
            self.conn(),
            Milestone::SELECT,
            id,
            "mijlpaal",
            Milestone::read,
        )?;
        self.write(|w| set_milestone_done_in(w, id, done))
    }

    pub fn delete_milestone(&mut self, id: Uuid) -> Result<()> {
        self.write(|w| w.set_deleted(&MILESTONE, id, true).map(drop))
    }

    /// A note in an action's log; the action as it is now comes back.
    pub fn add_action_note(&mut self, input: &ActionNoteInput) -> Result<Action> {
        self.write(|w| add_note_in(w, input))?;
        self.action(input.action.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_runs_from_its_first_to_its_last_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            quarter_span("2025-K1"),
            Some((d(2025, 1, 1), d(2025, 3, 31)))
        );
        assert_eq!(
            quarter_span("2025-K4"),
            Some((d(2025, 10, 1), d(2025, 12, 31)))
        );
        assert_eq!(
            quarter_span("2024-K2"),
            Some((d(2024, 4, 1), d(2024, 6, 30)))
        );
        assert_eq!(quarter_span("2025-K5"), None);
        assert_eq!(quarter_span("2025"), None);
    }
}
