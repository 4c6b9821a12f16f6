//! `wieg meeting|minutes|actionitem|search`: meetings on the command line.
//! Meetings are named by id; persons and organisations by name or id.

use clap::Subcommand;
use uuid::Uuid;
use wieg::meetings::{
    ActionItemFilter, ActionItemInput, ActionItemStatus, AgendaItemInput, DecisionInput,
    MeetingInput, MeetingKind, MATCH_END, MATCH_START,
};
use wieg::{Error, Result, Workspace};

use crate::print_json;

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// Plan a meeting (or, with --from, the next one after an earlier meeting)
    Add {
        #[arg(long, required_unless_present = "from")]
        title: Option<String>,
        /// stuurgroep, werkgroep, netwerkbijeenkomst or overig
        #[arg(long)]
        kind: Option<MeetingKind>,
        #[arg(long)]
        date: String,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        location: Option<String>,
        /// Invited contact persons, comma-separated (names or ids)
        #[arg(long)]
        invite: Option<String>,
        /// Agenda items, separated by |
        #[arg(long)]
        agenda: Option<String>,
        /// Take kind, attendees and agenda from this earlier meeting
        #[arg(long, value_name = "MEETING")]
        from: Option<Uuid>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// Agenda, minutes, decisions, action items and the open ones from earlier
    Show {
        id: Uuid,
        #[arg(long)]
        json: bool,
    },
    /// Record a decision
    Decide {
        id: Uuid,
        #[arg(long)]
        text: String,
    },
}

#[derive(Subcommand)]
pub enum ActionItemCommand {
    Add {
        /// The meeting it was agreed in
        #[arg(long)]
        meeting: Uuid,
        #[arg(long)]
        text: String,
        /// One contact person or organisation (name or id)
        #[arg(long)]
        owner: String,
        #[arg(long)]
        due: Option<String>,
    },
    /// Open action items (all meetings)
    List {
        #[arg(long)]
        json: bool,
        #[arg(long)]
        overdue: bool,
        #[arg(long)]
        kind: Option<MeetingKind>,
    },
    Done {
        id: Uuid,
    },
}

/// A contact person (by name or id), or else an organisation.
fn owner(ws: &Workspace, key: &str) -> Result<Uuid> {
    let wanted = wieg::vocabulary::fold(key.trim());
    if let Some(c) = ws
        .list_contacts(&Default::default())?
        .into_iter()
        .find(|c| c.id.to_string() == key.trim() || wieg::vocabulary::fold(&c.name) == wanted)
    {
        return Ok(c.id);
    }
    ws.find_organisation(key).map(|o| o.id)
}

pub fn meeting(ws: &mut Workspace, cmd: MeetingCommand) -> Result<()> {
    match cmd {
        MeetingCommand::Add {
            title,
            kind,
            date,
            start,
            end,
            location,
            invite,
            agenda,
            from,
        } => {
            let m = match from {
                Some(previous) => ws.create_meeting_from(previous, &date)?,
                None => {
                    let invited = invite
                        .map(|list| {
                            list.split(',')
                                .map(str::trim)
                                .filter(|s| !s.is_empty())
                                .map(|p| owner(ws, p))
                                .collect::<Result<Vec<_>>>()
                        })
                        .transpose()?;
                    ws.create_meeting(&MeetingInput {
                        title,
                        kind,
                        date: Some(date),
                        start_time: start,
                        end_time: end,
                        location,
                        invited,
                        ..Default::default()
                    })?
                }
            };
            for item in agenda
                .iter()
                .flat_map(|a| a.split('|'))
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                ws.add_agenda_item(&AgendaItemInput {
                    meeting: Some(m.id),
                    title: Some(item.to_string()),
                    ..Default::default()
                })?;
            }
            println!("{}", m.id);
        }
        MeetingCommand::List { json } => {
            let list = ws.list_meetings()?;
            if json {
                return print_json(&list);
            }
            for m in &list {
                let date = m
                    .date
                    .map(|d| d.format("%d-%m-%Y").to_string())
                    .unwrap_or_default();
                println!(
                    "{}  {date} {}  {} ({}, {})",
                    m.id, m.start_time, m.title, m.kind, m.status
                );
            }
        }
        MeetingCommand::Show { id, json } => {
            let d = ws.meeting_detail(id)?;
            if json {
                return print_json(&d);
            }
            let date = d
                .meeting
                .date
                .map(|d| d.format("%d-%m-%Y").to_string())
                .unwrap_or_default();
            println!(
                "{} — {date} {}–{}",
                d.meeting.title, d.meeting.start_time, d.meeting.end_time
            );
            for a in &d.attendees {
                println!("  {} ({}): {}", a.name, a.organisation, a.attendance);
            }
            for (i, item) in d.agenda.iter().enumerate() {
                println!("{}. {}  [{}]", i + 1, item.title, item.id);
                for line in item.minutes.lines() {
                    println!("     {line}");
                }
            }
            for dec in &d.decisions {
                println!("Besluit: {} [{}]", dec.text, dec.follow_up);
            }
            for a in &d.action_items {
                println!("Actiepunt: {} — {} [{}]", a.text, a.owner_name, a.status);
            }
            if !d.open_from_earlier.is_empty() {
                println!("Openstaande actiepunten van eerder:");
                for a in &d.open_from_earlier {
                    println!("  {} — {}", a.text, a.owner_name);
                }
            }
        }
        MeetingCommand::Decide { id, text } => {
            let d = ws.add_decision(&DecisionInput {
                meeting: Some(id),
                text: Some(text),
                ..Default::default()
            })?;
            println!("{}", d.id);
        }
    }
    Ok(())
}

