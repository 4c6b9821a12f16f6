//! One line per command: take the state, call the core, map the error.

use std::path::Path;
use std::sync::Arc;

use tauri::{AppHandle, Runtime, State};
use uuid::Uuid;
use wieg::export::{self, ExportFormat, ExportRequest, RestoreReport};
use wieg::meetings::{
    ActionItem, ActionItemFilter, ActionItemInput, ActionItemStatus, AgendaItem, AgendaItemInput,
    Attendance, Decision, FollowUp, Meeting, MeetingDetail, MeetingInput, SearchHit,
};
use wieg::network::{ImportDone, ImportPreview, ImportRecord, UndoReport};
use wieg::plan::{
    Action, ActionFilter, ActionInput, Funding, FundingInput, FundingOverview, Goal, GoalInput,
    Indicator, IndicatorInput, IndicatorSeries, Intervention, InterventionInput, Pillar, Plan,
    PlanInput, PlanOverview, PlanSummary, Rollout, RolloutInput, RolloutMatrix,
};
use wieg::{
    AppStatus, Coalition, ConflictView, Contact, ContactFilter, ContactInput, GrowthPoint,
    Municipality, NetworkMetrics, NewMunicipality, NewOrganisation, NewRelation, Organisation,
    OrganisationFilter, OrganisationPatch, RacedDelete, Relation, RelationPatch, SyncReport,
    SyncStatus, Workspace,
};

use crate::error::{Error, Result};
use crate::sync::SyncRunner;
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
pub fn sync_status(state: State<AppState>) -> Result<SyncStatus> {
    state.with(|ws| ws.sync_status())
}

#[tauri::command]
pub fn set_sync_folder(state: State<AppState>, folder: String) -> Result<SyncStatus> {
    state.with(|ws| {
        ws.set_sync_folder(Path::new(&folder))
            .and_then(|()| ws.sync_status())
    })
}

/// Runs on a worker thread with its own connection: editing goes on.
#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    runner: State<'_, Arc<SyncRunner>>,
) -> Result<SyncReport> {
    let runner = Arc::clone(&runner);
    tauri::async_runtime::spawn_blocking(move || runner.run(&app))
        .await
        .map_err(|e| Error::Startup(e.to_string()))?
}

#[tauri::command]
pub async fn join_coalition(state: State<'_, AppState>, folder: String) -> Result<Coalition> {
    let data_dir = state.with(|ws| Ok(ws.data_dir().to_path_buf()))?;
    let joined = tauri::async_runtime::spawn_blocking(move || {
        Workspace::join(&data_dir, Path::new(&folder), None)
    })
    .await
    .map_err(|e| Error::Startup(e.to_string()))?;
    let (ws, _) = joined?;
    drop(ws);
    state.with(|ws| ws.reload_replica().and_then(|()| ws.require_coalition()))
}

#[tauri::command]
pub fn list_conflicts(state: State<AppState>) -> Result<Vec<ConflictView>> {
    state.with(|ws| ws.conflict_views())
}

#[tauri::command]
pub fn restore_conflict(state: State<AppState>, id: String) -> Result<Vec<ConflictView>> {
    state.with(|ws| ws.restore_conflict(&id).and_then(|()| ws.conflict_views()))
}

#[tauri::command]
pub fn keep_current(state: State<AppState>, id: String) -> Result<Vec<ConflictView>> {
    state.with(|ws| ws.keep_current(&id).and_then(|()| ws.conflict_views()))
}

#[tauri::command]
pub fn list_raced_deletes(state: State<AppState>) -> Result<Vec<RacedDelete>> {
    state.with(|ws| ws.raced_deletes())
}

#[tauri::command]
pub fn undelete(state: State<AppState>, id: Uuid) -> Result<Vec<RacedDelete>> {
    state.with(|ws| ws.undelete(id).and_then(|()| ws.raced_deletes()))
}

