//! Field checks shared by every area: they say which field and why, in Dutch.

use chrono::NaiveDate;

use crate::error::{Error, Result, ValidationCode};

/// Text that may be empty but not longer than `max` characters.
pub fn optional_text(field: &str, value: &str, max: usize) -> Result<String> {
    if value.chars().count() > max {
        return Err(Error::validation(
            field,
            ValidationCode::TooLong,
            format!("mag hoogstens {max} tekens lang zijn"),
        ));
    }
    Ok(value.trim().to_string())
}

/// A date as typed or as a spreadsheet writes it: `2026-11-30`,
/// `30-11-2026`, `30/11/2026` or `30.11.2026` (day first, as in Dutch).
pub fn date(field: &str, value: &str) -> Result<NaiveDate> {
    let value = value.trim();
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(value, format).ok())
        .ok_or_else(|| {
            Error::validation(
                field,
                ValidationCode::InvalidDate,
                format!("{value:?} is geen datum (bijvoorbeeld 2026-11-30 of 30-11-2026)"),
            )
        })
}

/// A date that may be left empty (`None` or blank text).
pub fn optional_date(field: &str, value: Option<&str>) -> Result<Option<NaiveDate>> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| date(field, v))
        .transpose()
}

/// An amount in euros as typed, in cents: `130680`, `130.680`, `€ 130.680,50`
/// (Dutch: dots group thousands, the comma is the decimal sign) or
/// `130680.50`. Never negative; never a float on the way.
pub fn money(field: &str, value: &str) -> Result<i64> {
    let refuse = || {
        Error::validation(
            field,
            ValidationCode::InvalidAmount,
            format!("{value:?} is geen bedrag (bijvoorbeeld 130.680 of 1.250,50)"),
        )
    };
    if value.trim().is_empty() {
        return Ok(0);
    }
    let text: String = value
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let text = text.strip_suffix(",-").unwrap_or(&text);
    let (whole, fraction) = match (text.rfind(','), text.rfind('.')) {
        (Some(comma), _) => (text[..comma].replace('.', ""), &text[comma + 1..]),
        // "130.680": a group of three after the last dot is thousands.
        (None, Some(dot)) if text.len() - dot - 1 == 3 => (text.replace('.', ""), ""),
        (None, Some(dot)) => (text[..dot].to_string(), &text[dot + 1..]),
        (None, None) => (text.to_string(), ""),
    };
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(refuse());
    }
    let euros: i64 = whole.parse().map_err(|_| refuse())?;
    let cents: i64 = format!("{fraction:0<2}").parse().map_err(|_| refuse())?;
    euros
        .checked_mul(100)
        .and_then(|e| e.checked_add(cents))
        .ok_or_else(refuse)
}

/// `from` may not be after `to`.
pub fn date_order(field: &str, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<()> {
    match (from, to) {
        (Some(f), Some(t)) if f > t => Err(Error::validation(
            field,
            ValidationCode::DateOrder,
            format!("de einddatum ({t}) ligt vóór de begindatum ({f})"),
        )),
        _ => Ok(()),
    }
}

/// An e-mail address as people type it: one `@`, a dot in the domain, no spaces.
pub fn email(field: &str, email: &str) -> Result<String> {
    let email = email.trim();
    if email.is_empty() {
        return Ok(String::new());
    }
    let ok = email.len() <= 254
        && !email.chars().any(char::is_whitespace)
        && match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            }
            None => false,
        };
    if ok {
        Ok(email.to_string())
    } else {
        Err(Error::validation(
            field,
            ValidationCode::InvalidEmail,
            format!("{email:?} is geen e-mailadres (bijvoorbeeld naam@organisatie.nl)"),
        ))
    }
}

/// A phone number as people type it ("06-12345678", "+31 (0)71 123 45 67"):
/// digits with spaces, dashes, dots, brackets and a leading +.
pub fn phone(field: &str, phone: &str) -> Result<String> {
    let phone = phone.trim();
    if phone.is_empty() {
        return Ok(String::new());
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " -.()".contains(c) || (c == '+' && i == 0));
    if allowed && (8..=15).contains(&digits) {
        Ok(phone.to_string())
    } else {
        Err(Error::validation(
            field,
            ValidationCode::InvalidPhone,
            format!("{phone:?} is geen telefoonnummer (bijvoorbeeld 06-12345678)"),
        ))
    }
}

/// A website as people type it ("ggdlimburgnoord.nl") becomes a full https
/// address; anything that is not a web address is refused.
pub fn website(field: &str, website: &str) -> Result<String> {
    let website = website.trim();
    if website.is_empty() {
        return Ok(String::new());
    }
    let invalid = || {
        Err(Error::validation(
            field,
            ValidationCode::InvalidUrl,
            format!("{website:?} is geen webadres (bijvoorbeeld https://www.voorbeeld.nl)"),
        ))
    };
    optional_text(field, website, 500)?;
    let full = if website.contains("://") {
        website.to_string()
    } else {
        format!("https://{website}")
    };
    let Some(rest) = full
        .strip_prefix("https://")
        .or_else(|| full.strip_prefix("http://"))
    else {
        return invalid();
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.split(':').next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if !host_ok || full.chars().any(char::is_whitespace) {
        return invalid();
    }
    Ok(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_orders_and_refusals() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(date("d", "2026-11-30").unwrap(), d);
        assert_eq!(date("d", " 30-11-2026 ").unwrap(), d);
        assert_eq!(date("d", "30/11/2026").unwrap(), d);
        assert_eq!(date("d", "1-3-2026").unwrap().to_string(), "2026-03-01");
        assert!(date("d", "31-02-2026").is_err());
        assert!(date_order("d", Some(d), d.pred_opt()).is_err());
        assert!(date_order("d", Some(d), Some(d)).is_ok());
        assert_eq!(optional_text("n", " ab ", 5).unwrap(), "ab");
        assert!(optional_text("n", "abcdef", 5).is_err());
    }

    #[test]
    fn money_in_cents_the_dutch_way() {
        for (text, cents) in [
            ("130680", 13_068_000),
            ("130.680", 13_068_000),
            ("€ 130.680", 13_068_000),
            ("€ 1.250,50", 125_050),
            ("1250,5", 125_050),
            ("99.95", 9_995),
            ("€ 25,-", 2_500),
            ("", 0),
        ] {
            assert_eq!(money("b", text).unwrap(), cents, "{text}");
        }
        for bad in ["-5", "12,345", "tien euro", "1.2.3,4,5", "€", "1e5"] {
            assert!(money("b", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn websites_are_completed_or_refused() {
        assert_eq!(website("website", "").unwrap(), "");
        assert_eq!(
            website("website", " ggdlimburgnoord.nl ").unwrap(),
            "https://ggdlimburgnoord.nl"
        );
        assert_eq!(
            website("website", "http://www.venlo.nl/jgz?x=1").unwrap(),
            "http://www.venlo.nl/jgz?x=1"
        );
        for bad in [
            "geen website",
            "ftp://x.nl",
            "https://localhost",
            "https://a b.nl",
            "www.",
            "https://.nl",
        ] {
            match website("website", bad) {
                Err(Error::Validation(v)) => assert_eq!(
                    (v.field.as_str(), v.code),
                    ("website", ValidationCode::InvalidUrl),
                    "{bad}"
                ),
                other => panic!("{bad:?} must be refused as a website, got {other:?}"),
            }
        }
    }
}
