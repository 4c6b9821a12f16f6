//! Tables for spreadsheets: XLSX for Excel (real numbers, amounts and dates,
//! a frozen bold header row, a filter) and CSV as Dutch Excel opens it (`;`,
//! UTF-8 with BOM, CRLF, dates as 30-11-2026, amounts as 1234,50).

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Whole cents, shown as euros.
    Money(i64),
    Date(Option<NaiveDate>),
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The worksheet's name (at most 31 characters, no `[]:*?/\`).
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    pub fn new(name: &str, headers: &[&str]) -> Self {
        Sheet {
            name: name.to_string(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }
}

/// A workbook of these sheets; `created` is its only varying property.
pub fn xlsx(sheets: &[Sheet], title: &str, author: &str, created: NaiveDate) -> Result<Vec<u8>> {
    let failed = |e: XlsxError| Error::InvalidInput(format!("Excel-bestand: {e}"));
    let mut book = Workbook::new();
    let when = ExcelDateTime::from_ymd(
        created.year() as u16,
        created.month() as u8,
        created.day() as u8,
    )
    .map_err(failed)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author(author)
            .set_creation_datetime(&when),
    );
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    // Excel shows this as € 1.234,50 in a Dutch locale.
    let money = Format::new().set_num_format("\"€\" #,##0.00");
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(failed)?;
        for (c, header) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, header, &bold)
                .map_err(failed)?;
        }
        for (i, row) in sheet.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(t) if t.is_empty() => {}
                    Cell::Text(t) => {
                        ws.write_string(r, c, t).map_err(failed)?;
                    }
                    Cell::Int(n) => {
                        ws.write_number(r, c, *n as f64).map_err(failed)?;
                    }
                    Cell::Money(cents) => {
                        ws.write_number_with_format(r, c, *cents as f64 / 100.0, &money)
                            .map_err(failed)?;
                    }
                    Cell::Date(Some(d)) => {
                        let when = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(failed)?;
                        ws.write_datetime_with_format(r, c, &when, &date)
                            .map_err(failed)?;
                    }
                    Cell::Date(None) => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0).map_err(failed)?;
        if !sheet.headers.is_empty() {
            ws.autofilter(
                0,
                0,
                sheet.rows.len() as u32,
                sheet.headers.len() as u16 - 1,
            )
            .map_err(failed)?;
        }
        ws.autofit();
    }
    book.save_to_buffer().map_err(failed)
}

/// One sheet as CSV for Dutch Excel.
pub fn csv(sheet: &Sheet) -> Result<Vec<u8>> {
    let failed = |e: &dyn std::fmt::Display| Error::InvalidInput(format!("CSV: {e}"));
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut out = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        out.write_record(&sheet.headers).map_err(|e| failed(&e))?;
        for row in &sheet.rows {
            out.write_record(row.iter().map(|cell| match cell {
                Cell::Text(t) => t.clone(),
                Cell::Int(n) => n.to_string(),
                Cell::Money(cents) => {
                    let sign = if *cents < 0 { "-" } else { "" };
                    let c = cents.unsigned_abs();
                    format!("{sign}{},{:02}", c / 100, c % 100)
                }
                Cell::Date(d) => super::dutch::short_date(*d),
            }))
            .map_err(|e| failed(&e))?;
        }
        out.flush().map_err(|e| failed(&e))?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_what_dutch_excel_expects() {
        let mut sheet = Sheet::new("Acties", &["Actie", "Budget", "Eind"]);
        sheet.rows.push(vec![
            "Scholing \"Nu Niet Zwanger\"; regio".into(),
            Cell::Money(123_450),
            Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 30)),
        ]);
        let text = String::from_utf8(csv(&sheet).unwrap()).unwrap();
        assert_eq!(
            text,
            "\u{feff}Actie;Budget;Eind\r\n\"Scholing \"\"Nu Niet Zwanger\"\"; regio\";1234,50;30-11-2026\r\n"
        );
    }
}