#[tauri::command]
pub fn keep_deleted(state: State<AppState>, id: Uuid) -> Result<Vec<RacedDelete>> {
    state.with(|ws| ws.keep_deleted(id).and_then(|()| ws.raced_deletes()))
}

#[tauri::command]
pub fn list_municipalities(state: State<AppState>) -> Result<Vec<Municipality>> {
    state.with(|ws| ws.list_municipalities(false))
}

#[tauri::command]
pub fn create_municipality(state: State<AppState>, input: NewMunicipality) -> Result<Municipality> {
    state.with(|ws| ws.create_municipality(&input))
}

#[tauri::command]
pub fn delete_municipality(state: State<AppState>, id: Uuid) -> Result<Municipality> {
    state.with(|ws| ws.delete_municipality(id))
}

#[tauri::command]
pub fn network_metrics(state: State<AppState>) -> Result<NetworkMetrics> {
    state.with(|ws| ws.network_metrics())
}

#[tauri::command]
pub fn network_growth(state: State<AppState>) -> Result<Vec<GrowthPoint>> {
    state.with(|ws| ws.network_growth())
}

#[tauri::command]
pub fn set_served_municipalities(
    state: State<AppState>,
    id: Uuid,
    municipalities: Vec<Uuid>,
) -> Result<Organisation> {
    state.with(|ws| {
        ws.set_served_municipalities(id, &municipalities)
            .and_then(|()| ws.organisation(id))
    })
}

#[tauri::command]
pub fn list_relations(state: State<AppState>, organisation: Option<Uuid>) -> Result<Vec<Relation>> {
    state.with(|ws| ws.list_relations(organisation))
}

#[tauri::command]
pub fn create_relation(state: State<AppState>, input: NewRelation) -> Result<Relation> {
    state.with(|ws| ws.create_relation(&input))
}

#[tauri::command]
pub fn delete_relation(state: State<AppState>, id: Uuid) -> Result<Relation> {
    state.with(|ws| ws.delete_relation(id))
}

#[tauri::command]
pub fn list_contacts(state: State<AppState>, filter: ContactFilter) -> Result<Vec<Contact>> {
    state.with(|ws| ws.list_contacts(&filter))
}

#[tauri::command]
pub fn create_contact(state: State<AppState>, input: ContactInput) -> Result<Contact> {
    state.with(|ws| ws.create_contact(&input))
}

#[tauri::command]
pub fn update_contact(state: State<AppState>, id: Uuid, input: ContactInput) -> Result<Contact> {
    state.with(|ws| ws.update_contact(id, &input))
}

#[tauri::command]
pub fn erase_contact(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.erase_contact(id))
}

/// Write everything stored about one person to `path` (a file the user chose).
#[tauri::command]
pub fn save_contact_inzage(state: State<AppState>, id: Uuid, path: String) -> Result<()> {
    state.with(|ws| ws.save_contact_inzage(id, Path::new(&path)))
}

/// Save the map the user sees as PNG or SVG to the file they chose.
#[tauri::command]
pub fn save_map_image(path: String, content: String) -> Result<()> {
    Ok(wieg::network::save_map_image(Path::new(&path), &content)?)
}

/// What importing a file would do, row by row (nothing is written).
#[tauri::command]
pub fn preview_import(state: State<AppState>, path: String) -> Result<ImportPreview> {
    state.with(|ws| ws.preview_import(Path::new(&path)))
}

#[tauri::command]
pub fn import_file(state: State<AppState>, path: String) -> Result<ImportDone> {
    state.with(|ws| ws.import_file(Path::new(&path)))
}

#[tauri::command]
pub fn list_imports(state: State<AppState>) -> Result<Vec<ImportRecord>> {
    state.with(|ws| ws.list_imports())
}

#[tauri::command]
pub fn undo_import(state: State<AppState>, id: Uuid) -> Result<UndoReport> {
    state.with(|ws| ws.undo_import(id))
}

