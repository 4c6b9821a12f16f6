//! One line per command: take the state, call the core, map the error.

use tauri::State;
use uuid::Uuid;
use wieg::{
    AppStatus, Coalition, NetworkSummary, NewOrganisation, Organisation, OrganisationFilter,
    OrganisationPatch,
};

use crate::error::Result;
use crate::AppState;

#[tauri::command]
pub fn app_status(state: State<AppState>) -> Result<AppStatus> {
    state.with(|ws| ws.status())
}

#[tauri::command]
pub fn create_coalition(state: State<AppState>, name: String) -> Result<Coalition> {
    state.with(|ws| ws.create_coalition(&name))
}

#[tauri::command]
pub fn load_demo(state: State<AppState>) -> Result<Coalition> {
    state.with(|ws| ws.load_demo())
}

#[tauri::command]
pub fn set_replica_name(state: State<AppState>, name: String) -> Result<AppStatus> {
    state.with(|ws| ws.set_replica_name(&name).and_then(|()| ws.status()))
}

#[tauri::command]
pub fn list_organisations(
    state: State<AppState>,
    filter: OrganisationFilter,
) -> Result<Vec<Organisation>> {
    state.with(|ws| ws.list_organisations(&filter))
}

#[tauri::command]
pub fn create_organisation(state: State<AppState>, input: NewOrganisation) -> Result<Organisation> {
    state.with(|ws| ws.create_organisation(&input))
}

#[tauri::command]
pub fn update_organisation(
    state: State<AppState>,
    id: Uuid,
    patch: OrganisationPatch,
) -> Result<Organisation> {
    state.with(|ws| ws.update_organisation(id, &patch))
}

#[tauri::command]
pub fn delete_organisation(state: State<AppState>, id: Uuid) -> Result<Organisation> {
    state.with(|ws| ws.delete_organisation(id))
}

#[tauri::command]
pub fn restore_organisation(state: State<AppState>, id: Uuid) -> Result<Organisation> {
    state.with(|ws| ws.restore_organisation(id))
}

#[tauri::command]
pub fn network_summary(state: State<AppState>) -> Result<NetworkSummary> {
    state.with(|ws| ws.network_summary())
}
