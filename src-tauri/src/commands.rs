//! One line per command: take the state, call the core, map the error.

use std::path::Path;
use std::sync::Arc;

use tauri::{AppHandle, Runtime, State};
use uuid::Uuid;
use wieg::dashboard::Dashboard;
use wieg::export::{self, ExportFormat, ExportRequest, RestoreReport};
use wieg::import::{ImportDone, ImportPreview, ImportRecord, UndoReport};
use wieg::meetings::{
    ActionItem, ActionItemFilter, ActionItemInput, ActionItemStatus, AgendaItem, AgendaItemInput,
    Attendance, Decision, DecisionInput, FollowUp, Meeting, MeetingDetail, MeetingInput,
    MeetingPage, SearchHit,
};
use wieg::outreach::{
    Confirmation, FollowUpDraft, RoundAccepted, RoundOverview, RoundReturn, RoundStart,
};
use wieg::plan::{
    Action, ActionFilter, ActionInput, ActionNoteInput, ActionPage, Funding, FundingInput,
    FundingOverview, Goal, GoalInput, GoalTargetInput, Indicator, IndicatorInput, IndicatorPage,
    IndicatorSeries, IndicatorValueInput, Intervention, InterventionInput, MilestoneInput, Pillar,
    PillarInput, Plan, PlanInput, PlanOverview, Rollout, RolloutInput, RolloutMatrix, Spending,
    SpendingFilter, SpendingInput, SpendingPage, TargetProgress,
};
use wieg::plan::{
    Gathering, GatheringInput, MonitorIndicator, ParentGroup, ParentGroupInput, Participation,
    Period,
};
use wieg::{
    AppStatus, Coalition, CoalitionInput, ConflictView, Contact, ContactFilter, ContactInput,
    Municipality, MunicipalityInput, NetworkMetrics, Organisation, OrganisationDetail,
    OrganisationFilter, OrganisationInput, RacedDelete, Relation, RelationInput, SyncReport,
    SyncStatus, Workspace,
};

use crate::error::{Error, Result};
use crate::sync::SyncRunner;
use crate::{blocking, AppState};

#[tauri::command]
pub async fn app_status(state: State<'_, AppState>) -> Result<AppStatus> {
    state.run(move |ws| ws.status()).await
}

#[tauri::command]
pub async fn create_coalition(state: State<'_, AppState>, name: String) -> Result<Coalition> {
    state.run(move |ws| ws.create_coalition(&name)).await
}

/// Rename the coalition or set the day it began; returns the app status.
#[tauri::command]
pub async fn update_coalition(
    state: State<'_, AppState>,
    input: CoalitionInput,
) -> Result<AppStatus> {
    state
        .run(move |ws| ws.update_coalition(&input).and_then(|_| ws.status()))
        .await
}

#[tauri::command]
pub async fn load_demo(state: State<'_, AppState>) -> Result<Coalition> {
    state.run(move |ws| ws.load_demo()).await
}

#[tauri::command]
pub async fn set_replica_name(state: State<'_, AppState>, name: String) -> Result<AppStatus> {
    state
        .run(move |ws| ws.set_replica_name(&name).and_then(|()| ws.status()))
        .await
}

#[tauri::command]
pub async fn list_organisations(
    state: State<'_, AppState>,
    filter: OrganisationFilter,
) -> Result<Vec<Organisation>> {
    state.run(move |ws| ws.list_organisations(&filter)).await
}

#[tauri::command]
pub async fn create_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> Result<Organisation> {
    state.run(move |ws| ws.create_organisation(&input)).await
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    id: Uuid,
    patch: OrganisationInput,
) -> Result<Organisation> {
    state
        .run(move |ws| ws.update_organisation(id, &patch))
        .await
}

/// An organisation's page in one read: it, the municipalities it serves,
/// its contact persons and relations, and every organisation's name.
#[tauri::command]
pub async fn organisation_detail(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<OrganisationDetail> {
    state.run(move |ws| ws.organisation_detail(id)).await
}

#[tauri::command]
pub async fn delete_organisation(state: State<'_, AppState>, id: Uuid) -> Result<Organisation> {
    state.run(move |ws| ws.delete_organisation(id)).await
}

#[tauri::command]
pub async fn restore_organisation(state: State<'_, AppState>, id: Uuid) -> Result<Organisation> {
    state.run(move |ws| ws.restore_organisation(id)).await
}

#[tauri::command]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus> {
    state.run(move |ws| ws.sync_status()).await
}

#[tauri::command]
pub async fn set_sync_folder(state: State<'_, AppState>, folder: String) -> Result<SyncStatus> {
    state
        .run(move |ws| {
            ws.set_sync_folder(Path::new(&folder))
                .and_then(|()| ws.sync_status())
        })
        .await
}

