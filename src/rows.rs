//! Reading typed rows back: the small conversions every area's table needs.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};
use uuid::Uuid;

use crate::error::{Error, Result};

/// One row by id from `select` (a `SELECT … FROM table`), or NotFound(`what`).
pub(crate) fn by_id<T>(
    conn: &Connection,
    select: &str,
    id: Uuid,
    what: &'static str,
    from_row: fn(&Row) -> rusqlite::Result<T>,
) -> Result<T> {
    conn.prepare_cached(&format!("{select} WHERE id = ?1"))?
        .query_row([id.to_string()], from_row)
        .optional()?
        .ok_or(Error::NotFound {
            what,
            id: id.to_string(),
        })
}

/// A nullable date column (`2026-11-30`).
pub(crate) fn date(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(r.get::<_, Option<String>>(i)?.and_then(|d| d.parse().ok()))
}

/// A UUID column; a value that is not one (never written by Wieg) reads as nil.
pub(crate) fn uuid(r: &Row, i: usize) -> rusqlite::Result<Uuid> {
    Ok(Uuid::try_parse(&r.get::<_, String>(i)?).unwrap_or_default())
}
