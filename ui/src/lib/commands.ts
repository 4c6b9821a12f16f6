// The shell's commands, typed. Made from src-tauri/src/commands.rs by a test
// (WIEG_UPDATE_BINDINGS=1 cargo test -p wieg-app commands): do not edit.
import { call } from './ipc';
import type {
  Action,
  ActionFilter,
  ActionInput,
  ActionItem,
  ActionItemFilter,
  ActionItemInput,
  ActionItemStatus,
  ActionNoteInput,
  ActionPage,
  AgendaItem,
  AgendaItemInput,
  AppStatus,
  Attendance,
  Coalition,
  CoalitionInput,
  Confirmation,
  ConflictView,
  Contact,
  ContactFilter,
  ContactInput,
  Dashboard,
  Decision,
  DecisionInput,
  ExportFormat,
  ExportRequest,
  FollowUp,
  FollowUpDraft,
  Funding,
  FundingInput,
  FundingOverview,
  Gathering,
  GatheringInput,
  Goal,
  GoalInput,
  GoalTargetInput,
  ImportDone,
  ImportPreview,
  ImportRecord,
  Indicator,
  IndicatorInput,
  IndicatorPage,
  IndicatorSeries,
  IndicatorValueInput,
  Intervention,
  InterventionInput,
  MapGraphInput,
  MapPosition,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingPage,
  MilestoneInput,
  MonitorIndicator,
  Municipality,
  MunicipalityInput,
  NetworkMetrics,
  Organisation,
  OrganisationDetail,
  OrganisationFilter,
  OrganisationInput,
  ParentGroup,
  ParentGroupInput,
  Participation,
  Period,
  Pillar,
  PillarInput,
  Plan,
  PlanInput,
  PlanOverview,
  RacedDelete,
  Relation,
  RelationInput,
  RestoreReport,
  Rollout,
  RolloutInput,
  RolloutMatrix,
  RoundAccepted,
  RoundOverview,
  RoundReturn,
  RoundStart,
  SearchHit,
  Spending,
  SpendingFilter,
  SpendingInput,
  SpendingPage,
  SyncReport,
  SyncStatus,
  TargetProgress,
  UndoReport
} from './bindings';

