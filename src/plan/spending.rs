//! Spending (*realisatie*): what was paid, and what is committed but not yet
//! paid (*verplichtingen*), each amount with a date and a description,
//! charged to a grant and usually to an action; and from it, what is left
//! per grant and per pillar, with the grants a coordinator should look at.
//!
//! A grant is flagged when it is overspent (paid and committed together
//! exceed it), or when it is under-used near its end: in its last
//! [`UNDER_USED_DAYS`] days with less than [`UNDER_USED_SHARE`] percent
//! used, money that would otherwise go back to the funder.

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::actions::{Day, ACTION};
use super::funding::{Funding, FUNDING};
use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::schema::{entity, require_living, Choice, Moment, Money, Ref, Text};
use crate::time::iso;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

/// A grant in its last this many days (about a quarter) can still be used
/// if someone acts now.
pub const UNDER_USED_DAYS: u64 = 92;

/// Less than this share (percent) of a grant used in its last quarter.
pub const UNDER_USED_SHARE: i64 = 75;

/// A report to a funder shows on the dashboard this many days before it is
/// due (and stays while it is late and not handed in).
pub const REPORT_AHEAD_DAYS: u64 = 60;

dutch_choice!(
    /// Paid, or committed: ordered or agreed, to be paid later (a state
    /// from a newer version reads as paid).
    #[derive(Default)]
    SpendingState {
        #[default]
        Betaald = "betaald" ["Betaald", "Paid"],
        Verplicht = "verplicht" ["Verplichting", "Committed"],
    }
);

dutch_choice!(
    /// A report to the funder that is due soon, or late, and not handed in.
    ReportDue {
        Binnenkort = "binnenkort" ["Binnenkort", "Soon"],
        TeLaat = "te laat" ["Te laat", "Late"],
    }
);

dutch_choice!(
    /// Why a grant needs looking at.
    GrantFlag {
        Overbesteed = "overbesteed" ["Overbesteed", "Overspent"],
        Onderbenut = "onderbenut" ["Dreigt over te blijven", "Under-used"],
    }
);

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Spending in SPENDING = "spending", "spendings";
    input SpendingInput => SpendingChecked {}
    fields {
        /// The grant it is charged to; in the input its id, or empty to
        /// take the grant of the action when that has exactly one.
        funding: Option<Uuid> = Ref ["Financiering", "Grant"],
        /// The action it was spent on; in the input its id, or empty for
        /// costs of the grant as a whole (coordination, say).
        action: Option<Uuid> = Ref ["Actie", "Action"],
        date: Option<NaiveDate> = Day ["Datum", "Date"] required "vul de datum in",
        description: String = Text<500> ["Omschrijving", "Description"]
            required "beschrijf waar het geld voor is",
        /// Whole cents. The input calls it `amount`: euros as typed.
        amount_cents: i64 = Money ["Bedrag", "Amount"] required "vul het bedrag in"
            input "amount",
        state: SpendingState = Choice<SpendingState> ["Stand", "State"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {}
    hidden { deleted, deleted_seen }
}

/// Which spending to list; every part is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct SpendingFilter {
    pub funding: Option<Uuid>,
    pub action: Option<Uuid>,
    /// From this day on, and up to and including `to`.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub state: Option<SpendingState>,
}

/// The spending that matches a filter, with what it adds up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SpendingPage {
    /// The latest first.
    pub spending: Vec<Spending>,
    pub paid_cents: i64,
    pub committed_cents: i64,
}

/// A grant with what was paid and committed on it, and what is left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GrantBalance {
    pub funding: Funding,
    pub paid_cents: i64,
    pub committed_cents: i64,
    /// Granted less paid and committed: below zero when overspent.
    pub left_cents: i64,
    pub flag: Option<GrantFlag>,
    /// Its report to the funder, not handed in, is due within
    /// [`REPORT_AHEAD_DAYS`] days, or late.
    pub report_due: Option<ReportDue>,
}

impl GrantBalance {
    /// The balance of `funding` given its paid and committed totals, on `today`.
    pub fn new(funding: Funding, paid: i64, committed: i64, today: NaiveDate) -> GrantBalance {
        let granted = funding.amount_cents;
        let used = paid + committed;
        let near_end = funding.period_end.is_some_and(|end| {
            today <= end
                && end
                    .checked_sub_days(Days::new(UNDER_USED_DAYS))
                    .is_none_or(|start| today >= start)
        });
        let flag = if used > granted {
            Some(GrantFlag::Overbesteed)
        } else if near_end && used * 100 < granted * UNDER_USED_SHARE {
            Some(GrantFlag::Onderbenut)
        } else {
            None
        };
        let report_due = match funding.reporting_deadline {
            _ if funding.reporting_state.is_handed_in() => None,
            Some(due) if due < today => Some(ReportDue::TeLaat),
            Some(due) if due <= today + Days::new(REPORT_AHEAD_DAYS) => Some(ReportDue::Binnenkort),
            _ => None,
        };
        GrantBalance {
            funding,
            paid_cents: paid,
            committed_cents: committed,
            left_cents: granted - used,
            flag,
            report_due,
        }
    }
}