/// Runs on a worker thread with its own connection: editing goes on.
#[tauri::command]
pub async fn sync_now<R: Runtime>(
    app: AppHandle<R>,
    runner: State<'_, Arc<SyncRunner>>,
) -> Result<SyncReport> {
    let runner = Arc::clone(&runner);
    blocking(move || runner.run(&app)).await
}

#[tauri::command]
pub async fn join_coalition(state: State<'_, AppState>, folder: String) -> Result<Coalition> {
    let data_dir = state.run(move |ws| Ok(ws.data_dir().to_path_buf())).await?;
    // A new database of its own, beside the open one: the window goes on.
    blocking(move || Ok(Workspace::join(&data_dir, Path::new(&folder), None).map(drop)?)).await?;
    state
        .run(move |ws| ws.reload_replica().and_then(|()| ws.require_coalition()))
        .await
}

#[tauri::command]
pub async fn list_conflicts(state: State<'_, AppState>) -> Result<Vec<ConflictView>> {
    state.run(move |ws| ws.conflict_views()).await
}

#[tauri::command]
pub async fn restore_conflict(state: State<'_, AppState>, id: String) -> Result<Vec<ConflictView>> {
    state
        .run(move |ws| ws.restore_conflict(&id).and_then(|()| ws.conflict_views()))
        .await
}

#[tauri::command]
pub async fn keep_current(state: State<'_, AppState>, id: String) -> Result<Vec<ConflictView>> {
    state
        .run(move |ws| ws.keep_current(&id).and_then(|()| ws.conflict_views()))
        .await
}

#[tauri::command]
pub async fn list_raced_deletes(state: State<'_, AppState>) -> Result<Vec<RacedDelete>> {
    state.run(move |ws| ws.raced_deletes()).await
}

#[tauri::command]
pub async fn undelete(state: State<'_, AppState>, id: Uuid) -> Result<Vec<RacedDelete>> {
    state
        .run(move |ws| ws.undelete(id).and_then(|()| ws.raced_deletes()))
        .await
}

#[tauri::command]
pub async fn keep_deleted(state: State<'_, AppState>, id: Uuid) -> Result<Vec<RacedDelete>> {
    state
        .run(move |ws| ws.keep_deleted(id).and_then(|()| ws.raced_deletes()))
        .await
}

#[tauri::command]
pub async fn list_municipalities(state: State<'_, AppState>) -> Result<Vec<Municipality>> {
    state.run(move |ws| ws.list_municipalities(false)).await
}

#[tauri::command]
pub async fn create_municipality(
    state: State<'_, AppState>,
    input: MunicipalityInput,
) -> Result<Municipality> {
    state.run(move |ws| ws.create_municipality(&input)).await
}

#[tauri::command]
pub async fn update_municipality(
    state: State<'_, AppState>,
    id: Uuid,
    input: MunicipalityInput,
) -> Result<Municipality> {
    state
        .run(move |ws| ws.update_municipality(id, &input))
        .await
}

#[tauri::command]
pub async fn delete_municipality(state: State<'_, AppState>, id: Uuid) -> Result<Municipality> {
    state.run(move |ws| ws.delete_municipality(id)).await
}

/// The dashboard in one call: network figures, growth, plan tiles and open
/// action items, read from one snapshot.
#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>) -> Result<Dashboard> {
    state.run(move |ws| ws.dashboard()).await
}

#[tauri::command]
pub async fn network_metrics(state: State<'_, AppState>) -> Result<NetworkMetrics> {
    state.run(move |ws| ws.network_metrics()).await
}

#[tauri::command]
pub async fn set_served_municipalities(
    state: State<'_, AppState>,
    id: Uuid,
    municipalities: Vec<Uuid>,
) -> Result<Organisation> {
    state
        .run(move |ws| {
            ws.set_served_municipalities(id, &municipalities)
                .and_then(|()| ws.organisation(id))
        })
        .await
}

/// Relations between living organisations; with an id, only that organisation's.
#[tauri::command]
pub async fn list_relations(
    state: State<'_, AppState>,
    organisation: Option<Uuid>,
) -> Result<Vec<Relation>> {
    state.run(move |ws| ws.list_relations(organisation)).await
}

#[tauri::command]
pub async fn create_relation(state: State<'_, AppState>, input: RelationInput) -> Result<Relation> {
    state.run(move |ws| ws.create_relation(&input)).await
}

#[tauri::command]
pub async fn delete_relation(state: State<'_, AppState>, id: Uuid) -> Result<Relation> {
    state.run(move |ws| ws.delete_relation(id)).await
}

#[tauri::command]
pub async fn list_contacts(
    state: State<'_, AppState>,
    filter: ContactFilter,
) -> Result<Vec<Contact>> {
    state.run(move |ws| ws.list_contacts(&filter)).await
}

#[tauri::command]
pub async fn create_contact(state: State<'_, AppState>, input: ContactInput) -> Result<Contact> {
    state.run(move |ws| ws.create_contact(&input)).await
}

