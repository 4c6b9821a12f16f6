//! The network for partners who do not run Wieg: CSV as Dutch Excel opens
//! it (`;`, UTF-8 with BOM, dates as 30-11-2026), and an Excel workbook with
//! the two sheets Kumu imports ("Elements" and "Connections"). Both read
//! back into Wieg with [`Workspace::import_file`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::error::Result;
use crate::export::{self, sheet, Cell, ExportFile, ExportFormat, Sheet};
use crate::workspace::Workspace;

/// Column names: (CSV in Dutch, workbook as Kumu reads them).
type Headers = &'static [(&'static str, &'static str)];

const ORGANISATION_HEADERS: Headers = &[
    ("Naam", "Label"),
    ("Soort", "Type"),
    ("Domein", "Domain"),
    ("Plaats", "Place"),
    ("Website", "Website"),
    ("Telefoon", "Phone"),
    ("Status", "Status"),
    ("Betrokken sinds", "Involved since"),
    ("Convenant getekend", "Signed on"),
    ("Getekend door", "Signatory"),
    ("Convenantversie", "Covenant version"),
    ("Gestopt", "Left on"),
    ("Gemeenten", "Municipalities"),
    ("Notities", "Description"),
];

const RELATION_HEADERS: Headers = &[
    ("Van", "From"),
    ("Naar", "To"),
    ("Type", "Type"),
    ("Sterkte", "Strength"),
    ("Start", "Start"),
    ("Eind", "End"),
    ("Notitie", "Description"),
];

impl Workspace {
    /// The organisations and relations, with Dutch headers for CSV or
    /// Kumu's for its workbook.
    fn network_sheets(&self, kumu: bool) -> Result<[Sheet; 2]> {
        let organisations = self.list_organisations(&Default::default())?;
        let municipalities: HashMap<Uuid, String> = self
            .list_municipalities(false)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        let names: HashMap<Uuid, &str> = organisations
            .iter()
            .map(|o| (o.id, o.name.as_str()))
            .collect();
        let text = |s: &str| Cell::Text(s.to_string());
        let elements = organisations
            .iter()
            .map(|o| {
                let mut served: Vec<&str> = o
                    .municipalities
                    .iter()
                    .filter_map(|m| municipalities.get(m).map(String::as_str))
                    .collect();
                served.sort_unstable();
                vec![
                    text(&o.name),
                    text(o.kind.label()),
                    text(o.domain.label()),
                    text(&o.place),
                    text(&o.website),
                    text(&o.phone),
                    text(o.status.label()),
                    Cell::Date(o.involved_since),
                    Cell::Date(o.signed_on),
                    text(&o.signatory),
                    text(&o.covenant_version),
                    Cell::Date(o.left_on),
                    // Kumu's separator for several values in one cell.
                    text(&served.join("|")),
                    text(&o.notes),
                ]
            })
            .collect();
        let connections = self
            .list_relations(None)?
            .iter()
            .map(|r| {
                let name = |id: &Uuid| names.get(id).copied().unwrap_or_default();
                vec![
                    text(name(&r.from_org)),
                    text(name(&r.to_org)),
                    text(r.kind.label()),
                    Cell::Int(r.strength.into()),
                    Cell::Date(r.start_date),
                    Cell::Date(r.end_date),
                    text(&r.note),
                ]
            })
            .collect();
        let sheet = |names: (&str, &str), headers: Headers, rows| Sheet {
            name: if kumu { names.1 } else { names.0 }.to_string(),
            headers: headers
                .iter()
                .map(|h| if kumu { h.1 } else { h.0 }.to_string())
                .collect(),
            rows,
        };
        Ok([
            sheet(("organisaties", "Elements"), ORGANISATION_HEADERS, elements),
            sheet(
                ("verbindingen", "Connections"),
                RELATION_HEADERS,
                connections,
            ),
        ])
    }

    /// The network for partners as `format` asks: two CSV files next to
    /// `path` ([`Self::export_network_csv`]) or Kumu's workbook at `path`.
    /// Returns the files written.
    pub fn export_network(&self, format: ExportFormat, path: &Path) -> Result<Vec<PathBuf>> {
        match format {
            ExportFormat::Csv => self.export_network_csv(path),
            ExportFormat::Xlsx => {
                self.export_network_xlsx(path)?;
                Ok(vec![path.to_path_buf()])
            }
            other => Err(export::unsupported(
                other,
                &[ExportFormat::Csv, ExportFormat::Xlsx],
            )),
        }
    }

    /// Two CSV files next to `path`: `<name>-organisaties.csv` and
    /// `<name>-verbindingen.csv`, each written whole or not at all. Returns
    /// their paths.
    pub fn export_network_csv(&self, path: &Path) -> Result<Vec<PathBuf>> {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "netwerk".into());
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut written = Vec::new();
        for table in self.network_sheets(false)? {
            let file = ExportFile {
                file_name: format!("{stem}-{}.csv", table.name),
                bytes: sheet::csv(&table)?,
            };
            written.push(export::save(&file, &dir.join(&file.file_name))?);
        }
        Ok(written)
    }

    /// An Excel workbook with the sheets "Elements" and "Connections", as
    /// Kumu imports them.
    pub fn export_network_xlsx(&self, path: &Path) -> Result<()> {
        export::save(&self.network_workbook(self.today())?, path).map(drop)
    }

    /// The Kumu workbook as a file named `Netwerk <coalitie>.xlsx`.
    pub fn network_workbook(&self, created: chrono::NaiveDate) -> Result<ExportFile> {
        let coalition = self.require_coalition()?.name;
        let bytes = sheet::xlsx(
            &self.network_sheets(true)?,
            &format!("Netwerk {coalition}"),
            &coalition,
            created,
        )?;
        Ok(ExportFile {
            file_name: export::file_name(&format!("Netwerk {coalition}"), ExportFormat::Xlsx),
            bytes,
        })
    }
}
