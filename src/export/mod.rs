//! Files for partners who do not run Wieg, all of them here: documents
//! (the plan, minutes, action items, the progress report, a grant's
//! account, the plan as the AZWA work agenda), sheets (the
//! network for Kumu and Excel), calendar files (`ics`) and the archive of
//! the whole coalition. Each export builds one [`Document`] (or a set of
//! [`Sheet`]s) from the data and renders it to the format asked for; the
//! same data gives the same file, apart from the creation date. Files are
//! written atomically: a temporary name, then a rename.

mod archive;
mod chart;
pub mod doc;
mod docx;
pub mod dutch;
mod grant;
mod ics;
mod minutes;
mod network;
mod odt;
mod package;
mod pdf;
mod plan;
mod report;
pub mod sheet;
mod werkagenda;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use ts_rs::TS;
use uuid::Uuid;

pub use archive::RestoreReport;
pub use doc::{Block, Cover, Document, Image, Span, Table};
pub use sheet::{Cell, Sheet};

use crate::error::{Error, Result, ValidationCode};
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;
use minutes::action_items_file_stem;

dutch_choice!(
    /// A file format for partners (`zip`: the whole-coalition archive).
    ExportFormat {
        Docx = "docx",
        Odt = "odt",
        Pdf = "pdf",
        Xlsx = "xlsx",
        Csv = "csv",
        Zip = "zip",
    }
);

/// What to export: the app and the CLI name it so.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportRequest {
    /// The current action plan.
    Plan,
    /// The minutes of one meeting; confidential agenda items only when asked.
    Minutes { meeting: Uuid, confidential: bool },
    /// All open action items.
    ActionItems,
    /// The progress report over a period (dates as `2025-01-01` or `1-1-2025`).
    Report { from: String, to: String },
    /// One grant's account to its funder: a document, or its spending as
    /// a workbook.
    Grant { funding: Uuid },
    /// The current plan in the parts of the AZWA *werkagenda* format, for
    /// Kansrijke start.
    Werkagenda,
    /// The whole coalition as one archive (format `zip`).
    Archive,
    /// The network as Kumu's workbook (format `xlsx`; the two CSV files
    /// come from [`Workspace::export_network_csv`]).
    Network,
}

impl Workspace {
    pub fn export_file(
        &self,
        request: &ExportRequest,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<ExportFile> {
        self.prepare_export(request, format, created)?.render()
    }

    /// Everything an export needs from the database; rendering it (the
    /// slow part of a PDF) needs no workspace, so the app does that
    /// without holding it.
    pub fn prepare_export(
        &self,
        request: &ExportRequest,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<Prepared> {
        match request {
            ExportRequest::Plan => self.prepare_plan(None, format, created),
            ExportRequest::Minutes {
                meeting,
                confidential,
            } => self.prepare_minutes(*meeting, format, *confidential, created),
            ExportRequest::ActionItems => self.prepare_action_items(format, created),
            ExportRequest::Report { from, to } => {
                let (from, to) = report::report_period(from, to)?;
                self.prepare_report(from, to, format, created)
            }
            ExportRequest::Grant { funding } => self.prepare_grant(*funding, format, created),
            ExportRequest::Werkagenda => self.prepare_werkagenda(format, created),
            ExportRequest::Archive if format == ExportFormat::Zip => {
                self.export_archive(created).map(Prepared::File)
            }
            ExportRequest::Archive => Err(unsupported(format, &[ExportFormat::Zip])),
            ExportRequest::Network if format == ExportFormat::Xlsx => {
                self.network_workbook(created).map(Prepared::File)
            }
            ExportRequest::Network => Err(unsupported(format, &[ExportFormat::Xlsx])),
        }
    }

    /// The name a file gets without rendering it: for a save dialog.
    pub fn export_file_name(
        &self,
        request: &ExportRequest,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<String> {
        let stem = match request {
            ExportRequest::Plan => self.plan_file_stem(None)?.1,
            ExportRequest::Minutes { meeting, .. } => self.minutes_file_stem(*meeting)?,
            ExportRequest::ActionItems => action_items_file_stem(created),
            ExportRequest::Report { from, to } => {
                let (from, to) = report::report_period(from, to)?;
                report::report_file_stem(from, to)
            }
            ExportRequest::Grant { funding } => self.grant_file_stem(*funding)?,
            ExportRequest::Werkagenda => werkagenda::werkagenda_file_stem(created),
            ExportRequest::Archive => return self.export_archive_name(created),
            ExportRequest::Network => return Ok(self.network_workbook(created)?.file_name),
        };
        Ok(file_name(&stem, format))
    }
}

impl Workspace {
    /// What every document starts with: the coalition's logo (when one was
    /// chosen) and the title with the lines under it.
    pub(crate) fn title_page(
        &self,
        doc: &mut Document,
        title: impl Into<String>,
        lines: Vec<String>,
    ) -> Result<()> {
        self.logo(doc)?;
        doc.blocks.push(Block::Title {
            title: title.into(),
            lines,
        });
        Ok(())
    }

    /// A cover page of its own, for the documents a partner files: the logo,
    /// the title, the coalition and the facts (period, status, date).
    pub(crate) fn cover_page(&self, doc: &mut Document, cover: Cover) -> Result<()> {
        self.logo(doc)?;
        doc.blocks.push(Block::Cover(cover));
        Ok(())
    }

    fn logo(&self, doc: &mut Document) -> Result<()> {
        let Some(png) = self.coalition_logo()? else {
            return Ok(());
        };
        let size = image::ImageReader::new(std::io::Cursor::new(&png))
            .with_guessed_format()
            .ok()
            .and_then(|r| r.into_dimensions().ok());
        if let Some((w, h)) = size.filter(|(w, h)| *w > 0 && *h > 0) {
            // At most 5 cm wide and 2.5 cm high.
            let width_cm = (2.5 * w as f32 / h as f32).min(5.0);
            doc.blocks.push(Block::Image(Image {
                png,
                width_px: w,
                height_px: h,
                width_cm,
                alt: format!("Logo van {}", doc.author),
            }));
        }
        Ok(())
    }
}

/// An export read from the database: a finished file, or a document still
/// to be rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum Prepared {
    File(ExportFile),
    Document {
        doc: Document,
        format: ExportFormat,
        file_name: String,
    },
}

impl Prepared {
    fn file(file_name: String, bytes: Vec<u8>) -> Self {
        Prepared::File(ExportFile { file_name, bytes })
    }

    pub fn render(self) -> Result<ExportFile> {
        match self {
            Prepared::File(file) => Ok(file),
            Prepared::Document {
                doc,
                format,
                file_name,
            } => Ok(ExportFile {
                bytes: render_document(&doc, format)?,
                file_name,
            }),
        }
    }
}

/// A rendered file and the name it gets by default.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        self.code()
    }
}