#[tauri::command]
pub async fn update_contact(
    state: State<'_, AppState>,
    id: Uuid,
    input: ContactInput,
) -> Result<Contact> {
    state.run(move |ws| ws.update_contact(id, &input)).await
}

#[tauri::command]
pub async fn erase_contact(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.erase_contact(id)).await
}

/// Write everything stored about one person to `path` (a file the user chose).
#[tauri::command]
pub async fn save_contact_inzage(state: State<'_, AppState>, id: Uuid, path: String) -> Result<()> {
    state
        .run(move |ws| ws.save_contact_inzage(id, Path::new(&path)))
        .await
}

/// Where each organisation of the shown network stands on the map.
#[tauri::command]
pub async fn map_layout(
    graph: wieg::network::MapGraphInput,
) -> Result<Vec<wieg::network::MapPosition>> {
    blocking(move || Ok(wieg::network::map_layout(&graph))).await
}

/// Save the map the user sees as PNG or SVG to the file they chose.
#[tauri::command]
pub async fn save_map_image(path: String, content: String) -> Result<()> {
    blocking(move || Ok(wieg::network::save_map_image(Path::new(&path), &content)?)).await
}

/// What importing a file would do, row by row (nothing is written).
#[tauri::command]
pub async fn preview_import(state: State<'_, AppState>, path: String) -> Result<ImportPreview> {
    state
        .run(move |ws| ws.preview_import(Path::new(&path)))
        .await
}

/// All rows or none: refused while any row has an error.
#[tauri::command]
pub async fn import_file(state: State<'_, AppState>, path: String) -> Result<ImportDone> {
    state.run(move |ws| ws.import_file(Path::new(&path))).await
}

#[tauri::command]
pub async fn list_imports(state: State<'_, AppState>) -> Result<Vec<ImportRecord>> {
    state.run(move |ws| ws.list_imports()).await
}

#[tauri::command]
pub async fn undo_import(state: State<'_, AppState>, id: Uuid) -> Result<UndoReport> {
    state.run(move |ws| ws.undo_import(id)).await
}

/// Start an update round: one workbook per partner, written into `folder`
/// (else the shared folder's `exports/`). Returns the files written.
#[tauri::command]
pub async fn start_round(
    state: State<'_, AppState>,
    start: RoundStart,
    folder: Option<String>,
) -> Result<Vec<String>> {
    let (dir, files) = state
        .run(move |ws| {
            let dir = match folder {
                Some(folder) => folder.into(),
                None => ws.shared_exports_dir()?,
            };
            Ok((dir, ws.start_round(&start)?))
        })
        .await?;
    // The workbooks are made and written without holding the workspace.
    let written = blocking(move || Ok(files.write_to(&dir)?)).await?;
    written.into_iter().map(|p| state.exported(p)).collect()
}

/// A round's workbooks again, into `folder`.
#[tauri::command]
pub async fn write_round_files(
    state: State<'_, AppState>,
    round: Uuid,
    folder: String,
) -> Result<Vec<String>> {
    let files = state.run(move |ws| ws.round_files(round)).await?;
    let written = blocking(move || Ok(files.write_to(Path::new(&folder))?)).await?;
    written.into_iter().map(|p| state.exported(p)).collect()
}

#[tauri::command]
pub async fn list_rounds(state: State<'_, AppState>) -> Result<Vec<RoundOverview>> {
    state.run(move |ws| ws.list_rounds()).await
}

/// What a returned workbook changes, field by field (nothing is written).
#[tauri::command]
pub async fn preview_round_return(state: State<'_, AppState>, path: String) -> Result<RoundReturn> {
    state
        .run(move |ws| ws.preview_round_return(Path::new(&path)))
        .await
}

/// Take a returned workbook over; `take` names the conflicts where the
/// partner's value wins.
#[tauri::command]
pub async fn accept_round_return(
    state: State<'_, AppState>,
    path: String,
    take: Vec<String>,
) -> Result<RoundAccepted> {
    state
        .run(move |ws| ws.accept_round_return(Path::new(&path), &take))
        .await
}

/// When an organisation last confirmed its data in a round.
#[tauri::command]
pub async fn organisation_confirmation(
    state: State<'_, AppState>,
    id: Uuid,
) -> Result<Option<Confirmation>> {
    state.run(move |ws| ws.confirmation(id)).await
}

/// Open action items per owner, each with its e-mail draft.
#[tauri::command]
pub async fn follow_up_drafts(state: State<'_, AppState>) -> Result<Vec<FollowUpDraft>> {
    state.run(move |ws| ws.follow_up_drafts()).await
}

