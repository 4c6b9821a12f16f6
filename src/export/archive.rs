//! The whole coalition in one file: for a backup, a hand-over to a
//! successor, or a move to another tool. A zip archive (any computer opens
//! it) holding:
//!
//! ```text
//! LEESMIJ.txt          what is in here, in Dutch
//! manifest.json        format, versions, coalition, counts, SHA-256 per part
//! changes.jsonl        every change ever made, one JSON object a line, in
//!                      HLC order: what a restore replays (lossless)
//! gegevens.json        every table as it is now (sorted keys, rows by id)
//! tabellen/<tabel>.csv the same tables for Excel (`;`, UTF-8 with BOM)
//! ```
//!
//! A restore replays `changes.jsonl` into an empty workspace in one
//! transaction: all of it or nothing. Persons that were erased stay erased:
//! their values are not in the log any more.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::package::{zip, Entry};
use super::sheet::{csv, Cell, Sheet};
use super::{file_name_with, ExportFile};
use crate::changes::Change;
use crate::error::{Error, Result};
use crate::sync::batch::hex_sha256;
use crate::workspace::Workspace;

pub const ARCHIVE_FORMAT: &str = "wieg-archief";
pub const ARCHIVE_VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: String,
    format_version: u32,
    schema_version: i64,
    coalition_id: String,
    coalition_name: String,
    created: NaiveDate,
    changes: usize,
    /// SHA-256 (hex) of every other part, by its name in the archive.
    sha256: BTreeMap<String, String>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RestoreReport {
    pub coalition: String,
    pub changes: usize,
    /// The archive's date (`2026-11-30`).
    pub created: NaiveDate,
}

const README: &str = "Wieg-archief\n\
============\n\
\n\
Dit bestand bevat de hele coalitie zoals Wieg haar kent: voor een\n\
reservekopie, voor een opvolger, of om over te stappen op ander gereedschap.\n\
\n\
manifest.json         soort bestand, versies, de coalitie, aantallen en een\n\
                      SHA-256-controlegetal van elk ander onderdeel.\n\
changes.jsonl         elke wijziging die ooit is gedaan, een JSON-object per\n\
                      regel (entity, id, field, value, hlc, prev), in volgorde\n\
                      van de hybride klok (hlc). Wieg zet hiermee alles terug\n\
                      (wieg restore --archive BESTAND, of Welkom > Herstel\n\
                      uit een archief).\n\
gegevens.json         alle tabellen zoals ze nu zijn, als JSON.\n\
tabellen/*.csv        dezelfde tabellen voor Excel (puntkomma, UTF-8 met BOM).\n\
\n\
Gewiste contactpersonen staan er niet in: hun gegevens zijn uit het logboek\n\
verwijderd. Er staan geen gegevens van gezinnen in Wieg.\n";

impl Workspace {
    /// The coalition as one archive file.
    pub fn export_archive(&self, created: NaiveDate) -> Result<ExportFile> {
        let coalition = self.require_coalition()?;
        let changes = self.all_changes()?;
        let mut log = Vec::new();
        for change in &changes {
            serde_json::to_writer(&mut log, change)?;
            log.push(b'\n');
        }
        let dump = self.dump()?;
        let tables: BTreeMap<String, Vec<BTreeMap<String, Value>>> = serde_json::from_str(&dump)?;
        let mut parts: Vec<(String, Vec<u8>)> = vec![
            ("changes.jsonl".into(), log),
            ("gegevens.json".into(), dump.into_bytes()),
        ];
        for (table, rows) in &tables {
            let mut columns: Vec<&str> = rows
                .first()
                .map(|r| r.keys().map(String::as_str).collect())
                .unwrap_or_default();
            // The id first, the rest as sorted.
            columns.sort_by_key(|c| (*c != "id", *c));
            let mut sheet = Sheet::new(table, &columns);
            for row in rows {
                sheet.rows.push(
                    columns
                        .iter()
                        .map(|c| match &row[*c] {
                            Value::Null => Cell::Text(String::new()),
                            Value::String(s) => Cell::Text(s.clone()),
                            Value::Number(n) if n.is_i64() => Cell::Int(n.as_i64().unwrap_or(0)),
                            other => Cell::Text(other.to_string()),
                        })
                        .collect(),
                );
            }
            parts.push((format!("tabellen/{table}.csv"), csv(&sheet)?));
        }
        let manifest = Manifest {
            format: ARCHIVE_FORMAT.into(),
            format_version: ARCHIVE_VERSION,
            schema_version: crate::db::SCHEMA_VERSION,
            coalition_id: coalition.id.to_string(),
            coalition_name: coalition.name.clone(),
            created,
            changes: changes.len(),
            sha256: parts
                .iter()
                .map(|(name, bytes)| (name.clone(), hex_sha256(bytes)))
                .collect(),
        };
        let manifest = serde_json::to_vec_pretty(&manifest)?;
        let mut entries = vec![
            Entry {
                name: "LEESMIJ.txt",
                bytes: README.as_bytes(),
                stored: false,
            },
            Entry {
                name: "manifest.json",
                bytes: &manifest,
                stored: false,
            },
        ];
        entries.extend(parts.iter().map(|(name, bytes)| Entry {
            name,
            bytes,
            stored: false,
        }));
        Ok(ExportFile {
            file_name: self.export_archive_name(created)?,
            bytes: zip(&entries)?,
        })
    }

