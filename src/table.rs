//! Tables as partners send them: CSV with `;`, `,` or tabs, in UTF-8 (with
//! or without BOM) or Windows-1252, and Excel/LibreOffice workbooks. Every
//! sheet becomes a header row and data rows of text cells, with the line
//! (or row) number a person sees in their spreadsheet program.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    /// The line in the CSV file, or the row in the sheet, counting from 1.
    pub line: u64,
    pub cells: Vec<String>,
}

impl TableRow {
    /// The trimmed cell in `column`, empty when the row is short.
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", |c| c.trim())
    }
}

/// Read a table file: a workbook (by its content, not its name) or CSV.
pub fn read_table(path: &Path) -> Result<Vec<Sheet>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes.is_empty() {
        return Err(Error::InvalidInput(format!("{} is leeg", path.display())));
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Zip (xlsx, ods) or the old binary Excel format.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        read_workbook(bytes)
    } else {
        Ok(vec![read_csv(&name, &bytes)?])
    }
}

/// Text from bytes: UTF-8 (a BOM is dropped), otherwise Windows-1252, the
/// encoding Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" in.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// The separator of the header line: the most frequent of `;`, `,` and tab
/// outside quotes (Dutch Excel writes `;`, most other programs `,`).
fn detect_separator(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(c) = counts.iter_mut().find(|(sep, _)| *sep == b) {
                c.1 += 1;
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(sep, n)| (*n, *sep == b';'))
        .map_or(b';', |(sep, _)| *sep)
}

pub fn read_csv(name: &str, bytes: &[u8]) -> Result<Sheet> {
    let text = decode_text(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    // The line a record starts on, counted from its byte offset: the
    // reader's own line count includes the blank lines it skipped.
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0u64);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            Error::InvalidInput(format!(
                "het CSV-bestand is niet te lezen (regel {line}): {e}"
            ))
        })?;
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        newlines += bytes[counted_to..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        counted_to = start;
        let line = newlines + 1;
        match headers {
            None => headers = Some(cells.iter().map(|c| c.trim().to_string()).collect()),
            Some(_) => rows.push(TableRow { line, cells }),
        }
    }
    Ok(Sheet {
        name: name.to_string(),
        headers: headers.unwrap_or_default(),
        rows,
    })
}

fn read_workbook(bytes: Vec<u8>) -> Result<Vec<Sheet>> {
    let unreadable =
        |e: calamine::Error| Error::InvalidInput(format!("het werkboek is niet te lezen: {e}"));
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).map_err(unreadable)?;
        let first_row = range.start().map_or(0, |(row, _)| row as u64);
        let mut headers: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            match headers {
                None => headers = Some(cells.iter().map(|c| c.trim().to_string()).collect()),
                Some(_) => rows.push(TableRow {
                    line: first_row + i as u64 + 1,
                    cells,
                }),
            }
        }
        if let Some(headers) = headers {
            sheets.push(Sheet {
                name,
                headers,
                rows,
            });
        }
    }
    Ok(sheets)
}

/// A cell as text: dates as `2024-03-01`, whole numbers without `.0`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nee" }.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_encoding_quotes_and_empty_lines() {
        let sheet = read_csv(
            "t",
            b"\xEF\xBB\xBFNaam;Plaats\r\n\r\n\"Caf\xC3\xA9; de Zon\";Venlo\r\n;\r\nB;\r\n",
        )
        .unwrap();
        assert_eq!(sheet.headers, ["Naam", "Plaats"]);
        assert_eq!(sheet.rows.len(), 2);
        assert_eq!(sheet.rows[0].cell(0), "Café; de Zon");
        assert_eq!(sheet.rows[0].line, 3);
        assert_eq!(sheet.rows[1].cell(1), "");

        // Windows-1252: é is one byte 0xE9, ë is 0xEB.
        let sheet = read_csv("t", b"Name,Place\nCaf\xE9 Ren\xEBe,\"Roermond, Zuid\"\n").unwrap();
        assert_eq!(sheet.rows[0].cells, ["Café Renëe", "Roermond, Zuid"]);
        assert_eq!(detect_separator("a\tb\tc"), b'\t');
        assert_eq!(detect_separator("\"a;b\",c"), b',');
    }
}