/// Every follow-up draft as an `.eml` file in `folder`.
#[tauri::command]
pub async fn save_follow_up_drafts(
    state: State<'_, AppState>,
    folder: String,
) -> Result<Vec<String>> {
    let files = state.run(move |ws| ws.follow_up_files()).await?;
    let written = blocking(move || {
        let dir = Path::new(&folder);
        std::fs::create_dir_all(dir).map_err(|e| wieg::Error::io(dir, e))?;
        Ok(files
            .iter()
            .map(|f| export::save(f, dir))
            .collect::<wieg::Result<Vec<_>>>()?)
    })
    .await?;
    written.into_iter().map(|p| state.exported(p)).collect()
}

/// One owner's draft, opened in the mail program.
#[tauri::command]
pub async fn open_follow_up_draft(state: State<'_, AppState>, owner: Uuid) -> Result<String> {
    let (dir, file) = state
        .run(move |ws| Ok((ws.drafts_dir(), ws.follow_up_file(owner)?)))
        .await?;
    open_draft(&state, dir, file).await
}

/// A meeting's minutes attached to a draft to those invited, opened in the
/// mail program.
#[tauri::command]
pub async fn open_minutes_mail(
    state: State<'_, AppState>,
    meeting: Uuid,
    format: ExportFormat,
) -> Result<String> {
    let (dir, mail) = state
        .run(move |ws| Ok((ws.drafts_dir(), ws.minutes_mail(meeting, format)?)))
        .await?;
    // The minutes are typeset outside the lock.
    let file = blocking(move || Ok(mail.render()?)).await?;
    open_draft(&state, dir, file).await
}

/// A `mailto:` link in the mail program: for those whose mail program
/// opens no `.eml` files.
#[tauri::command]
pub async fn open_mailto(link: String) -> Result<()> {
    if !link.starts_with("mailto:") {
        return Err(Error::Open(format!("geen mailto-link: {link}")));
    }
    tauri_plugin_opener::open_url(&link, None::<&str>).map_err(|e| Error::Open(e.to_string()))
}

/// The network for partners: `csv` (two files next to `path`) or `xlsx`
/// (Kumu's workbook). Returns the files written.
#[tauri::command]
pub async fn export_network(
    state: State<'_, AppState>,
    format: ExportFormat,
    path: String,
) -> Result<Vec<String>> {
    state
        .run(move |ws| {
            let written = ws.export_network(format, Path::new(&path))?;
            Ok(written.iter().map(|p| p.display().to_string()).collect())
        })
        .await
}

#[tauri::command]
pub async fn update_relation(
    state: State<'_, AppState>,
    id: Uuid,
    patch: RelationInput,
) -> Result<Relation> {
    state.run(move |ws| ws.update_relation(id, &patch)).await
}

/// The plan the coalition works on now, or null before the first one.
#[tauri::command]
pub async fn current_plan(state: State<'_, AppState>) -> Result<Option<Plan>> {
    state.run(move |ws| ws.current_plan()).await
}

#[tauri::command]
pub async fn list_plans(state: State<'_, AppState>) -> Result<Vec<Plan>> {
    state.run(move |ws| ws.list_plans()).await
}

#[tauri::command]
pub async fn create_plan(state: State<'_, AppState>, input: PlanInput) -> Result<Plan> {
    state.run(move |ws| ws.create_plan(&input)).await
}

#[tauri::command]
pub async fn update_plan(state: State<'_, AppState>, id: Uuid, input: PlanInput) -> Result<Plan> {
    state.run(move |ws| ws.update_plan(id, &input)).await
}

/// Pillars with their goals and the actions that pass the filter.
#[tauri::command]
pub async fn plan_overview(
    state: State<'_, AppState>,
    plan: Uuid,
    filter: ActionFilter,
) -> Result<PlanOverview> {
    state.run(move |ws| ws.plan_overview(plan, &filter)).await
}

#[tauri::command]
pub async fn create_pillar(state: State<'_, AppState>, input: PillarInput) -> Result<Pillar> {
    state.run(move |ws| ws.create_pillar(&input)).await
}

/// null leaves a field as it is.
#[tauri::command]
pub async fn update_pillar(
    state: State<'_, AppState>,
    id: Uuid,
    input: PillarInput,
) -> Result<Pillar> {
    state.run(move |ws| ws.update_pillar(id, &input)).await
}

/// Puts the pillar at `number` (1 is first); returns the plan's pillars in their new order.
#[tauri::command]
pub async fn move_pillar(state: State<'_, AppState>, id: Uuid, number: u32) -> Result<Vec<Pillar>> {
    state.run(move |ws| ws.move_pillar(id, number)).await
}

/// Refused while the pillar still has actions.
#[tauri::command]
pub async fn delete_pillar(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_pillar(id)).await
}

#[tauri::command]
pub async fn create_goal(state: State<'_, AppState>, input: GoalInput) -> Result<Goal> {
    state.run(move |ws| ws.create_goal(&input)).await
}