export const commands = {
  appStatus: () => call<AppStatus>('app_status'),
  createCoalition: (name: string) => call<Coalition>('create_coalition', { name }),
  /** Rename the coalition or set the day it began; returns the app status. */
  updateCoalition: (input: CoalitionInput) => call<AppStatus>('update_coalition', { input }),
  loadDemo: () => call<Coalition>('load_demo'),
  setReplicaName: (name: string) => call<AppStatus>('set_replica_name', { name }),
  listOrganisations: (filter: OrganisationFilter) => call<Organisation[]>('list_organisations', { filter }),
  createOrganisation: (input: OrganisationInput) => call<Organisation>('create_organisation', { input }),
  updateOrganisation: (id: string, patch: OrganisationInput) => call<Organisation>('update_organisation', { id, patch }),
  /** An organisation's page in one read: it, the municipalities it serves, its contact persons and relations, and every organisation's name. */
  organisationDetail: (id: string) => call<OrganisationDetail>('organisation_detail', { id }),
  deleteOrganisation: (id: string) => call<Organisation>('delete_organisation', { id }),
  restoreOrganisation: (id: string) => call<Organisation>('restore_organisation', { id }),
  syncStatus: () => call<SyncStatus>('sync_status'),
  setSyncFolder: (folder: string) => call<SyncStatus>('set_sync_folder', { folder }),
  /** Runs on a worker thread with its own connection: editing goes on. */
  syncNow: () => call<SyncReport>('sync_now'),
  joinCoalition: (folder: string) => call<Coalition>('join_coalition', { folder }),
  listConflicts: () => call<ConflictView[]>('list_conflicts'),
  restoreConflict: (id: string) => call<ConflictView[]>('restore_conflict', { id }),
  keepCurrent: (id: string) => call<ConflictView[]>('keep_current', { id }),
  listRacedDeletes: () => call<RacedDelete[]>('list_raced_deletes'),
  undelete: (id: string) => call<RacedDelete[]>('undelete', { id }),
  keepDeleted: (id: string) => call<RacedDelete[]>('keep_deleted', { id }),
  listMunicipalities: () => call<Municipality[]>('list_municipalities'),
  createMunicipality: (input: MunicipalityInput) => call<Municipality>('create_municipality', { input }),
  updateMunicipality: (id: string, input: MunicipalityInput) => call<Municipality>('update_municipality', { id, input }),
  deleteMunicipality: (id: string) => call<Municipality>('delete_municipality', { id }),
  /** The dashboard in one call: network figures, growth, plan tiles and open action items, read from one snapshot. */
  dashboard: () => call<Dashboard>('dashboard'),
  networkMetrics: () => call<NetworkMetrics>('network_metrics'),
  setServedMunicipalities: (id: string, municipalities: string[]) => call<Organisation>('set_served_municipalities', { id, municipalities }),
  /** Relations between living organisations; with an id, only that organisation's. */
  listRelations: (organisation: string | null) => call<Relation[]>('list_relations', { organisation }),
  createRelation: (input: RelationInput) => call<Relation>('create_relation', { input }),
  deleteRelation: (id: string) => call<Relation>('delete_relation', { id }),
  listContacts: (filter: ContactFilter) => call<Contact[]>('list_contacts', { filter }),
  createContact: (input: ContactInput) => call<Contact>('create_contact', { input }),
  updateContact: (id: string, input: ContactInput) => call<Contact>('update_contact', { id, input }),
  eraseContact: (id: string) => call<null>('erase_contact', { id }),
  /** Write everything stored about one person to `path` (a file the user chose). */
  saveContactInzage: (id: string, path: string) => call<null>('save_contact_inzage', { id, path }),
  /** Where each organisation of the shown network stands on the map. */
  mapLayout: (graph: MapGraphInput) => call<MapPosition[]>('map_layout', { graph }),
  /** Save the map the user sees as PNG or SVG to the file they chose. */
  saveMapImage: (path: string, content: string) => call<null>('save_map_image', { path, content }),
  /** What importing a file would do, row by row (nothing is written). */
  previewImport: (path: string) => call<ImportPreview>('preview_import', { path }),
  /** All rows or none: refused while any row has an error. */
  importFile: (path: string) => call<ImportDone>('import_file', { path }),
  listImports: () => call<ImportRecord[]>('list_imports'),
  undoImport: (id: string) => call<UndoReport>('undo_import', { id }),
  /** Start an update round: one workbook per partner, written into `folder` (else the shared folder's `exports/`). Returns the files written. */
  startRound: (start: RoundStart, folder: string | null) => call<string[]>('start_round', { start, folder }),
  /** A round's workbooks again, into `folder`. */
  writeRoundFiles: (round: string, folder: string) => call<string[]>('write_round_files', { round, folder }),
  listRounds: () => call<RoundOverview[]>('list_rounds'),
  /** What a returned workbook changes, field by field (nothing is written). */
  previewRoundReturn: (path: string) => call<RoundReturn>('preview_round_return', { path }),
  /** Take a returned workbook over; `take` names the conflicts where the partner's value wins. */
  acceptRoundReturn: (path: string, take: string[]) => call<RoundAccepted>('accept_round_return', { path, take }),
  /** When an organisation last confirmed its data in a round. */
  organisationConfirmation: (id: string) => call<Confirmation | null>('organisation_confirmation', { id }),
  /** Open action items per owner, each with its e-mail draft. */
  followUpDrafts: () => call<FollowUpDraft[]>('follow_up_drafts'),
  /** Every follow-up draft as an `.eml` file in `folder`. */
  saveFollowUpDrafts: (folder: string) => call<string[]>('save_follow_up_drafts', { folder }),
  /** One owner's draft, opened in the mail program. */
  openFollowUpDraft: (owner: string) => call<string>('open_follow_up_draft', { owner }),
  /** A meeting's minutes attached to a draft to those invited, opened in the mail program. */
  openMinutesMail: (meeting: string, format: ExportFormat) => call<string>('open_minutes_mail', { meeting, format }),
  /** A `mailto:` link in the mail program: for those whose mail program opens no `.eml` files. */
  openMailto: (link: string) => call<null>('open_mailto', { link }),
  /** The network for partners: `csv` (two files next to `path`) or `xlsx` (Kumu's workbook). Returns the files written. */
  exportNetwork: (format: ExportFormat, path: string) => call<string[]>('export_network', { format, path }),
  updateRelation: (id: string, patch: RelationInput) => call<Relation>('update_relation', { id, patch }),
  /** The plan the coalition works on now, or null before the first one. */
  currentPlan: () => call<Plan | null>('current_plan'),
  listPlans: () => call<Plan[]>('list_plans'),
  createPlan: (input: PlanInput) => call<Plan>('create_plan', { input }),
  updatePlan: (id: string, input: PlanInput) => call<Plan>('update_plan', { id, input }),
  /** Pillars with their goals and the actions that pass the filter. */
  planOverview: (plan: string, filter: ActionFilter) => call<PlanOverview>('plan_overview', { plan, filter }),
  createPillar: (input: PillarInput) => call<Pillar>('create_pillar', { input }),
  /** null leaves a field as it is. */
  updatePillar: (id: string, input: PillarInput) => call<Pillar>('update_pillar', { id, input }),
  /** Puts the pillar at `number` (1 is first); returns the plan's pillars in their new order. */
  movePillar: (id: string, number: number) => call<Pillar[]>('move_pillar', { id, number }),
  /** Refused while the pillar still has actions. */
  deletePillar: (id: string) => call<null>('delete_pillar', { id }),
  createGoal: (input: GoalInput) => call<Goal>('create_goal', { input }),
  updateGoal: (id: string, input: GoalInput) => call<Goal>('update_goal', { id, input }),
  deleteGoal: (id: string) => call<null>('delete_goal', { id }),
  /** The action form's data in one read: pillars with goals, organisations, municipalities and, when editing, the action. */
  actionPage: (plan: string, action: string | null) => call<ActionPage>('action_page', { plan, action }),
  getAction: (id: string) => call<Action>('get_action', { id }),
  createAction: (input: ActionInput) => call<Action>('create_action', { input }),
  updateAction: (id: string, input: ActionInput) => call<Action>('update_action', { id, input }),
  deleteAction: (id: string) => call<null>('delete_action', { id }),
  /** quarter: "2025-K2" (also "2025-Q2", "K2 2025"). */
  addMilestone: (input: MilestoneInput) => call<Action>('add_milestone', { input }),
  setMilestoneDone: (id: string, done: boolean) => call<null>('set_milestone_done', { id, done }),
  deleteMilestone: (id: string) => call<null>('delete_milestone', { id }),
  addActionNote: (input: ActionNoteInput) => call<Action>('add_action_note', { input }),
  listInterventions: () => call<Intervention[]>('list_interventions'),
  createIntervention: (input: InterventionInput) => call<Intervention>('create_intervention', { input }),
  updateIntervention: (id: string, input: InterventionInput) => call<Intervention>('update_intervention', { id, input }),
  deleteIntervention: (id: string) => call<null>('delete_intervention', { id }),
  rolloutMatrix: () => call<RolloutMatrix>('rollout_matrix'),
  setRollout: (municipality: string, intervention: string, input: RolloutInput) => call<Rollout>('set_rollout', { municipality, intervention, input }),
  listFundings: () => call<Funding[]>('list_fundings'),
  createFunding: (input: FundingInput) => call<Funding>('create_funding', { input }),
  updateFunding: (id: string, input: FundingInput) => call<Funding>('update_funding', { id, input }),
  deleteFunding: (id: string) => call<null>('delete_funding', { id }),
  /** Granted against budgeted and spent per grant and per pillar of the plan, and granted per kind of funder. */
  fundingOverview: (plan: string) => call<FundingOverview>('funding_overview', { plan }),
  createGoalTarget: (input: GoalTargetInput) => call<TargetProgress>('create_goal_target', { input }),
  updateGoalTarget: (id: string, input: GoalTargetInput) => call<TargetProgress>('update_goal_target', { id, input }),
  deleteGoalTarget: (id: string) => call<null>('delete_goal_target', { id }),
  /** The spending that matches, with what was paid and committed in it. */
  spendingPage: (filter: SpendingFilter) => call<SpendingPage>('spending_page', { filter }),
  createSpending: (input: SpendingInput) => call<Spending>('create_spending', { input }),
  updateSpending: (id: string, input: SpendingInput) => call<Spending>('update_spending', { id, input }),
  deleteSpending: (id: string) => call<null>('delete_spending', { id }),
  /** Who took part in a period: parents' groups, gatherings, who came per domain, who was trained. */
  participation: (period: Period) => call<Participation>('participation', { period }),
  createParentGroup: (input: ParentGroupInput) => call<ParentGroup>('create_parent_group', { input }),
  updateParentGroup: (id: string, input: ParentGroupInput) => call<ParentGroup>('update_parent_group', { id, input }),
  deleteParentGroup: (id: string) => call<null>('delete_parent_group', { id }),
  createGathering: (input: GatheringInput) => call<Gathering>('create_gathering', { input }),
  /** Edit a gathering; with `turnout`, its numbers become exactly those. */
  updateGathering: (id: string, input: GatheringInput) => call<Gathering>('update_gathering', { id, input }),
  deleteGathering: (id: string) => call<null>('delete_gathering', { id }),
  listIndicators: () => call<Indicator[]>('list_indicators'),
  /** RIVM's national monitor indicators, each with whether the coalition has it. */
  monitorCatalogue: () => call<MonitorIndicator[]>('monitor_catalogue'),
  /** Add one of the catalogue's indicators, by its name. */
  addMonitorIndicator: (name: string) => call<Indicator>('add_monitor_indicator', { name }),
  createIndicator: (input: IndicatorInput) => call<Indicator>('create_indicator', { input }),
  updateIndicator: (id: string, input: IndicatorInput) => call<Indicator>('update_indicator', { id, input }),
  deleteIndicator: (id: string) => call<null>('delete_indicator', { id }),
  /** Values per municipality by year; only municipalities that have a value. An indicator's page in one read: its series and the municipalities. */
  indicatorPage: (id: string) => call<IndicatorPage>('indicator_page', { id }),
  indicatorSeries: (id: string) => call<IndicatorSeries>('indicator_series', { id }),
  /** Numerator and denominator as typed; an empty denominator for a count. */
  setIndicatorValue: (input: IndicatorValueInput) => call<IndicatorSeries>('set_indicator_value', { input }),
  listMeetings: () => call<Meeting[]>('list_meetings'),
  /** A meeting's page in one call: the meeting with its agenda, decisions and action items, and the people, organisations and plan actions its forms offer. */
  meetingPage: (id: string) => call<MeetingPage>('meeting_page', { id }),
  createMeeting: (input: MeetingInput) => call<Meeting>('create_meeting', { input }),
  /** A new meeting on `date` like `previous`: same kind, time, place and invitees. */
  createMeetingFrom: (previous: string, date: string) => call<Meeting>('create_meeting_from', { previous, date }),
  updateMeeting: (id: string, input: MeetingInput) => call<Meeting>('update_meeting', { id, input }),
  deleteMeeting: (id: string) => call<null>('delete_meeting', { id }),
  setAttendance: (meeting: string, contact: string, attendance: Attendance) => call<MeetingDetail>('set_attendance', { meeting, contact, attendance }),
  /** At the end of the agenda of the meeting the input names. */
  addAgendaItem: (input: AgendaItemInput) => call<AgendaItem>('add_agenda_item', { input }),
  updateAgendaItem: (id: string, input: AgendaItemInput) => call<AgendaItem>('update_agenda_item', { id, input }),
  /** In the meeting the input names; agenda_item: an id, or '' for none. */
  addDecision: (input: DecisionInput) => call<Decision>('add_decision', { input }),
  followUpDecision: (id: string, followUp: FollowUp, note: string) => call<Decision>('follow_up_decision', { id, followUp, note }),
  listDecisions: () => call<Decision[]>('list_decisions'),
  /** owner: a contact person or organisation id; due: "YYYY-MM-DD", or '' for none. */
  addActionItem: (input: ActionItemInput) => call<ActionItem>('add_action_item', { input }),
  setActionItemStatus: (id: string, status: ActionItemStatus) => call<ActionItem>('set_action_item_status', { id, status }),
  /** Absent fields stay as they are; due: '' clears it; owner: a contact person or organisation id. */
  updateActionItem: (id: string, input: ActionItemInput) => call<ActionItem>('update_action_item', { id, input }),
  /** For an action item entered by mistake; one that no longer matters is set to 'vervallen' instead. */
  deleteActionItem: (id: string) => call<null>('delete_action_item', { id }),
  /** Absent fields stay as they are. */
  updateDecision: (id: string, input: DecisionInput) => call<Decision>('update_decision', { id, input }),
  deleteDecision: (id: string) => call<null>('delete_decision', { id }),
  /** Its decisions and action items stay with the meeting, under no agenda item. */
  deleteAgendaItem: (id: string) => call<null>('delete_agenda_item', { id }),
  /** The agenda in a new order (every item once); returns the agenda. */
  reorderAgenda: (meeting: string, order: string[]) => call<AgendaItem[]>('reorder_agenda', { meeting, order }),
  listActionItems: (filter: ActionItemFilter) => call<ActionItem[]>('list_action_items', { filter }),
  /** Agenda items, decisions and action items; matches marked in the snippet. */
  search: (query: string) => call<SearchHit[]>('search', { query }),
  /** A meeting as a calendar invitation, to a file the user chose. */
  saveMeetingIcs: (id: string, path: string) => call<null>('save_meeting_ics', { id, path }),
  /** All coming meetings as one calendar file. */
  saveUpcomingIcs: (path: string) => call<null>('save_upcoming_ics', { path }),
  /** The name an export gets: the save dialog's suggestion. */
  exportFileName: (request: ExportRequest, format: ExportFormat) => call<string>('export_file_name', { request, format }),
  /** Write an export where the user chose; returns the path written. */
  exportToPath: (request: ExportRequest, format: ExportFormat, path: string) => call<string>('export_to_path', { request, format, path }),
  /** Write an export into the shared folder's `exports/`, under its own name. */
  exportToSharedFolder: (request: ExportRequest, format: ExportFormat) => call<string>('export_to_shared_folder', { request, format }),
  /** "Open bestand": the exported file in the program the system picks. */
  openExported: (path: string) => call<null>('open_exported', { path }),
  /** "Toon in map": the folder with the exported file selected. */
  revealExported: (path: string) => call<null>('reveal_exported', { path }),
  /** Rebuild the coalition from an archive into this (empty) workspace. */
  restoreArchive: (path: string) => call<RestoreReport>('restore_archive', { path }),
  /** The coalition's logo for documents, as base64 PNG (for a preview). */
  coalitionLogo: () => call<string | null>('coalition_logo'),
  setCoalitionLogo: (path: string) => call<null>('set_coalition_logo', { path }),
  clearCoalitionLogo: () => call<null>('clear_coalition_logo'),
};
