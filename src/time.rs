//! Time as stored: UTC, RFC 3339 with milliseconds, so text order is time order.
//!
//! The core never reads the computer's clock itself (clippy.toml bans it):
//! "now" is the workspace's clock ([`crate::workspace::Workspace::now`], or the
//! writer's inside an edit), so a laptop whose clock is wrong is acted out
//! the same everywhere, and "today" is the user's calendar day, the same
//! on every page and in every document.

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};

/// A moment from milliseconds since 1970 (as the clock counts them).
pub fn from_ms(ms: u64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(i64::try_from(ms).unwrap_or(i64::MAX)).unwrap_or_default()
}

/// The day `at` falls on in the user's calendar (their time zone).
pub fn calendar_day(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A stored timestamp; a field that has not arrived yet reads as `fallback`.
pub fn parse_iso_or(text: &str, fallback: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn iso_text_sorts_like_time_and_round_trips() {
        let a = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
        let b = Utc.with_ymd_and_hms(2027, 1, 2, 8, 0, 0).unwrap();
        assert_eq!(iso(a), "2026-11-30T09:00:00.000Z");
        assert!(iso(a) < iso(b));
        assert_eq!(parse_iso_or(&iso(b), a), b);
        assert_eq!(parse_iso_or("", a), a);
    }
}
