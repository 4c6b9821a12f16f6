//! The action plan: pillars, goals with their measurable targets, and
//! actions; the interventions and where they run; the money (grants, and
//! the spending booked on them); indicators; who takes part (parents'
//! groups, network days and training); and what it adds up to (progress
//! per pillar, the dashboard's tiles).

mod actions;
mod funding;
mod gatherings;
mod indicators;
mod interventions;
mod monitor;
mod participation;
mod plans;
mod spending;
mod targets;

pub use actions::*;
pub use funding::*;
pub use gatherings::*;
pub use indicators::*;
pub use interventions::*;
pub use monitor::*;
pub use participation::*;
pub use plans::*;
pub use spending::*;
pub use targets::*;

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use crate::error::Result;
use crate::workspace::Workspace;

/// A plan page: each pillar with its goals and (filtered) actions, and the
/// counts a progress chart needs.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanOverview {
    pub plan: Plan,
    pub pillars: Vec<PillarOverview>,
    /// The names of the organisations and persons who lead the shown
    /// actions, so the page need not read every person to name a few (an
    /// organisation deleted since keeps its name here).
    pub lead_names: BTreeMap<Uuid, String>,
    /// The goals' measurable targets, with where the coalition stands.
    pub targets: Vec<TargetProgress>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PillarOverview {
    pub pillar: Pillar,
    pub goals: Vec<Goal>,
    pub actions: Vec<Action>,
    /// Actions per status, in the order of [`ActionStatus::ALL`].
    pub by_status: Vec<StatusCount>,
    pub budget_cents: i64,
    pub overdue: u32,
}

/// A pillar with its goals: the choices of the action form.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PillarGoals {
    pub pillar: Pillar,
    pub goals: Vec<Goal>,
}

/// What the action form shows, read from one snapshot of the database: the
/// plan's pillars with their goals, the living organisations and
/// municipalities to choose from, and the action itself when it is edited.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ActionPage {
    pub pillars: Vec<PillarGoals>,
    pub organisations: Vec<crate::network::Organisation>,
    /// The persons who can pull an action, at the organisations above.
    pub contacts: Vec<crate::network::Contact>,
    pub municipalities: Vec<crate::network::Municipality>,
    pub action: Option<Action>,
}

/// An indicator's page in one read: its values over the years, and the
/// municipalities a value can be entered for.
#[derive(Debug, Clone, Serialize, TS)]
pub struct IndicatorPage {
    pub series: IndicatorSeries,
    pub municipalities: Vec<crate::network::Municipality>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusCount {
    pub status: ActionStatus,
    pub count: u32,
}

/// The dashboard's plan tiles.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanSummary {
    pub plan: Option<Plan>,
    /// Open actions (not finished or stopped) per pillar, in pillar order.
    pub open_by_pillar: Vec<PillarCount>,
    pub overdue: u32,
    /// Per intervention: in how many of the coalition's municipalities it is active.
    pub coverage: Vec<MatrixIntervention>,
    pub municipalities: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PillarCount {
    pub pillar: Uuid,
    pub number: u32,
    pub title: String,
    pub count: u32,
}

impl Workspace {
    /// The action form's data, see [`ActionPage`].
    pub fn action_page(&self, plan: Uuid, action: Option<Uuid>) -> Result<ActionPage> {
        // One read transaction: a sync on another connection cannot land
        // between the parts.
        let snapshot = self.conn().unchecked_transaction()?;
        let goals = self.goals(plan)?;
        let page = ActionPage {
            pillars: self
                .pillars(plan)?
                .into_iter()
                .map(|pillar| PillarGoals {
                    goals: goals
                        .iter()
                        .filter(|g| g.pillar == pillar.id)
                        .cloned()
                        .collect(),
                    pillar,
                })
                .collect(),
            organisations: self.list_organisations(&Default::default())?,
            contacts: self.list_contacts(&Default::default())?,
            municipalities: self.list_municipalities(false)?,
            action: action.map(|id| self.action(id)).transpose()?,
        };
        snapshot.rollback()?;
        Ok(page)
    }

