//! The dashboard: the first page a coordinator sees, read in one call from
//! one snapshot, so the window draws it once instead of tile by tile. It
//! starts with what needs attention within a few weeks, each leading to
//! its page.

use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::Result;
use crate::meetings::{ActionItemFilter, ActionItemStatus, Meeting};
use crate::network::{ContactFilter, GrowthPoint, NetworkMetrics};
use crate::plan::{GrantBalance, PlanSummary};
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

dutch_choice!(
    /// What needs the coordinator's attention.
    AttentionKind {
        Verantwoording = "verantwoording" ["Verantwoording", "Grant report"],
        Actiepunten = "actiepunten" ["Actiepunten", "Action items"],
        Notulen = "notulen" ["Notulen", "Minutes"],
        Contactpersonen = "contactpersonen" ["Contactpersonen", "Contact persons"],
        Ronde = "ronde" ["Actualisatieronde", "Update round"],
    }
);

/// One thing that needs attention: a grant's report due, action items
/// overdue, a meeting without minutes, people not checked for a year, a
/// round partners have not answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Attention {
    pub kind: AttentionKind,
    /// How many (items, people, partners); 1 for a single thing.
    pub count: u32,
    /// The grant's funder, the meeting's or round's title.
    pub name: String,
    /// When it is due, was held, or started.
    pub date: Option<NaiveDate>,
    /// The grant, meeting or round it leads to.
    pub subject: Option<Uuid>,
}

/// A meeting held this long ago without minutes is still worth a reminder.
const MINUTES_WITHIN_DAYS: u64 = 60;
/// People are checked once a year (the AVG check).
const CHECK_EVERY_DAYS: u64 = 365;
/// Partners get this long to answer a round before it is mentioned.
const ROUND_ANSWER_DAYS: u64 = 28;

/// Everything the dashboard shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Dashboard {
    pub metrics: NetworkMetrics,
    /// The coalition at the end of each month, for the growth chart.
    pub growth: Vec<GrowthPoint>,
    pub plan: PlanSummary,
    pub action_items: ActionItemCounts,
    /// The first meeting from today on, if one is planned.
    pub next_meeting: Option<Meeting>,
    /// Grants overspent or under-used, or whose report is due soon.
    pub grants: Vec<GrantBalance>,
    /// What needs attention within a few weeks: grant reports, overdue
    /// action items, minutes, people to check, rounds to chase, in that order.
    pub attention: Vec<Attention>,
}

/// Open action items from meetings, and how many of them are overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ActionItemCounts {
    pub open: u32,
    pub overdue: u32,
}

impl Workspace {
    pub fn dashboard(&self) -> Result<Dashboard> {
        // One read transaction: a sync on another connection cannot land
        // between the tiles.
        let snapshot = self.conn().unchecked_transaction()?;
        let open = self.list_action_items(&ActionItemFilter {
            status: Some(ActionItemStatus::Open),
            ..Default::default()
        })?;
        let mut dashboard = Dashboard {
            metrics: self.network_metrics()?,
            growth: self.network_growth()?,
            plan: self.plan_summary()?,
            action_items: ActionItemCounts {
                open: open.len() as u32,
                overdue: open.iter().filter(|a| a.overdue).count() as u32,
            },
            next_meeting: self.next_meeting()?,
            grants: self.grants_to_watch()?,
            attention: Vec::new(),
        };
        dashboard.attention = self.attention(&dashboard)?;
        snapshot.rollback()?;
        Ok(dashboard)
    }
}

impl Workspace {
    /// What needs attention, from the dashboard's own figures and a few
    /// more reads.
    fn attention(&self, board: &Dashboard) -> Result<Vec<Attention>> {
        let today = self.today();
        let ago = |days| today.checked_sub_days(Days::new(days)).unwrap_or(today);
        let mut out = Vec::new();
        for g in board.grants.iter().filter(|g| g.report_due.is_some()) {
            out.push(Attention {
                kind: AttentionKind::Verantwoording,
                count: 1,
                name: g.funding.funder.clone(),
                date: g.funding.reporting_deadline,
                subject: Some(g.funding.id),
            });
        }
        if board.action_items.overdue > 0 {
            out.push(Attention {
                kind: AttentionKind::Actiepunten,
                count: board.action_items.overdue,
                name: String::new(),
                date: None,
                subject: None,
            });
        }
        let mut stmt = self.conn().prepare_cached(
            "SELECT m.id, m.title, m.date FROM meetings m \
             WHERE m.deleted = 0 AND m.created_at != '' AND m.date < ?1 AND m.date >= ?2 \
             AND m.status != 'notulen vastgesteld' \
             AND NOT EXISTS (SELECT 1 FROM agenda_items a WHERE a.meeting = m.id \
                             AND a.deleted = 0 AND a.minutes != '') \
             ORDER BY m.date",
        )?;
        let bare = stmt
            .query_map(
                [today.to_string(), ago(MINUTES_WITHIN_DAYS).to_string()],
                |r| {
                    Ok(Attention {
                        kind: AttentionKind::Notulen,
                        count: 1,
                        subject: Some(crate::rows::uuid(r, 0)?),
                        name: r.get(1)?,
                        date: crate::rows::date(r, 2)?,
                    })
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.extend(bare);
        let unchecked = self
            .list_contacts(&ContactFilter {
                unchecked_since: Some(ago(CHECK_EVERY_DAYS)),
                ..Default::default()
            })?
            .len() as u32;
        if unchecked > 0 {
            out.push(Attention {
                kind: AttentionKind::Contactpersonen,
                count: unchecked,
                name: String::new(),
                date: None,
                subject: None,
            });
        }
        for round in self.list_rounds()? {
            let started = round.round.started_on;
            if round.waiting > 0 && started.is_some_and(|d| d <= ago(ROUND_ANSWER_DAYS)) {
                out.push(Attention {
                    kind: AttentionKind::Ronde,
                    count: round.waiting,
                    name: round.round.title,
                    date: started,
                    subject: Some(round.round.id),
                });
            }
        }
        Ok(out)
    }
}
