//! Dates and money as Dutch readers expect them in a document.

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// `30 november 2026`.
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// `30-11-2026`, as in a table.
pub fn short_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string())
        .unwrap_or_default()
}

/// `€ 130.680,00`; negative amounts as `€ -12,50`.
pub fn euros(cents: i64) -> String {
    format!("€ {}", crate::vocabulary::hundredths(cents))
}

/// An amount in a table, "—" for none, as the app shows it.
pub fn euros_or_dash(cents: i64) -> String {
    if cents == 0 {
        "—".into()
    } else {
        euros(cents)
    }
}

/// To the nearest euro, for a grant shared pro rata next to round budgets,
/// where cents would be a false precision.
pub fn whole_euros_or_dash(cents: i64) -> String {
    euros_or_dash((cents as f64 / 100.0).round() as i64 * 100)
}

/// `01-01-2026 – 31-12-2026`, or one side when the other is unknown.
pub fn period(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    match (from, to) {
        (Some(f), Some(t)) => format!("{} – {}", short_date(Some(f)), short_date(Some(t))),
        (Some(f), None) => format!("vanaf {}", short_date(Some(f))),
        (None, Some(t)) => format!("tot {}", short_date(Some(t))),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_euros_the_dutch_way() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(long_date(d), "30 november 2026");
        assert_eq!(short_date(Some(d)), "30-11-2026");
        assert_eq!(euros(13_068_000), "€ 130.680,00");
        assert_eq!(euros(5), "€ 0,05");
        assert_eq!(euros(-1_250), "€ -12,50");
        assert_eq!(euros(10_000_000_000), "€ 100.000.000,00");
        assert_eq!(period(Some(d), None), "vanaf 30-11-2026");
        assert_eq!(euros_or_dash(0), "—");
        assert_eq!(euros_or_dash(5), "€ 0,05");
        assert_eq!(whole_euros_or_dash(19_162_528), "€ 191.625,00");
        assert_eq!(whole_euros_or_dash(19_162_550), "€ 191.626,00");
        assert_eq!(whole_euros_or_dash(40), "—");
    }
}
