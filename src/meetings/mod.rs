//! Meetings (*overleggen*): steering group, working groups, network events.
//! Each has invited contact persons with their attendance, an ordered
//! agenda whose items carry the minutes, decisions (followed up later) and
//! action items with one owner and a due date. Open action items of earlier
//! meetings of the same kind come back when the next one is prepared.

mod search;

pub use search::*;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::membership::Membership;
use crate::plan::{ACTION, PILLAR};
use crate::rows;
use crate::schema::require_living;
use crate::schema::{entity, Choice, Date, Flag, Kind, Link, Moment, Ref, Text, TimeOfDay};
use crate::time::iso;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

dutch_choice!(
    /// What kind of meeting (a kind from a newer version reads as "overig").
    #[derive(Default)]
    MeetingKind {
        Stuurgroep = "stuurgroep" ["Stuurgroep", "Steering group"],
        Werkgroep = "werkgroep" ["Werkgroep", "Working group"],
        Netwerkbijeenkomst = "netwerkbijeenkomst" ["Netwerkbijeenkomst", "Network meeting"],
        #[default]
        Overig = "overig" ["Overig", "Other"],
    }
);

dutch_choice!(
    #[derive(Default)]
    MeetingStatus {
        #[default]
        Gepland = "gepland" ["Gepland", "Planned"],
        Gehouden = "gehouden" ["Gehouden", "Held"],
        Vastgesteld = "notulen vastgesteld" ["Notulen vastgesteld", "Minutes approved"],
    }
);

dutch_choice!(
    /// Whether an invited person was there.
    #[derive(Default)]
    Attendance {
        #[default]
        Uitgenodigd = "uitgenodigd" ["Uitgenodigd", "Invited"],
        Aanwezig = "aanwezig" ["Aanwezig", "Present"],
        Afgemeld = "afgemeld" ["Afgemeld", "Sent apologies"],
        Afwezig = "afwezig" ["Afwezig", "Absent"],
    }
);

dutch_choice!(
    /// Whether a decision was carried out.
    #[derive(Default)]
    FollowUp {
        #[default]
        Open = "open" ["Open", "Open"],
        Loopt = "loopt" ["Loopt", "In progress"],
        Uitgevoerd = "uitgevoerd" ["Uitgevoerd", "Carried out"],
        NietUitgevoerd = "niet uitgevoerd" ["Niet uitgevoerd", "Not carried out"],
    }
);

dutch_choice!(
    #[derive(Default)]
    ActionItemStatus {
        #[default]
        Open = "open" ["Open", "Open"],
        Gedaan = "gedaan" ["Gedaan", "Done"],
        Vervallen = "vervallen" ["Vervallen", "Dropped"],
    }
);

/// How long an agenda item takes, in whole minutes, or not said. Unlike
/// [`crate::schema::Int`] it can be absent: a new item without a duration
/// writes none (the column stays empty), as items always did; once given it
/// is changed, never cleared.
pub struct Minutes;

