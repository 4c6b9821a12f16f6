//! Full-text search over minutes, decisions and action items (SQLite FTS5):
//! case and diacritics are ignored, every word is also a prefix (so
//! "zwanger" finds "zwangerschappen"), and every word must occur.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::Result;
use crate::rows;
use crate::workspace::Workspace;

/// Marks around the matched words in a snippet.
pub const MATCH_START: &str = "\u{2}";
pub const MATCH_END: &str = "\u{3}";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    /// agendapunt, besluit or actiepunt.
    pub kind: String,
    pub id: Uuid,
    pub meeting: Uuid,
    pub meeting_title: String,
    pub meeting_date: Option<NaiveDate>,
    /// A piece of the text with the matches between U+0002 and U+0003.
    pub snippet: String,
}

/// The user's words as an FTS5 query: each quoted (so no word is read as
/// syntax) and a prefix.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Workspace {
    /// At most `limit` matches, the most recently written first: a log of
    /// minutes is read newest first, and the index then stops at `limit`
    /// instead of ranking every match (a common word is in most minutes).
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(query) = fts_query(text) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.kind, s.ref, s.meeting, m.title, m.date, \
             snippet(search_index, -1, ?2, ?3, '…', 12) \
             FROM search_index s JOIN meetings m ON m.id = s.meeting AND m.deleted = 0 \
             WHERE search_index MATCH ?1 ORDER BY s.rowid DESC LIMIT ?4",
        )?;
        let hits = stmt.query_map(
            rusqlite::params![query, MATCH_START, MATCH_END, limit as i64],
            |r| {
                Ok(SearchHit {
                    kind: r.get(0)?,
                    id: rows::uuid(r, 1)?,
                    meeting: rows::uuid(r, 2)?,
                    meeting_title: r.get(3)?,
                    meeting_date: rows::date(r, 4)?,
                    snippet: r.get(5)?,
                })
            },
        )?;
        Ok(hits.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_quoted_prefixes_and_syntax_is_text() {
        assert_eq!(
            fts_query("Zwanger hulp").as_deref(),
            Some("\"Zwanger\"* \"hulp\"*")
        );
        assert_eq!(
            fts_query("NOT \"x\" OR (y)").as_deref(),
            Some("\"NOT\"* \"x\"* \"OR\"* \"y\"*")
        );
        assert_eq!(fts_query(" *-: "), None);
    }
}