#[tauri::command]
pub async fn update_goal(state: State<'_, AppState>, id: Uuid, input: GoalInput) -> Result<Goal> {
    state.run(move |ws| ws.update_goal(id, &input)).await
}

#[tauri::command]
pub async fn delete_goal(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_goal(id)).await
}

/// The action form's data in one read: pillars with goals, organisations,
/// municipalities and, when editing, the action.
#[tauri::command]
pub async fn action_page(
    state: State<'_, AppState>,
    plan: Uuid,
    action: Option<Uuid>,
) -> Result<ActionPage> {
    state.run(move |ws| ws.action_page(plan, action)).await
}

#[tauri::command]
pub async fn get_action(state: State<'_, AppState>, id: Uuid) -> Result<Action> {
    state.run(move |ws| ws.action(id)).await
}

#[tauri::command]
pub async fn create_action(state: State<'_, AppState>, input: ActionInput) -> Result<Action> {
    state.run(move |ws| ws.create_action(&input)).await
}

#[tauri::command]
pub async fn update_action(
    state: State<'_, AppState>,
    id: Uuid,
    input: ActionInput,
) -> Result<Action> {
    state.run(move |ws| ws.update_action(id, &input)).await
}

#[tauri::command]
pub async fn delete_action(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_action(id)).await
}

/// quarter: "2025-K2" (also "2025-Q2", "K2 2025").
#[tauri::command]
pub async fn add_milestone(state: State<'_, AppState>, input: MilestoneInput) -> Result<Action> {
    state.run(move |ws| ws.add_milestone(&input)).await
}

#[tauri::command]
pub async fn set_milestone_done(state: State<'_, AppState>, id: Uuid, done: bool) -> Result<()> {
    state.run(move |ws| ws.set_milestone_done(id, done)).await
}

#[tauri::command]
pub async fn delete_milestone(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_milestone(id)).await
}

#[tauri::command]
pub async fn add_action_note(state: State<'_, AppState>, input: ActionNoteInput) -> Result<Action> {
    state.run(move |ws| ws.add_action_note(&input)).await
}

#[tauri::command]
pub async fn list_interventions(state: State<'_, AppState>) -> Result<Vec<Intervention>> {
    state.run(move |ws| ws.list_interventions()).await
}

#[tauri::command]
pub async fn create_intervention(
    state: State<'_, AppState>,
    input: InterventionInput,
) -> Result<Intervention> {
    state.run(move |ws| ws.create_intervention(&input)).await
}

#[tauri::command]
pub async fn update_intervention(
    state: State<'_, AppState>,
    id: Uuid,
    input: InterventionInput,
) -> Result<Intervention> {
    state
        .run(move |ws| ws.update_intervention(id, &input))
        .await
}

#[tauri::command]
pub async fn delete_intervention(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_intervention(id)).await
}

#[tauri::command]
pub async fn rollout_matrix(state: State<'_, AppState>) -> Result<RolloutMatrix> {
    state.run(move |ws| ws.rollout_matrix()).await
}

#[tauri::command]
pub async fn set_rollout(
    state: State<'_, AppState>,
    municipality: Uuid,
    intervention: Uuid,
    input: RolloutInput,
) -> Result<Rollout> {
    state
        .run(move |ws| ws.set_rollout(municipality, intervention, &input))
        .await
}

#[tauri::command]
pub async fn list_fundings(state: State<'_, AppState>) -> Result<Vec<Funding>> {
    state.run(move |ws| ws.list_fundings()).await
}

#[tauri::command]
pub async fn create_funding(state: State<'_, AppState>, input: FundingInput) -> Result<Funding> {
    state.run(move |ws| ws.create_funding(&input)).await
}

#[tauri::command]
pub async fn update_funding(
    state: State<'_, AppState>,
    id: Uuid,
    input: FundingInput,
) -> Result<Funding> {
    state.run(move |ws| ws.update_funding(id, &input)).await
}

#[tauri::command]
pub async fn delete_funding(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_funding(id)).await
}

/// Granted against budgeted and spent per grant and per pillar of the plan,
/// and granted per kind of funder.
#[tauri::command]
pub async fn funding_overview(state: State<'_, AppState>, plan: Uuid) -> Result<FundingOverview> {
    state.run(move |ws| ws.funding_overview(plan)).await
}

#[tauri::command]
pub async fn create_goal_target(
    state: State<'_, AppState>,
    input: GoalTargetInput,
) -> Result<TargetProgress> {
    state.run(move |ws| ws.create_goal_target(&input)).await
}

#[tauri::command]
pub async fn update_goal_target(
    state: State<'_, AppState>,
    id: Uuid,
    input: GoalTargetInput,
) -> Result<TargetProgress> {
    state.run(move |ws| ws.update_goal_target(id, &input)).await
}

#[tauri::command]
pub async fn delete_goal_target(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_goal_target(id)).await
}