/// The network for partners: `csv` (two files next to `path`) or `xlsx`
/// (Kumu's workbook). Returns the files written.
#[tauri::command]
pub fn export_network(state: State<AppState>, format: String, path: String) -> Result<Vec<String>> {
    let path = Path::new(&path);
    state.with(|ws| {
        let written = match format.as_str() {
            "csv" => ws.export_network_csv(path)?,
            _ => {
                ws.export_network_xlsx(path)?;
                vec![path.to_path_buf()]
            }
        };
        Ok(written.iter().map(|p| p.display().to_string()).collect())
    })
}

#[tauri::command]
pub fn update_relation(state: State<AppState>, id: Uuid, patch: RelationPatch) -> Result<Relation> {
    state.with(|ws| ws.update_relation(id, &patch))
}

#[tauri::command]
pub fn current_plan(state: State<AppState>) -> Result<Option<Plan>> {
    state.with(|ws| ws.current_plan())
}

#[tauri::command]
pub fn list_plans(state: State<AppState>) -> Result<Vec<Plan>> {
    state.with(|ws| ws.list_plans())
}

#[tauri::command]
pub fn create_plan(state: State<AppState>, input: PlanInput) -> Result<Plan> {
    state.with(|ws| ws.create_plan(&input))
}

#[tauri::command]
pub fn update_plan(state: State<AppState>, id: Uuid, input: PlanInput) -> Result<Plan> {
    state.with(|ws| ws.update_plan(id, &input))
}

#[tauri::command]
pub fn plan_overview(
    state: State<AppState>,
    plan: Uuid,
    filter: ActionFilter,
) -> Result<PlanOverview> {
    state.with(|ws| ws.plan_overview(plan, &filter))
}

#[tauri::command]
pub fn plan_summary(state: State<AppState>) -> Result<PlanSummary> {
    state.with(|ws| ws.plan_summary())
}

#[tauri::command]
pub fn create_pillar(
    state: State<AppState>,
    plan: Uuid,
    title: String,
    description: String,
) -> Result<Pillar> {
    state.with(|ws| ws.create_pillar(plan, &title, &description))
}

#[tauri::command]
pub fn update_pillar(
    state: State<AppState>,
    id: Uuid,
    title: Option<String>,
    description: Option<String>,
) -> Result<Pillar> {
    state.with(|ws| ws.update_pillar(id, title.as_deref(), description.as_deref()))
}

#[tauri::command]
pub fn move_pillar(state: State<AppState>, id: Uuid, number: u32) -> Result<Vec<Pillar>> {
    state.with(|ws| ws.move_pillar(id, number))
}

#[tauri::command]
pub fn delete_pillar(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_pillar(id))
}

#[tauri::command]
pub fn create_goal(state: State<AppState>, input: GoalInput) -> Result<Goal> {
    state.with(|ws| ws.create_goal(&input))
}

#[tauri::command]
pub fn update_goal(state: State<AppState>, id: Uuid, input: GoalInput) -> Result<Goal> {
    state.with(|ws| ws.update_goal(id, &input))
}

#[tauri::command]
pub fn delete_goal(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_goal(id))
}

#[tauri::command]
pub fn get_action(state: State<AppState>, id: Uuid) -> Result<Action> {
    state.with(|ws| ws.action(id))
}

#[tauri::command]
pub fn create_action(state: State<AppState>, input: ActionInput) -> Result<Action> {
    state.with(|ws| ws.create_action(&input))
}

#[tauri::command]
pub fn update_action(state: State<AppState>, id: Uuid, input: ActionInput) -> Result<Action> {
    state.with(|ws| ws.update_action(id, &input))
}

#[tauri::command]
pub fn delete_action(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_action(id))
}

#[tauri::command]
pub fn add_milestone(
    state: State<AppState>,
    action: Uuid,
    quarter: String,
    title: String,
) -> Result<Action> {
    state.with(|ws| ws.add_milestone(action, &quarter, &title))
}

#[tauri::command]
pub fn set_milestone_done(state: State<AppState>, id: Uuid, done: bool) -> Result<()> {
    state.with(|ws| ws.set_milestone_done(id, done))
}

