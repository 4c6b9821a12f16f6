//! Every entity this version of Wieg knows, handed to the engine: the one
//! place where the change engine ([`crate::changes`], [`crate::sync`]) meets
//! the domain ([`crate::coalition`], [`crate::network`], [`crate::plan`],
//! [`crate::meetings`]). A new entity is added here; the engine is not
//! edited.

use std::path::Path;

use uuid::Uuid;

use crate::changes::Registry;
use crate::error::Result;
use crate::sync::SyncReport;
use crate::workspace::Workspace;
use crate::{coalition, meetings, network, outreach, plan};

pub static REGISTRY: Registry = Registry::new(
    &[
        &coalition::COALITION,
        &network::ORGANISATION,
        &network::MUNICIPALITY,
        &network::RELATION,
        &network::SERVES,
        &network::CONTACT,
        &plan::PLAN,
        &plan::PILLAR,
        &plan::GOAL,
        &plan::GOAL_TARGET,
        &plan::ACTION,
        &plan::ACTION_PARTNER,
        &plan::ACTION_MUNICIPALITY,
        &plan::MILESTONE,
        &plan::ACTION_NOTE,
        &plan::INTERVENTION,
        &plan::ROLLOUT,
        &plan::FUNDING,
        &plan::FUNDING_ACTION,
        &plan::SPENDING,
        &plan::INDICATOR,
        &plan::INDICATOR_VALUE,
        &plan::PARENT_GROUP,
        &plan::PARENT_GROUP_YEAR,
        &plan::PARENT_GROUP_ACTION,
        &plan::PARENT_GROUP_MEETING,
        &plan::GATHERING,
        &plan::GATHERING_TURNOUT,
        &meetings::MEETING,
        &meetings::MEETING_ATTENDEE,
        &meetings::AGENDA_ITEM,
        &meetings::DECISION,
        &meetings::ACTION_ITEM,
        &outreach::UPDATE_ROUND,
        &outreach::ROUND_PARTNER,
    ],
    &coalition::COALITION,
);

impl Workspace {
    /// Open the coalition database in `data_dir`, creating the directory, the
    /// database and this replica's identity on first use.
    pub fn open(data_dir: impl AsRef<Path>) -> Result<Self> {
        Self::open_with(data_dir, &REGISTRY)
    }

    /// Build a new laptop's database from a shared folder: every batch of
    /// the coalition there. `coalition` picks one when the folder has several.
    pub fn join(
        data_dir: &Path,
        shared: &Path,
        coalition: Option<Uuid>,
    ) -> Result<(Workspace, SyncReport)> {
        Self::join_with(data_dir, &REGISTRY, shared, coalition)
    }
}
