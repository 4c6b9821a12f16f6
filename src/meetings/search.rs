//! Full-text search over minutes, decisions and action items (SQLite FTS5):
//! case and diacritics are ignored, every word must occur, and a word is
//! found where it starts a word ("zwanger" finds "zwangerschappen") and
//! inside a compound ("zwangerschap" finds "CenteringZwangerschap" and
//! "tienerzwangerschap", "gezondheid" finds "jeugdgezondheidszorg").
//!
//! Two indexes on the same rows: `search_index` of words (every word also a
//! prefix), which keeps the text, and `search_parts` of every three letters
//! (trigram), which finds any piece of three letters or more. Matches at the
//! start of a word come first, then matches inside a word, each newest
//! first. A word of one or two letters only matches the start of a word: it
//! has no three letters to look up. The snippet of a match inside a word is
//! cut here, not by FTS5: the trigram index keeps no text, and its snippet
//! would count three-letter pieces rather than words.

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::Result;
use crate::rows;
use crate::vocabulary::fold;
use crate::workspace::Workspace;

/// Marks around the matched words in a snippet.
pub const MATCH_START: &str = "\u{2}";
pub const MATCH_END: &str = "\u{3}";

/// Words of a snippet, as FTS5 counts them for the word index.
const SNIPPET_WORDS: usize = 12;

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

/// A hit from a row of `rowid, kind, ref, meeting, meeting title, meeting
/// date, …` (both queries below start so).
fn hit_from(r: &rusqlite::Row, snippet: String) -> rusqlite::Result<SearchHit> {
    Ok(SearchHit {
        kind: r.get(1)?,
        id: rows::uuid(r, 2)?,
        meeting: rows::uuid(r, 3)?,
        meeting_title: r.get(4)?,
        meeting_date: rows::date(r, 5)?,
        snippet,
    })
}

/// The user's words: letters and digits, anything else separates them (so
/// no word is read as query syntax).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word the trigram index can look up: three letters or more.
fn has_trigram(word: &str) -> bool {
    word.chars().count() >= 3
}

/// Words as an FTS5 query of the word index: each quoted and a prefix.
fn fts_query(words: &[&str]) -> Option<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"*")).collect();
    (!quoted.is_empty()).then(|| quoted.join(" "))
}

/// Words as an FTS5 query of the trigram index: each quoted, so it is found
/// as a piece of the text.
fn parts_query(words: &[&str]) -> Option<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    (!quoted.is_empty()).then(|| quoted.join(" "))
}

impl Workspace {
    /// At most `limit` matches: those at the start of a word first, then
    /// those inside a word (a compound), each the most recently written
    /// first. A log of minutes is read newest first, and each index then
    /// stops at `limit` instead of ranking every match (a common word is in
    /// most minutes); the compound index is not read when the word index
    /// already has `limit` matches.
    pub fn search(&self, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let words = words(text);
        let Some(query) = fts_query(&words) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.rowid, s.kind, s.ref, s.meeting, m.title, m.date, \
             snippet(search_index, -1, ?2, ?3, '…', 12) \
             FROM search_index s JOIN meetings m ON m.id = s.meeting AND m.deleted = 0 \
             WHERE search_index MATCH ?1 ORDER BY s.rowid DESC LIMIT ?4",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![query, MATCH_START, MATCH_END, limit as i64],
            |r| Ok((r.get::<_, i64>(0)?, hit_from(r, r.get(6)?)?)),
        )?;
        let mut seen = HashSet::new();
        let mut hits = Vec::new();
        for row in rows {
            let (rowid, hit) = row?;
            seen.insert(rowid);
            hits.push(hit);
        }
        if hits.len() >= limit {
            return Ok(hits);
        }