fn write_spending(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Spending>,
    input: &SpendingInput,
) -> Result<()> {
    let mut fields = input.check(before.is_none())?;
    if fields.amount_cents == Some(0) {
        return Err(Error::validation(
            "amount",
            ValidationCode::Required,
            "vul het bedrag in",
        ));
    }
    let action = fields.action.unwrap_or(before.and_then(|b| b.action));
    if let Some(action) = action.filter(|a| before.is_none_or(|b| b.action != Some(*a))) {
        require_living(w.conn(), &ACTION, "action", action, "actie")?;
    }
    let mut funding = fields.funding.unwrap_or(before.and_then(|b| b.funding));
    // Without a grant, the one grant that pays for the action carries it.
    if funding.is_none() {
        if let Some(action) = action {
            funding = only_grant_of(w.conn(), action)?;
        }
    }
    match funding {
        Some(f) if before.is_none_or(|b| b.funding != Some(f)) => {
            require_living(w.conn(), &FUNDING, "funding", f, "financiering")?
        }
        Some(_) => {}
        None => {
            return Err(Error::validation(
                "funding",
                ValidationCode::Required,
                "kies de financiering waar dit bedrag ten laste van komt",
            ))
        }
    }
    fields.funding = Some(funding);
    fields.write(w, id)
}

/// The grant that pays for `action`, when exactly one does.
fn only_grant_of(conn: &rusqlite::Connection, action: Uuid) -> Result<Option<Uuid>> {
    let grants: Vec<String> = conn
        .prepare_cached(
            "SELECT DISTINCT l.funding FROM funding_actions l \
             JOIN fundings f ON f.id = l.funding AND f.deleted = 0 \
             WHERE l.action = ?1 AND l.deleted = 0 LIMIT 2",
        )?
        .query_map([action.to_string()], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match grants.as_slice() {
        [one] => Uuid::parse_str(one).ok(),
        _ => None,
    })
}

pub(crate) fn create_spending_in(w: &mut Writer, input: &SpendingInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_spending(w, id, None, input)?;
    w.set(&SPENDING, id, "created_at", iso(w.now()))?;
    w.set(&SPENDING, id, "deleted", false)?;
    Ok(id)
}

impl Workspace {
    pub fn create_spending(&mut self, input: &SpendingInput) -> Result<Spending> {
        self.require_coalition()?;
        let id = self.write(|w| create_spending_in(w, input))?;
        self.spending(id)
    }

    pub fn update_spending(&mut self, id: Uuid, input: &SpendingInput) -> Result<Spending> {
        let before = self.spending(id)?;
        self.write(|w| write_spending(w, id, Some(&before), input))?;
        self.spending(id)
    }

    pub fn delete_spending(&mut self, id: Uuid) -> Result<()> {
        self.spending(id)?;
        self.write(|w| w.set_deleted(&SPENDING, id, true).map(drop))
    }

    pub fn spending(&self, id: Uuid) -> Result<Spending> {
        rows::by_id(
            self.conn(),
            Spending::SELECT,
            id,
            "besteding",
            Spending::read,
        )
    }

    /// The spending that matches, the latest first.
    pub fn list_spending(&self, filter: &SpendingFilter) -> Result<Vec<Spending>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' \
             AND (?1 IS NULL OR funding = ?1) AND (?2 IS NULL OR action = ?2) \
             AND (?3 IS NULL OR date >= ?3) AND (?4 IS NULL OR date <= ?4) \
             AND (?5 IS NULL OR state = ?5) \
             ORDER BY date DESC, id DESC",
            Spending::SELECT
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![
                filter.funding.map(|f| f.to_string()),
                filter.action.map(|a| a.to_string()),
                filter.from.map(|d| d.to_string()),
                filter.to.map(|d| d.to_string()),
                filter.state.map(|s| s.code()),
            ],
            Spending::read,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The spending that matches, with what was paid and what is committed
    /// in it (a state from a newer version counts as paid, as it reads).
    pub fn spending_page(&self, filter: &SpendingFilter) -> Result<SpendingPage> {
        let spending = self.list_spending(filter)?;
        let (committed, paid): (Vec<&Spending>, Vec<&Spending>) = spending
            .iter()
            .partition(|s| s.state == SpendingState::Verplicht);
        Ok(SpendingPage {
            paid_cents: paid.iter().map(|s| s.amount_cents).sum(),
            committed_cents: committed.iter().map(|s| s.amount_cents).sum(),
            spending,
        })
    }

    /// Every grant with what was paid and committed on it and what is left,
    /// the largest grant first.
    pub fn grant_balances(&self) -> Result<Vec<GrantBalance>> {
        let totals = self.spent_per("funding")?;
        let today = self.today();
        Ok(self
            .list_fundings()?
            .into_iter()
            .map(|f| {
                let (paid, committed) = totals.get(&f.id).copied().unwrap_or_default();
                GrantBalance::new(f, paid, committed, today)
            })
            .collect())
    }

