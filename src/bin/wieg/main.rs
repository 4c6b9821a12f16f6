//! `wieg`: the Wieg core on the command line, for scripting, bulk jobs, CI
//! and coordinators who like a terminal. Errors go to stderr with a
//! non-zero exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

// Output into a closed pipe (`wieg org list | head`) ends the program
// quietly, where the standard macros would panic.
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

macro_rules! print {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

#[cfg(feature = "bench")]
mod bench;
mod mail;
mod meetings;
mod participation;
mod plan;
mod round;
use wieg::{Domain, OrgKind, Organisation, OrganisationFilter, OrganisationInput, Workspace};

#[derive(Parser)]
#[command(
    name = "wieg",
    version,
    about = "Wieg: de coalitie van Kansrijke Start, op de opdrachtregel"
)]
struct Cli {
    /// Data directory (default: the desktop app's)
    #[arg(long, global = true, env = "WIEG_DATA", value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum CoalitionCommand {
    /// Rename the coalition or set the day it began ("dagen onderweg" count
    /// from it; an empty --start counts from the day it was made in Wieg)
    Set {
        #[arg(long)]
        name: Option<String>,
        /// 2020-03-01 or 1-3-2020
        #[arg(long, value_name = "DATE")]
        start: Option<String>,
    },
}

