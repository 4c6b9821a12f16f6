//! The dashboard: the first page a coordinator sees, read in one call from
//! one snapshot, so the window draws it once instead of tile by tile.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::meetings::{ActionItemFilter, ActionItemStatus, Meeting};
use crate::network::{GrowthPoint, NetworkMetrics};
use crate::plan::{GrantBalance, PlanSummary};
use crate::workspace::Workspace;

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
        let dashboard = Dashboard {
            metrics: self.network_metrics()?,
            growth: self.network_growth()?,
            plan: self.plan_summary()?,
            action_items: ActionItemCounts {
                open: open.len() as u32,
                overdue: open.iter().filter(|a| a.overdue).count() as u32,
            },
            next_meeting: self.next_meeting()?,
            grants: self.grants_to_watch()?,
        };
        snapshot.rollback()?;
        Ok(dashboard)
    }
}