#[tauri::command]
pub fn delete_milestone(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_milestone(id))
}

#[tauri::command]
pub fn add_action_note(
    state: State<AppState>,
    action: Uuid,
    date: String,
    text: String,
) -> Result<Action> {
    state.with(|ws| ws.add_action_note(action, &date, &text))
}

#[tauri::command]
pub fn list_interventions(state: State<AppState>) -> Result<Vec<Intervention>> {
    state.with(|ws| ws.list_interventions())
}

#[tauri::command]
pub fn create_intervention(
    state: State<AppState>,
    input: InterventionInput,
) -> Result<Intervention> {
    state.with(|ws| ws.create_intervention(&input))
}

#[tauri::command]
pub fn update_intervention(
    state: State<AppState>,
    id: Uuid,
    input: InterventionInput,
) -> Result<Intervention> {
    state.with(|ws| ws.update_intervention(id, &input))
}

#[tauri::command]
pub fn delete_intervention(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_intervention(id))
}

#[tauri::command]
pub fn rollout_matrix(state: State<AppState>) -> Result<RolloutMatrix> {
    state.with(|ws| ws.rollout_matrix())
}

#[tauri::command]
pub fn set_rollout(
    state: State<AppState>,
    municipality: Uuid,
    intervention: Uuid,
    input: RolloutInput,
) -> Result<Rollout> {
    state.with(|ws| ws.set_rollout(municipality, intervention, &input))
}

#[tauri::command]
pub fn list_fundings(state: State<AppState>) -> Result<Vec<Funding>> {
    state.with(|ws| ws.list_fundings())
}

#[tauri::command]
pub fn create_funding(state: State<AppState>, input: FundingInput) -> Result<Funding> {
    state.with(|ws| ws.create_funding(&input))
}

#[tauri::command]
pub fn update_funding(state: State<AppState>, id: Uuid, input: FundingInput) -> Result<Funding> {
    state.with(|ws| ws.update_funding(id, &input))
}

#[tauri::command]
pub fn delete_funding(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_funding(id))
}

#[tauri::command]
pub fn funding_overview(state: State<AppState>, plan: Uuid) -> Result<FundingOverview> {
    state.with(|ws| ws.funding_overview(plan))
}

#[tauri::command]
pub fn list_indicators(state: State<AppState>) -> Result<Vec<Indicator>> {
    state.with(|ws| ws.list_indicators())
}

#[tauri::command]
pub fn create_indicator(state: State<AppState>, input: IndicatorInput) -> Result<Indicator> {
    state.with(|ws| ws.create_indicator(&input))
}

#[tauri::command]
pub fn update_indicator(
    state: State<AppState>,
    id: Uuid,
    input: IndicatorInput,
) -> Result<Indicator> {
    state.with(|ws| ws.update_indicator(id, &input))
}

#[tauri::command]
pub fn delete_indicator(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_indicator(id))
}

#[tauri::command]
pub fn indicator_series(state: State<AppState>, id: Uuid) -> Result<IndicatorSeries> {
    state.with(|ws| ws.indicator_series(id))
}

/// Numerator and denominator as typed; an empty denominator for a count.
#[tauri::command]
pub fn set_indicator_value(
    state: State<AppState>,
    indicator: Uuid,
    municipality: Uuid,
    year: String,
    numerator: String,
    denominator: String,
) -> Result<IndicatorSeries> {
    state.with(|ws| {
        ws.set_indicator_value(indicator, municipality, &year, &numerator, &denominator)
            .and_then(|()| ws.indicator_series(indicator))
    })
}

#[tauri::command]
pub fn list_meetings(state: State<AppState>) -> Result<Vec<Meeting>> {
    state.with(|ws| ws.list_meetings())
}

#[tauri::command]
pub fn meeting_detail(state: State<AppState>, id: Uuid) -> Result<MeetingDetail> {
    state.with(|ws| ws.meeting_detail(id))
}

