//! `wieg round`: an update round with the partners on the command line.
//! `start` writes one workbook per partner into a folder; `preview` shows
//! what a returned workbook changes; `accept` takes it over (undo it with
//! `wieg import --undo`).

use std::path::PathBuf;

use clap::Subcommand;
use wieg::outreach::{ReturnState, RoundReturn, RoundStart};
use wieg::{Result, Workspace};

use crate::plan::id;
use crate::print_json;

#[derive(Subcommand)]
pub enum RoundCommand {
    /// Start a round: one workbook per partner, written into --out
    Start {
        #[arg(long)]
        title: String,
        /// The folder the workbooks go into (made if needed)
        #[arg(long)]
        out: PathBuf,
        /// Only this organisation (name or id); may be repeated
        #[arg(long = "organisation")]
        organisations: Vec<String>,
    },
    /// Write a round's workbooks again, as they were sent
    Files {
        round: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// What a returned workbook changes; nothing is written
    Preview {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Take a returned workbook over
    Accept {
        file: PathBuf,
        /// Take the partner's value for a field changed on both sides (its key from preview); may be repeated
        #[arg(long = "take")]
        take: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// The rounds: sent, returned, still to answer
    List {
        #[arg(long)]
        json: bool,
    },
    /// One round, partner by partner
    Show {
        round: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn round(ws: &mut Workspace, cmd: RoundCommand) -> Result<()> {
    match cmd {
        RoundCommand::Start {
            title,
            out,
            organisations,
        } => {
            let organisations = if organisations.is_empty() {
                None
            } else {
                Some(
                    organisations
                        .iter()
                        .map(|o| Ok(ws.find_organisation(o)?.id))
                        .collect::<Result<Vec<_>>>()?,
                )
            };
            let files = ws.start_round(&RoundStart {
                title,
                organisations,
            })?;
            let written = files.write_to(&out)?;
            println!(
                "Ronde {}: {} werkboeken in {}",
                files.round,
                written.len(),
                out.display()
            );
        }
        RoundCommand::Files { round, out } => {
            let written = ws.round_files(id(&round, "ronde")?)?.write_to(&out)?;
            println!("{} werkboeken in {}", written.len(), out.display());
        }
        RoundCommand::Preview { file, json } => {
            let preview = ws.preview_round_return(&file)?;
            if json {
                return print_json(&preview);
            }
            print_return(&preview);
            println!(
                "Niets is opgeslagen; neem over met: wieg round accept {}",
                file.display()
            );
        }
        RoundCommand::Accept { file, take, json } => {
            let accepted = ws.accept_round_return(&file, &take)?;
            if json {
                return print_json(&accepted);
            }
            print_return(&accepted.result);
            println!(
                "Overgenomen (ongedaan maken: wieg import --undo {})",
                accepted.record.id
            );
        }
        RoundCommand::List { json } => {
            let rounds = ws.list_rounds()?;
            if json {
                return print_json(&rounds);
            }
            for r in &rounds {
                println!(
                    "{}  {}  {} verstuurd, {} terug, {} wachten nog",
                    r.round.id, r.round.title, r.sent, r.returned, r.waiting
                );
            }
        }
        RoundCommand::Show { round, json } => {
            let overview = ws.round_overview(id(&round, "ronde")?)?;
            if json {
                return print_json(&overview);
            }
            println!(
                "{}: {} verstuurd, {} terug, {} wachten nog",
                overview.round.title, overview.sent, overview.returned, overview.waiting
            );
            for p in &overview.partners {
                match p.returned_on {
                    Some(on) => println!("  {}  terug op {on}: {}", p.name, p.outcome),
                    None => println!("  {}  wacht nog", p.name),
                }
            }
        }
    }
    Ok(())
}

fn print_return(r: &RoundReturn) {
    println!(
        "{} ({}, ronde {}): {} nieuw, {} gewijzigd, {} ongewijzigd, {} met conflict, {} fout",
        r.file,
        r.organisation_name,
        r.round_title,
        r.new,
        r.changed,
        r.unchanged,
        r.conflicts,
        r.errors
    );
    for row in &r.rows {
        println!(
            "  {} regel {}: {} — {}",
            row.sheet,
            row.line,
            row.label,
            row.state.label()
        );
        if !row.message.is_empty() {
            println!("    {}", row.message);
        }
        for f in &row.fields {
            match f.state {
                ReturnState::Beide => println!(
                    "    {}: verstuurd {:?}, partner {:?}, Wieg nu {:?} ({}; sleutel {})",
                    f.label,
                    f.sent,
                    f.partner,
                    f.wieg,
                    if f.taken {
                        "partner gekozen"
                    } else {
                        "Wieg blijft"
                    },
                    f.key
                ),
                ReturnState::Fout => println!("    {}: {:?} — {}", f.label, f.partner, f.message),
                _ => println!("    {}: {:?} → {:?}", f.label, f.sent, f.partner),
            }
        }
    }
    for m in &r.missing {
        println!("  niet in het bestand (blijft zoals het is): {m}");
    }
}
