//! Meetings as calendar files (RFC 5545) that Outlook and Thunderbird open:
//! one meeting as an invitation (organiser, attendees' e-mail addresses), or
//! all upcoming meetings as one calendar. Times are in Europe/Amsterdam,
//! with its time zone written out, so the file reads right anywhere.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::Result;
use crate::meetings::MeetingDetail;
use crate::workspace::Workspace;

/// Europe/Amsterdam since 1996: CET, and CEST from the last Sunday of March
/// to the last Sunday of October.
const AMSTERDAM: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Amsterdam\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// A TEXT value: backslash, `;`, `,` and line breaks escaped.
fn text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// A quoted parameter value (a name): no quotes or control characters inside.
fn param(value: &str) -> String {
    value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect()
}

/// One content line, folded at 75 octets without splitting a character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

fn stamp(date: NaiveDate, time: &str) -> String {
    format!("{}T{}00", date.format("%Y%m%d"), time.replace(':', ""))
}

/// One meeting; `made_at` is when the calendar file was made.
fn event(
    out: &mut String,
    detail: &MeetingDetail,
    organiser: Option<(&str, &str)>,
    made_at: DateTime<Utc>,
) {
    let m = &detail.meeting;
    let Some(date) = m.date else {
        return;
    };
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@wieg", m.id));
    line(
        out,
        &format!("DTSTAMP:{}", made_at.format("%Y%m%dT%H%M%SZ")),
    );
    if m.start_time.is_empty() {
        line(
            out,
            &format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
        );
    } else {
        line(
            out,
            &format!(
                "DTSTART;TZID=Europe/Amsterdam:{}",
                stamp(date, &m.start_time)
            ),
        );
        let end = if m.end_time.is_empty() {
            &m.start_time
        } else {
            &m.end_time
        };
        line(
            out,
            &format!("DTEND;TZID=Europe/Amsterdam:{}", stamp(date, end)),
        );
    }
    line(out, &format!("SUMMARY:{}", text(&m.title)));
    if !m.location.is_empty() {
        line(out, &format!("LOCATION:{}", text(&m.location)));
    }
    if !m.online_link.is_empty() {
        line(out, &format!("URL:{}", m.online_link));
    }
    let agenda: Vec<String> = detail
        .agenda
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{}. {}", i + 1, a.title))
        .collect();
    if !agenda.is_empty() {
        line(
            out,
            &format!(
                "DESCRIPTION:{}",
                text(&format!("Agenda:\n{}", agenda.join("\n")))
            ),
        );
    }
    if let Some((name, email)) = organiser {
        line(
            out,
            &format!("ORGANIZER;CN=\"{}\":mailto:{email}", param(name)),
        );
    }
    for a in &detail.attendees {
        if let Some(email) = a.email.as_deref().filter(|e| !e.is_empty()) {
            line(
                out,
                &format!(
                    "ATTENDEE;CN=\"{}\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{email}",
                    param(&a.name)
                ),
            );
        }
    }
    line(out, "END:VEVENT");
}

fn calendar(
    events: &[MeetingDetail],
    method: &str,
    organiser: Option<(&str, &str)>,
    made_at: DateTime<Utc>,
) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Wieg//Kansrijke Start//NL");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("METHOD:{method}"));
    out.push_str(AMSTERDAM);
    for detail in events {
        event(&mut out, detail, organiser, made_at);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

impl Workspace {
    /// One meeting as an invitation; the organiser is its chair when the
    /// chair has an e-mail address.
    pub fn meeting_ics(&self, id: uuid::Uuid) -> Result<String> {
        let detail = self.meeting_detail(id)?;
        let chair = detail
            .meeting
            .chair
            .and_then(|c| detail.attendees.iter().find(|a| a.contact == c))
            .and_then(|a| {
                a.email
                    .clone()
                    .filter(|e| !e.is_empty())
                    .map(|e| (a.name.clone(), e))
            });
        let organiser = chair.as_ref().map(|(n, e)| (n.as_str(), e.as_str()));
        let method = if organiser.is_some() {
            "REQUEST"
        } else {
            "PUBLISH"
        };
        Ok(calendar(
            std::slice::from_ref(&detail),
            method,
            organiser,
            self.now(),
        ))
    }

    /// Every meeting from today on, as one calendar.
    pub fn upcoming_ics(&self) -> Result<String> {
        let today = self.today();
        let details = self
            .list_meetings()?
            .into_iter()
            .filter(|m| m.date.is_some_and(|d| d >= today))
            .map(|m| self.meeting_detail(m.id))
            .collect::<Result<Vec<_>>>()?;
        Ok(calendar(&details, "PUBLISH", None, self.now()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
        assert_eq!(param("Anne \"Kim\" de Vries"), "Anne Kim de Vries");
    }
}