impl Kind for Minutes {
    type Stored = Option<u32>;
    type Input = u32;
    fn check(_field: &'static str, input: &u32) -> Result<Option<u32>> {
        Ok(Some(*input))
    }
    fn absent() -> Option<u32> {
        None
    }
    fn is_blank(stored: &Option<u32>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<u32>> {
        Ok(row
            .get::<_, Option<i64>>(column)?
            .and_then(|n| u32::try_from(n).ok()))
    }
    fn value(stored: &Option<u32>) -> Value {
        stored.map_or(Value::Null, Value::from)
    }
}

entity! {
    /// A meeting.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Meeting in MEETING = "meeting", "meetings";
    input MeetingInput => MeetingChecked {
        /// The invited contact persons (replaces the list).
        #[ts(optional)]
        invited: Option<Vec<Uuid>>,
    }
    fields {
        title: String = Text<200> ["Titel", "Title"] required "geef het overleg een naam",
        kind: MeetingKind = Choice<MeetingKind> ["Soort overleg", "Kind of meeting"],
        /// The plan's pillar it is about (typed as its id, empty for none).
        pillar: Option<Uuid> = Ref ["Pijler", "Pillar"],
        date: Option<NaiveDate> = Date ["Datum", "Date"] required "kies de datum van het overleg",
        /// `14:00`, Europe/Amsterdam.
        start_time: String = TimeOfDay ["Begintijd", "Start time"],
        end_time: String = TimeOfDay ["Eindtijd", "End time"],
        location: String = Text<300> ["Locatie", "Location"],
        online_link: String = Text<500> ["Onlinelink", "Online link"],
        status: MeetingStatus = Choice<MeetingStatus> ["Status", "Status"],
        /// Who chairs it and who takes the minutes: contact persons (typed
        /// as their ids, empty for none).
        chair: Option<Uuid> = Ref ["Voorzitter", "Chair"],
        minute_taker: Option<Uuid> = Ref ["Notulist", "Minute-taker"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {}
    hidden { deleted, deleted_seen }
}

entity! {
    /// One invited contact person of a meeting and whether they were
    /// there; its id is made from the pair (see [`INVITED`]).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct MeetingAttendee in MEETING_ATTENDEE = "meeting_attendee", "meeting_attendees";
    input MeetingAttendeeInput => MeetingAttendeeChecked {}
    fields {
        meeting: Uuid = Link ["Overleg", "Meeting"] required "kies het overleg",
        contact: Uuid = Link ["Contactpersoon", "Contact person"] required "kies de contactpersoon",
        attendance: Attendance = Choice<Attendance> ["Aanwezigheid", "Attendance"],
    }
    kept { deleted: bool = Flag }
    extra {}
    hidden { deleted_seen }
}

entity! {
    /// An item on a meeting's agenda, with its minutes. Its place on the
    /// agenda (`position`) is kept by adding and reordering, not by a form.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct AgendaItem in AGENDA_ITEM = "agenda_item", "agenda_items";
    input AgendaItemInput => AgendaItemChecked {}
    fields {
        /// The meeting it is on; it stays there.
        meeting: Uuid = Link ["Overleg", "Meeting"] required "kies het overleg",
        title: String = Text<300> ["Agendapunt", "Agenda item"]
            required "geef het agendapunt een titel",
        duration_min: Option<u32> = Minutes ["Duur (minuten)", "Duration (minutes)"],
        /// Who introduces it: a contact person (typed as its id, empty for none).
        presenter: Option<Uuid> = Ref ["Inleider", "Presenter"],
        /// A plan action this item is about (typed as its id, empty for none).
        action: Option<Uuid> = Ref ["Actie uit het actieplan", "Action from the action plan"],
        /// Plain text with light Markdown; shown as text, never as HTML.
        minutes: String = Text<100000> ["Notulen", "Minutes"],
        /// Left out of the minutes that go to partners.
        confidential: bool = Flag ["Vertrouwelijk (niet in de notulen voor partners)",
            "Confidential (not in the minutes for partners)"],
    }
    kept {}
    extra {}
    hidden { position, created_at, deleted, deleted_seen }
}

entity! {
    /// A decision taken in a meeting, and whether it was carried out.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Decision in DECISION = "decision", "decisions";
    input DecisionInput => DecisionChecked {}
    fields {
        /// The meeting it was taken in; it stays there.
        meeting: Uuid = Link ["Overleg", "Meeting"] required "kies het overleg",
        /// The agenda item it was taken under (typed as its id, empty for none).
        agenda_item: Option<Uuid> = Ref ["Agendapunt", "Agenda item"],
        text: String = Text<5000> ["Besluit", "Decision"] required "schrijf het besluit op",
        follow_up: FollowUp = Choice<FollowUp> ["Opvolging", "Follow-up"],
        follow_up_note: String = Text<5000> ["Toelichting", "Note"],
    }
    kept {}
    extra {}
    hidden { created_at, deleted, deleted_seen }
}

entity! {
    /// Something to be done, agreed in a meeting, with one owner.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct ActionItem in ACTION_ITEM = "action_item", "action_items";
    input ActionItemInput => ActionItemChecked {}
    fields {
        /// The meeting it was agreed in; it stays there.
        meeting: Uuid = Link ["Overleg", "Meeting"] required "kies het overleg",
        /// The agenda item it was agreed under (typed as its id, empty for none).
        agenda_item: Option<Uuid> = Ref ["Agendapunt", "Agenda item"],
        text: String = Text<2000> ["Actiepunt", "Action item"]
            required "schrijf op wat er moet gebeuren",
        /// One contact person or organisation.
        owner: Option<Uuid> = Ref ["Eigenaar", "Owner"]
            required "kies wie het oppakt: één persoon of organisatie",
        /// The day it must be done by (empty for none).
        due: Option<NaiveDate> = Date ["Uiterlijk", "Due"],
        /// Set to done without a day done, it was done today.
        status: ActionItemStatus = Choice<ActionItemStatus> ["Status", "Status"],
        done_on: Option<NaiveDate> = Date ["Gedaan op", "Done on"],
    }
    kept {}
    extra {
        meeting_title: String,
        meeting_date: Option<NaiveDate>,
        owner_name: String,
        overdue: bool,
    }
    hidden { created_at, deleted, deleted_seen }
}

const INVITED: Membership = Membership {
    spec: &MEETING_ATTENDEE,
    owner: "meeting",
    member: "contact",
    member_table: "contacts",
    member_living: "m.created_at != ''",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_6d65_6574),
};

/// An invited person as a meeting page shows them: the pair's attendance
/// with the contact's name, e-mail and organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attendee {
    pub contact: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub organisation: String,
    pub attendance: Attendance,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ActionItemFilter {
    pub owner: Option<Uuid>,
    pub kind: Option<MeetingKind>,
    pub status: Option<ActionItemStatus>,
    pub overdue_only: Option<bool>,
}

/// A meeting page: everything to prepare it and write its minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MeetingDetail {
    pub meeting: Meeting,
    pub attendees: Vec<Attendee>,
    pub agenda: Vec<AgendaItem>,
    pub decisions: Vec<Decision>,
    pub action_items: Vec<ActionItem>,
    /// Open action items of earlier meetings of the same kind.
    pub open_from_earlier: Vec<ActionItem>,
}

/// A meeting's page in one read: the meeting, and what its forms offer to
/// choose from: contact persons and organisations as owners and presenters,
/// and the current plan's actions to link an agenda item to.
#[derive(Debug, Clone, Serialize, TS)]
pub struct MeetingPage {
    pub detail: MeetingDetail,
    pub contacts: Vec<crate::network::Contact>,
    pub organisations: Vec<crate::network::Organisation>,
    /// The current plan's pillars with their actions; none without a plan.
    pub plan: Option<crate::plan::PlanOverview>,
}

fn get(conn: &rusqlite::Connection, id: Uuid) -> Result<Meeting> {
    rows::by_id(conn, Meeting::SELECT, id, "overleg", Meeting::read)
}

/// A joined text column, by name; none reads as empty.
fn text(r: &Row, column: &str) -> rusqlite::Result<String> {
    Ok(r.get::<_, Option<String>>(column)?.unwrap_or_default())
}

/// An invited person: a [`MeetingAttendee`] row with the contact's columns
/// joined as `contact_name`, `contact_email` and `organisation_name`.
fn attendee_from_row(r: &Row) -> rusqlite::Result<Attendee> {
    let pair = MeetingAttendee::read(r)?;
    Ok(Attendee {
        contact: pair.contact,
        name: text(r, "contact_name")?,
        email: Some(text(r, "contact_email")?).filter(|e| !e.is_empty()),
        organisation: text(r, "organisation_name")?,
        attendance: pair.attendance,
    })
}

/// Action items with their meeting's title and date and their owner's name
/// (`a.*` read by name, the joined columns by their own names); living ones
/// of living meetings.
const ITEM_SELECT: &str = "SELECT a.*, m.title AS meeting_title, m.date AS meeting_date, \
     coalesce(c.name, o.name, '') AS owner_name FROM action_items a \
     JOIN meetings m ON m.id = a.meeting AND m.deleted = 0 \
     LEFT JOIN contacts c ON c.id = a.owner LEFT JOIN organisations o ON o.id = a.owner \
     WHERE a.deleted = 0 AND a.created_at != ''";

/// An action item from an `ITEM_SELECT` row; overdue as of `today`.
fn item_from_row(today: NaiveDate) -> impl Fn(&Row) -> rusqlite::Result<ActionItem> {
    move |r| {
        let mut item = ActionItem::read(r)?;
        item.meeting_title = text(r, "meeting_title")?;
        item.meeting_date = Date::read(r, "meeting_date")?;
        item.owner_name = text(r, "owner_name")?;
        item.overdue = item.status == ActionItemStatus::Open && item.due.is_some_and(|d| d < today);
        Ok(item)
    }
}

/// A contact person that exists (contact persons are erased, never
/// deleted: there is a row or not).
fn known_contact(w: &Writer, field: &str, id: Option<Uuid>) -> Result<()> {
    let Some(id) = id else { return Ok(()) };
    let known: bool = w.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1 AND created_at != '')",
        [id.to_string()],
        |r| r.get(0),
    )?;
    if known {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("contactpersoon {id} bestaat niet (meer)"),
        ))
    }
}