/// The spending that matches, with what was paid and committed in it.
#[tauri::command]
pub async fn spending_page(
    state: State<'_, AppState>,
    filter: SpendingFilter,
) -> Result<SpendingPage> {
    state.run(move |ws| ws.spending_page(&filter)).await
}

#[tauri::command]
pub async fn create_spending(state: State<'_, AppState>, input: SpendingInput) -> Result<Spending> {
    state.run(move |ws| ws.create_spending(&input)).await
}

#[tauri::command]
pub async fn update_spending(
    state: State<'_, AppState>,
    id: Uuid,
    input: SpendingInput,
) -> Result<Spending> {
    state.run(move |ws| ws.update_spending(id, &input)).await
}

#[tauri::command]
pub async fn delete_spending(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_spending(id)).await
}

/// Who took part in a period: parents' groups, gatherings, who came per
/// domain, who was trained.
#[tauri::command]
pub async fn participation(state: State<'_, AppState>, period: Period) -> Result<Participation> {
    state.run(move |ws| ws.participation(period)).await
}

#[tauri::command]
pub async fn create_parent_group(
    state: State<'_, AppState>,
    input: ParentGroupInput,
) -> Result<ParentGroup> {
    state.run(move |ws| ws.create_parent_group(&input)).await
}

#[tauri::command]
pub async fn update_parent_group(
    state: State<'_, AppState>,
    id: Uuid,
    input: ParentGroupInput,
) -> Result<ParentGroup> {
    state
        .run(move |ws| ws.update_parent_group(id, &input))
        .await
}

#[tauri::command]
pub async fn delete_parent_group(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_parent_group(id)).await
}

#[tauri::command]
pub async fn create_gathering(
    state: State<'_, AppState>,
    input: GatheringInput,
) -> Result<Gathering> {
    state.run(move |ws| ws.create_gathering(&input)).await
}

/// Edit a gathering; with `turnout`, its numbers become exactly those.
#[tauri::command]
pub async fn update_gathering(
    state: State<'_, AppState>,
    id: Uuid,
    input: GatheringInput,
) -> Result<Gathering> {
    state.run(move |ws| ws.update_gathering(id, &input)).await
}

#[tauri::command]
pub async fn delete_gathering(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_gathering(id)).await
}

#[tauri::command]
pub async fn list_indicators(state: State<'_, AppState>) -> Result<Vec<Indicator>> {
    state.run(move |ws| ws.list_indicators()).await
}

/// RIVM's national monitor indicators, each with whether the coalition has it.
#[tauri::command]
pub async fn monitor_catalogue(state: State<'_, AppState>) -> Result<Vec<MonitorIndicator>> {
    state.run(move |ws| ws.monitor_catalogue()).await
}

/// Add one of the catalogue's indicators, by its name.
#[tauri::command]
pub async fn add_monitor_indicator(state: State<'_, AppState>, name: String) -> Result<Indicator> {
    state.run(move |ws| ws.add_monitor_indicator(&name)).await
}

#[tauri::command]
pub async fn create_indicator(
    state: State<'_, AppState>,
    input: IndicatorInput,
) -> Result<Indicator> {
    state.run(move |ws| ws.create_indicator(&input)).await
}

#[tauri::command]
pub async fn update_indicator(
    state: State<'_, AppState>,
    id: Uuid,
    input: IndicatorInput,
) -> Result<Indicator> {
    state.run(move |ws| ws.update_indicator(id, &input)).await
}

#[tauri::command]
pub async fn delete_indicator(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_indicator(id)).await
}

/// Values per municipality by year; only municipalities that have a value.
/// An indicator's page in one read: its series and the municipalities.
#[tauri::command]
pub async fn indicator_page(state: State<'_, AppState>, id: Uuid) -> Result<IndicatorPage> {
    state.run(move |ws| ws.indicator_page(id)).await
}

#[tauri::command]
pub async fn indicator_series(state: State<'_, AppState>, id: Uuid) -> Result<IndicatorSeries> {
    state.run(move |ws| ws.indicator_series(id)).await
}

/// Numerator and denominator as typed; an empty denominator for a count.
#[tauri::command]
pub async fn set_indicator_value(
    state: State<'_, AppState>,
    input: IndicatorValueInput,
) -> Result<IndicatorSeries> {
    let indicator = input.indicator.unwrap_or_default();
    state
        .run(move |ws| {
            ws.set_indicator_value(&input)?;
            ws.indicator_series(indicator)
        })
        .await
}

#[tauri::command]
pub async fn list_meetings(state: State<'_, AppState>) -> Result<Vec<Meeting>> {
    state.run(move |ws| ws.list_meetings()).await
}

/// A meeting's page in one call: the meeting with its agenda, decisions and
/// action items, and the people, organisations and plan actions its forms
/// offer.
#[tauri::command]
pub async fn meeting_page(state: State<'_, AppState>, id: Uuid) -> Result<MeetingPage> {
    state.run(move |ws| ws.meeting_page(id)).await
}