    /// One grant with what was paid and committed on it and what is left.
    pub fn grant_balance(&self, funding: Uuid) -> Result<GrantBalance> {
        self.grant_balances()?
            .into_iter()
            .find(|g| g.funding.id == funding)
            .ok_or_else(|| Error::NotFound {
                what: "financiering",
                id: funding.to_string(),
            })
    }

    /// The grants to look at: flagged, or with a report due soon; the
    /// earliest deadline first.
    pub fn grants_to_watch(&self) -> Result<Vec<GrantBalance>> {
        let mut watch: Vec<GrantBalance> = self
            .grant_balances()?
            .into_iter()
            .filter(|g| g.flag.is_some() || g.report_due.is_some())
            .collect();
        watch.sort_by_key(|g| {
            (
                g.funding.reporting_deadline.is_none(),
                g.funding.reporting_deadline,
            )
        });
        Ok(watch)
    }

    /// Paid and committed per action (of every plan).
    pub fn spent_per_action(&self) -> Result<HashMap<Uuid, (i64, i64)>> {
        self.spent_per("action")
    }

    /// Paid and committed per grant or per action (`column`). A state from
    /// a newer version counts as paid, as it reads.
    fn spent_per(&self, column: &'static str) -> Result<HashMap<Uuid, (i64, i64)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {column}, \
                    SUM(CASE WHEN state = 'verplicht' THEN 0 ELSE amount_cents END), \
                    SUM(CASE WHEN state = 'verplicht' THEN amount_cents ELSE 0 END) \
             FROM spendings WHERE deleted = 0 AND created_at != '' AND {column} != '' \
             GROUP BY {column}"
        ))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut totals = HashMap::new();
        for row in rows {
            let (id, paid, committed) = row?;
            if let Ok(id) = Uuid::parse_str(&id) {
                totals.insert(id, (paid, committed));
            }
        }
        Ok(totals)
    }

    /// The grant an action's spending goes to by default: its only grant.
    pub fn default_grant(&self, action: Uuid) -> Result<Option<Uuid>> {
        only_grant_of(self.conn(), action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ReportingState;

    fn grant(end: Option<NaiveDate>, due: Option<NaiveDate>, state: ReportingState) -> Funding {
        Funding {
            id: Uuid::nil(),
            funder_kind: Default::default(),
            funder: "Provincie".into(),
            amount_cents: 100_000,
            period_start: None,
            period_end: end,
            purpose: String::new(),
            reporting_deadline: due,
            reporting_state: state,
            created_at: DateTime::default(),
            updated_at: DateTime::default(),
            actions: Vec::new(),
        }
    }

    #[test]
    fn a_report_shows_from_sixty_days_ahead_until_handed_in() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let due = |date: &str, state| {
            let f = grant(None, Some(date.parse().unwrap()), state);
            GrantBalance::new(f, 0, 0, today).report_due
        };
        assert_eq!(
            due("2026-01-14", ReportingState::Open),
            Some(ReportDue::TeLaat)
        );
        assert_eq!(
            due("2026-01-15", ReportingState::Open),
            Some(ReportDue::Binnenkort)
        );
        assert_eq!(
            due("2026-03-16", ReportingState::Open),
            Some(ReportDue::Binnenkort)
        );
        assert_eq!(due("2026-03-17", ReportingState::Open), None);
        assert_eq!(due("2026-01-14", ReportingState::Ingediend), None);
        assert_eq!(due("2026-02-01", ReportingState::Vastgesteld), None);
        let none = GrantBalance::new(grant(None, None, ReportingState::Open), 0, 0, today);
        assert_eq!(none.report_due, None);
    }

    #[test]
    fn a_grant_is_under_used_only_in_its_last_quarter_and_overspent_at_any_time() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let flag = |end: &str, used: i64| {
            let f = grant(Some(end.parse().unwrap()), None, ReportingState::Open);
            GrantBalance::new(f, used, 0, today).flag
        };
        // 92 days ahead is the last quarter; 93 is not.
        assert_eq!(flag("2026-04-17", 74_999), Some(GrantFlag::Onderbenut));
        assert_eq!(flag("2026-04-18", 74_999), None);
        assert_eq!(flag("2026-04-17", 75_000), None, "three quarters used");
        assert_eq!(
            flag("2026-01-15", 0),
            Some(GrantFlag::Onderbenut),
            "its last day"
        );
        assert_eq!(flag("2026-01-14", 0), None, "ended: left to the report");
        assert_eq!(flag("2030-01-01", 100_001), Some(GrantFlag::Overbesteed));
        let split = GrantBalance::new(
            grant(None, None, ReportingState::Open),
            60_000,
            50_000,
            today,
        );
        assert_eq!(
            (split.left_cents, split.flag),
            (-10_000, Some(GrantFlag::Overbesteed))
        );
    }
}