    /// `Wieg-archief <coalition> 2026-11-30.zip`.
    pub fn export_archive_name(&self, created: NaiveDate) -> Result<String> {
        let coalition = self.require_coalition()?;
        Ok(file_name_with(
            &format!("Wieg-archief {} {created}", coalition.name),
            "zip",
        ))
    }

    /// Rebuild a coalition from an archive into this (empty) workspace.
    /// Checks everything before it changes anything; applies in one go.
    pub fn restore_archive(&mut self, path: &Path) -> Result<RestoreReport> {
        if let Some(existing) = self.coalition()? {
            return Err(Error::CoalitionExists(existing.name));
        }
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let bad = |why: String| {
            Error::InvalidInput(format!(
                "{} is geen bruikbaar Wieg-archief: {why}",
                path.display()
            ))
        };
        let mut archive =
            ::zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(e.to_string()))?;
        let mut read = |name: &str| -> Result<Vec<u8>> {
            let mut part = archive
                .by_name(name)
                .map_err(|_| bad(format!("{name} ontbreekt")))?;
            let mut out = Vec::new();
            part.read_to_end(&mut out)
                .map_err(|e| bad(format!("{name}: {e}")))?;
            Ok(out)
        };
        let manifest: Manifest = serde_json::from_slice(&read("manifest.json")?)
            .map_err(|e| bad(format!("manifest.json: {e}")))?;
        if manifest.format != ARCHIVE_FORMAT {
            return Err(bad(format!("soort {:?}", manifest.format)));
        }
        if manifest.format_version > ARCHIVE_VERSION
            || manifest.schema_version > crate::db::SCHEMA_VERSION
        {
            return Err(bad(
                "het is gemaakt door een nieuwere versie van Wieg; werk Wieg bij".into(),
            ));
        }
        let log = read("changes.jsonl")?;
        if manifest.sha256.get("changes.jsonl") != Some(&hex_sha256(&log)) {
            return Err(bad(
                "changes.jsonl klopt niet met het controlegetal (beschadigd of half gekopieerd)"
                    .into(),
            ));
        }
        let text = String::from_utf8(log).map_err(|_| bad("changes.jsonl is geen UTF-8".into()))?;
        let mut changes = Vec::with_capacity(manifest.changes);
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let change: Change = serde_json::from_str(line)
                .map_err(|e| bad(format!("changes.jsonl regel {}: {e}", i + 1)))?;
            changes.push(change);
        }
        if changes.len() != manifest.changes {
            return Err(bad(format!(
                "{} wijzigingen gevonden, het manifest noemt er {}",
                changes.len(),
                manifest.changes
            )));
        }
        self.apply_remote(&changes)?;
        Ok(RestoreReport {
            coalition: manifest.coalition_name,
            changes: changes.len(),
            created: manifest.created,
        })
    }
}