/// `wieg minutes set MEETING ITEM --file F`: the item by number or id.
pub fn set_minutes(
    ws: &mut Workspace,
    meeting: Uuid,
    item: &str,
    file: &std::path::Path,
) -> Result<()> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    let agenda = ws.meeting_detail(meeting)?.agenda;
    let found = match item.trim().parse::<usize>() {
        Ok(n) => agenda.get(n.wrapping_sub(1)),
        Err(_) => agenda.iter().find(|a| a.id.to_string() == item.trim()),
    };
    let item = found.ok_or(Error::NotFound {
        what: "agendapunt",
        id: item.to_string(),
    })?;
    ws.update_agenda_item(
        item.id,
        &AgendaItemInput {
            minutes: Some(text),
            ..Default::default()
        },
    )?;
    println!("Notulen bij {:?} opgeslagen.", item.title);
    Ok(())
}

pub fn action_item(ws: &mut Workspace, cmd: ActionItemCommand) -> Result<()> {
    match cmd {
        ActionItemCommand::Add {
            meeting,
            text,
            owner: who,
            due,
        } => {
            let who = owner(ws, &who)?;
            let item = ws.add_action_item(&ActionItemInput {
                meeting: Some(meeting),
                text: Some(text),
                owner: Some(who.to_string()),
                due,
                ..Default::default()
            })?;
            println!("{}", item.id);
        }
        ActionItemCommand::List {
            json,
            overdue,
            kind,
        } => {
            let items = ws.list_action_items(&ActionItemFilter {
                kind,
                overdue_only: Some(overdue),
                ..Default::default()
            })?;
            if json {
                return print_json(&items);
            }
            for a in &items {
                let due = a
                    .due
                    .map(|d| format!("vóór {}", d.format("%d-%m-%Y")))
                    .unwrap_or_else(|| "geen datum".into());
                let late = if a.overdue { "  [te laat]" } else { "" };
                println!("{}  {}  — {} ({due}){late}", a.id, a.text, a.owner_name);
            }
        }
        ActionItemCommand::Done { id } => {
            let a = ws.set_action_item_status(id, ActionItemStatus::Gedaan)?;
            println!("Gedaan: {}", a.text);
        }
    }
    Ok(())
}

pub fn search(ws: &Workspace, query: &str, json: bool) -> Result<()> {
    let hits = ws.search(query, 50)?;
    if json {
        return print_json(&hits);
    }
    for h in &hits {
        let date = h
            .meeting_date
            .map(|d| d.format("%d-%m-%Y").to_string())
            .unwrap_or_default();
        let snippet = h.snippet.replace(MATCH_START, "[").replace(MATCH_END, "]");
        println!("{date}  {}  ({})  {snippet}", h.meeting_title, h.kind);
    }
    if hits.is_empty() {
        println!("Niets gevonden voor {query:?}.");
    }
    Ok(())
}