        // Inside compounds: the longer words as pieces of the text, the short
        // ones still at the start of a word. Every match above is found here
        // too, so read that many more.
        let (long, short): (Vec<&str>, Vec<&str>) =
            words.iter().copied().partition(|w| has_trigram(w));
        let Some(parts) = parts_query(&long) else {
            return Ok(hits);
        };
        let sql = format!(
            "SELECT p.rowid, s.kind, s.ref, s.meeting, m.title, m.date, s.title, s.body \
             FROM search_parts p JOIN search_index s ON s.rowid = p.rowid \
             JOIN meetings m ON m.id = s.meeting AND m.deleted = 0 \
             WHERE search_parts MATCH ?1 {} ORDER BY p.rowid DESC LIMIT ?3",
            if short.is_empty() {
                // No short words: ?2 is NULL.
                "AND ?2 IS NULL"
            } else {
                // `+`: the short words' matches are collected once and the
                // compound index is read newest first. Without it SQLite
                // looks each of those matches up in the compound index,
                // seconds for a common short word.
                "AND +p.rowid IN (SELECT rowid FROM search_index WHERE search_index MATCH ?2)"
            }
        );
        let mut stmt = self.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![parts, fts_query(&short), (limit + seen.len()) as i64],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    hit_from(r, String::new())?,
                    [r.get::<_, String>(6)?, r.get::<_, String>(7)?],
                ))
            },
        )?;
        let needles: Vec<Needle> = words.iter().map(|w| Needle::new(w)).collect();
        for row in rows {
            if hits.len() >= limit {
                break;
            }
            let (rowid, mut hit, [title, body]) = row?;
            if !seen.contains(&rowid) {
                hit.snippet = snippet(&[&title, &body], &needles);
                hits.push(hit);
            }
        }
        Ok(hits)
    }
}

/// A searched word as the snippet looks for it.
struct Needle {
    /// Folded as the indexes fold: lower case, no diacritics.
    letters: Vec<char>,
    /// A short word only counts at the start of a word.
    word_start: bool,
}

impl Needle {
    fn new(word: &str) -> Self {
        Needle {
            letters: fold(word).chars().collect(),
            word_start: !has_trigram(word),
        }
    }
}

/// Where a searched word occurs in a text.
#[derive(Clone)]
struct Found {
    /// Which of the words.
    word: usize,
    /// Bytes of the text.
    range: Range<usize>,
}

/// How many of the words occur.
fn distinct(found: &[Found]) -> usize {
    found.iter().map(|f| f.word).collect::<HashSet<_>>().len()
}

/// Where the words occur in `text`, ignoring case and diacritics, in order.
fn find(text: &str, needles: &[Needle]) -> Vec<Found> {
    // The folded text, each folded letter with the original letter it came from.
    let mut folded: Vec<(char, Range<usize>)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let from = at..at + c.len_utf8();
        folded.extend(
            fold(c.encode_utf8(&mut [0; 4]))
                .chars()
                .map(|f| (f, from.clone())),
        );
    }
    let mut found = Vec::new();
    for (word, needle) in needles.iter().enumerate() {
        let n = needle.letters.len();
        if n == 0 || n > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - n {
            let here = &folded[start..start + n];
            let at_word_start = start == 0 || !folded[start - 1].0.is_alphanumeric();
            if (at_word_start || !needle.word_start)
                && here.iter().map(|(c, _)| c).eq(needle.letters.iter())
            {
                found.push(Found {
                    word,
                    range: here[0].1.start..here[n - 1].1.end,
                });
            }
        }
    }
    found.sort_by_key(|f| (f.range.start, f.range.end));
    found
}