    /// An indicator's page, see [`IndicatorPage`].
    pub fn indicator_page(&self, id: Uuid) -> Result<IndicatorPage> {
        let snapshot = self.conn().unchecked_transaction()?;
        let page = IndicatorPage {
            series: self.indicator_series(id)?,
            municipalities: self.list_municipalities(false)?,
        };
        snapshot.rollback()?;
        Ok(page)
    }

    pub fn plan_overview(&self, plan: Uuid, filter: &ActionFilter) -> Result<PlanOverview> {
        let plan = get_plan(self.conn(), plan)?;
        let goals = self.goals(plan.id)?;
        let actions = self.list_actions(&ActionFilter {
            plan: Some(plan.id),
            ..filter.clone()
        })?;
        let pillars = self
            .pillars(plan.id)?
            .into_iter()
            .map(|pillar| {
                let actions: Vec<Action> = actions
                    .iter()
                    .filter(|a| a.pillar == pillar.id)
                    .cloned()
                    .collect();
                PillarOverview {
                    goals: goals
                        .iter()
                        .filter(|g| g.pillar == pillar.id)
                        .cloned()
                        .collect(),
                    by_status: ActionStatus::ALL
                        .iter()
                        .map(|&status| StatusCount {
                            status,
                            count: actions.iter().filter(|a| a.status == status).count() as u32,
                        })
                        .collect(),
                    budget_cents: actions.iter().map(|a| a.budget_cents).sum(),
                    overdue: actions.iter().filter(|a| a.overdue).count() as u32,
                    actions,
                    pillar,
                }
            })
            .collect();
        let lead_names = self.lead_names(&actions)?;
        let targets = self.goal_targets(&goals.iter().map(|g| g.id).collect::<Vec<_>>())?;
        Ok(PlanOverview {
            plan,
            pillars,
            lead_names,
            targets,
        })
    }

    /// Read one by one: a plan names a few dozen leads, the coalition may
    /// hold hundreds of persons. An erased person has no name to show.
    fn lead_names(&self, actions: &[Action]) -> Result<BTreeMap<Uuid, String>> {
        // A lead whose row has not arrived by sync yet is left unnamed.
        let found = |name: Result<String>| match name {
            Err(crate::error::Error::NotFound { .. }) => Ok(None),
            other => other.map(Some),
        };
        let mut names = BTreeMap::new();
        for a in actions {
            if let Some(id) = a.owner.filter(|id| !names.contains_key(id)) {
                if let Some(name) = found(self.organisation(id).map(|o| o.name))? {
                    names.insert(id, name);
                }
            }
            if let Some(id) = a.owner_contact.filter(|id| !names.contains_key(id)) {
                if let Some(name) =
                    found(self.contact(id).map(|c| c.name))?.filter(|n| !n.is_empty())
                {
                    names.insert(id, name);
                }
            }
        }
        Ok(names)
    }

    pub fn plan_summary(&self) -> Result<PlanSummary> {
        let plan = self.current_plan()?;
        let matrix = self.rollout_matrix()?;
        let (open_by_pillar, overdue) = match &plan {
            Some(plan) => {
                let overview = self.plan_overview(plan.id, &ActionFilter::default())?;
                let open = overview
                    .pillars
                    .iter()
                    .map(|p| PillarCount {
                        pillar: p.pillar.id,
                        number: p.pillar.number,
                        title: p.pillar.title.clone(),
                        count: p.actions.iter().filter(|a| !a.status.is_closed()).count() as u32,
                    })
                    .collect();
                (open, overview.pillars.iter().map(|p| p.overdue).sum())
            }
            None => (Vec::new(), 0),
        };
        Ok(PlanSummary {
            plan,
            open_by_pillar,
            overdue,
            municipalities: matrix.municipalities.len() as u32,
            coverage: matrix.interventions,
        })
    }
}