/// A document as DOCX, ODT or PDF.
pub fn render_document(doc: &Document, format: ExportFormat) -> Result<Vec<u8>> {
    documents_only(format)?;
    match format {
        ExportFormat::Docx => docx::render(doc),
        ExportFormat::Odt => odt::render(doc),
        _ => pdf::render(doc),
    }
}

/// Refuse a format that is not a document (DOCX, ODT, PDF).
pub(crate) fn documents_only(format: ExportFormat) -> Result<()> {
    match format {
        ExportFormat::Docx | ExportFormat::Odt | ExportFormat::Pdf => Ok(()),
        _ => Err(unsupported(
            format,
            &[ExportFormat::Docx, ExportFormat::Odt, ExportFormat::Pdf],
        )),
    }
}

/// "Kies docx, odt of pdf": the format does not fit this export.
pub(crate) fn unsupported(format: ExportFormat, allowed: &[ExportFormat]) -> Error {
    let allowed: Vec<&str> = allowed.iter().map(|f| f.code()).collect();
    Error::validation(
        "format",
        ValidationCode::InvalidChoice,
        format!(
            "dit kan niet als {}; kies {}",
            format.code(),
            allowed.join(", ")
        ),
    )
}

/// A name that is valid on Windows, macOS and Linux: no reserved
/// characters, no trailing dots or spaces, no device name of Windows, not
/// too long.
pub fn file_name(stem: &str, format: ExportFormat) -> String {
    file_name_with(stem, format.extension())
}

/// [`file_name`] with any extension.
pub fn file_name_with(stem: &str, extension: &str) -> String {
    let mut clean: String = stem
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '-',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() > MAX_STEM {
        clean = clean.chars().take(MAX_STEM).collect();
    }
    let clean = clean.trim_end_matches(['.', ' ']);
    let clean = if clean.is_empty() { "Export" } else { clean };
    // `CON`, `aux.txt`, `Com1 verslag`: Windows opens a device instead.
    let base_len = clean.find('.').unwrap_or(clean.len());
    let base = clean[..base_len].trim_end_matches(' ');
    if is_windows_device(base) {
        format!("{base}_{}.{extension}", &clean[base.len()..])
    } else {
        format!("{clean}.{extension}")
    }
}

/// Characters of a stem we make (Windows allows 255 per name).
const MAX_STEM: usize = 120;

/// The longest path Windows programs such as Explorer and Office open
/// without trouble (MAX_PATH, 260, less the closing NUL).
pub const MAX_WINDOWS_PATH: usize = 259;