/// A piece of about twelve words of the column where the most of the words
/// occur, with every match marked (also a part of a word), "…" where the
/// text goes on: as FTS5's `snippet()`, but marking pieces of words.
fn snippet(columns: &[&str], needles: &[Needle]) -> String {
    let mut best: Option<(&str, Vec<Found>)> = None;
    for text in columns {
        let found = find(text, needles);
        if best
            .as_ref()
            .is_none_or(|(_, b)| distinct(&found) > distinct(b))
        {
            best = Some((text, found));
        }
    }
    let Some((mut text, found)) = best else {
        return String::new();
    };
    if found.is_empty() {
        // Nothing to mark (the indexes fold a letter differently): the
        // start of the last column with text.
        text = columns
            .iter()
            .rev()
            .find(|c| !c.is_empty())
            .copied()
            .unwrap_or(text);
    }

    // The text's words; the window of them that holds the most of the words.
    let tokens = tokens(text);
    if tokens.is_empty() {
        return text.to_string();
    }
    let window = SNIPPET_WORDS.min(tokens.len());
    let token_of = |at: usize| {
        tokens
            .iter()
            .position(|t| t.end > at)
            .unwrap_or(tokens.len() - 1)
    };
    let mut first = 0;
    let mut best_score = (0, 0);
    for f in &found {
        let start = token_of(f.range.start)
            .saturating_sub(2)
            .min(tokens.len() - window);
        let (from, to) = (tokens[start].start, tokens[start + window - 1].end);
        let inside: Vec<Found> = found
            .iter()
            .filter(|f| f.range.start >= from && f.range.end <= to)
            .cloned()
            .collect();
        let score = (distinct(&inside), inside.len());
        if score > best_score {
            best_score = score;
            first = start;
        }
    }
    let last = first + window - 1;
    let from = if first == 0 { 0 } else { tokens[first].start };
    let to = if last == tokens.len() - 1 {
        text.len()
    } else {
        tokens[last].end
    };

    let mut out = String::new();
    if first > 0 {
        out.push('…');
    }
    let mut at = from;
    for f in &found {
        if f.range.start < at || f.range.end > to {
            continue;
        }
        // Overlapping matches ("gezondheid" and "heidszorg") are one mark.
        let mut end = f.range.end;
        for other in &found {
            if other.range.start < end && other.range.end > end && other.range.end <= to {
                end = other.range.end;
            }
        }
        out.push_str(&text[at..f.range.start]);
        out.push_str(MATCH_START);
        out.push_str(&text[f.range.start..end]);
        out.push_str(MATCH_END);
        at = end;
    }
    out.push_str(&text[at..to]);
    if to < text.len() {
        out.push('…');
    }
    out
}

/// The words of a text (runs of letters and digits) as byte ranges.
fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut tokens: Vec<Range<usize>> = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let letter = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
        match (letter, open) {
            (true, None) => open = Some(at),
            (false, Some(start)) => {
                tokens.push(start..at);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        tokens.push(start..text.len());
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> Option<String> {
        fts_query(&words(text))
    }

    #[test]
    fn words_become_quoted_prefixes_and_syntax_is_text() {
        assert_eq!(
            query("Zwanger hulp").as_deref(),
            Some("\"Zwanger\"* \"hulp\"*")
        );
        assert_eq!(
            query("NOT \"x\" OR (y)").as_deref(),
            Some("\"NOT\"* \"x\"* \"OR\"* \"y\"*")
        );
        assert_eq!(query(" *-: "), None);
        assert_eq!(
            parts_query(&words("zwanger-schap")).as_deref(),
            Some("\"zwanger\" \"schap\"")
        );
    }

    fn folded(words: &[&str]) -> Vec<Needle> {
        words.iter().map(|w| Needle::new(w)).collect()
    }

    #[test]
    fn snippets_mark_the_part_of_a_compound_that_matched() {
        let s = snippet(
            &["Agendapunt 3", "Start van CenteringZwangerschap in Venray."],
            &folded(&["zwangerschap"]),
        );
        assert_eq!(s, "Start van Centering\u{2}Zwangerschap\u{3} in Venray.");
        let s = snippet(&["", "Het Café-overleg"], &folded(&["CAFE", "de"]));
        assert_eq!(
            s, "Het \u{2}Café\u{3}-overleg",
            "a short word only at a word's start"
        );
        let s = snippet(
            &["", "jeugdgezondheidszorg"],
            &folded(&["gezondheid", "zorg"]),
        );
        assert_eq!(s, "jeugd\u{2}gezondheid\u{3}s\u{2}zorg\u{3}");
        let s = snippet(
            &["", "jeugdgezondheidszorg"],
            &folded(&["gezondheid", "heidszorg"]),
        );
        assert_eq!(s, "jeugd\u{2}gezondheidszorg\u{3}", "overlaps are one mark");
    }

    #[test]
    fn a_long_text_is_cut_around_the_matches() {
        let body = "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien \
                    veertien vijftien zestien tienerzwangerschap achttien negentien twintig \
                    eenentwintig tweeëntwintig drieëntwintig";
        let s = snippet(&["", body], &folded(&["zwangerschap"]));
        assert_eq!(
            s,
            "…twaalf dertien veertien vijftien zestien tiener\u{2}zwangerschap\u{3} achttien \
             negentien twintig eenentwintig tweeëntwintig drieëntwintig"
        );
        let s = snippet(&["", body], &folded(&["drie"]));
        assert!(s.starts_with("een twee \u{2}drie\u{3}"), "{s}");
        assert!(s.ends_with("twaalf…"), "{s}");
    }
}