#[derive(Subcommand)]
enum Command {
    /// Start a new coalition in an empty data directory
    Init {
        #[arg(long)]
        name: String,
    },
    /// Load the demo coalition into an empty data directory
    Demo,
    /// The coalition itself: its name and the day it began
    #[command(subcommand)]
    Coalition(CoalitionCommand),
    /// Show the coalition, this laptop (replica) and the data directory
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Partner organisations
    #[command(subcommand)]
    Org(OrgCommand),
    /// Municipalities of the coalition
    #[command(subcommand)]
    Gemeente(GemeenteCommand),
    /// Relations between organisations
    #[command(subcommand)]
    Relation(RelationCommand),
    /// Contact persons (personal data: see `contact export` and `contact erase`)
    #[command(subcommand)]
    Contact(ContactCommand),
    /// The network as a whole
    #[command(subcommand)]
    Network(NetworkCommand),
    /// Import organisations, contact persons, relations, indicator values or
    /// spending (a bookkeeping export) from CSV or Excel
    Import {
        /// The file (CSV with ; or , — UTF-8 or Windows-1252 — or .xlsx/.ods)
        #[arg(required_unless_present_any = ["undo", "list"])]
        file: Option<PathBuf>,
        /// Only show what each row would do
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
        /// Undo an earlier import as a whole (its id from --list)
        #[arg(long, value_name = "ID", conflicts_with = "file")]
        undo: Option<uuid::Uuid>,
        /// The imports made on this laptop
        #[arg(long, conflicts_with = "file")]
        list: bool,
    },
    /// Files for partners who do not run Wieg
    #[command(subcommand)]
    Export(ExportCommand),
    /// The action plan
    #[command(subcommand)]
    Plan(plan::PlanCommand),
    /// Pillars of the current plan
    #[command(subcommand)]
    Pillar(plan::PillarCommand),
    /// Goals of the current plan
    #[command(subcommand)]
    Goal(plan::GoalCommand),
    /// Actions of the current plan
    #[command(subcommand)]
    Action(plan::ActionCommand),
    /// The catalogue of interventions
    #[command(subcommand)]
    Intervention(plan::InterventionCommand),
    /// Where each intervention runs
    #[command(subcommand)]
    Rollout(plan::RolloutCommand),
    /// Grants and what they pay for
    #[command(subcommand)]
    Funding(plan::FundingCommand),
    /// Spending: amounts paid or committed, charged to a grant and an action
    #[command(subcommand)]
    Spending(plan::SpendingCommand),
    /// Indicators and their values per municipality and year
    #[command(subcommand)]
    Indicator(plan::IndicatorCommand),
    /// Parents' groups: counts per year, the actions and meetings they took part in
    #[command(subcommand)]
    Group(participation::GroupCommand),
    /// Network days and training: who registered, came or was trained, per organisation
    #[command(subcommand)]
    Gathering(participation::GatheringCommand),
    /// Update rounds: a workbook per partner, and what comes back
    #[command(subcommand)]
    Round(round::RoundCommand),
    /// E-mail drafts for the mail program: action items per owner, minutes to those invited
    #[command(subcommand)]
    Mail(mail::MailCommand),
    /// Meetings: plan, attendance, agenda, decisions
    #[command(subcommand)]
    Meeting(meetings::MeetingCommand),
    /// Minutes of an agenda item
    Minutes {
        #[command(subcommand)]
        action: MinutesCommand,
    },
    /// Action items from meetings
    #[command(subcommand)]
    Actionitem(meetings::ActionItemCommand),
    /// Search minutes, decisions and action items
    Search {
        query: String,
        #[arg(long)]
        json: bool,
    },
    /// Print the whole coalition as canonical JSON (to compare replicas)
    Dump,
    /// Exchange changes with the shared folder (and remember the folder)
    Sync {
        /// The shared folder (OneDrive, Nextcloud, a USB stick …); default: the one chosen before
        #[arg(long, value_name = "PATH")]
        folder: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// The coalition's logo on every document: a PNG or JPEG file, or --clear
    Logo {
        #[arg(required_unless_present = "clear")]
        file: Option<PathBuf>,
        #[arg(long, conflicts_with = "file")]
        clear: bool,
    },
    /// Rebuild the coalition from an archive (`wieg export archive`) into
    /// an empty data folder
    Restore {
        #[arg(long, value_name = "FILE")]
        archive: PathBuf,
    },
    /// Build this laptop's database from a coalition in a shared folder
    Join {
        #[arg(long, value_name = "PATH")]
        folder: PathBuf,
        /// Which coalition, when the folder holds several
        #[arg(long)]
        coalition: Option<uuid::Uuid>,
        #[arg(long)]
        json: bool,
    },
    /// Measure (in a temporary directory; build with --release --features bench)
    #[cfg(feature = "bench")]
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Fields edited on two laptops at once: list, restore or keep
    Conflicts {
        #[command(subcommand)]
        action: Option<ConflictAction>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ConflictAction {
    /// Put the value that lost back
    Restore { id: String },
    /// Keep the current value; stop listing the lost one
    Keep { id: String },
    /// Bring back something deleted while another laptop still edited it
    Undelete { id: uuid::Uuid },
    /// Keep it deleted; stop listing the edits that raced the delete
    KeepDeleted { id: uuid::Uuid },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add an organisation
    Add {
        #[arg(long)]
        name: String,
        /// e.g. verloskundigenpraktijk, ziekenhuis/vsv, kraamzorg, jgz/ggd, wijkteam, gemeente …
        #[arg(long)]
        kind: OrgKind,
        /// medisch, sociaal, publieke gezondheid or overig
        #[arg(long)]
        domain: Domain,
        #[command(flatten)]
        optional: OptionalOrgFields,
    },
    /// List organisations
    List {
        #[arg(long)]
        json: bool,
        /// Only those whose name, website or notes contain this text
        #[arg(long)]
        text: Option<String>,
        #[arg(long)]
        kind: Option<OrgKind>,
        #[arg(long)]
        domain: Option<Domain>,
        /// Only those serving this municipality (name or CBS code)
        #[arg(long)]
        gemeente: Option<String>,
        /// betrokken, convenant getekend or gestopt
        #[arg(long)]
        status: Option<wieg::CoalitionStatus>,
        /// Include deleted organisations
        #[arg(long)]
        all: bool,
    },
    /// Change fields of an organisation (by id or exact name)
    Set {
        id: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        kind: Option<OrgKind>,
        #[arg(long)]
        domain: Option<Domain>,
        #[command(flatten)]
        optional: OptionalOrgFields,
    },
    /// Delete an organisation (it can be restored)
    Rm { id: String },
    /// Restore a deleted organisation
    Restore { id: String },
}

#[derive(Subcommand)]
enum GemeenteCommand {
    /// Add a municipality
    Add {
        #[arg(long)]
        name: String,
        /// CBS code, e.g. GM0983
        #[arg(long)]
        cbs: String,
        /// Served by partners but not part of this coalition
        #[arg(long)]
        not_in_coalition: bool,
        /// Exists from (after a merger), e.g. 2026-01-01
        #[arg(long)]
        from: Option<String>,
        /// Exists until (merged into another), e.g. 2025-12-31
        #[arg(long)]
        to: Option<String>,
    },
    /// List municipalities
    List {
        #[arg(long)]
        json: bool,
        #[arg(long)]
        all: bool,
    },
    /// Delete a municipality (by id, CBS code or name)
    Rm { id: String },
}

#[derive(Subcommand)]
enum RelationCommand {
    /// Add a relation between two organisations (by id or exact name)
    Add {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// samenwerking, verwijzing, overleg, financiering, convenantpartner or anders
        #[arg(long = "type", default_value = "samenwerking")]
        kind: wieg::RelationKind,
        /// 1 (loose) to 5 (strong)
        #[arg(long, default_value_t = 3)]
        strength: u8,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        end: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// List relations, all or of one organisation
    List {
        #[arg(long)]
        json: bool,
        #[arg(long)]
        org: Option<String>,
    },
    /// Delete a relation
    Rm { id: uuid::Uuid },
}

#[derive(Subcommand)]
enum MinutesCommand {
    /// Set an agenda item's minutes from a text file (the item by number or id)
    Set {
        meeting: uuid::Uuid,
        item: String,
        #[arg(long)]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Organisations and relations: two CSV files (; and BOM, for Excel) or
    /// one Excel workbook that Kumu imports
    Network {
        #[arg(long, value_enum)]
        format: NetworkFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// The action plan: a document (docx, odt, pdf), a workbook (xlsx) or
    /// its actions as CSV. --out is a file or a folder (stable Dutch name)
    Plan {
        #[arg(long, value_enum)]
        format: FileFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// The minutes of a meeting (docx, odt, pdf)
    Minutes {
        meeting: uuid::Uuid,
        #[arg(long, value_enum)]
        format: FileFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Include confidential agenda items (left out by default)
        #[arg(long)]
        confidential: bool,
    },
    /// The progress report over a period (docx, odt, pdf)
    Report {
        #[arg(long, value_name = "DATE")]
        from: String,
        #[arg(long, value_name = "DATE")]
        to: String,
        #[arg(long, value_enum)]
        format: FileFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// A grant's account to its funder (docx, odt, pdf), or its spending
    /// (xlsx, csv)
    Grant {
        funding: uuid::Uuid,
        #[arg(long, value_enum)]
        format: FileFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// The plan in the parts of the AZWA werkagenda format, for Kansrijke start (docx, odt, pdf)
    Werkagenda {
        #[arg(long, value_enum)]
        format: FileFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// All open action items (xlsx, csv, pdf, docx, odt)
    Actionitems {
        #[arg(long, value_enum)]
        format: FileFormat,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// The whole coalition as one archive (.zip): for a backup, a successor
    /// or another tool; `wieg restore` reads it back
    Archive {
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// A meeting as a calendar invitation (.ics), or with --upcoming all coming meetings
    Ics {
        #[arg(required_unless_present = "upcoming")]
        meeting: Option<uuid::Uuid>,
        #[arg(long, conflicts_with = "meeting")]
        upcoming: bool,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FileFormat {
    Docx,
    Odt,
    Pdf,
    Xlsx,
    Csv,
}

impl From<FileFormat> for wieg::export::ExportFormat {
    fn from(f: FileFormat) -> Self {
        use wieg::export::ExportFormat as E;
        match f {
            FileFormat::Docx => E::Docx,
            FileFormat::Odt => E::Odt,
            FileFormat::Pdf => E::Pdf,
            FileFormat::Xlsx => E::Xlsx,
            FileFormat::Csv => E::Csv,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum NetworkFormat {
    Csv,
    Xlsx,
}

#[derive(Subcommand)]
enum ContactCommand {
    /// Add a contact person to an organisation (by id or exact name)
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        org: String,
        #[command(flatten)]
        fields: ContactFields,
    },
    /// Change a contact person's fields ("" clears one)
    Set {
        id: uuid::Uuid,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        org: Option<String>,
        #[command(flatten)]
        fields: ContactFields,
    },
    /// List contact persons
    List {
        #[arg(long)]
        json: bool,
        #[arg(long)]
        org: Option<String>,
        /// Only people whose data were not checked since this date
        #[arg(long, value_name = "DATE")]
        unchecked_since: Option<chrono::NaiveDate>,
    },
    /// Everything stored about one person (inzage), as JSON
    Export {
        id: uuid::Uuid,
        /// Write to this file instead of the screen
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Forget a person for good, here and (through sync) on every laptop
    Erase { id: uuid::Uuid },
}

#[derive(Args)]
struct ContactFields {
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    /// Role or job title at the organisation
    #[arg(long)]
    role: Option<String>,
    /// bestuurlijk, uitvoerend or kartrekker
    #[arg(long)]
    coalition_role: Option<String>,
    /// publieke taak, gerechtvaardigd belang or toestemming
    #[arg(long)]
    basis: Option<wieg::LegalBasis>,
    /// Active in the coalition from
    #[arg(long)]
    from: Option<String>,
    /// Active in the coalition until
    #[arg(long)]
    to: Option<String>,
    /// The data were last checked on (default for a new person: today)
    #[arg(long)]
    checked: Option<String>,
}

impl ContactFields {
    fn into_input(
        self,
        organisation: Option<uuid::Uuid>,
        name: Option<String>,
    ) -> wieg::ContactInput {
        wieg::ContactInput {
            organisation,
            name,
            function: self.role,
            email: self.email,
            phone: self.phone,
            coalition_role: self.coalition_role,
            active_from: self.from,
            active_to: self.to,
            legal_basis: self.basis,
            last_checked: self.checked,
        }
    }
}

#[derive(Subcommand)]
enum NetworkCommand {
    /// Organisations per domain, medical–social links and the bridge builders
    Metrics {
        #[arg(long)]
        json: bool,
    },
    /// Organisations involved and covenants signed per month
    Growth {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct OptionalOrgFields {
    #[arg(long)]
    website: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    /// Town or address
    #[arg(long)]
    place: Option<String>,
    /// Involved in the coalition since (default: today), e.g. 2022-03-01
    #[arg(long)]
    involved_since: Option<String>,
    /// Signed the covenant on
    #[arg(long)]
    signed_on: Option<String>,
    /// Who signed the covenant
    #[arg(long)]
    signatory: Option<String>,
    #[arg(long)]
    covenant_version: Option<String>,
    /// Left the coalition on
    #[arg(long)]
    left_on: Option<String>,
    /// The municipalities it serves, by name or CBS code, comma-separated ("" for none)
    #[arg(long)]
    municipalities: Option<String>,
    /// Any other field by its name, e.g. `--set phone=077-1234567` (repeatable)
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    set: Vec<String>,
}

impl OptionalOrgFields {
    /// The flags as one input, on top of `base`; `--set` fields last.
    fn input(self, ws: &Workspace, base: OrganisationInput) -> wieg::Result<OrganisationInput> {
        let input = OrganisationInput {
            website: self.website,
            notes: self.notes,
            place: self.place,
            involved_since: self.involved_since,
            signed_on: self.signed_on,
            signatory: self.signatory,
            covenant_version: self.covenant_version,
            left_on: self.left_on,
            municipalities: self
                .municipalities
                .as_deref()
                .map(|l| municipality_ids(ws, l))
                .transpose()?,
            ..base
        };
        with_fields(input, &self.set)
    }
}

/// `--set field=value` for any declared field of an input, so a field added
/// to an entity can be set from here without a flag of its own.
fn with_fields<T: serde::Serialize + serde::de::DeserializeOwned>(
    input: T,
    sets: &[String],
) -> wieg::Result<T> {
    let mut json = serde_json::to_value(input)?;
    let fields = json.as_object_mut().expect("an input is a JSON object");
    for set in sets {
        let Some((field, value)) = set.split_once('=') else {
            return Err(wieg::Error::InvalidInput(format!(
                "--set {set:?}: schrijf veld=waarde, bijvoorbeeld --set phone=077-1234567"
            )));
        };
        if !fields.contains_key(field) {
            let mut known: Vec<&str> = fields.keys().map(String::as_str).collect();
            known.sort_unstable();
            return Err(wieg::Error::InvalidInput(format!(
                "--set: onbekend veld {field:?}; kies uit: {}",
                known.join(", ")
            )));
        }
        fields.insert(field.to_string(), value.into());
    }
    serde_json::from_value(json).map_err(|e| wieg::Error::InvalidInput(format!("--set: {e}")))
}

/// "Venlo, GM0984" as municipality ids.
fn municipality_ids(ws: &Workspace, list: &str) -> wieg::Result<Vec<uuid::Uuid>> {
    list.split(',')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(|m| ws.find_municipality(m).map(|m| m.id))
        .collect()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wieg: {e}");
            // The core says what is wrong; how to mend it differs between
            // the app and the command line.
            match e {
                wieg::Error::NoCoalition => eprintln!(
                    "  maak er een met `wieg init --name NAAM` of laad de voorbeelddata met `wieg demo`"
                ),
                wieg::Error::NoSyncFolder => eprintln!("  kies er een met `wieg sync --folder MAP`"),
                _ => {}
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> wieg::Result<()> {
    let data_dir = wieg::resolve_data_dir(cli.data)?;
    if let Command::Join {
        folder,
        coalition,
        json,
    } = &cli.command
    {
        let (ws, report) = Workspace::join(&data_dir, folder, *coalition)?;
        let name = ws.require_coalition()?.name;
        if *json {
            print_json(&report)?;
        } else {
            println!("Aangesloten bij {name:?} in {}", data_dir.display());
            print_sync_report(&report);
        }
        return Ok(());
    }
    #[cfg(feature = "bench")]
    if let Command::Bench(bench) = &cli.command {
        return bench::run(bench);
    }
    let mut ws = Workspace::open(&data_dir)?;
    match cli.command {
        Command::Init { name } => {
            let c = ws.create_coalition(&name)?;
            println!(
                "Coalitie {:?} aangemaakt ({}) in {}",
                c.name,
                c.id,
                data_dir.display()
            );
        }
        Command::Coalition(CoalitionCommand::Set { name, start }) => {
            let c = ws.update_coalition(&wieg::CoalitionInput {
                name,
                start_date: start,
            })?;
            let start = c.start_date.map_or_else(
                || "geen datum".to_string(),
                |d| d.format("%d-%m-%Y").to_string(),
            );
            println!("Coalitie {:?}, gestart op {start}", c.name);
        }
        Command::Demo => {
            let c = ws.load_demo()?;
            println!(
                "Voorbeeldcoalitie {:?} geladen in {}",
                c.name,
                data_dir.display()
            );
        }
        Command::Status { json } => {
            let status = ws.status()?;
            if json {
                print_json(&status)?;
            } else {
                match &status.coalition {
                    Some(c) => println!("Coalitie:   {} ({})", c.name, c.id),
                    None => println!("Coalitie:   (nog geen)"),
                }
                println!(
                    "Laptop:     {} ({})",
                    status.replica.name, status.replica.id
                );
                println!("Gegevens:   {}", status.data_dir);
                let sync = ws.sync_status()?;
                match &sync.folder {
                    Some(folder) => println!("Gedeelde map: {folder}"),
                    None => println!("Gedeelde map: (nog niet gekozen)"),
                }
                if let Some(t) = sync.last_sync {
                    println!(
                        "Laatst gesynchroniseerd: {}",
                        t.format("%Y-%m-%d %H:%M:%S UTC")
                    );
                }
                println!("Wachtende wijzigingen: {}", sync.pending_changes);
                if let Some(p) = &sync.problem {
                    println!("Probleem: {p}");
                }
            }
        }
        Command::Dump => print!("{}", ws.dump()?),
        Command::Org(cmd) => org(&mut ws, cmd)?,
        Command::Gemeente(cmd) => gemeente(&mut ws, cmd)?,
        Command::Relation(cmd) => relation(&mut ws, cmd)?,
        Command::Contact(cmd) => contact(&mut ws, cmd)?,
        Command::Plan(cmd) => plan::plan(&mut ws, cmd)?,
        Command::Pillar(cmd) => plan::pillar_cmd(&mut ws, cmd)?,
        Command::Goal(cmd) => plan::goal(&mut ws, cmd)?,
        Command::Action(cmd) => plan::action(&mut ws, cmd)?,
        Command::Intervention(cmd) => plan::intervention(&mut ws, cmd)?,
        Command::Rollout(cmd) => plan::rollout(&mut ws, cmd)?,
        Command::Funding(cmd) => plan::funding(&mut ws, cmd)?,
        Command::Spending(cmd) => plan::spending(&mut ws, cmd)?,
        Command::Indicator(cmd) => plan::indicator(&mut ws, cmd)?,
        Command::Group(cmd) => participation::group(&mut ws, cmd)?,
        Command::Gathering(cmd) => participation::gathering(&mut ws, cmd)?,
        Command::Round(cmd) => round::round(&mut ws, cmd)?,
        Command::Mail(cmd) => mail::mail(&mut ws, cmd)?,
        Command::Meeting(cmd) => meetings::meeting(&mut ws, cmd)?,
        Command::Minutes {
            action:
                MinutesCommand::Set {
                    meeting,
                    item,
                    file,
                },
        } => meetings::set_minutes(&mut ws, meeting, &item, &file)?,
        Command::Actionitem(cmd) => meetings::action_item(&mut ws, cmd)?,
        Command::Search { query, json } => meetings::search(&ws, &query, json)?,
        Command::Import {
            file,
            dry_run,
            json,
            undo,
            list,
        } => import(&mut ws, file, dry_run, json, undo, list)?,
        Command::Export(ExportCommand::Ics {
            meeting,
            upcoming: _,
            out,
        }) => {
            let ics = match meeting {
                Some(id) => ws.meeting_ics(id)?,
                None => ws.upcoming_ics()?,
            };
            // A folder as --out gets a stable name.
            let name = if meeting.is_some() {
                "Uitnodiging"
            } else {
                "Komende overleggen"
            };
            let file = wieg::export::ExportFile {
                file_name: wieg::export::file_name_with(name, "ics"),
                bytes: ics.into_bytes(),
            };
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Export(ExportCommand::Plan { format, out }) => {
            let file = ws.export_plan(None, format.into(), ws.today())?;
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Export(ExportCommand::Minutes {
            meeting,
            format,
            out,
            confidential,
        }) => {
            let file = ws.export_minutes(meeting, format.into(), confidential, ws.today())?;
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Export(ExportCommand::Report {
            from,
            to,
            format,
            out,
        }) => {
            let request = wieg::export::ExportRequest::Report { from, to };
            let file = ws.export_file(&request, format.into(), ws.today())?;
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Export(ExportCommand::Grant {
            funding,
            format,
            out,
        }) => {
            let request = wieg::export::ExportRequest::Grant { funding };
            let file = ws.export_file(&request, format.into(), ws.today())?;
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Export(ExportCommand::Werkagenda { format, out }) => {
            let request = wieg::export::ExportRequest::Werkagenda;
            let file = ws.export_file(&request, format.into(), ws.today())?;
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Export(ExportCommand::Archive { out }) => {
            let file = ws.export_archive(ws.today())?;
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Logo { file, clear: _ } => match file {
            Some(file) => {
                ws.set_coalition_logo(&file)?;
                println!("Logo ingesteld: {}", file.display());
            }
            None => {
                ws.clear_coalition_logo()?;
                println!("Logo verwijderd");
            }
        },
        Command::Restore { archive } => {
            let r = ws.restore_archive(&archive)?;
            println!(
                "Hersteld: {} ({} wijzigingen, archief van {})",
                r.coalition,
                r.changes,
                r.created.format("%d-%m-%Y")
            );
        }
        Command::Export(ExportCommand::Actionitems { format, out }) => {
            let file = ws.export_action_items(format.into(), ws.today())?;
            println!("Geschreven: {}", wieg::export::save(&file, &out)?.display());
        }
        Command::Export(ExportCommand::Network { format, out }) => {
            let format = match format {
                NetworkFormat::Csv => wieg::export::ExportFormat::Csv,
                NetworkFormat::Xlsx => wieg::export::ExportFormat::Xlsx,
            };
            for path in ws.export_network(format, &out)? {
                println!("Geschreven: {}", path.display());
            }
        }
        Command::Network(NetworkCommand::Growth { json }) => {
            let growth = ws.network_growth()?;
            if json {
                print_json(&growth)?;
            } else {
                for g in &growth {
                    println!(
                        "{}  betrokken {:>4}  getekend {:>4}",
                        g.month, g.involved, g.signed
                    );
                }
            }
        }
        Command::Network(NetworkCommand::Metrics { json }) => {
            let m = ws.network_metrics()?;
            if json {
                print_json(&m)?;
            } else {
                println!(
                    "Organisaties: {} (convenant getekend: {})",
                    m.organisations, m.signed
                );
                for d in &m.by_domain {
                    println!("  {}: {}", d.domain, d.count);
                }
                println!(
                    "Verbindingen: {} (medisch–sociaal: {})",
                    m.relations, m.medical_social_links
                );
                println!("Bruggenbouwers:");
                for b in &m.bridge_builders {
                    println!("  {:>8.2}  {} ({})", b.score, b.name, b.domain);
                }
            }
        }
        Command::Sync { folder, json } => {
            if let Some(folder) = folder {
                ws.set_sync_folder(&folder)?;
            }
            let report = ws.sync()?;
            if json {
                print_json(&report)?;
            } else {
                print_sync_report(&report);
            }
        }
        Command::Join { .. } => unreachable!("handled before opening the workspace"),
        #[cfg(feature = "bench")]
        Command::Bench(_) => unreachable!("handled before opening the workspace"),
        Command::Conflicts { action, json } => match action {
            Some(ConflictAction::Restore { id }) => {
                ws.restore_conflict(&id)?;
                println!("Teruggezet.");
            }
            Some(ConflictAction::Keep { id }) => {
                ws.keep_current(&id)?;
                println!("Huidige waarde behouden.");
            }
            Some(ConflictAction::Undelete { id }) => {
                ws.undelete(id)?;
                println!("Teruggehaald.");
            }
            Some(ConflictAction::KeepDeleted { id }) => {
                ws.keep_deleted(id)?;
                println!("Blijft verwijderd.");
            }
            None => {
                let conflicts = ws.conflict_views()?;
                let raced = ws.raced_deletes()?;
                if json {
                    #[derive(serde::Serialize)]
                    struct All<'a> {
                        conflicts: &'a [wieg::ConflictView],
                        raced_deletes: &'a [wieg::RacedDelete],
                    }
                    print_json(&All {
                        conflicts: &conflicts,
                        raced_deletes: &raced,
                    })?;
                } else if conflicts.is_empty() && raced.is_empty() {
                    println!("Geen conflicten.");
                } else {
                    for r in &raced {
                        println!(
                            "{}  {} {:?} verwijderd door {} ({}), terwijl elders bewerkt: {}",
                            r.entity_id,
                            r.entity,
                            r.entity_label,
                            r.deleted_by,
                            r.deleted_at.format("%Y-%m-%d %H:%M"),
                            r.edits
                                .iter()
                                .map(|e| format!("{} = {:?} ({})", e.field, e.value, e.by))
                                .collect::<Vec<_>>()
                                .join(", ")
                        );
                    }
                    for c in conflicts {
                        println!(
                            "{}  {} {:?}, {}: nu {:?} ({}, {}), verloren {:?} ({}, {})",
                            c.id,
                            c.entity,
                            c.entity_label,
                            c.field,
                            c.current_value,
                            c.current_by,
                            c.current_at.format("%Y-%m-%d %H:%M"),
                            c.lost_value,
                            c.lost_by,
                            c.lost_at.format("%Y-%m-%d %H:%M"),
                        );
                    }
                }
            }
        },
    }
    Ok(())
}

fn print_sync_report(r: &wieg::SyncReport) {
    println!(
        "Geschreven: {} wijzigingen in {} bestanden; gelezen: {} wijzigingen uit {} bestanden; al verwerkt: {} bestanden",
        r.exported_changes, r.exported_batches, r.imported_changes, r.imported_batches, r.already_applied
    );
    for s in &r.skipped {
        println!("Overgeslagen: {} — {}", s.path, s.reason);
    }
    if r.future_changes > 0 {
        println!(
            "Let op: {} wijzigingen hebben een tijd van meer dan een dag in de toekomst (een laptop met een verkeerde klok?)",
            r.future_changes
        );
    }
    if let Some(id) = r.new_replica_id {
        println!("Een andere laptop gebruikte dezelfde id als deze; deze laptop heet nu {id}. Er is niets verloren.");
    }
}

fn org(ws: &mut Workspace, cmd: OrgCommand) -> wieg::Result<()> {
    match cmd {
        OrgCommand::Add {
            name,
            kind,
            domain,
            optional,
        } => {
            let org = ws.create_organisation(&optional.input(
                ws,
                OrganisationInput {
                    name: Some(name),
                    kind: Some(kind),
                    domain: Some(domain),
                    ..Default::default()
                },
            )?)?;
            println!("{}", org.id);
        }
        OrgCommand::List {
            json,
            text,
            kind,
            domain,
            gemeente,
            status,
            all,
        } => {
            let municipality = gemeente
                .map(|g| ws.find_municipality(&g))
                .transpose()?
                .map(|m| m.id);
            let orgs = ws.list_organisations(&OrganisationFilter {
                text,
                kind,
                domain,
                include_deleted: Some(all),
                municipality,
                status,
            })?;
            if json {
                print_json(&orgs)?;
            } else {
                for o in &orgs {
                    print_org_line(o);
                }
            }
        }
        OrgCommand::Set {
            id,
            name,
            kind,
            domain,
            optional,
        } => {
            let id = ws.find_organisation(&id)?.id;
            let input = OrganisationInput {
                name,
                kind,
                domain,
                ..Default::default()
            };
            let org = ws.update_organisation(id, &optional.input(ws, input)?)?;
            print_org_line(&org);
        }
        OrgCommand::Rm { id } => {
            let id = ws.find_organisation(&id)?.id;
            let org = ws.delete_organisation(id)?;
            println!(
                "Verwijderd: {} (herstel met `wieg org restore {}`)",
                org.name, org.id
            );
        }
        OrgCommand::Restore { id } => {
            let id = ws.find_organisation(&id)?.id;
            let org = ws.restore_organisation(id)?;
            println!("Hersteld: {}", org.name);
        }
    }
    Ok(())
}

fn gemeente(ws: &mut Workspace, cmd: GemeenteCommand) -> wieg::Result<()> {
    match cmd {
        GemeenteCommand::Add {
            name,
            cbs,
            not_in_coalition,
            from,
            to,
        } => {
            let m = ws.create_municipality(&wieg::MunicipalityInput {
                name: Some(name),
                cbs_code: Some(cbs),
                in_coalition: Some(!not_in_coalition),
                valid_from: from,
                valid_to: to,
            })?;
            println!("{}", m.id);
        }
        GemeenteCommand::List { json, all } => {
            let list = ws.list_municipalities(all)?;
            if json {
                print_json(&list)?;
            } else {
                for m in &list {
                    let outside = if m.in_coalition {
                        ""
                    } else {
                        "  (buiten de coalitie)"
                    };
                    let deleted = if m.deleted { "  [verwijderd]" } else { "" };
                    println!("{}  {}  {}{outside}{deleted}", m.id, m.cbs_code, m.name);
                }
            }
        }
        GemeenteCommand::Rm { id } => {
            let id = ws.find_municipality(&id)?.id;
            let m = ws.delete_municipality(id)?;
            println!("Verwijderd: {}", m.name);
        }
    }
    Ok(())
}

fn relation(ws: &mut Workspace, cmd: RelationCommand) -> wieg::Result<()> {
    match cmd {
        RelationCommand::Add {
            from,
            to,
            kind,
            strength,
            start,
            end,
            note,
        } => {
            let r = ws.create_relation(&wieg::RelationInput {
                from_org: Some(ws.find_organisation(&from)?.id),
                to_org: Some(ws.find_organisation(&to)?.id),
                kind: Some(kind),
                strength: Some(strength),
                start_date: start,
                end_date: end,
                note,
            })?;
            println!("{}", r.id);
        }
        RelationCommand::List { json, org } => {
            let org = org
                .map(|o| ws.find_organisation(&o))
                .transpose()?
                .map(|o| o.id);
            let list = ws.list_relations(org)?;
            if json {
                print_json(&list)?;
            } else {
                let names: std::collections::HashMap<uuid::Uuid, String> = ws
                    .list_organisations(&Default::default())?
                    .into_iter()
                    .map(|o| (o.id, o.name))
                    .collect();
                let name =
                    |id: &uuid::Uuid| names.get(id).cloned().unwrap_or_else(|| id.to_string());
                for r in &list {
                    println!(
                        "{}  {} —{}({})→ {}",
                        r.id,
                        name(&r.from_org),
                        r.kind,
                        r.strength,
                        name(&r.to_org)
                    );
                }
            }
        }
        RelationCommand::Rm { id } => {
            ws.delete_relation(id)?;
            println!("Verwijderd.");
        }
    }
    Ok(())
}

pub(crate) fn import(
    ws: &mut Workspace,
    file: Option<PathBuf>,
    dry_run: bool,
    json: bool,
    undo: Option<uuid::Uuid>,
    list: bool,
) -> wieg::Result<()> {
    if let Some(id) = undo {
        let report = ws.undo_import(id)?;
        println!(
            "Ongedaan gemaakt: {} verwijderd, {} velden teruggezet, {} velden later nog bewerkt (gelaten)",
            report.removed, report.restored, report.kept
        );
        return Ok(());
    }
    if list {
        let imports = ws.list_imports()?;
        if json {
            return print_json(&imports);
        }
        for i in &imports {
            let undone = if i.undone_at.is_some() {
                "  [ongedaan]"
            } else {
                ""
            };
            println!(
                "{}  {}  {}  {} nieuw, {} bijgewerkt{undone}",
                i.id,
                i.at.format("%d-%m-%Y %H:%M"),
                i.file,
                i.new,
                i.updated
            );
        }
        return Ok(());
    }
    let Some(file) = file else {
        return Ok(());
    };
    let preview = if dry_run {
        ws.preview_import(&file)?
    } else {
        match ws.import_file(&file) {
            Ok(done) => {
                if !json {
                    println!(
                        "Import {} (ongedaan maken: wieg import --undo {})",
                        done.record.id, done.record.id
                    );
                }
                done.preview
            }
            Err(wieg::Error::InvalidInput(message)) if !json => {
                // Show the rows at fault, then fail.
                if let Ok(preview) = ws.preview_import(&file) {
                    print_import_rows(&preview, true);
                }
                return Err(wieg::Error::InvalidInput(message));
            }
            Err(e) => return Err(e),
        }
    };
    if json {
        return print_json(&preview);
    }
    print_import_rows(&preview, false);
    println!(
        "{} nieuw, {} bijwerken, {} ongewijzigd, {} fout{}",
        preview.new,
        preview.updated,
        preview.unchanged,
        preview.errors,
        if dry_run { " (niets geschreven)" } else { "" }
    );
    Ok(())
}

fn print_import_rows(preview: &wieg::import::ImportPreview, errors_only: bool) {
    for row in &preview.rows {
        if errors_only && row.action != wieg::import::RowAction::Fout {
            continue;
        }
        let reason = if row.message.is_empty() {
            String::new()
        } else {
            format!(": {}", row.message)
        };
        println!(
            "{} regel {}  {}  {}{reason}",
            row.sheet, row.line, row.action, row.label
        );
    }
}

fn contact(ws: &mut Workspace, cmd: ContactCommand) -> wieg::Result<()> {
    match cmd {
        ContactCommand::Add { name, org, fields } => {
            let org = ws.find_organisation(&org)?.id;
            let c = ws.create_contact(&fields.into_input(Some(org), Some(name)))?;
            println!("{}", c.id);
        }
        ContactCommand::Set {
            id,
            name,
            org,
            fields,
        } => {
            let org = org.map(|o| ws.find_organisation(&o)).transpose()?;
            let c = ws.update_contact(id, &fields.into_input(org.map(|o| o.id), name))?;
            println!("Bijgewerkt: {}", c.name);
        }
        ContactCommand::List {
            json,
            org,
            unchecked_since,
        } => {
            let organisation = org.map(|o| ws.find_organisation(&o)).transpose()?;
            let list = ws.list_contacts(&wieg::ContactFilter {
                organisation: organisation.map(|o| o.id),
                unchecked_since,
                ..Default::default()
            })?;
            if json {
                print_json(&list)?;
            } else {
                for c in &list {
                    let checked = c
                        .last_checked
                        .map(|d| d.format("%d-%m-%Y").to_string())
                        .unwrap_or_else(|| "nooit".into());
                    println!(
                        "{}  {}  {}  {}  (gecontroleerd: {checked})",
                        c.id, c.name, c.function, c.email
                    );
                }
            }
        }
        ContactCommand::Export { id, out } => match out {
            Some(path) => {
                ws.save_contact_inzage(id, &path)?;
                println!("Geschreven: {}", path.display());
            }
            None => print!("{}", ws.contact_inzage_json(id)?),
        },
        ContactCommand::Erase { id } => {
            let name = ws.contact(id)?.name;
            ws.erase_contact(id)?;
            println!("Vergeten: {name} (ook op de andere laptops na hun volgende synchronisatie)");
        }
    }
    Ok(())
}

fn print_org_line(o: &Organisation) {
    let deleted = if o.deleted { "  [verwijderd]" } else { "" };
    println!(
        "{}  {}  ({}, {}){}",
        o.id, o.name, o.kind, o.domain, deleted
    );
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> wieg::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}
