//! `wieg plan|pillar|goal|action|intervention|rollout`: the action plan on
//! the command line. Pillars are named by their number in the current plan
//! (or id); organisations, municipalities and interventions by name or id.

use clap::{Args, Subcommand};
use uuid::Uuid;
use wieg::plan::{
    ActionFilter, ActionInput, ActionNoteInput, ActionStatus, GoalInput, IndicatorValueInput,
    InterventionInput, MilestoneInput, NationalGoal, Pillar, PillarInput, Plan, PlanInput,
    PlanStatus, RolloutInput, RolloutStatus,
};
use wieg::{Error, Result, Workspace};

use crate::print_json;

#[derive(Subcommand)]
pub enum PlanCommand {
    /// The current plan: pillars, goals and actions
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Start a plan (with the four usual pillars)
    Create {
        #[arg(long)]
        title: String,
        /// First year, e.g. 2024
        #[arg(long)]
        from: Option<i32>,
        /// Last year, e.g. 2027
        #[arg(long)]
        to: Option<i32>,
    },
    /// Change the current plan
    Set {
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        from: Option<i32>,
        #[arg(long)]
        to: Option<i32>,
        /// concept or vastgesteld
        #[arg(long)]
        status: Option<PlanStatus>,
        #[arg(long)]
        vision: Option<String>,
        #[arg(long)]
        ambition: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum PillarCommand {
    Add {
        #[arg(long)]
        title: String,
        #[arg(long, default_value = "")]
        description: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename or describe a pillar (by number or id)
    Set {
        pillar: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    /// Move a pillar to another number
    Move {
        pillar: String,
        #[arg(long)]
        to: u32,
    },
    /// Delete a pillar without actions
    Rm { pillar: String },
}

#[derive(Subcommand)]
pub enum GoalCommand {
    Add {
        /// The pillar's number or id
        #[arg(long)]
        pillar: String,
        /// The SMART formulation
        #[arg(long)]
        text: String,
        /// National goals, comma-separated ("minder onbedoelde zwangerschappen")
        #[arg(long)]
        national: Option<String>,
        #[arg(long)]
        target: Option<String>,
        #[arg(long)]
        target_date: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// A measurable target of a goal: an indicator, or a count Wieg keeps
    Target {
        /// The goal's id
        goal: String,
        /// indicator, "interventie actief" or "convenant getekend"
        #[arg(long)]
        measure: wieg::plan::TargetMeasure,
        /// The indicator (name or id), for --measure indicator
        #[arg(long)]
        indicator: Option<String>,
        /// The intervention (name or id), for --measure "interventie actief"
        #[arg(long)]
        intervention: Option<String>,
        /// One municipality (name or CBS code); the whole region when left out
        #[arg(long)]
        gemeente: Option<String>,
        /// e.g. 12,5
        #[arg(long)]
        baseline: Option<String>,
        #[arg(long)]
        baseline_year: Option<i32>,
        #[arg(long)]
        target: String,
        #[arg(long)]
        target_year: Option<i32>,
    },
    /// Every target of the current plan's goals, and where the coalition stands
    Targets {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct ActionFields {
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    description: Option<String>,
    /// The kartrekker organisation (name or id; "" for none)
    #[arg(long)]
    owner: Option<String>,
    /// The person who pulls it, at the kartrekker (contact id; "" for none);
    /// alone, their organisation becomes the kartrekker
    #[arg(long)]
    lead: Option<String>,
    /// Partner organisations, comma-separated
    #[arg(long)]
    partners: Option<String>,
    /// Municipalities, comma-separated (name or CBS code)
    #[arg(long)]
    gemeenten: Option<String>,
    /// idee, gepland, loopt, afgerond or gestopt
    #[arg(long)]
    status: Option<ActionStatus>,
    #[arg(long)]
    start: Option<String>,
    #[arg(long)]
    end: Option<String>,
    /// Euros, e.g. 12.500 or "€ 1.250,50"
    #[arg(long)]
    budget: Option<String>,
    #[arg(long)]
    funding: Option<String>,
    /// A goal id ("" for none)
    #[arg(long)]
    goal: Option<String>,
}

#[derive(Subcommand)]
pub enum ActionCommand {
    Add {
        /// The pillar's number or id
        #[arg(long)]
        pillar: String,
        #[command(flatten)]
        fields: ActionFields,
    },
    Set {
        id: Uuid,
        /// Move to another pillar (number or id)
        #[arg(long)]
        pillar: Option<String>,
        #[command(flatten)]
        fields: ActionFields,
    },
    List {
        #[arg(long)]
        json: bool,
        #[arg(long)]
        pillar: Option<String>,
        #[arg(long)]
        status: Option<ActionStatus>,
        #[arg(long)]
        gemeente: Option<String>,
        /// Owner or partner
        #[arg(long)]
        org: Option<String>,
    },
    /// Add a milestone in a quarter (2025-K2)
    Milestone {
        id: Uuid,
        #[arg(long)]
        quarter: String,
        #[arg(long)]
        title: String,
    },
    /// Add a dated progress note
    Note {
        id: Uuid,
        #[arg(long)]
        date: String,
        #[arg(long)]
        text: String,
    },
    Rm {
        id: Uuid,
    },
}

#[derive(Subcommand)]
pub enum InterventionCommand {
    Add {
        #[arg(long)]
        name: String,
        /// voor de zwangerschap, tijdens de zwangerschap or na de geboorte
        #[arg(long)]
        line: wieg::plan::ActionLine,
        #[arg(long)]
        group: Option<String>,
        #[arg(long)]
        description: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub enum RolloutCommand {
    /// Set where an intervention stands in a municipality
    Set {
        gemeente: String,
        interventie: String,
        /// niet gestart, in voorbereiding, actief or gestopt
        status: RolloutStatus,
        /// The providing organisation (name or id)
        #[arg(long)]
        provider: Option<String>,
        #[arg(long)]
        since: Option<String>,
        /// Trajecten per year, planned
        #[arg(long)]
        target: Option<u32>,
        /// Trajecten per year, reached
        #[arg(long)]
        actual: Option<u32>,
    },
    /// Municipalities × interventions
    Matrix {
        #[arg(long)]
        json: bool,
    },
}

fn current(ws: &Workspace) -> Result<Plan> {
    ws.current_plan()?.ok_or_else(|| {
        Error::InvalidInput("er is nog geen actieplan; begin met `wieg plan create`".into())
    })
}

fn pillar(ws: &Workspace, key: &str) -> Result<Pillar> {
    let plan = current(ws)?;
    let pillars = ws.pillars(plan.id)?;
    let found = match key.trim().parse::<u32>() {
        Ok(n) => pillars.into_iter().find(|p| p.number == n),
        Err(_) => {
            let id = Uuid::try_parse(key.trim()).ok();
            pillars.into_iter().find(|p| Some(p.id) == id)
        }
    };
    found.ok_or(Error::NotFound {
        what: "pijler",
        id: key.to_string(),
    })
}

fn organisations(ws: &Workspace, list: &str) -> Result<Vec<Uuid>> {
    split(list)
        .map(|o| ws.find_organisation(o).map(|o| o.id))
        .collect()
}

fn municipalities(ws: &Workspace, list: &str) -> Result<Vec<Uuid>> {
    split(list)
        .map(|m| ws.find_municipality(m).map(|m| m.id))
        .collect()
}

fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Euros the Dutch way, whole euros without their cents.
fn euros(cents: i64) -> String {
    let text = wieg::export::dutch::euros(cents);
    text.strip_suffix(",00").map(str::to_string).unwrap_or(text)
}

pub(crate) fn id(text: &str, what: &str) -> Result<Uuid> {
    Uuid::try_parse(text.trim())
        .map_err(|_| Error::InvalidInput(format!("{text:?} is geen {what}-id")))
}

impl ActionFields {
    fn input(self, ws: &Workspace, pillar: Option<Uuid>) -> Result<ActionInput> {
        let owner = match self.owner.as_deref().map(str::trim) {
            Some("") => Some(String::new()),
            Some(o) => Some(ws.find_organisation(o)?.id.to_string()),
            None => None,
        };
        Ok(ActionInput {
            pillar,
            goal: self.goal,
            title: self.title,
            description: self.description,
            owner,
            owner_contact: self.lead,
            partners: self.partners.map(|p| organisations(ws, &p)).transpose()?,
            municipalities: self.gemeenten.map(|m| municipalities(ws, &m)).transpose()?,
            status: self.status,
            start_date: self.start,
            end_date: self.end,
            budget_cents: self.budget,
            funding: self.funding,
        })
    }
}

pub fn plan(ws: &mut Workspace, cmd: PlanCommand) -> Result<()> {
    match cmd {
        PlanCommand::Create { title, from, to } => {
            let plan = ws.create_plan(&PlanInput {
                title: Some(title),
                period_start: from.map(Some),
                period_end: to.map(Some),
                ..Default::default()
            })?;
            println!("{}", plan.id);
        }
        PlanCommand::Set {
            title,
            from,
            to,
            status,
            vision,
            ambition,
        } => {
            let id = current(ws)?.id;
            let plan = ws.update_plan(
                id,
                &PlanInput {
                    title,
                    period_start: from.map(Some),
                    period_end: to.map(Some),
                    status,
                    vision,
                    ambition,
                    ..Default::default()
                },
            )?;
            println!("Bijgewerkt: {}", plan.title);
        }
        PlanCommand::Show { json } => {
            let plan = current(ws)?;
            let overview = ws.plan_overview(plan.id, &ActionFilter::default())?;
            if json {
                return print_json(&overview);
            }
            let period = match (plan.period_start, plan.period_end) {
                (Some(a), Some(b)) => format!(" ({a}–{b})"),
                _ => String::new(),
            };
            println!("{}{period} — {}", plan.title, plan.status);
            for p in &overview.pillars {
                println!(
                    "\nPijler {}: {} — {} acties, budget {}",
                    p.pillar.number,
                    p.pillar.title,
                    p.actions.len(),
                    euros(p.budget_cents)
                );
                for g in &p.goals {
                    println!("  doel: {}", g.text);
                }
                for a in &p.actions {
                    let late = if a.overdue { "  [te laat]" } else { "" };
                    println!("  {}  {}  [{}]{late}", a.id, a.title, a.status);
                }
            }
        }
    }
    Ok(())
}

pub fn pillar_cmd(ws: &mut Workspace, cmd: PillarCommand) -> Result<()> {
    match cmd {
        PillarCommand::Add { title, description } => {
            let plan = current(ws)?.id;
            let p = ws.create_pillar(&PillarInput {
                plan: Some(plan),
                title: Some(title),
                description: Some(description),
            })?;
            println!("Pijler {}: {}", p.number, p.title);
        }
        PillarCommand::List { json } => {
            let pillars = ws.pillars(current(ws)?.id)?;
            if json {
                return print_json(&pillars);
            }
            for p in &pillars {
                println!("{}  {}", p.number, p.title);
            }
        }
        PillarCommand::Set {
            pillar: key,
            title,
            description,
        } => {
            let id = pillar(ws, &key)?.id;
            let p = ws.update_pillar(
                id,
                &PillarInput {
                    title,
                    description,
                    ..Default::default()
                },
            )?;
            println!("Pijler {}: {}", p.number, p.title);
        }
        PillarCommand::Move { pillar: key, to } => {
            let id = pillar(ws, &key)?.id;
            for p in ws.move_pillar(id, to)? {
                println!("{}  {}", p.number, p.title);
            }
        }
        PillarCommand::Rm { pillar: key } => {
            let p = pillar(ws, &key)?;
            ws.delete_pillar(p.id)?;
            println!("Verwijderd: {}", p.title);
        }
    }
    Ok(())
}

pub fn goal(ws: &mut Workspace, cmd: GoalCommand) -> Result<()> {
    match cmd {
        GoalCommand::Add {
            pillar: key,
            text,
            national,
            target,
            target_date,
        } => {
            let national = national
                .map(|n| {
                    split(&n)
                        .map(|g| {
                            g.parse::<NationalGoal>().map_err(|message| {
                                Error::validation(
                                    "national_goals",
                                    wieg::ValidationCode::InvalidChoice,
                                    message,
                                )
                            })
                        })
                        .collect::<Result<Vec<_>>>()
                })
                .transpose()?;
            let goal = ws.create_goal(&GoalInput {
                pillar: Some(pillar(ws, &key)?.id),
                text: Some(text),
                national_goals: national,
                target_value: target,
                target_date,
            })?;
            println!("{}", goal.id);
        }
        GoalCommand::List { json } => {
            let goals = ws.goals(current(ws)?.id)?;
            if json {
                return print_json(&goals);
            }
            for g in &goals {
                println!("{}  {}", g.id, g.text);
            }
        }
        GoalCommand::Target {
            goal,
            measure,
            indicator,
            intervention,
            gemeente,
            baseline,
            baseline_year,
            target,
            target_year,
        } => {
            let indicator = indicator
                .map(|i| ws.find_indicator(&i).map(|i| i.id.to_string()))
                .transpose()?;
            let intervention = intervention
                .map(|i| ws.find_intervention(&i).map(|i| i.id.to_string()))
                .transpose()?;
            let municipality = gemeente
                .map(|m| ws.find_municipality(&m).map(|m| m.id.to_string()))
                .transpose()?;
            let t = ws.create_goal_target(&wieg::plan::GoalTargetInput {
                goal: Some(id(&goal, "doel")?),
                measure: Some(measure),
                indicator,
                intervention,
                municipality,
                baseline,
                baseline_year: baseline_year.map(Some),
                target: Some(target),
                target_year: target_year.map(Some),
            })?;
            println!("{}  {}: nu {}", t.target.id, t.label, t.shown);
        }
        GoalCommand::Targets { json } => {
            let plan = current(ws)?;
            let goals: Vec<Uuid> = ws.goals(plan.id)?.iter().map(|g| g.id).collect();
            let targets = ws.goal_targets(&goals)?;
            if json {
                return print_json(&targets);
            }
            let figure = |v: Option<i64>, year: Option<i32>| match (v, year) {
                (Some(v), Some(y)) => format!("{} ({y})", wieg::plan::figure(v)),
                (Some(v), None) => wieg::plan::figure(v),
                _ => "—".into(),
            };
            for t in &targets {
                println!(
                    "{}: nulmeting {}, nu {}{}, streefwaarde {}{}",
                    t.label,
                    figure(t.target.baseline, t.target.baseline_year),
                    t.shown,
                    t.current_year
                        .map(|y| format!(" ({y})"))
                        .unwrap_or_default(),
                    figure(t.target.target, t.target.target_year),
                    t.progress_pct
                        .map(|p| format!(
                            " — {p} % op weg{}",
                            if t.reached { ", gehaald" } else { "" }
                        ))
                        .unwrap_or_default(),
                );
            }
        }
    }
    Ok(())
}

pub fn action(ws: &mut Workspace, cmd: ActionCommand) -> Result<()> {
    match cmd {
        ActionCommand::Add {
            pillar: key,
            fields,
        } => {
            let pillar = pillar(ws, &key)?.id;
            let input = fields.input(ws, Some(pillar))?;
            println!("{}", ws.create_action(&input)?.id);
        }
        ActionCommand::Set {
            id,
            pillar: key,
            fields,
        } => {
            let pillar = key.map(|k| pillar(ws, &k)).transpose()?.map(|p| p.id);
            let input = fields.input(ws, pillar)?;
            let a = ws.update_action(id, &input)?;
            println!("Bijgewerkt: {} [{}]", a.title, a.status);
        }
        ActionCommand::List {
            json,
            pillar: key,
            status,
            gemeente,
            org,
        } => {
            let filter = ActionFilter {
                plan: Some(current(ws)?.id),
                pillar: key.map(|k| pillar(ws, &k)).transpose()?.map(|p| p.id),
                status,
                municipality: gemeente
                    .map(|g| ws.find_municipality(&g))
                    .transpose()?
                    .map(|m| m.id),
                organisation: org
                    .map(|o| ws.find_organisation(&o))
                    .transpose()?
                    .map(|o| o.id),
                text: None,
            };
            let actions = ws.list_actions(&filter)?;
            if json {
                return print_json(&actions);
            }
            for a in &actions {
                let late = if a.overdue { "  [te laat]" } else { "" };
                println!(
                    "{}  {}  [{}]  {}{late}",
                    a.id,
                    a.title,
                    a.status,
                    euros(a.budget_cents)
                );
            }
        }
        ActionCommand::Milestone { id, quarter, title } => {
            let a = ws.add_milestone(&MilestoneInput {
                action: Some(id),
                quarter: Some(quarter),
                title: Some(title),
                done: None,
            })?;
            println!("{} mijlpalen", a.milestones.len());
        }
        ActionCommand::Note { id, date, text } => {
            let a = ws.add_action_note(&ActionNoteInput {
                action: Some(id),
                date: Some(date),
                text: Some(text),
            })?;
            println!("{} notities", a.notes.len());
        }
        ActionCommand::Rm { id } => {
            ws.delete_action(id)?;
            println!("Verwijderd.");
        }
    }
    Ok(())
}

pub fn intervention(ws: &mut Workspace, cmd: InterventionCommand) -> Result<()> {
    match cmd {
        InterventionCommand::Add {
            name,
            line,
            group,
            description,
        } => {
            let i = ws.create_intervention(&InterventionInput {
                name: Some(name),
                action_line: Some(line),
                target_group: group,
                description,
            })?;
            println!("{}", i.id);
        }
        InterventionCommand::List { json } => {
            let list = ws.list_interventions()?;
            if json {
                return print_json(&list);
            }
            for i in &list {
                println!("{}  {}  ({})", i.id, i.name, i.action_line);
            }
        }
    }
    Ok(())
}

pub fn rollout(ws: &mut Workspace, cmd: RolloutCommand) -> Result<()> {
    match cmd {
        RolloutCommand::Set {
            gemeente,
            interventie,
            status,
            provider,
            since,
            target,
            actual,
        } => {
            let m = ws.find_municipality(&gemeente)?;
            let i = ws.find_intervention(&interventie)?;
            let provider = provider
                .map(|p| ws.find_organisation(&p).map(|o| o.id.to_string()))
                .transpose()?;
            let cell = ws.set_rollout(
                m.id,
                i.id,
                &RolloutInput {
                    status: Some(status),
                    provider,
                    since,
                    target_per_year: target.map(Some),
                    actual_per_year: actual.map(Some),
                },
            )?;
            println!("{} in {}: {}", i.name, m.name, cell.status);
        }
        RolloutCommand::Matrix { json } => {
            let matrix = ws.rollout_matrix()?;
            if json {
                return print_json(&matrix);
            }
            for i in &matrix.interventions {
                let active: Vec<&str> = matrix
                    .cells
                    .iter()
                    .filter(|c| c.intervention == i.id && c.status == RolloutStatus::Actief)
                    .filter_map(|c| {
                        matrix
                            .municipalities
                            .iter()
                            .find(|m| m.id == c.municipality)
                            .map(|m| m.name.as_str())
                    })
                    .collect();
                println!(
                    "{}: actief in {} van {} gemeenten{}{}",
                    i.name,
                    i.active,
                    matrix.municipalities.len(),
                    if active.is_empty() { "" } else { " — " },
                    active.join(", ")
                );
            }
        }
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum FundingCommand {
    /// Record a grant
    Add {
        /// gemeente, provincie, rijk/spuk, zorgverzekeraar, fonds or anders
        #[arg(long)]
        kind: wieg::plan::FunderKind,
        #[arg(long)]
        funder: String,
        /// Euros, e.g. 130.680
        #[arg(long)]
        amount: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// The date the report is due
        #[arg(long)]
        deadline: Option<String>,
        #[arg(long)]
        purpose: Option<String>,
        /// Action ids it pays for, comma-separated
        #[arg(long)]
        actions: Option<String>,
    },
    /// Every grant with what was paid and committed on it, and what is left
    List {
        #[arg(long)]
        json: bool,
    },
    /// Granted against budgeted and spent per pillar of the current plan
    Overview {
        #[arg(long)]
        json: bool,
    },
    /// Where a grant's report to the funder stands
    Report {
        funding: String,
        /// open, ingediend or vastgesteld
        state: wieg::plan::ReportingState,
    },
}

#[derive(Subcommand)]
pub enum SpendingCommand {
    /// Book an amount paid (or committed, with --committed)
    Add {
        /// The grant it is charged to (left out: the action's only grant)
        #[arg(long)]
        funding: Option<String>,
        /// The action it was spent on
        #[arg(long)]
        action: Option<String>,
        #[arg(long)]
        date: String,
        /// Euros, e.g. 1.250,50
        #[arg(long)]
        amount: String,
        #[arg(long)]
        description: String,
        /// Committed (ordered, agreed), not yet paid
        #[arg(long)]
        committed: bool,
    },
    List {
        #[arg(long)]
        funding: Option<String>,
        #[arg(long)]
        action: Option<String>,
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

#[derive(Subcommand)]
pub enum IndicatorCommand {
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        unit: Option<String>,
        /// What is counted (teller)
        #[arg(long)]
        numerator: Option<String>,
        /// Out of what (noemer)
        #[arg(long)]
        denominator: Option<String>,
        /// RIVM Monitor Kansrijke Start, Perined, CBS …
        #[arg(long)]
        source: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    /// RIVM's national monitor indicators (teller, noemer, bron); --add NAME adds one
    Catalogue {
        #[arg(long)]
        add: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Values per municipality and year ("< 10" below ten persons)
    Show {
        indicator: String,
        #[arg(long)]
        json: bool,
    },
    /// Set one value
    Set {
        indicator: String,
        gemeente: String,
        jaar: String,
        teller: String,
        #[arg(default_value = "")]
        noemer: String,
    },
    /// Import values from CSV or Excel (columns Indicator, Gemeente, Jaar, Teller, Noemer)
    Import {
        file: std::path::PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn funding(ws: &mut Workspace, cmd: FundingCommand) -> Result<()> {
    match cmd {
        FundingCommand::Add {
            kind,
            funder,
            amount,
            from,
            to,
            deadline,
            purpose,
            actions,
        } => {
            let actions = actions
                .map(|list| {
                    split(&list)
                        .map(|a| {
                            Uuid::try_parse(a)
                                .map_err(|_| Error::InvalidInput(format!("{a:?} is geen actie-id")))
                        })
                        .collect::<Result<Vec<_>>>()
                })
                .transpose()?;
            let f = ws.create_funding(&wieg::plan::FundingInput {
                funder_kind: Some(kind),
                funder: Some(funder),
                amount_cents: Some(amount),
                period_start: from,
                period_end: to,
                purpose,
                reporting_deadline: deadline,
                actions,
                ..Default::default()
            })?;
            println!("{}", f.id);
        }
        FundingCommand::List { json } => {
            let list = ws.grant_balances()?;
            if json {
                return print_json(&list);
            }
            for g in &list {
                let f = &g.funding;
                let deadline = f
                    .reporting_deadline
                    .map(|d| {
                        format!(
                            ", verantwoorden vóór {} ({})",
                            d.format("%d-%m-%Y"),
                            f.reporting_state.label().to_lowercase()
                        )
                    })
                    .unwrap_or_default();
                let flag = g
                    .flag
                    .map(|flag| format!("  [{}]", flag.label().to_lowercase()))
                    .unwrap_or_default();
                println!(
                    "{}  {} ({})  {}  {} acties{deadline}\n    betaald {}, verplicht {}, over {}{flag}",
                    f.id,
                    f.funder,
                    f.funder_kind,
                    euros(f.amount_cents),
                    f.actions.len(),
                    euros(g.paid_cents),
                    euros(g.committed_cents),
                    euros(g.left_cents),
                );
            }
        }
        FundingCommand::Report { funding, state } => {
            let f = ws.update_funding(
                id(&funding, "financiering")?,
                &wieg::plan::FundingInput {
                    reporting_state: Some(state),
                    ..Default::default()
                },
            )?;
            println!(
                "{}: verantwoording {}",
                f.funder,
                f.reporting_state.label().to_lowercase()
            );
        }
        FundingCommand::Overview { json } => {
            let overview = ws.funding_overview(current(ws)?.id)?;
            if json {
                return print_json(&overview);
            }
            for p in &overview.pillars {
                println!(
                    "Pijler {}: begroot {}, toegekend {}, betaald {}, verplicht {}",
                    p.number,
                    euros(p.budgeted_cents),
                    euros(p.granted_cents),
                    euros(p.paid_cents),
                    euros(p.committed_cents)
                );
            }
            println!(
                "Totaal: begroot {}, toegekend {} (waarvan niet aan acties gekoppeld {})",
                euros(overview.budgeted_cents),
                euros(overview.granted_cents),
                euros(overview.unallocated_cents)
            );
        }
    }
    Ok(())
}

pub fn spending(ws: &mut Workspace, cmd: SpendingCommand) -> Result<()> {
    match cmd {
        SpendingCommand::Add {
            funding,
            action,
            date,
            amount,
            description,
            committed,
        } => {
            let s = ws.create_spending(&wieg::plan::SpendingInput {
                funding: funding
                    .map(|f| id(&f, "financiering").map(|f| f.to_string()))
                    .transpose()?,
                action: action
                    .map(|a| id(&a, "actie").map(|a| a.to_string()))
                    .transpose()?,
                date: Some(date),
                description: Some(description),
                amount_cents: Some(amount),
                state: committed.then_some(wieg::plan::SpendingState::Verplicht),
            })?;
            println!("{}", s.id);
        }
        SpendingCommand::List {
            funding,
            action,
            from,
            to,
            json,
        } => {
            let page = ws.spending_page(&wieg::plan::SpendingFilter {
                funding: funding.map(|f| id(&f, "financiering")).transpose()?,
                action: action.map(|a| id(&a, "actie")).transpose()?,
                from,
                to,
                state: None,
            })?;
            if json {
                return print_json(&page.spending);
            }
            for s in &page.spending {
                println!(
                    "{}  {}  {:>12}  {}{}",
                    s.id,
                    s.date
                        .map(|d| d.format("%d-%m-%Y").to_string())
                        .unwrap_or_default(),
                    euros(s.amount_cents),
                    s.description,
                    if s.state == wieg::plan::SpendingState::Verplicht {
                        " (verplicht)"
                    } else {
                        ""
                    }
                );
            }
            println!(
                "Betaald {}, verplicht {}",
                euros(page.paid_cents),
                euros(page.committed_cents)
            );
        }
        SpendingCommand::Delete { id: text } => ws.delete_spending(id(&text, "besteding")?)?,
    }
    Ok(())
}

pub fn indicator(ws: &mut Workspace, cmd: IndicatorCommand) -> Result<()> {
    match cmd {
        IndicatorCommand::Add {
            name,
            unit,
            numerator,
            denominator,
            source,
        } => {
            let i = ws.create_indicator(&wieg::plan::IndicatorInput {
                name: Some(name),
                unit,
                numerator_label: numerator,
                denominator_label: denominator,
                source,
                description: None,
            })?;
            println!("{}", i.id);
        }
        IndicatorCommand::List { json } => {
            let list = ws.list_indicators()?;
            if json {
                return print_json(&list);
            }
            for i in &list {
                println!("{}  {}  ({})", i.id, i.name, i.source);
            }
        }
        IndicatorCommand::Catalogue {
            add: Some(name), ..
        } => {
            let added = ws.add_monitor_indicator(&name)?;
            println!("{}", added.id);
        }
        IndicatorCommand::Catalogue { add: None, json } => {
            let catalogue = ws.monitor_catalogue()?;
            if json {
                return print_json(&catalogue);
            }
            for m in &catalogue {
                println!(
                    "{}{} ({})\n    teller: {}\n    noemer: {}\n    bron: {}",
                    if m.added { "[toegevoegd] " } else { "" },
                    m.name,
                    m.phase.label().to_lowercase(),
                    m.numerator_label,
                    m.denominator_label,
                    m.source
                );
            }
        }
        IndicatorCommand::Show { indicator, json } => {
            let id = ws.find_indicator(&indicator)?.id;
            let series = ws.indicator_series(id)?;
            if json {
                return print_json(&series);
            }
            println!("{}", series.indicator.name);
            for m in &series.municipalities {
                let points: Vec<String> = m
                    .points
                    .iter()
                    .map(|p| format!("{}: {}", p.year, p.shown))
                    .collect();
                println!("  {}  {}", m.name, points.join("  "));
            }
        }
        IndicatorCommand::Set {
            indicator,
            gemeente,
            jaar,
            teller,
            noemer,
        } => {
            let i = ws.find_indicator(&indicator)?;
            let m = ws.find_municipality(&gemeente)?;
            ws.set_indicator_value(&IndicatorValueInput {
                indicator: Some(i.id),
                municipality: Some(m.id),
                year: Some(jaar.clone()),
                numerator: Some(teller),
                denominator: Some(noemer),
            })?;
            println!("{} {} {}: opgeslagen", i.name, m.name, jaar);
        }
        IndicatorCommand::Import { file, dry_run } => {
            crate::import(ws, Some(file), dry_run, false, None, false)?;
        }
    }
    Ok(())
}