#[tauri::command]
pub async fn create_meeting(state: State<'_, AppState>, input: MeetingInput) -> Result<Meeting> {
    state.run(move |ws| ws.create_meeting(&input)).await
}

/// A new meeting on `date` like `previous`: same kind, time, place and invitees.
#[tauri::command]
pub async fn create_meeting_from(
    state: State<'_, AppState>,
    previous: Uuid,
    date: String,
) -> Result<Meeting> {
    state
        .run(move |ws| ws.create_meeting_from(previous, &date))
        .await
}

#[tauri::command]
pub async fn update_meeting(
    state: State<'_, AppState>,
    id: Uuid,
    input: MeetingInput,
) -> Result<Meeting> {
    state.run(move |ws| ws.update_meeting(id, &input)).await
}

#[tauri::command]
pub async fn delete_meeting(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_meeting(id)).await
}

#[tauri::command]
pub async fn set_attendance(
    state: State<'_, AppState>,
    meeting: Uuid,
    contact: Uuid,
    attendance: Attendance,
) -> Result<MeetingDetail> {
    state
        .run(move |ws| {
            ws.set_attendance(meeting, contact, attendance)
                .and_then(|()| ws.meeting_detail(meeting))
        })
        .await
}

/// At the end of the agenda of the meeting the input names.
#[tauri::command]
pub async fn add_agenda_item(
    state: State<'_, AppState>,
    input: AgendaItemInput,
) -> Result<AgendaItem> {
    state.run(move |ws| ws.add_agenda_item(&input)).await
}

#[tauri::command]
pub async fn update_agenda_item(
    state: State<'_, AppState>,
    id: Uuid,
    input: AgendaItemInput,
) -> Result<AgendaItem> {
    state.run(move |ws| ws.update_agenda_item(id, &input)).await
}

/// In the meeting the input names; agenda_item: an id, or '' for none.
#[tauri::command]
pub async fn add_decision(state: State<'_, AppState>, input: DecisionInput) -> Result<Decision> {
    state.run(move |ws| ws.add_decision(&input)).await
}

#[tauri::command]
pub async fn follow_up_decision(
    state: State<'_, AppState>,
    id: Uuid,
    follow_up: FollowUp,
    note: String,
) -> Result<Decision> {
    state
        .run(move |ws| ws.follow_up_decision(id, follow_up, &note))
        .await
}

#[tauri::command]
pub async fn list_decisions(state: State<'_, AppState>) -> Result<Vec<Decision>> {
    state.run(move |ws| ws.list_decisions()).await
}

/// owner: a contact person or organisation id; due: "YYYY-MM-DD", or '' for none.
#[tauri::command]
pub async fn add_action_item(
    state: State<'_, AppState>,
    input: ActionItemInput,
) -> Result<ActionItem> {
    state.run(move |ws| ws.add_action_item(&input)).await
}

#[tauri::command]
pub async fn set_action_item_status(
    state: State<'_, AppState>,
    id: Uuid,
    status: ActionItemStatus,
) -> Result<ActionItem> {
    state
        .run(move |ws| ws.set_action_item_status(id, status))
        .await
}

/// Absent fields stay as they are; due: '' clears it; owner: a contact person or organisation
/// id.
#[tauri::command]
pub async fn update_action_item(
    state: State<'_, AppState>,
    id: Uuid,
    input: ActionItemInput,
) -> Result<ActionItem> {
    state.run(move |ws| ws.update_action_item(id, &input)).await
}

/// For an action item entered by mistake; one that no longer matters is set to 'vervallen'
/// instead.
#[tauri::command]
pub async fn delete_action_item(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_action_item(id)).await
}

/// Absent fields stay as they are.
#[tauri::command]
pub async fn update_decision(
    state: State<'_, AppState>,
    id: Uuid,
    input: DecisionInput,
) -> Result<Decision> {
    state.run(move |ws| ws.update_decision(id, &input)).await
}

#[tauri::command]
pub async fn delete_decision(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_decision(id)).await
}

/// Its decisions and action items stay with the meeting, under no agenda item.
#[tauri::command]
pub async fn delete_agenda_item(state: State<'_, AppState>, id: Uuid) -> Result<()> {
    state.run(move |ws| ws.delete_agenda_item(id)).await
}

/// The agenda in a new order (every item once); returns the agenda.
#[tauri::command]
pub async fn reorder_agenda(
    state: State<'_, AppState>,
    meeting: Uuid,
    order: Vec<Uuid>,
) -> Result<Vec<AgendaItem>> {
    state
        .run(move |ws| ws.reorder_agenda(meeting, &order))
        .await
}

#[tauri::command]
pub async fn list_action_items(
    state: State<'_, AppState>,
    filter: ActionItemFilter,
) -> Result<Vec<ActionItem>> {
    state.run(move |ws| ws.list_action_items(&filter)).await
}

