//! `wieg group|gathering`: who takes part, on the command line. Parents'
//! groups are counted per year, never named; a gathering's numbers are set
//! per organisation (by name or id), an intervention by name or id.

use clap::Subcommand;
use uuid::Uuid;
use wieg::plan::{
    GatheringFilter, GatheringInput, GatheringKind, GroupKind, ParentGroupInput,
    ParentGroupYearInput, TurnoutInput,
};
use wieg::{Result, Workspace};

use crate::plan::id;
use crate::print_json;

#[derive(Subcommand)]
pub enum GroupCommand {
    /// A parents' group (ouderpanel, ervaringsdeskundigen …)
    Add {
        #[arg(long)]
        name: String,
        /// ouderpanel, ervaringsdeskundigen, klankbordgroep or anders
        #[arg(long)]
        kind: Option<GroupKind>,
        /// What the group does for the coalition
        #[arg(long)]
        role: Option<String>,
        /// An action it takes part in (id); may be repeated
        #[arg(long = "action")]
        actions: Vec<String>,
        /// A meeting it took part in (id); may be repeated
        #[arg(long = "meeting")]
        meetings: Vec<String>,
    },
    /// How many parents took part in a year (replaces that year's count)
    Year {
        group: String,
        year: String,
        #[arg(long)]
        members: String,
        /// How often the group met that year
        #[arg(long)]
        sessions: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    Delete {
        id: String,
    },
}

#[derive(Subcommand)]
pub enum GatheringCommand {
    /// A network day or a training
    Add {
        #[arg(long)]
        title: String,
        #[arg(long)]
        date: String,
        /// netwerkbijeenkomst or scholing
        #[arg(long)]
        kind: Option<GatheringKind>,
        /// For a training: the intervention (name or id)
        #[arg(long)]
        intervention: Option<String>,
        #[arg(long)]
        place: Option<String>,
        /// The plan's action it belongs to (id)
        #[arg(long)]
        action: Option<String>,
    },
    /// One organisation's numbers (replaces what it had)
    Turnout {
        gathering: String,
        /// Organisation, by name or id
        #[arg(long)]
        organisation: String,
        #[arg(long, default_value = "0")]
        registered: String,
        /// Came, or for a training: trained
        #[arg(long, default_value = "0")]
        attended: String,
        /// New to the network that day
        #[arg(long)]
        welcomed: bool,
    },
    List {
        #[arg(long)]
        kind: Option<GatheringKind>,
        /// From this date on (2026-01-31)
        #[arg(long)]
        from: Option<chrono::NaiveDate>,
        /// Up to and including this date
        #[arg(long)]
        to: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    Delete {
        id: String,
    },
}

fn ids(texts: &[String], what: &str) -> Result<Option<Vec<Uuid>>> {
    if texts.is_empty() {
        return Ok(None);
    }
    texts
        .iter()
        .map(|t| id(t, what))
        .collect::<Result<_>>()
        .map(Some)
}

pub fn group(ws: &mut Workspace, cmd: GroupCommand) -> Result<()> {
    match cmd {
        GroupCommand::Add {
            name,
            kind,
            role,
            actions,
            meetings,
        } => {
            let g = ws.create_parent_group(&ParentGroupInput {
                name: Some(name),
                kind,
                role,
                actions: ids(&actions, "actie")?,
                meetings: ids(&meetings, "overleg")?,
                years: None,
            })?;
            println!("{}", g.id);
        }
        GroupCommand::Year {
            group,
            year,
            members,
            sessions,
        } => {
            let g = ws.set_parent_group_year(&ParentGroupYearInput {
                parent_group: Some(id(&group, "groep")?),
                year: Some(year),
                members: Some(members),
                sessions,
            })?;
            println!("{}: {} jaar geteld", g.name, g.years.len());
        }
        GroupCommand::List { json } => {
            let list = ws.list_parent_groups()?;
            if json {
                return print_json(&list);
            }
            for g in &list {
                let years: Vec<String> = g
                    .years
                    .iter()
                    .map(|y| format!("{}: {}", y.year, y.members))
                    .collect();
                println!(
                    "{}  {} ({})  ouders per jaar: {}  acties: {}  overleggen: {}",
                    g.id,
                    g.name,
                    g.kind.label(),
                    if years.is_empty() {
                        "—".to_string()
                    } else {
                        years.join(", ")
                    },
                    g.actions.len(),
                    g.meetings.len()
                );
            }
        }
        GroupCommand::Delete { id: text } => ws.delete_parent_group(id(&text, "groep")?)?,
    }
    Ok(())
}

pub fn gathering(ws: &mut Workspace, cmd: GatheringCommand) -> Result<()> {
    match cmd {
        GatheringCommand::Add {
            title,
            date,
            kind,
            intervention,
            place,
            action,
        } => {
            let intervention = intervention
                .map(|i| ws.find_intervention(&i).map(|i| i.id.to_string()))
                .transpose()?;
            let g = ws.create_gathering(&GatheringInput {
                title: Some(title),
                date: Some(date),
                kind,
                intervention,
                place,
                action: action
                    .map(|a| id(&a, "actie").map(|a| a.to_string()))
                    .transpose()?,
                ..Default::default()
            })?;
            println!("{}", g.id);
        }
        GatheringCommand::Turnout {
            gathering,
            organisation,
            registered,
            attended,
            welcomed,
        } => {
            let gathering = ws.gathering(id(&gathering, "bijeenkomst")?)?;
            let organisation = ws.find_organisation(&organisation)?.id;
            let mut rows: Vec<TurnoutInput> = gathering
                .turnout
                .iter()
                .filter(|t| t.organisation != organisation)
                .map(|t| TurnoutInput {
                    organisation: Some(t.organisation),
                    registered: Some(t.registered.to_string()),
                    attended: Some(t.attended.to_string()),
                    welcomed: Some(t.welcomed),
                    ..Default::default()
                })
                .collect();
            rows.push(TurnoutInput {
                organisation: Some(organisation),
                registered: Some(registered),
                attended: Some(attended),
                welcomed: Some(welcomed),
                ..Default::default()
            });
            let g = ws.update_gathering(
                gathering.id,
                &GatheringInput {
                    turnout: Some(rows),
                    ..Default::default()
                },
            )?;
            println!(
                "{}: {} aangemeld, {} aanwezig, {} nieuw in het netwerk",
                g.title, g.registered, g.attended, g.welcomed
            );
        }
        GatheringCommand::List {
            kind,
            from,
            to,
            json,
        } => {
            let list = ws.list_gatherings(&GatheringFilter { kind, from, to })?;
            if json {
                return print_json(&list);
            }
            for g in &list {
                println!(
                    "{}  {}  {} ({})  {} aangemeld, {} {}, {} organisaties, {} nieuw",
                    g.id,
                    g.date
                        .map(|d| d.format("%d-%m-%Y").to_string())
                        .unwrap_or_default(),
                    g.title,
                    g.kind.label().to_lowercase(),
                    g.registered,
                    g.attended,
                    if g.kind == GatheringKind::Scholing {
                        "getraind"
                    } else {
                        "aanwezig"
                    },
                    g.turnout.len(),
                    g.welcomed
                );
            }
            for t in ws.trained(&list)? {
                println!(
                    "Getraind in {}: {} professionals van {} organisaties",
                    t.name, t.professionals, t.organisations
                );
            }
        }
        GatheringCommand::Delete { id: text } => ws.delete_gathering(id(&text, "bijeenkomst")?)?,
    }
    Ok(())
}
