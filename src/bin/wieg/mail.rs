//! `wieg mail`: e-mail drafts (`.eml`) for the coordinator's own mail
//! program — Wieg sends nothing itself.

use std::path::PathBuf;

use clap::Subcommand;
use wieg::export::{self, ExportFormat};
use wieg::{Result, Workspace};

use crate::plan::id;
use crate::print_json;

#[derive(Subcommand)]
pub enum MailCommand {
    /// Open action items per owner: one draft each, written into --out
    FollowUp {
        #[arg(long)]
        out: Option<PathBuf>,
        /// The drafts as JSON (with their mailto: links) instead of files
        #[arg(long)]
        json: bool,
    },
    /// A meeting's minutes (pdf, docx or odt) attached to a draft to those invited
    Minutes {
        meeting: String,
        #[arg(long, default_value = "pdf")]
        format: ExportFormat,
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn mail(ws: &mut Workspace, cmd: MailCommand) -> Result<()> {
    match cmd {
        MailCommand::FollowUp { out, json } => {
            if json {
                return print_json(&ws.follow_up_drafts()?);
            }
            let out = out.unwrap_or_else(|| PathBuf::from("."));
            std::fs::create_dir_all(&out).map_err(|e| wieg::Error::io(&out, e))?;
            let files = ws.follow_up_files()?;
            for file in &files {
                println!("{}", export::save(file, &out)?.display());
            }
            if files.is_empty() {
                println!("Geen openstaande actiepunten.");
            }
        }
        MailCommand::Minutes {
            meeting,
            format,
            out,
        } => {
            let mail = ws.minutes_mail(id(&meeting, "overleg")?, format)?;
            for name in &mail.draft.without_address {
                eprintln!("Geen e-mailadres van {name}: voeg die zelf toe.");
            }
            let file = mail.render()?;
            println!("{}", export::save(&file, &out)?.display());
        }
    }
    Ok(())
}