/// Agenda items, decisions and action items; matches marked in the snippet.
#[tauri::command]
pub async fn search(state: State<'_, AppState>, query: String) -> Result<Vec<SearchHit>> {
    state.run(move |ws| ws.search(&query, 50)).await
}

/// A meeting as a calendar invitation, to a file the user chose.
#[tauri::command]
pub async fn save_meeting_ics(state: State<'_, AppState>, id: Uuid, path: String) -> Result<()> {
    state
        .run(move |ws| {
            let ics = ws.meeting_ics(id)?;
            save_text(&path, ics)
        })
        .await
}

/// All coming meetings as one calendar file.
#[tauri::command]
pub async fn save_upcoming_ics(state: State<'_, AppState>, path: String) -> Result<()> {
    state
        .run(move |ws| {
            let ics = ws.upcoming_ics()?;
            save_text(&path, ics)
        })
        .await
}

/// The name an export gets: the save dialog's suggestion.
#[tauri::command]
pub async fn export_file_name(
    state: State<'_, AppState>,
    request: ExportRequest,
    format: ExportFormat,
) -> Result<String> {
    state
        .run(move |ws| ws.export_file_name(&request, format, ws.today()))
        .await
}

/// Write an export where the user chose; returns the path written.
#[tauri::command]
pub async fn export_to_path(
    state: State<'_, AppState>,
    request: ExportRequest,
    format: ExportFormat,
    path: String,
) -> Result<String> {
    // The database is read under the lock; a PDF is typeset outside it.
    let prepared = state
        .run(move |ws| ws.prepare_export(&request, format, ws.today()))
        .await?;
    let written =
        blocking(move || Ok(export::save(&prepared.render()?, Path::new(&path))?)).await?;
    state.exported(written)
}

/// Write an export into the shared folder's `exports/`, under its own name.
#[tauri::command]
pub async fn export_to_shared_folder(
    state: State<'_, AppState>,
    request: ExportRequest,
    format: ExportFormat,
) -> Result<String> {
    let (dir, prepared) = state
        .run(move |ws| {
            let dir = ws.shared_exports_dir()?;
            Ok((dir, ws.prepare_export(&request, format, ws.today())?))
        })
        .await?;
    let written = blocking(move || Ok(export::save(&prepared.render()?, &dir)?)).await?;
    state.exported(written)
}

/// "Open bestand": the exported file in the program the system picks.
#[tauri::command]
pub async fn open_exported(state: State<'_, AppState>, path: String) -> Result<()> {
    let path = state.was_exported(&path)?;
    tauri_plugin_opener::open_path(&path, None::<&str>).map_err(|e| Error::Open(e.to_string()))
}

/// "Toon in map": the folder with the exported file selected.
#[tauri::command]
pub async fn reveal_exported(state: State<'_, AppState>, path: String) -> Result<()> {
    let path = state.was_exported(&path)?;
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| Error::Open(e.to_string()))
}

/// Rebuild the coalition from an archive into this (empty) workspace.
#[tauri::command]
pub async fn restore_archive(state: State<'_, AppState>, path: String) -> Result<RestoreReport> {
    state
        .run(move |ws| ws.restore_archive(Path::new(&path)))
        .await
}

/// The coalition's logo for documents, as base64 PNG (for a preview).
#[tauri::command]
pub async fn coalition_logo(state: State<'_, AppState>) -> Result<Option<String>> {
    state.run(move |ws| ws.coalition_logo_base64()).await
}

#[tauri::command]
pub async fn set_coalition_logo(state: State<'_, AppState>, path: String) -> Result<()> {
    state
        .run(move |ws| ws.set_coalition_logo(Path::new(&path)))
        .await
}

#[tauri::command]
pub async fn clear_coalition_logo(state: State<'_, AppState>) -> Result<()> {
    state.run(move |ws| ws.clear_coalition_logo()).await
}

/// A calendar file at the path the user chose, written whole or not at all.
fn save_text(path: &str, text: String) -> wieg::Result<()> {
    let file = export::ExportFile {
        file_name: export::file_name_with("Overleg", "ics"),
        bytes: text.into_bytes(),
    };
    export::save(&file, Path::new(path)).map(drop)
}

/// Write a draft into `dir` and hand it to the mail program.
async fn open_draft(
    state: &State<'_, AppState>,
    dir: std::path::PathBuf,
    file: export::ExportFile,
) -> Result<String> {
    let written = blocking(move || {
        std::fs::create_dir_all(&dir).map_err(|e| wieg::Error::io(&dir, e))?;
        Ok(export::save(&file, &dir)?)
    })
    .await?;
    tauri_plugin_opener::open_path(&written, None::<&str>)
        .map_err(|e| Error::Open(e.to_string()))?;
    state.exported(written)
}
