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
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::membership::Membership;
use crate::plan::living;
use crate::rows;
use crate::time::{iso, parse_iso_or};
use crate::validate;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

pub const MEETING: EntitySpec = EntitySpec {
    name: "meeting",
    table: "meetings",
    fields: &[
        "title",
        "kind",
        "pillar",
        "date",
        "start_time",
        "end_time",
        "location",
        "online_link",
        "status",
        "chair",
        "minute_taker",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const MEETING_ATTENDEE: EntitySpec = EntitySpec {
    name: "meeting_attendee",
    table: "meeting_attendees",
    fields: &[
        "meeting",
        "contact",
        "attendance",
        "deleted",
        "deleted_seen",
    ],
};

pub const AGENDA_ITEM: EntitySpec = EntitySpec {
    name: "agenda_item",
    table: "agenda_items",
    fields: &[
        "meeting",
        "position",
        "title",
        "duration_min",
        "presenter",
        "action",
        "minutes",
        "confidential",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const DECISION: EntitySpec = EntitySpec {
    name: "decision",
    table: "decisions",
    fields: &[
        "meeting",
        "agenda_item",
        "text",
        "follow_up",
        "follow_up_note",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const ACTION_ITEM: EntitySpec = EntitySpec {
    name: "action_item",
    table: "action_items",
    fields: &[
        "meeting",
        "agenda_item",
        "text",
        "owner",
        "due",
        "status",
        "done_on",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

const INVITED: Membership = Membership {
    spec: &MEETING_ATTENDEE,
    owner: "meeting",
    member: "contact",
    member_table: "contacts",
    member_living: "m.created_at != ''",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_6d65_6574),
};

dutch_choice!(
    /// What kind of meeting.
    MeetingKind {
        Stuurgroep = "stuurgroep",
        Werkgroep = "werkgroep",
        Netwerkbijeenkomst = "netwerkbijeenkomst",
        Overig = "overig",
    }
);

dutch_choice!(
    MeetingStatus {
        Gepland = "gepland",
        Gehouden = "gehouden",
        Vastgesteld = "notulen vastgesteld",
    }
);

dutch_choice!(
    /// Whether an invited person was there.
    Attendance {
        Uitgenodigd = "uitgenodigd",
        Aanwezig = "aanwezig",
        Afgemeld = "afgemeld",
        Afwezig = "afwezig",
    }
);

dutch_choice!(
    /// Whether a decision was carried out.
    FollowUp {
        Open = "open",
        Loopt = "loopt",
        Uitgevoerd = "uitgevoerd",
        NietUitgevoerd = "niet uitgevoerd",
    }
);

dutch_choice!(
    ActionItemStatus {
        Open = "open",
        Gedaan = "gedaan",
        Vervallen = "vervallen",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Meeting {
    pub id: Uuid,
    pub title: String,
    pub kind: MeetingKind,
    pub pillar: Option<Uuid>,
    pub date: Option<NaiveDate>,
    /// `14:00`, Europe/Amsterdam.
    pub start_time: String,
    pub end_time: String,
    pub location: String,
    pub online_link: String,
    pub status: MeetingStatus,
    pub chair: Option<Uuid>,
    pub minute_taker: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct MeetingInput {
    pub title: Option<String>,
    pub kind: Option<MeetingKind>,
    /// A pillar id, or empty for none.
    pub pillar: Option<String>,
    pub date: Option<String>,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub location: Option<String>,
    pub online_link: Option<String>,
    pub status: Option<MeetingStatus>,
    /// Contact ids, or empty for none.
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    /// The invited contact persons (replaces the list).
    pub invited: Option<Vec<Uuid>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attendee {
    pub contact: Uuid,
    pub name: String,
    pub email: Option<String>,
    pub organisation: String,
    pub attendance: Attendance,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AgendaItem {
    pub id: Uuid,
    pub meeting: Uuid,
    pub title: String,
    pub duration_min: Option<u32>,
    pub presenter: Option<Uuid>,
    /// A plan action this item is about.
    pub action: Option<Uuid>,
    /// Plain text with light Markdown; shown as text, never as HTML.
    pub minutes: String,
    /// Left out of the minutes that go to partners.
    pub confidential: bool,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct AgendaItemInput {
    pub title: Option<String>,
    pub duration_min: Option<u32>,
    pub presenter: Option<String>,
    pub action: Option<String>,
    pub minutes: Option<String>,
    pub confidential: Option<bool>,
}

/// A change to an action item; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct ActionItemInput {
    pub text: Option<String>,
    pub owner: Option<Uuid>,
    /// A date, or empty for none.
    pub due: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Decision {
    pub id: Uuid,
    pub meeting: Uuid,
    pub agenda_item: Option<Uuid>,
    pub text: String,
    pub follow_up: FollowUp,
    pub follow_up_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ActionItem {
    pub id: Uuid,
    /// The meeting it was agreed in.
    pub meeting: Uuid,
    pub meeting_title: String,
    pub meeting_date: Option<NaiveDate>,
    pub agenda_item: Option<Uuid>,
    pub text: String,
    /// One contact person or organisation.
    pub owner: Option<Uuid>,
    pub owner_name: String,
    pub due: Option<NaiveDate>,
    pub status: ActionItemStatus,
    pub done_on: Option<NaiveDate>,
    pub overdue: bool,
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

const SELECT: &str = "SELECT id, title, kind, pillar, date, start_time, end_time, location, \
     online_link, status, chair, minute_taker, created_at, updated_at FROM meetings";

fn optional_uuid(r: &Row, i: usize) -> rusqlite::Result<Option<Uuid>> {
    Ok(Uuid::try_parse(&r.get::<_, String>(i)?).ok())
}

fn from_row(r: &Row) -> rusqlite::Result<Meeting> {
    let updated_at = parse_iso_or(&r.get::<_, String>(13)?, DateTime::<Utc>::MIN_UTC);
    Ok(Meeting {
        id: rows::uuid(r, 0)?,
        title: r.get(1)?,
        kind: r
            .get::<_, String>(2)?
            .parse()
            .unwrap_or(MeetingKind::Overig),
        pillar: optional_uuid(r, 3)?,
        date: rows::date(r, 4)?,
        start_time: r.get(5)?,
        end_time: r.get(6)?,
        location: r.get(7)?,
        online_link: r.get(8)?,
        status: r
            .get::<_, String>(9)?
            .parse()
            .unwrap_or(MeetingStatus::Gepland),
        chair: optional_uuid(r, 10)?,
        minute_taker: optional_uuid(r, 11)?,
        created_at: parse_iso_or(&r.get::<_, String>(12)?, updated_at),
        updated_at,
    })
}

/// `9:30` or `09.30` as `09:30`.
fn valid_time(field: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    let parsed = text
        .split_once([':', '.'])
        .and_then(|(h, m)| Some((h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)))
        .filter(|(h, m)| *h < 24 && *m < 60);
    match parsed {
        Some((h, m)) => Ok(format!("{h:02}:{m:02}")),
        None => Err(Error::validation(
            field,
            ValidationCode::InvalidDate,
            format!("{text:?} is geen tijd (bijvoorbeeld 14:00)"),
        )),
    }
}

/// An id in a text field, or none for an empty text; checked to be living.
fn optional_ref(w: &Writer, field: &str, text: &str, table: &str, what: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(String::new());
    }
    let id = Uuid::try_parse(text).map_err(|_| {
        Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("{text:?} is geen id"),
        )
    })?;
    if table == "contacts" {
        // Contact persons are erased, never deleted: there is a row or not.
        let known: bool = w.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1 AND created_at != '')",
            [id.to_string()],
            |r| r.get(0),
        )?;
        if !known {
            return Err(Error::validation(
                field,
                ValidationCode::InvalidChoice,
                format!("{what} {id} bestaat niet (meer)"),
            ));
        }
    } else {
        living(w.conn(), table, field, id, what)?;
    }
    Ok(id.to_string())
}

fn write_meeting(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Meeting>,
    input: &MeetingInput,
) -> Result<()> {
    let text = |value: &Option<String>, old: Option<&String>| {
        value.clone().or(old.cloned()).unwrap_or_default()
    };
    let id_text = |id: Option<Uuid>| id.map(|i| i.to_string()).unwrap_or_default();
    let title = validate::required_text(
        "title",
        &text(&input.title, before.map(|b| &b.title)),
        200,
        "geef het overleg een naam",
    )?;
    let date = match &input.date {
        Some(d) => validate::optional_date("date", Some(d))?,
        None => before.and_then(|b| b.date),
    };
    let date = date.ok_or_else(|| {
        Error::validation(
            "date",
            ValidationCode::Required,
            "kies de datum van het overleg",
        )
    })?;
    let start = valid_time(
        "start_time",
        &text(&input.start_time, before.map(|b| &b.start_time)),
    )?;
    let end = valid_time(
        "end_time",
        &text(&input.end_time, before.map(|b| &b.end_time)),
    )?;
    if !start.is_empty() && !end.is_empty() && end < start {
        return Err(Error::validation(
            "end_time",
            ValidationCode::DateOrder,
            "het overleg eindigt vóór het begint",
        ));
    }
    let pillar = match &input.pillar {
        Some(p) => optional_ref(w, "pillar", p, "pillars", "pijler")?,
        None => id_text(before.and_then(|b| b.pillar)),
    };
    let chair = match &input.chair {
        Some(c) => optional_ref(w, "chair", c, "contacts", "contactpersoon")?,
        None => id_text(before.and_then(|b| b.chair)),
    };
    let taker = match &input.minute_taker {
        Some(c) => optional_ref(w, "minute_taker", c, "contacts", "contactpersoon")?,
        None => id_text(before.and_then(|b| b.minute_taker)),
    };
    let location = validate::optional_text(
        "location",
        &text(&input.location, before.map(|b| &b.location)),
        300,
    )?;
    let link = validate::optional_text(
        "online_link",
        &text(&input.online_link, before.map(|b| &b.online_link)),
        500,
    )?;
    let kind = input
        .kind
        .or(before.map(|b| b.kind))
        .unwrap_or(MeetingKind::Overig);
    let status = input
        .status
        .or(before.map(|b| b.status))
        .unwrap_or(MeetingStatus::Gepland);
    w.set(&MEETING, id, "title", title)?;
    w.set(&MEETING, id, "kind", kind.code())?;
    w.set(&MEETING, id, "pillar", pillar)?;
    w.set(&MEETING, id, "date", date.to_string())?;
    w.set(&MEETING, id, "start_time", start)?;
    w.set(&MEETING, id, "end_time", end)?;
    w.set(&MEETING, id, "location", location)?;
    w.set(&MEETING, id, "online_link", link)?;
    w.set(&MEETING, id, "status", status.code())?;
    w.set(&MEETING, id, "chair", chair)?;
    w.set(&MEETING, id, "minute_taker", taker)?;
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

fn get(conn: &rusqlite::Connection, id: Uuid) -> Result<Meeting> {
    rows::by_id(conn, SELECT, id, "overleg", from_row)
}

const ITEM_SELECT: &str = "SELECT a.id, a.meeting, a.text, a.owner, a.due, a.status, a.done_on, \
     a.agenda_item, m.title, m.date, coalesce(c.name, o.name, '') FROM action_items a \
     JOIN meetings m ON m.id = a.meeting AND m.deleted = 0 \
     LEFT JOIN contacts c ON c.id = a.owner LEFT JOIN organisations o ON o.id = a.owner \
     WHERE a.deleted = 0 AND a.created_at != ''";

/// An action item from an `ITEM_SELECT` row; overdue as of `today`.
fn item_from_row(today: NaiveDate) -> impl Fn(&Row) -> rusqlite::Result<ActionItem> {
    move |r| item_from(r, today)
}

fn item_from(r: &Row, today: NaiveDate) -> rusqlite::Result<ActionItem> {
    let status = r
        .get::<_, String>(5)?
        .parse()
        .unwrap_or(ActionItemStatus::Open);
    let due = rows::date(r, 4)?;
    Ok(ActionItem {
        id: rows::uuid(r, 0)?,
        meeting: rows::uuid(r, 1)?,
        text: r.get(2)?,
        owner: optional_uuid(r, 3)?,
        due,
        status,
        done_on: rows::date(r, 6)?,
        agenda_item: optional_uuid(r, 7)?,
        meeting_title: r.get(8)?,
        meeting_date: rows::date(r, 9)?,
        owner_name: r.get(10)?,
        overdue: status == ActionItemStatus::Open && due.is_some_and(|d| d < today),
    })
}

pub(crate) fn create_meeting_in(w: &mut Writer, id: Uuid, input: &MeetingInput) -> Result<()> {
    write_meeting(w, id, None, input)?;
    w.set(&MEETING, id, "created_at", iso(w.now()))?;
    w.set(&MEETING, id, "deleted", false).map(drop)
}

pub(crate) fn add_agenda_item_in(
    w: &mut Writer,
    meeting: Uuid,
    position: i64,
    input: &AgendaItemInput,
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    w.set(&AGENDA_ITEM, id, "meeting", meeting.to_string())?;
    w.set(&AGENDA_ITEM, id, "position", position)?;
    write_agenda_item(w, id, input, true)?;
    w.set(&AGENDA_ITEM, id, "created_at", iso(w.now()))?;
    w.set(&AGENDA_ITEM, id, "deleted", false)?;
    Ok(id)
}

pub(crate) fn set_attendance_in(
    w: &mut Writer,
    meeting: Uuid,
    contact: Uuid,
    attendance: Attendance,
) -> Result<()> {
    let id = INVITED.pair_id(meeting, contact);
    w.set(&MEETING_ATTENDEE, id, "attendance", attendance.code())
        .map(drop)
}

pub(crate) fn add_decision_in(
    w: &mut Writer,
    meeting: Uuid,
    agenda_item: Option<Uuid>,
    text: &str,
    follow_up: FollowUp,
) -> Result<Uuid> {
    let text = validate::required_text("text", text, 5_000, "schrijf het besluit op")?;
    let id = Uuid::now_v7();
    w.set(&DECISION, id, "meeting", meeting.to_string())?;
    w.set(
        &DECISION,
        id,
        "agenda_item",
        agenda_item.map(|a| a.to_string()).unwrap_or_default(),
    )?;
    w.set(&DECISION, id, "text", text)?;
    w.set(&DECISION, id, "follow_up", follow_up.code())?;
    w.set(&DECISION, id, "created_at", iso(w.now()))?;
    w.set(&DECISION, id, "deleted", false)?;
    Ok(id)
}

/// An action item; `owner` already checked to be a person or organisation.
pub(crate) fn add_action_item_in(
    w: &mut Writer,
    meeting: Uuid,
    agenda_item: Option<Uuid>,
    text: &str,
    owner: Uuid,
    due: Option<NaiveDate>,
    status: ActionItemStatus,
) -> Result<Uuid> {
    let text = validate::required_text("text", text, 2_000, "schrijf op wat er moet gebeuren")?;
    let id = Uuid::now_v7();
    w.set(&ACTION_ITEM, id, "meeting", meeting.to_string())?;
    w.set(
        &ACTION_ITEM,
        id,
        "agenda_item",
        agenda_item.map(|a| a.to_string()).unwrap_or_default(),
    )?;
    w.set(&ACTION_ITEM, id, "text", text)?;
    w.set(&ACTION_ITEM, id, "owner", owner.to_string())?;
    w.set(&ACTION_ITEM, id, "due", due.map(|d| d.to_string()))?;
    w.set(&ACTION_ITEM, id, "status", status.code())?;
    if status == ActionItemStatus::Gedaan {
        w.set(&ACTION_ITEM, id, "done_on", due.map(|d| d.to_string()))?;
    }
    w.set(&ACTION_ITEM, id, "created_at", iso(w.now()))?;
    w.set(&ACTION_ITEM, id, "deleted", false)?;
    Ok(id)
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
            self.add_agenda_item(
                new.id,
                &AgendaItemInput {
                    title: Some(item.title.clone()),
                    duration_min: item.duration_min,
                    presenter: item.presenter.map(|p| p.to_string()),
                    ..Default::default()
                },
            )?;
        }
        Ok(new)
    }

    pub fn update_meeting(&mut self, id: Uuid, input: &MeetingInput) -> Result<Meeting> {
        let before = get(self.conn(), id)?;
        self.write(|w| write_meeting(w, id, Some(&before), input))?;
        get(self.conn(), id)
    }

    pub fn delete_meeting(&mut self, id: Uuid) -> Result<()> {
        get(self.conn(), id)?;
        self.write(|w| w.set_deleted(&MEETING, id, true).map(drop))
    }

    /// Meetings, the latest first.
    pub fn list_meetings(&self) -> Result<Vec<Meeting>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{SELECT} WHERE deleted = 0 AND created_at != '' ORDER BY date DESC, start_time DESC, id"
        ))?;
        let list = stmt.query_map([], from_row)?;
        Ok(list.collect::<rusqlite::Result<_>>()?)
    }

    pub fn meeting_detail(&self, id: Uuid) -> Result<MeetingDetail> {
        let meeting = get(self.conn(), id)?;
        let conn = self.conn();
        let invited = INVITED.of(conn, &[id])?.remove(&id).unwrap_or_default();
        let mut attendees = Vec::new();
        for contact in invited {
            let (name, email, organisation, attendance): (String, String, String, String) = conn.query_row(
                "SELECT c.name, c.email, coalesce(o.name, ''), coalesce(a.attendance, 'uitgenodigd') FROM contacts c \
                 LEFT JOIN organisations o ON o.id = c.organisation \
                 LEFT JOIN meeting_attendees a ON a.id = ?2 WHERE c.id = ?1",
                [contact.to_string(), INVITED.pair_id(id, contact).to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )?;
            attendees.push(Attendee {
                contact,
                name,
                email: Some(email).filter(|e| !e.is_empty()),
                organisation,
                attendance: attendance.parse().unwrap_or(Attendance::Uitgenodigd),
            });
        }
        attendees.sort_by_cached_key(|a| crate::vocabulary::fold(&a.name));
        let agenda = conn
            .prepare_cached(
                &format!("{AGENDA_SELECT} WHERE meeting = ?1 AND deleted = 0 AND created_at != '' ORDER BY position, id"),
            )?
            .query_map([id.to_string()], agenda_item_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let decisions = conn
            .prepare_cached(
                "SELECT id, meeting, agenda_item, text, follow_up, follow_up_note FROM decisions \
                 WHERE meeting = ?1 AND deleted = 0 AND created_at != '' ORDER BY created_at, id",
            )?
            .query_map([id.to_string()], decision_from_row)?
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

    pub fn add_agenda_item(
        &mut self,
        meeting: Uuid,
        input: &AgendaItemInput,
    ) -> Result<AgendaItem> {
        get(self.conn(), meeting)?;
        let id = self.write(|w| {
            let last: i64 = w.conn().query_row(
                "SELECT coalesce(max(position), 0) FROM agenda_items WHERE meeting = ?1",
                [meeting.to_string()],
                |r| r.get(0),
            )?;
            add_agenda_item_in(w, meeting, last + 1, input)
        })?;
        self.agenda_item(id)
    }

    pub fn update_agenda_item(&mut self, id: Uuid, input: &AgendaItemInput) -> Result<AgendaItem> {
        self.agenda_item(id)?;
        self.write(|w| write_agenda_item(w, id, input, false))?;
        self.agenda_item(id)
    }

    pub fn agenda_item(&self, id: Uuid) -> Result<AgendaItem> {
        rows::by_id(
            self.conn(),
            AGENDA_SELECT,
            id,
            "agendapunt",
            agenda_item_from_row,
        )
    }

    pub fn add_decision(
        &mut self,
        meeting: Uuid,
        agenda_item: Option<Uuid>,
        text: &str,
    ) -> Result<Decision> {
        get(self.conn(), meeting)?;
        let id = self.write(|w| add_decision_in(w, meeting, agenda_item, text, FollowUp::Open))?;
        self.decision(id)
    }

    pub fn decision(&self, id: Uuid) -> Result<Decision> {
        rows::by_id(
            self.conn(),
            "SELECT id, meeting, agenda_item, text, follow_up, follow_up_note FROM decisions",
            id,
            "besluit",
            decision_from_row,
        )
    }

    /// Say whether a decision was carried out.
    pub fn follow_up_decision(
        &mut self,
        id: Uuid,
        follow_up: FollowUp,
        note: &str,
    ) -> Result<Decision> {
        self.decision(id)?;
        let note = validate::optional_text("follow_up_note", note, 5_000)?;
        self.write(|w| {
            w.set(&DECISION, id, "follow_up", follow_up.code())?;
            w.set(&DECISION, id, "follow_up_note", note).map(drop)
        })?;
        self.decision(id)
    }

    /// Every decision with its follow-up, the latest meeting first.
    pub fn list_decisions(&self) -> Result<Vec<Decision>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.id, d.meeting, d.agenda_item, d.text, d.follow_up, d.follow_up_note FROM decisions d \
             JOIN meetings m ON m.id = d.meeting AND m.deleted = 0 \
             WHERE d.deleted = 0 AND d.created_at != '' ORDER BY m.date DESC, d.created_at, d.id",
        )?;
        let list = stmt.query_map([], decision_from_row)?;
        Ok(list.collect::<rusqlite::Result<_>>()?)
    }

    /// An action item with one owner (a contact person or an organisation).
    pub fn add_action_item(
        &mut self,
        meeting: Uuid,
        agenda_item: Option<Uuid>,
        text: &str,
        owner: Option<Uuid>,
        due: Option<&str>,
    ) -> Result<ActionItem> {
        get(self.conn(), meeting)?;
        let text = validate::required_text("text", text, 2_000, "schrijf op wat er moet gebeuren")?;
        let due = validate::optional_date("due", due)?;
        let owner = known_owner(self.conn(), owner)?;
        let id = self.write(|w| {
            add_action_item_in(
                w,
                meeting,
                agenda_item,
                &text,
                owner,
                due,
                ActionItemStatus::Open,
            )
        })?;
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
        self.action_item(id)?;
        let today = self.today();
        self.write(|w| {
            w.set(&ACTION_ITEM, id, "status", status.code())?;
            let done = (status == ActionItemStatus::Gedaan).then(|| today.to_string());
            w.set(&ACTION_ITEM, id, "done_on", done).map(drop)
        })?;
        self.action_item(id)
    }

    /// Change an action item's text, owner or due date.
    pub fn update_action_item(&mut self, id: Uuid, input: &ActionItemInput) -> Result<ActionItem> {
        self.action_item(id)?;
        let text = match &input.text {
            Some(t) => Some(validate::required_text(
                "text",
                t,
                2_000,
                "schrijf op wat er moet gebeuren",
            )?),
            None => None,
        };
        let owner = match input.owner {
            Some(o) => Some(known_owner(self.conn(), Some(o))?),
            None => None,
        };
        let due = match &input.due {
            Some(d) => Some(validate::optional_date("due", Some(d))?),
            None => None,
        };
        self.write(|w| {
            if let Some(text) = text {
                w.set(&ACTION_ITEM, id, "text", text)?;
            }
            if let Some(owner) = owner {
                w.set(&ACTION_ITEM, id, "owner", owner.to_string())?;
            }
            if let Some(due) = due {
                w.set(&ACTION_ITEM, id, "due", due.map(|d| d.to_string()))?;
            }
            Ok(())
        })?;
        self.action_item(id)
    }

    /// Remove an action item entered by mistake (one that no longer
    /// matters is *vervallen* instead, and stays visible).
    pub fn delete_action_item(&mut self, id: Uuid) -> Result<()> {
        self.action_item(id)?;
        self.write(|w| w.set_deleted(&ACTION_ITEM, id, true).map(drop))
    }

    /// Change a decision's text.
    pub fn update_decision(&mut self, id: Uuid, text: &str) -> Result<Decision> {
        self.decision(id)?;
        let text = validate::required_text("text", text, 5_000, "schrijf het besluit op")?;
        self.write(|w| w.set(&DECISION, id, "text", text).map(drop))?;
        self.decision(id)
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
        self.write(|w| {
            for d in &decisions {
                w.set(&DECISION, *d, "agenda_item", "")?;
            }
            for a in &items {
                w.set(&ACTION_ITEM, *a, "agenda_item", "")?;
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

/// One contact person or living organisation, required.
fn known_owner(conn: &rusqlite::Connection, owner: Option<Uuid>) -> Result<Uuid> {
    let owner = owner.ok_or_else(|| {
        Error::validation(
            "owner",
            ValidationCode::Required,
            "kies wie het oppakt: één persoon of organisatie",
        )
    })?;
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
    Ok(owner)
}

fn write_agenda_item(w: &mut Writer, id: Uuid, input: &AgendaItemInput, new: bool) -> Result<()> {
    if let Some(title) = &input.title {
        let title = validate::required_text("title", title, 300, "geef het agendapunt een titel")?;
        w.set(&AGENDA_ITEM, id, "title", title)?;
    } else if new {
        return Err(Error::validation(
            "title",
            ValidationCode::Required,
            "geef het agendapunt een titel",
        ));
    }
    if let Some(minutes) = input.duration_min {
        w.set(&AGENDA_ITEM, id, "duration_min", minutes)?;
    }
    if let Some(p) = &input.presenter {
        let p = optional_ref(w, "presenter", p, "contacts", "contactpersoon")?;
        w.set(&AGENDA_ITEM, id, "presenter", p)?;
    }
    if let Some(a) = &input.action {
        let a = optional_ref(w, "action", a, "actions", "actie")?;
        w.set(&AGENDA_ITEM, id, "action", a)?;
    }
    if let Some(minutes) = &input.minutes {
        let minutes = validate::optional_text("minutes", minutes, 100_000)?;
        w.set(&AGENDA_ITEM, id, "minutes", minutes)?;
    }
    if let Some(confidential) = input.confidential {
        w.set(&AGENDA_ITEM, id, "confidential", confidential)?;
    }
    Ok(())
}

const AGENDA_SELECT: &str =
    "SELECT id, meeting, title, duration_min, presenter, action, minutes, confidential FROM agenda_items";

fn agenda_item_from_row(r: &Row) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: rows::uuid(r, 0)?,
        meeting: rows::uuid(r, 1)?,
        title: r.get(2)?,
        duration_min: r.get(3)?,
        presenter: optional_uuid(r, 4)?,
        action: optional_uuid(r, 5)?,
        minutes: r.get(6)?,
        confidential: r.get(7)?,
    })
}

fn decision_from_row(r: &Row) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: rows::uuid(r, 0)?,
        meeting: rows::uuid(r, 1)?,
        agenda_item: optional_uuid(r, 2)?,
        text: r.get(3)?,
        follow_up: r.get::<_, String>(4)?.parse().unwrap_or(FollowUp::Open),
        follow_up_note: r.get(5)?,
    })
}