/// A row stays with the meeting it was made in: an edit may name that
/// meeting, never another.
fn same_meeting(given: Option<Uuid>, meeting: Uuid, what: &str) -> Result<()> {
    match given {
        Some(m) if m != meeting => Err(Error::validation(
            "meeting",
            ValidationCode::InvalidChoice,
            format!("{what} blijft bij het overleg waarin het is gemaakt"),
        )),
        _ => Ok(()),
    }
}

/// The rules between a meeting's fields, for what is written over `before`
/// (none when creating): the times in order, the pillar living, the chair
/// and minute taker known.
fn check_meeting(w: &Writer, fields: &MeetingChecked, before: Option<&Meeting>) -> Result<()> {
    let start = fields
        .start_time
        .as_ref()
        .or(before.map(|b| &b.start_time))
        .cloned()
        .unwrap_or_default();
    let end = fields
        .end_time
        .as_ref()
        .or(before.map(|b| &b.end_time))
        .cloned()
        .unwrap_or_default();
    if !start.is_empty() && !end.is_empty() && end < start {
        return Err(Error::validation(
            "end_time",
            ValidationCode::DateOrder,
            "het overleg eindigt vóór het begint",
        ));
    }
    if let Some(Some(pillar)) = fields.pillar {
        require_living(w.conn(), &PILLAR, "pillar", pillar, "pijler")?;
    }
    known_contact(w, "chair", fields.chair.flatten())?;
    known_contact(w, "minute_taker", fields.minute_taker.flatten())
}