/// Names Windows keeps for devices, in any case and with any extension.
fn is_windows_device(base: &str) -> bool {
    let upper = base.to_uppercase();
    match upper.as_str() {
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$" => true,
        _ => {
            let mut chars = upper.chars();
            let prefix: String = chars.by_ref().take(3).collect();
            let rest: Vec<char> = chars.collect();
            (prefix == "COM" || prefix == "LPT")
                && matches!(rest.as_slice(), [d] if d.is_ascii_digit() || matches!(d, '¹' | '²' | '³'))
        }
    }
}

/// Why `name` cannot be a file name on Windows, in Dutch; `None` when it
/// can. Checked on every platform: files land in folders that Windows
/// laptops read too.
pub fn windows_name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() || name == "." || name == ".." {
        return Some("een bestandsnaam is nodig");
    }
    if name.chars().any(|c| {
        matches!(c, '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*') || c.is_control()
    }) {
        return Some("tekens als < > : \" / \\ | ? * kunnen op Windows niet in een bestandsnaam");
    }
    if name.ends_with(['.', ' ']) {
        return Some("Windows laat een punt of spatie aan het eind van een naam weg");
    }
    let base = name[..name.find('.').unwrap_or(name.len())].trim_end_matches(' ');
    if is_windows_device(base) {
        return Some(
            "Windows gebruikt deze naam voor een apparaat (CON, PRN, AUX, NUL, COM1, LPT1 …)",
        );
    }
    if name.encode_utf16().count() > 255 {
        return Some("de naam is langer dan de 255 tekens die Windows toestaat");
    }
    None
}

/// `name` in `dir`, its stem shortened when the whole path would be longer
/// than Windows programs open ([`MAX_WINDOWS_PATH`]); never below 20
/// characters (the path stays long then, which Wieg itself can write).
pub fn fit_in(dir: &Path, name: &str) -> String {
    let dir_len = dir.as_os_str().to_string_lossy().encode_utf16().count() + 1;
    let len = |s: &str| s.encode_utf16().count();
    if dir_len + len(name) <= MAX_WINDOWS_PATH {
        return name.to_string();
    }
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    let room = MAX_WINDOWS_PATH.saturating_sub(dir_len + len(ext));
    let mut short = String::new();
    for c in stem.chars() {
        if len(&short) + c.len_utf16() > room.max(20) {
            break;
        }
        short.push(c);
    }
    let short = short.trim_end_matches(['.', ' ', '-']);
    format!("{short}{ext}")
}

/// Write `file` to `target`: a file path, or a folder to put it in under
/// its own name (shortened to fit a Windows path); a path ending in a
/// separator is a folder, made when it is not there yet. Returns the path
/// written. A name Windows cannot have is refused; a file another program
/// holds open (Word and Excel lock what they show) is named as such.
pub fn save(file: &ExportFile, target: &Path) -> Result<PathBuf> {
    // `exports/` names a folder even before it exists: made, not taken as
    // a file called "exports".
    let text = target.as_os_str().to_string_lossy();
    if !target.is_dir() && (text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR)) {
        std::fs::create_dir_all(target).map_err(|e| Error::io(target, e))?;
    }
    let path = if target.is_dir() {
        target.join(fit_in(target, &file.file_name))
    } else {
        target.to_path_buf()
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::InvalidInput(format!("{} is geen bestandsnaam", path.display())))?
        .to_string_lossy()
        .into_owned();
    if let Some(problem) = windows_name_problem(&name) {
        return Err(Error::validation(
            "out",
            ValidationCode::InvalidChoice,
            format!("‘{name}’ kan niet als bestandsnaam: {problem}; kies een andere naam"),
        ));
    }
    crate::sync::folder::write_replacing(&dir, &name, &file.bytes)
        .map_err(|e| Error::io(&path, held_open(e)))?;
    Ok(path)
}

/// Windows refuses to replace a file another program has open without
/// sharing it (ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION,
/// ERROR_LOCK_VIOLATION): say so in words a coordinator can act on.
fn held_open(e: std::io::Error) -> std::io::Error {
    if cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33)) {
        std::io::Error::new(
            e.kind(),
            "het bestand is geopend in een ander programma (Word, Excel?): sluit het en probeer het opnieuw",
        )
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_valid_everywhere() {
        assert_eq!(
            file_name(
                "Notulen 2026-11-30 Stuurgroep: \"jaarplan\"?",
                ExportFormat::Pdf
            ),
            "Notulen 2026-11-30 Stuurgroep- -jaarplan--.pdf"
        );
        assert_eq!(file_name(" ..", ExportFormat::Docx), "Export.docx");
        assert_eq!(file_name(&"a".repeat(300), ExportFormat::Odt).len(), 124);
    }
}