#[tauri::command]
pub fn create_meeting(state: State<AppState>, input: MeetingInput) -> Result<Meeting> {
    state.with(|ws| ws.create_meeting(&input))
}

#[tauri::command]
pub fn create_meeting_from(
    state: State<AppState>,
    previous: Uuid,
    date: String,
) -> Result<Meeting> {
    state.with(|ws| ws.create_meeting_from(previous, &date))
}

#[tauri::command]
pub fn update_meeting(state: State<AppState>, id: Uuid, input: MeetingInput) -> Result<Meeting> {
    state.with(|ws| ws.update_meeting(id, &input))
}

#[tauri::command]
pub fn delete_meeting(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_meeting(id))
}

#[tauri::command]
pub fn set_attendance(
    state: State<AppState>,
    meeting: Uuid,
    contact: Uuid,
    attendance: Attendance,
) -> Result<MeetingDetail> {
    state.with(|ws| {
        ws.set_attendance(meeting, contact, attendance)
            .and_then(|()| ws.meeting_detail(meeting))
    })
}

#[tauri::command]
pub fn add_agenda_item(
    state: State<AppState>,
    meeting: Uuid,
    input: AgendaItemInput,
) -> Result<AgendaItem> {
    state.with(|ws| ws.add_agenda_item(meeting, &input))
}

#[tauri::command]
pub fn update_agenda_item(
    state: State<AppState>,
    id: Uuid,
    input: AgendaItemInput,
) -> Result<AgendaItem> {
    state.with(|ws| ws.update_agenda_item(id, &input))
}

#[tauri::command]
pub fn add_decision(
    state: State<AppState>,
    meeting: Uuid,
    agenda_item: Option<Uuid>,
    text: String,
) -> Result<Decision> {
    state.with(|ws| ws.add_decision(meeting, agenda_item, &text))
}

#[tauri::command]
pub fn follow_up_decision(
    state: State<AppState>,
    id: Uuid,
    follow_up: FollowUp,
    note: String,
) -> Result<Decision> {
    state.with(|ws| ws.follow_up_decision(id, follow_up, &note))
}

#[tauri::command]
pub fn list_decisions(state: State<AppState>) -> Result<Vec<Decision>> {
    state.with(|ws| ws.list_decisions())
}

#[tauri::command]
pub fn add_action_item(
    state: State<AppState>,
    meeting: Uuid,
    agenda_item: Option<Uuid>,
    text: String,
    owner: Option<Uuid>,
    due: Option<String>,
) -> Result<ActionItem> {
    state.with(|ws| ws.add_action_item(meeting, agenda_item, &text, owner, due.as_deref()))
}

#[tauri::command]
pub fn set_action_item_status(
    state: State<AppState>,
    id: Uuid,
    status: ActionItemStatus,
) -> Result<ActionItem> {
    state.with(|ws| ws.set_action_item_status(id, status))
}

#[tauri::command]
pub fn update_action_item(
    state: State<AppState>,
    id: Uuid,
    input: ActionItemInput,
) -> Result<ActionItem> {
    state.with(|ws| ws.update_action_item(id, &input))
}

#[tauri::command]
pub fn delete_action_item(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_action_item(id))
}

#[tauri::command]
pub fn update_decision(state: State<AppState>, id: Uuid, text: String) -> Result<Decision> {
    state.with(|ws| ws.update_decision(id, &text))
}

#[tauri::command]
pub fn delete_decision(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_decision(id))
}

#[tauri::command]
pub fn delete_agenda_item(state: State<AppState>, id: Uuid) -> Result<()> {
    state.with(|ws| ws.delete_agenda_item(id))
}

/// The agenda in a new order (every item once); returns the agenda.
#[tauri::command]
pub fn reorder_agenda(
    state: State<AppState>,
    meeting: Uuid,
    order: Vec<Uuid>,
) -> Result<Vec<AgendaItem>> {
    state.with(|ws| ws.reorder_agenda(meeting, &order))
}