fn write_invited(w: &mut Writer, id: Uuid, input: &MeetingInput) -> Result<()> {
    if let Some(invited) = &input.invited {
        for c in invited {
            rows::by_id(
                w.conn(),
                "SELECT id FROM contacts",
                *c,
                "contactpersoon",
                |r| rows::uuid(r, 0),
            )?;
        }
        INVITED.set_in(w, id, invited)?;
    }
    Ok(())
}

/// A new meeting: every field is written (what is left out empty, or its
/// default kind and status).
pub(crate) fn create_meeting_in(w: &mut Writer, id: Uuid, input: &MeetingInput) -> Result<()> {
    let fields = input.check(true)?;
    check_meeting(w, &fields, None)?;
    fields.write(w, id)?;
    write_invited(w, id, input)?;
    w.set(&MEETING, id, "created_at", iso(w.now()))?;
    w.set(&MEETING, id, "deleted", false).map(drop)
}

/// A new agenda item at `position` on its meeting's agenda. Of the fields
/// a new item need not have, only those given are written.
pub(crate) fn add_agenda_item_in(
    w: &mut Writer,
    position: i64,
    input: &AgendaItemInput,
) -> Result<Uuid> {
    // Refuses an item without its meeting or title ...
    input.check(true)?;
    // ... and writes what is given, nothing for what is not.
    let fields = input.check(false)?;
    check_agenda_item(w, &fields)?;
    let id = Uuid::now_v7();
    w.set(&AGENDA_ITEM, id, "position", position)?;
    fields.write(w, id)?;
    w.set(&AGENDA_ITEM, id, "created_at", iso(w.now()))?;
    w.set(&AGENDA_ITEM, id, "deleted", false)?;
    Ok(id)
}

/// The presenter a known contact person, the action a living one.
fn check_agenda_item(w: &Writer, fields: &AgendaItemChecked) -> Result<()> {
    known_contact(w, "presenter", fields.presenter.flatten())?;
    if let Some(Some(action)) = fields.action {
        require_living(w.conn(), &ACTION, "action", action, "actie")?;
    }
    Ok(())
}

pub(crate) fn set_attendance_in(
    w: &mut Writer,
    meeting: Uuid,
    contact: Uuid,
    attendance: Attendance,
) -> Result<()> {
    let id = INVITED.pair_id(meeting, contact);
    MeetingAttendeeInput {
        attendance: Some(attendance),
        ..Default::default()
    }
    .check(false)?
    .write(w, id)
}

