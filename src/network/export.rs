//! The network for partners who do not run Wieg: CSV as Dutch Excel opens
//! it (`;`, UTF-8 with BOM, dates as 30-11-2026), and an Excel workbook with
//! the two sheets Kumu imports ("Elements" and "Connections"). Both read
//! back into Wieg with [`Workspace::import_file`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::workspace::Workspace;

enum Cell {
    Text(String),
    Date(Option<NaiveDate>),
    Number(u8),
}

struct Table {
    /// Sheet name in the workbook, suffix of the CSV file.
    name: (&'static str, &'static str),
    /// Column names: (CSV in Dutch, workbook as Kumu reads them).
    headers: &'static [(&'static str, &'static str)],
    rows: Vec<Vec<Cell>>,
}

const ORGANISATION_HEADERS: &[(&str, &str)] = &[
    ("Naam", "Label"),
    ("Soort", "Type"),
    ("Domein", "Domain"),
    ("Plaats", "Place"),
    ("Website", "Website"),
    ("Status", "Status"),
    ("Betrokken sinds", "Involved since"),
    ("Convenant getekend", "Signed on"),
    ("Getekend door", "Signatory"),
    ("Convenantversie", "Covenant version"),
    ("Gestopt", "Left on"),
    ("Gemeenten", "Municipalities"),
    ("Notities", "Description"),
];

const RELATION_HEADERS: &[(&str, &str)] = &[
    ("Van", "From"),
    ("Naar", "To"),
    ("Type", "Type"),
    ("Sterkte", "Strength"),
    ("Start", "Start"),
    ("Eind", "End"),
    ("Notitie", "Description"),
];

impl Workspace {
    fn network_tables(&self) -> Result<[Table; 2]> {
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
                    text(o.kind.code()),
                    text(o.domain.code()),
                    text(&o.place),
                    text(&o.website),
                    text(o.status.code()),
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
                    text(r.kind.code()),
                    Cell::Number(r.strength),
                    Cell::Date(r.start_date),
                    Cell::Date(r.end_date),
                    text(&r.note),
                ]
            })
            .collect();
        Ok([
            Table {
                name: ("organisaties", "Elements"),
                headers: ORGANISATION_HEADERS,
                rows: elements,
            },
            Table {
                name: ("verbindingen", "Connections"),
                headers: RELATION_HEADERS,
                rows: connections,
            },
        ])
    }

    /// Two CSV files next to `path`: `<name>-organisaties.csv` and
    /// `<name>-verbindingen.csv`. Returns their paths.
    pub fn export_network_csv(&self, path: &Path) -> Result<Vec<PathBuf>> {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "netwerk".into());
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut written = Vec::new();
        for table in self.network_tables()? {
            let target = dir.join(format!("{stem}-{}.csv", table.name.0));
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            {
                let mut out = csv::WriterBuilder::new()
                    .delimiter(b';')
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(&mut bytes);
                let csv_error = |e: csv::Error| Error::InvalidInput(e.to_string());
                out.write_record(table.headers.iter().map(|h| h.0))
                    .map_err(csv_error)?;
                for row in &table.rows {
                    out.write_record(row.iter().map(|cell| {
                        match cell {
                            Cell::Text(t) => t.clone(),
                            Cell::Date(d) => d
                                .map(|d| d.format("%d-%m-%Y").to_string())
                                .unwrap_or_default(),
                            Cell::Number(n) => n.to_string(),
                        }
                    }))
                    .map_err(csv_error)?;
                }
                out.flush().map_err(|e| Error::io(&target, e))?;
            }
            std::fs::write(&target, bytes).map_err(|e| Error::io(&target, e))?;
            written.push(target);
        }
        Ok(written)
    }

    /// An Excel workbook with the sheets "Elements" and "Connections", as
    /// Kumu imports them.
    pub fn export_network_xlsx(&self, path: &Path) -> Result<()> {
        let xlsx_error = |e: XlsxError| Error::InvalidInput(format!("Excel-bestand: {e}"));
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let date = Format::new().set_num_format("dd-mm-yyyy");
        for table in self.network_tables()? {
            let sheet = book.add_worksheet();
            sheet.set_name(table.name.1).map_err(xlsx_error)?;
            for (col, header) in table.headers.iter().enumerate() {
                sheet
                    .write_string_with_format(0, col as u16, header.1, &bold)
                    .map_err(xlsx_error)?;
            }
            for (i, row) in table.rows.iter().enumerate() {
                let r = i as u32 + 1;
                for (c, cell) in row.iter().enumerate() {
                    let c = c as u16;
                    match cell {
                        Cell::Text(t) if !t.is_empty() => {
                            sheet.write_string(r, c, t).map_err(xlsx_error)?;
                        }
                        Cell::Date(Some(d)) => {
                            let when = ExcelDateTime::from_ymd(
                                d.year() as u16,
                                d.month() as u8,
                                d.day() as u8,
                            )
                            .map_err(xlsx_error)?;
                            sheet
                                .write_datetime_with_format(r, c, &when, &date)
                                .map_err(xlsx_error)?;
                        }
                        Cell::Number(n) => {
                            sheet
                                .write_number(r, c, f64::from(*n))
                                .map_err(xlsx_error)?;
                        }
                        _ => {}
                    }
                }
            }
            sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
            sheet.autofit();
        }
        book.save(path).map_err(xlsx_error)
    }
}