#[tauri::command]
pub fn list_action_items(
    state: State<AppState>,
    filter: ActionItemFilter,
) -> Result<Vec<ActionItem>> {
    state.with(|ws| ws.list_action_items(&filter))
}

#[tauri::command]
pub fn search(state: State<AppState>, query: String) -> Result<Vec<SearchHit>> {
    state.with(|ws| ws.search(&query, 50))
}

/// A meeting as a calendar invitation, to a file the user chose.
#[tauri::command]
pub fn save_meeting_ics(state: State<AppState>, id: Uuid, path: String) -> Result<()> {
    state.with(|ws| {
        let ics = ws.meeting_ics(id)?;
        save_text(&path, ics)
    })
}

/// All coming meetings as one calendar file.
#[tauri::command]
pub fn save_upcoming_ics(state: State<AppState>, path: String) -> Result<()> {
    state.with(|ws| {
        let ics = ws.upcoming_ics()?;
        save_text(&path, ics)
    })
}

/// The name an export gets: the save dialog's suggestion.
#[tauri::command]
pub fn export_file_name(
    state: State<AppState>,
    request: ExportRequest,
    format: ExportFormat,
) -> Result<String> {
    state.with(|ws| ws.export_file_name(&request, format, export::today()))
}

/// Write an export where the user chose; returns the path written.
#[tauri::command(async)]
pub fn export_to_path(
    state: State<'_, AppState>,
    request: ExportRequest,
    format: ExportFormat,
    path: String,
) -> Result<String> {
    // The database is read under the lock; a PDF is typeset outside it.
    let prepared = state.with(|ws| ws.prepare_export(&request, format, export::today()))?;
    let written = export::save(&prepared.render()?, Path::new(&path))?;
    state.exported(written)
}

/// Write an export into the shared folder's `exports/`, under its own name.
#[tauri::command(async)]
pub fn export_to_shared_folder(
    state: State<'_, AppState>,
    request: ExportRequest,
    format: ExportFormat,
) -> Result<String> {
    let (dir, prepared) = state.with(|ws| {
        let dir = ws.shared_exports_dir()?;
        Ok((dir, ws.prepare_export(&request, format, export::today())?))
    })?;
    let written = export::save(&prepared.render()?, &dir)?;
    state.exported(written)
}

/// "Open bestand": the exported file in the program the system picks.
#[tauri::command]
pub fn open_exported(state: State<AppState>, path: String) -> Result<()> {
    let path = state.was_exported(&path)?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| Error::Open(e.to_string()))
}

/// "Toon in map": the folder with the exported file selected.
#[tauri::command]
pub fn reveal_exported(state: State<AppState>, path: String) -> Result<()> {
    let path = state.was_exported(&path)?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| Error::Open(e.to_string()))
}

/// Rebuild the coalition from an archive into this (empty) workspace.
#[tauri::command(async)]
pub fn restore_archive(state: State<'_, AppState>, path: String) -> Result<RestoreReport> {
    state.with(|ws| ws.restore_archive(Path::new(&path)))
}

/// The coalition's logo for documents, as base64 PNG (for a preview).
#[tauri::command]
pub fn coalition_logo(state: State<AppState>) -> Result<Option<String>> {
    state.with(|ws| ws.coalition_logo_base64())
}

#[tauri::command]
pub fn set_coalition_logo(state: State<AppState>, path: String) -> Result<()> {
    state.with(|ws| ws.set_coalition_logo(Path::new(&path)))
}

#[tauri::command]
pub fn clear_coalition_logo(state: State<AppState>) -> Result<()> {
    state.with(|ws| ws.clear_coalition_logo())
}

/// A calendar file at the path the user chose, written whole or not at all.
fn save_text(path: &str, text: String) -> wieg::Result<()> {
    let file = export::ExportFile {
        file_name: export::file_name_with("Overleg", "ics"),
        bytes: text.into_bytes(),
    };
    export::save(&file, Path::new(path)).map(drop)
}