/// A new decision. A follow-up note is written only when given.
pub(crate) fn add_decision_in(w: &mut Writer, input: &DecisionInput) -> Result<Uuid> {
    let mut fields = input.check(true)?;
    if input.follow_up_note.is_none() {
        fields.follow_up_note = None;
    }
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&DECISION, id, "created_at", iso(w.now()))?;
    w.set(&DECISION, id, "deleted", false)?;
    Ok(id)
}

/// A new action item with one owner (a contact person or an organisation).
pub(crate) fn add_action_item_in(w: &mut Writer, input: &ActionItemInput) -> Result<Uuid> {
    let mut fields = input.check(true)?;
    known_owner(w.conn(), fields.owner.flatten())?;
    done_when_done(&mut fields, input, w.today());
    let id = Uuid::now_v7();
    fields.write(w, id)?;
    w.set(&ACTION_ITEM, id, "created_at", iso(w.now()))?;
    w.set(&ACTION_ITEM, id, "deleted", false)?;
    Ok(id)
}

/// A status set without a day it was done: done today when done, not done
/// otherwise.
fn done_when_done(fields: &mut ActionItemChecked, input: &ActionItemInput, today: NaiveDate) {
    if let (Some(status), None) = (input.status, &input.done_on) {
        fields.done_on = Some((status == ActionItemStatus::Gedaan).then_some(today));
    }
}

impl Workspace {
    pub fn create_meeting(&mut self, input: &MeetingInput) -> Result<Meeting> {
        self.require_coalition()?;
        let id = Uuid::now_v7();
        self.write(|w| create_meeting_in(w, id, input))?;
        get(self.conn(), id)
    }

    /// A new meeting after `previous`: the same kind, pillar, place, times,
    /// invited persons and agenda titles, without minutes.
    pub fn create_meeting_from(&mut self, previous: Uuid, date: &str) -> Result<Meeting> {
        let detail = self.meeting_detail(previous)?;
        let m = &detail.meeting;
        let input = MeetingInput {
            title: Some(m.title.clone()),
            kind: Some(m.kind),
            pillar: m.pillar.map(|p| p.to_string()),
            date: Some(date.to_string()),
            start_time: Some(m.start_time.clone()),
            end_time: Some(m.end_time.clone()),
            location: Some(m.location.clone()),
            online_link: Some(m.online_link.clone()),
            status: Some(MeetingStatus::Gepland),
            chair: m.chair.map(|c| c.to_string()),
            minute_taker: m.minute_taker.map(|c| c.to_string()),
            invited: Some(detail.attendees.iter().map(|a| a.contact).collect()),
        };
        let new = self.create_meeting(&input)?;
        for item in &detail.agenda {
            self.add_agenda_item(&AgendaItemInput {
                meeting: Some(new.id),
                title: Some(item.title.clone()),
                duration_min: item.duration_min,
                presenter: item.presenter.map(|p| p.to_string()),
                ..Default::default()
            })?;
        }
        Ok(new)
    }

    /// Change the given fields (and the invited persons, if given); what is
    /// left out stays as it is.
    pub fn update_meeting(&mut self, id: Uuid, input: &MeetingInput) -> Result<Meeting> {
        let before = get(self.conn(), id)?;
        let fields = input.check(false)?;
        self.write(|w| {
            check_meeting(w, &fields, Some(&before))?;
            fields.write(w, id)?;
            write_invited(w, id, input)
        })?;
        get(self.conn(), id)
    }

    pub fn delete_meeting(&mut self, id: Uuid) -> Result<()> {
        get(self.conn(), id)?;
        self.write(|w| w.set_deleted(&MEETING, id, true).map(drop))
    }

    /// Meetings, the latest first.
    pub fn list_meetings(&self) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' ORDER BY date DESC, start_time DESC, id",
            Meeting::SELECT
        ))?;
        let list = stmt.query_map([], Meeting::read)?;
        Ok(list.collect::<rusqlite::Result<_>>()?)
    }

    /// The first meeting from today on, soonest first: what the coordinator
    /// prepares next.
    pub fn next_meeting(&self) -> Result<Option<Meeting>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' AND date >= ?1 \
             ORDER BY date, start_time, id LIMIT 1",
            Meeting::SELECT
        ))?;
        let next = stmt
            .query_map([self.today().to_string()], Meeting::read)?
            .next();
        Ok(next.transpose()?)
    }

    pub fn meeting_detail(&self, id: Uuid) -> Result<MeetingDetail> {
        let meeting = get(self.conn(), id)?;
        let conn = self.conn();
        let invited = INVITED.of(conn, &[id])?.remove(&id).unwrap_or_default();
        let mut attendees = Vec::new();
        let mut attendee = conn.prepare_cached(&format!(
            "SELECT a.*, c.name AS contact_name, c.email AS contact_email, \
             coalesce(o.name, '') AS organisation_name FROM ({}) a \
             JOIN contacts c ON c.id = a.contact LEFT JOIN organisations o ON o.id = c.organisation \
             WHERE a.id = ?1",
            MeetingAttendee::SELECT
        ))?;
        for contact in invited {
            let pair = INVITED.pair_id(id, contact).to_string();
            attendees.push(attendee.query_row([pair], attendee_from_row)?);
        }
        attendees.sort_by_cached_key(|a| crate::vocabulary::fold(&a.name));
        let agenda = conn
            .prepare_cached(&format!(
                "{} WHERE meeting = ?1 AND deleted = 0 AND created_at != '' ORDER BY position, id",
                AgendaItem::SELECT
            ))?
            .query_map([id.to_string()], AgendaItem::read)?
            .collect::<rusqlite::Result<_>>()?;
        let decisions = conn
            .prepare_cached(&format!(
                "{} WHERE meeting = ?1 AND deleted = 0 AND created_at != '' ORDER BY created_at, id",
                Decision::SELECT
            ))?
            .query_map([id.to_string()], Decision::read)?
            .collect::<rusqlite::Result<_>>()?;
        let action_items = conn
            .prepare_cached(&format!(
                "{ITEM_SELECT} AND a.meeting = ?1 ORDER BY a.created_at, a.id"
            ))?
            .query_map([id.to_string()], item_from_row(self.today()))?
            .collect::<rusqlite::Result<_>>()?;
        // Earlier: of the same kind, on an earlier date (or the same date, created before).
        let open_from_earlier = conn
            .prepare_cached(&format!(
                "{ITEM_SELECT} AND a.status = 'open' AND a.meeting != ?1 AND m.kind = ?2 \
                 AND (m.date < ?3 OR (m.date = ?3 AND m.created_at < ?4)) ORDER BY a.due, m.date, a.id"
            ))?
            .query_map(
                rusqlite::params![
                    id.to_string(),
                    meeting.kind.code(),
                    meeting.date.map(|d| d.to_string()),
                    iso(meeting.created_at)
                ],
                item_from_row(self.today()),
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(MeetingDetail {
            meeting,
            attendees,
            agenda,
            decisions,
            action_items,
            open_from_earlier,
        })
    }

    /// A meeting's page, read from one snapshot of the database.
    pub fn meeting_page(&self, id: Uuid) -> Result<MeetingPage> {
        // One read transaction: a sync on another connection cannot land
        // between the parts.
        let snapshot = self.conn().unchecked_transaction()?;
        let page = MeetingPage {
            detail: self.meeting_detail(id)?,
            contacts: self.list_contacts(&Default::default())?,
            organisations: self.list_organisations(&Default::default())?,
            plan: match self.current_plan()? {
                Some(plan) => Some(self.plan_overview(plan.id, &Default::default())?),
                None => None,
            },
        };
        snapshot.rollback()?;
        Ok(page)
    }

    /// Record whether an invited person was there.
    pub fn set_attendance(
        &mut self,
        meeting: Uuid,
        contact: Uuid,
        attendance: Attendance,
    ) -> Result<()> {
        let invited = INVITED
            .of(self.conn(), &[meeting])?
            .remove(&meeting)
            .unwrap_or_default();
        if !invited.contains(&contact) {
            return Err(Error::validation(
                "contact",
                ValidationCode::InvalidChoice,
                "deze persoon is niet uitgenodigd voor dit overleg",
            ));
        }
        self.write(|w| set_attendance_in(w, meeting, contact, attendance))
    }

    /// An agenda item at the end of its meeting's agenda.
    pub fn add_agenda_item(&mut self, input: &AgendaItemInput) -> Result<AgendaItem> {
        if let Some(meeting) = input.meeting {
            get(self.conn(), meeting)?;
        }
        let id = self.write(|w| {
            let last: i64 = w.conn().query_row(
                "SELECT coalesce(max(position), 0) FROM agenda_items WHERE meeting = ?1",
                [input.meeting.unwrap_or_default().to_string()],
                |r| r.get(0),
            )?;
            add_agenda_item_in(w, last + 1, input)
        })?;
        self.agenda_item(id)
    }

    /// Change the given fields; what is left out stays as it is.
    pub fn update_agenda_item(&mut self, id: Uuid, input: &AgendaItemInput) -> Result<AgendaItem> {
        let before = self.agenda_item(id)?;
        let fields = input.check(false)?;
        same_meeting(fields.meeting, before.meeting, "een agendapunt")?;
        self.write(|w| {
            check_agenda_item(w, &fields)?;
            fields.write(w, id)
        })?;
        self.agenda_item(id)
    }

    pub fn agenda_item(&self, id: Uuid) -> Result<AgendaItem> {
        rows::by_id(
            self.conn(),
            AgendaItem::SELECT,
            id,
            "agendapunt",
            AgendaItem::read,
        )
    }

    /// A decision in a meeting, under one of its agenda items or none.
    pub fn add_decision(&mut self, input: &DecisionInput) -> Result<Decision> {
        if let Some(meeting) = input.meeting {
            get(self.conn(), meeting)?;
        }
        let id = self.write(|w| add_decision_in(w, input))?;
        self.decision(id)
    }

    pub fn decision(&self, id: Uuid) -> Result<Decision> {
        rows::by_id(self.conn(), Decision::SELECT, id, "besluit", Decision::read)
    }

    /// Change the given fields (its text, its follow-up); what is left out
    /// stays as it is.
    pub fn update_decision(&mut self, id: Uuid, input: &DecisionInput) -> Result<Decision> {
        let before = self.decision(id)?;
        let fields = input.check(false)?;
        same_meeting(fields.meeting, before.meeting, "een besluit")?;
        self.write(|w| fields.write(w, id))?;
        self.decision(id)
    }

    /// Say whether a decision was carried out.
    pub fn follow_up_decision(
        &mut self,
        id: Uuid,
        follow_up: FollowUp,
        note: &str,
    ) -> Result<Decision> {
        self.update_decision(
            id,
            &DecisionInput {
                follow_up: Some(follow_up),
                follow_up_note: Some(note.to_string()),
                ..Default::default()
            },
        )
    }

    /// Every decision with its follow-up, the latest meeting first.
    pub fn list_decisions(&self) -> Result<Vec<Decision>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.* FROM decisions d JOIN meetings m ON m.id = d.meeting AND m.deleted = 0 \
             WHERE d.deleted = 0 AND d.created_at != '' ORDER BY m.date DESC, d.created_at, d.id",
        )?;
        let list = stmt.query_map([], Decision::read)?;
        Ok(list.collect::<rusqlite::Result<_>>()?)
    }

    /// An action item with one owner (a contact person or an organisation).
    pub fn add_action_item(&mut self, input: &ActionItemInput) -> Result<ActionItem> {
        if let Some(meeting) = input.meeting {
            get(self.conn(), meeting)?;
        }
        let id = self.write(|w| add_action_item_in(w, input))?;
        self.action_item(id)
    }

    pub fn action_item(&self, id: Uuid) -> Result<ActionItem> {
        self.conn()
            .prepare_cached(&format!("{ITEM_SELECT} AND a.id = ?1"))?
            .query_row([id.to_string()], item_from_row(self.today()))
            .map_err(|_| Error::NotFound {
                what: "actiepunt",
                id: id.to_string(),
            })
    }

    /// Done (today), dropped, or open again.
    pub fn set_action_item_status(
        &mut self,
        id: Uuid,
        status: ActionItemStatus,
    ) -> Result<ActionItem> {
        self.update_action_item(
            id,
            &ActionItemInput {
                status: Some(status),
                ..Default::default()
            },
        )
    }

    /// Change the given fields (text, owner, due date, status); what is left
    /// out stays as it is. A status without a day done: done today when done.
    pub fn update_action_item(&mut self, id: Uuid, input: &ActionItemInput) -> Result<ActionItem> {
        let before = self.action_item(id)?;
        let mut fields = input.check(false)?;
        same_meeting(fields.meeting, before.meeting, "een actiepunt")?;
        if let Some(owner) = fields.owner {
            known_owner(self.conn(), owner)?;
        }
        done_when_done(&mut fields, input, self.today());
        self.write(|w| fields.write(w, id))?;
        self.action_item(id)
    }

    /// Remove an action item entered by mistake (one that no longer
    /// matters is *vervallen* instead, and stays visible).
    pub fn delete_action_item(&mut self, id: Uuid) -> Result<()> {
        self.action_item(id)?;
        self.write(|w| w.set_deleted(&ACTION_ITEM, id, true).map(drop))
    }

    pub fn delete_decision(&mut self, id: Uuid) -> Result<()> {
        self.decision(id)?;
        self.write(|w| w.set_deleted(&DECISION, id, true).map(drop))
    }

    /// Remove an agenda item. Its decisions and action items stay with the
    /// meeting, no longer under an item.
    pub fn delete_agenda_item(&mut self, id: Uuid) -> Result<()> {
        self.agenda_item(id)?;
        let key = id.to_string();
        let linked = |table: &str| -> Result<Vec<Uuid>> {
            let mut stmt = self.conn().prepare(&format!(
                "SELECT id FROM {table} WHERE agenda_item = ?1 AND deleted = 0"
            ))?;
            let ids = stmt.query_map([&key], |r| rows::uuid(r, 0))?;
            Ok(ids.collect::<rusqlite::Result<_>>()?)
        };
        let decisions = linked("decisions")?;
        let items = linked("action_items")?;
        let loose_decision = DecisionInput {
            agenda_item: Some(String::new()),
            ..Default::default()
        }
        .check(false)?;
        let loose_item = ActionItemInput {
            agenda_item: Some(String::new()),
            ..Default::default()
        }
        .check(false)?;
        self.write(|w| {
            for d in &decisions {
                loose_decision.write(w, *d)?;
            }
            for a in &items {
                loose_item.write(w, *a)?;
            }
            w.set_deleted(&AGENDA_ITEM, id, true).map(drop)
        })
    }

    /// Put a meeting's agenda in this order; `order` holds every item once.
    pub fn reorder_agenda(&mut self, meeting: Uuid, order: &[Uuid]) -> Result<Vec<AgendaItem>> {
        let agenda = self.meeting_detail(meeting)?.agenda;
        let mut wanted = order.to_vec();
        wanted.sort();
        wanted.dedup();
        let mut have: Vec<Uuid> = agenda.iter().map(|a| a.id).collect();
        have.sort();
        if wanted.len() != order.len() || wanted != have {
            return Err(Error::validation(
                "order",
                ValidationCode::InvalidChoice,
                "de volgorde moet elk agendapunt van dit overleg precies één keer noemen",
            ));
        }
        self.write(|w| {
            for (i, id) in order.iter().enumerate() {
                w.set(&AGENDA_ITEM, *id, "position", i as i64 + 1)?;
            }
            Ok(())
        })?;
        Ok(self.meeting_detail(meeting)?.agenda)
    }

    /// Action items (open ones by default), the earliest due first.
    pub fn list_action_items(&self, filter: &ActionItemFilter) -> Result<Vec<ActionItem>> {
        let status = filter.status.unwrap_or(ActionItemStatus::Open);
        let mut stmt = self.conn().prepare_cached(&format!(
            "{ITEM_SELECT} AND a.status = ?1 AND (?2 IS NULL OR a.owner = ?2) AND (?3 IS NULL OR m.kind = ?3) \
             ORDER BY a.due IS NULL, a.due, m.date, a.id"
        ))?;
        let mut items: Vec<ActionItem> = stmt
            .query_map(
                rusqlite::params![
                    status.code(),
                    filter.owner.map(|o| o.to_string()),
                    filter.kind.map(|k| k.code())
                ],
                item_from_row(self.today()),
            )?
            .collect::<rusqlite::Result<_>>()?;
        if filter.overdue_only.unwrap_or(false) {
            items.retain(|i| i.overdue);
        }
        Ok(items)
    }
}

/// One contact person or living organisation (none is refused by the
/// declaration, as the field is required).
fn known_owner(conn: &rusqlite::Connection, owner: Option<Uuid>) -> Result<()> {
    let Some(owner) = owner else { return Ok(()) };
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1 AND created_at != '') OR \
         EXISTS (SELECT 1 FROM organisations WHERE id = ?1 AND deleted = 0)",
        [owner.to_string()],
        |r| r.get(0),
    )?;
    if !known {
        return Err(Error::validation(
            "owner",
            ValidationCode::InvalidChoice,
            "onbekende persoon of organisatie",
        ));
    }
    Ok(())
}
