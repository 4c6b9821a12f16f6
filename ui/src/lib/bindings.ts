// Generated from the Rust types in src/ by `WIEG_UPDATE_BINDINGS=1 cargo test`. Do not edit.

export type ErrorKind = "validation" | "not_found" | "no_coalition" | "coalition_exists" | "invalid_input" | "newer_schema" | "sync_folder_missing" | "sync_folder" | "database" | "io";

export type ValidationCode = "required" | "too_long" | "invalid_url" | "invalid_choice" | "invalid_date" | "invalid_code" | "invalid_email" | "invalid_phone" | "invalid_amount" | "duplicate" | "date_order";

export type ValidationError = { field: string, code: ValidationCode, message: string, };

export type ErrorPayload = { kind: ErrorKind, message: string, validation: ValidationError | null, };

export type Replica = { id: string, name: string, };

export type Coalition = { id: string, name: string, 
/**
 * The day the coalition began (`2020-03-01` or `1-3-2020`): "dagen
 * onderweg" count from it. Empty: from the day it was made in Wieg.
 */
start_date: string | null, created_at: string, updated_at: string, };

export type CoalitionInput = { name?: string, 
/**
 * The day the coalition began (`2020-03-01` or `1-3-2020`): "dagen
 * onderweg" count from it. Empty: from the day it was made in Wieg.
 */
start_date?: string, };

export type AppStatus = { coalition: Coalition | null, replica: Replica, data_dir: string, };

export type OrgKind = "verloskundigenpraktijk" | "ziekenhuis/vsv" | "kraamzorg" | "jgz/ggd" | "wijkteam/sociaal team" | "gemeente" | "zorgverzekeraar" | "kinderopvang" | "welzijn" | "ggz" | "huisarts" | "veilig thuis" | "schuldhulp" | "provincie" | "overig";

export type Domain = "medisch" | "sociaal" | "publieke gezondheid" | "overig";

export type CoalitionStatus = "betrokken" | "convenant getekend" | "gestopt";

export type Organisation = { id: string, name: string, kind: OrgKind, domain: Domain, website: string, 
/**
 * Its general number, for whoever has no contact person there yet.
 */
phone: string, notes: string, 
/**
 * Where it is (town or address).
 */
place: string, 
/**
 * Dates as `2026-11-30` or `30-11-2026`; an empty text clears a
 * date. Involved since defaults to today.
 */
involved_since: string | null, signed_on: string | null, 
/**
 * Who signed the covenant for it.
 */
signatory: string, covenant_version: string, left_on: string | null, status: CoalitionStatus, 
/**
 * The municipalities it serves.
 */
municipalities: Array<string>, created_at: string, deleted: boolean, updated_at: string, };

export type OrganisationInput = { name?: string, kind?: OrgKind, domain?: Domain, website?: string, 
/**
 * Its general number, for whoever has no contact person there yet.
 */
phone?: string, notes?: string, 
/**
 * Where it is (town or address).
 */
place?: string, 
/**
 * Dates as `2026-11-30` or `30-11-2026`; an empty text clears a
 * date. Involved since defaults to today.
 */
involved_since?: string, signed_on?: string, 
/**
 * Who signed the covenant for it.
 */
signatory?: string, covenant_version?: string, left_on?: string, 
/**
 * The municipalities it serves (exactly these), saved in the same
 * transaction.
 */
municipalities?: Array<string>, };

export type OrganisationDetail = { organisation: Organisation, 
/**
 * The municipalities it serves.
 */
served: Array<Municipality>, contacts: Array<Contact>, 
/**
 * Its relations with living organisations.
 */
relations: Array<Relation>, 
/**
 * Every organisation, deleted ones too: the names at the other end of
 * its relations, and the choices for a new one.
 */
organisations: Array<Organisation>, };

export type OrganisationFilter = { 
/**
 * Matched against name, website and notes, ignoring case and diacritics.
 */
text?: string, kind?: OrgKind, domain?: Domain, 
/**
 * Also list deleted organisations (to restore them).
 */
include_deleted?: boolean, 
/**
 * Only organisations serving this municipality.
 */
municipality?: string, 
/**
 * Only organisations with this coalition status.
 */
status?: CoalitionStatus, };

export type Municipality = { id: string, name: string, 
/**
 * `GM` and four digits, as CBS numbers municipalities.
 */
cbs_code: string, in_coalition: boolean, valid_from: string | null, valid_to: string | null, created_at: string, deleted: boolean, updated_at: string, };

export type MunicipalityInput = { name?: string, 
/**
 * `GM` and four digits, as CBS numbers municipalities.
 */
cbs_code?: string, in_coalition?: boolean, valid_from?: string, valid_to?: string, };

export type RelationKind = "samenwerking" | "verwijzing" | "overleg" | "financiering" | "convenantpartner" | "anders";

export type Relation = { id: string, from_org: string, to_org: string, kind: RelationKind, 
/**
 * 1 (loose) to 5 (strong).
 */
strength: number, start_date: string | null, end_date: string | null, note: string, created_at: string, deleted: boolean, updated_at: string, };

export type RelationInput = { from_org?: string, to_org?: string, kind?: RelationKind, 
/**
 * 1 (loose) to 5 (strong).
 */
strength?: number, start_date?: string, end_date?: string, note?: string, };

export type CoalitionRole = "bestuurlijk" | "uitvoerend" | "kartrekker";

export type LegalBasis = "publieke taak" | "gerechtvaardigd belang" | "toestemming";

export type Contact = { id: string, organisation: string, name: string, 
/**
 * Role or job title at the organisation ("wijkverpleegkundige").
 */
function: string, email: string, phone: string, 
/**
 * A [`CoalitionRole`] word, or empty for none.
 */
coalition_role: CoalitionRole | null, active_from: string | null, active_to: string | null, legal_basis: LegalBasis, 
/**
 * When someone last checked that these data are still right and needed.
 */
last_checked: string | null, created_at: string, updated_at: string, };

export type ContactInput = { organisation?: string, name?: string, 
/**
 * Role or job title at the organisation ("wijkverpleegkundige").
 */
function?: string, email?: string, phone?: string, 
/**
 * A [`CoalitionRole`] word, or empty for none.
 */
coalition_role?: string, active_from?: string, active_to?: string, legal_basis?: LegalBasis, 
/**
 * When someone last checked that these data are still right and needed.
 */
last_checked?: string, };

export type ContactFilter = { 
/**
 * Matched against name, function and e-mail, ignoring case and diacritics.
 */
text?: string, organisation?: string, 
/**
 * Only people not checked since this date (or never).
 */
unchecked_since?: string, };

export type ContactChange = { field: string, value: string, at: string, by: string, };

export type ContactInzage = { made_at: string, contact: Contact, organisation_name: string, history: Array<ContactChange>, 
/**
 * Values that lost a concurrent edit and are kept until settled.
 */
unsettled_values: Array<ContactChange>, };

export type ImportKind = "organisaties" | "contactpersonen" | "verbindingen" | "indicatorwaarden" | "bestedingen";

export type RowAction = "nieuw" | "bijwerken" | "ongewijzigd" | "fout";

export type ImportColumn = { header: string, 
/**
 * The field it fills, or None when it is ignored.
 */
field: string | null, };

export type ImportSheet = { name: string, 
/**
 * None: no column was recognised, the sheet is left alone.
 */
kind: ImportKind | null, columns: Array<ImportColumn>, };

export type ImportRow = { sheet: string, 
/**
 * The line (CSV) or row (sheet) as the spreadsheet program shows it.
 */
line: number, kind: ImportKind, action: RowAction, 
/**
 * The organisation, person or "from → to".
 */
label: string, 
/**
 * For an error: the field at fault, if one is.
 */
field: string | null, 
/**
 * For an error: why, in Dutch.
 */
message: string, };

export type ImportPreview = { file: string, sheets: Array<ImportSheet>, rows: Array<ImportRow>, new: number, updated: number, unchanged: number, errors: number, };

export type ImportRecord = { id: string, file: string, at: string, new: number, updated: number, undone_at: string | null, };

export type ImportDone = { record: ImportRecord, preview: ImportPreview, };

export type UndoReport = { 
/**
 * Rows created by the import and now deleted (contact persons erased).
 */
removed: number, 
/**
 * Fields put back to their value before the import.
 */
restored: number, 
/**
 * Fields edited again after the import: left as they are.
 */
kept: number, };

export type UpdateRound = { id: string, title: string, started_on: string | null, note: string, created_at: string, updated_at: string, };

export type RoundStart = { title: string, 
/**
 * These organisations only; by default every organisation that has
 * not left the coalition.
 */
organisations?: Array<string>, };

export type RoundOverview = { round: UpdateRound, partners: Array<RoundPartnerStatus>, sent: number, returned: number, 
/**
 * Still to answer.
 */
waiting: number, };

export type RoundPartnerStatus = { organisation: string, name: string, file: string, returned_on: string | null, outcome: string, };

export type Confirmation = { by: string, on: string, round: string, };

export type ReturnState = "nieuw" | "gewijzigd" | "ongewijzigd" | "beide" | "fout";

export type ReturnField = { 
/**
 * Names this field in a choice for the partner's value.
 */
key: string, field: string, label: string, sent: string, partner: string, 
/**
 * Wieg's value now.
 */
wieg: string, state: ReturnState, 
/**
 * For a conflict: whether the partner's value is taken.
 */
taken: boolean, message: string, };

export type ReturnRow = { sheet: string, 
/**
 * The row as the spreadsheet program shows it.
 */
line: number, label: string, state: ReturnState, 
/**
 * The fields that are not unchanged.
 */
fields: Array<ReturnField>, 
/**
 * For a row that cannot be taken over: why.
 */
message: string, };

export type RoundReturn = { file: string, round: string, round_title: string, organisation: string, organisation_name: string, 
/**
 * Rows that are new, changed, in conflict or wrong (unchanged ones are
 * only counted).
 */
rows: Array<ReturnRow>, new: number, changed: number, unchanged: number, conflicts: number, errors: number, 
/**
 * People in the file: checked by their organisation.
 */
confirmed: number, 
/**
 * Rows that were sent and are not in the file: left as they are.
 */
missing: Array<string>, 
/**
 * When this partner returned its workbook before, if it did.
 */
returned_before: string | null, };

export type RoundAccepted = { record: ImportRecord, result: RoundReturn, };

export type Recipient = { name: string, email: string, };

export type Draft = { to: Array<Recipient>, 
/**
 * Whom it is meant for but Wieg has no e-mail address of.
 */
without_address: Array<string>, subject: string, body: string, 
/**
 * The `.eml` file's name.
 */
file_name: string, 
/**
 * The same e-mail as a link (no attachment; the text may be shortened).
 */
mailto: string, };

export type FollowUpDraft = { 
/**
 * The person or organisation.
 */
owner: string, owner_name: string, open: number, overdue: number, draft: Draft, };

export type AttentionKind = "verantwoording" | "actiepunten" | "notulen" | "contactpersonen" | "ronde";

export type Attention = { kind: AttentionKind, 
/**
 * How many (items, people, partners); 1 for a single thing.
 */
count: number, 
/**
 * The grant's funder, the meeting's or round's title.
 */
name: string, 
/**
 * When it is due, was held, or started.
 */
date: string | null, 
/**
 * The grant, meeting or round it leads to.
 */
subject: string | null, };

export type PlanStatus = "concept" | "vastgesteld";

export type NationalGoal = "goed voorbereid zwanger" | "minder onbedoelde zwangerschappen" | "problemen eerder gesignaleerd" | "sneller de juiste hulp" | "ouders toegerust" | "minder uithuisplaatsingen";

export type PillarGoals = { pillar: Pillar, goals: Array<Goal>, };

export type ActionPage = { pillars: Array<PillarGoals>, organisations: Array<Organisation>, 
/**
 * The persons who can pull an action, at the organisations above.
 */
contacts: Array<Contact>, municipalities: Array<Municipality>, action: Action | null, };

export type IndicatorPage = { series: IndicatorSeries, municipalities: Array<Municipality>, };

export type Plan = { id: string, title: string, 
/**
 * The first and last year (2000–2100). In the input, absent:
 * unchanged; `null`: cleared.
 */
period_start: number | null, period_end: number | null, status: PlanStatus, vision: string, 
/**
 * The national work-agenda template's sections.
 */
urgency: string, situation: string, ambition: string, design: string, smart_goals: string, financial_plan: string, monitoring: string, milestones: string, created_at: string, updated_at: string, };

export type PlanInput = { title?: string, 
/**
 * The first and last year (2000–2100). In the input, absent:
 * unchanged; `null`: cleared.
 */
period_start?: number | null, period_end?: number | null, status?: PlanStatus, vision?: string, 
/**
 * The national work-agenda template's sections.
 */
urgency?: string, situation?: string, ambition?: string, design?: string, smart_goals?: string, financial_plan?: string, monitoring?: string, milestones?: string, };

export type Pillar = { id: string, plan: string, title: string, description: string, 
/**
 * 1, 2, 3 …: the pillar's number in the plan.
 */
number: number, updated_at: string, };

export type PillarInput = { plan?: string, title?: string, description?: string, };

export type Goal = { id: string, pillar: string, 
/**
 * The SMART formulation.
 */
text: string, national_goals: Array<NationalGoal>, 
/**
 * What the indicator should reach, as written ("80 % van de zwangeren").
 */
target_value: string, target_date: string | null, updated_at: string, };

export type GoalInput = { pillar?: string, 
/**
 * The SMART formulation.
 */
text?: string, national_goals?: Array<NationalGoal>, 
/**
 * What the indicator should reach, as written ("80 % van de zwangeren").
 */
target_value?: string, target_date?: string, };

export type ActionStatus = "idee" | "gepland" | "loopt" | "afgerond" | "gestopt";

export type Milestone = { id: string, action: string, 
/**
 * `2025-K2`: the quarter it is planned in.
 */
quarter: string, title: string, done: boolean, updated_at: string, };

export type MilestoneInput = { action?: string, 
/**
 * `2025-K2`: the quarter it is planned in.
 */
quarter?: string, title?: string, done?: boolean, };

export type ActionNote = { id: string, action: string, date: string | null, text: string, updated_at: string, };

export type ActionNoteInput = { action?: string, date?: string, text?: string, };

export type Action = { id: string, pillar: string, 
/**
 * One of its pillar's goals; in the input its id, or empty for none.
 */
goal: string | null, title: string, description: string, 
/**
 * The partner that pulls it (*kartrekker*); in the input an
 * organisation id, or empty for none.
 */
owner: string | null, 
/**
 * The person at the lead partner who pulls it; in the input a
 * contact id, or empty. Chosen alone, their organisation becomes
 * the lead partner.
 */
owner_contact: string | null, status: ActionStatus, start_date: string | null, end_date: string | null, 
/**
 * Whole cents: money is never a float. The input calls it
 * `budget`: euros as typed (`12.500`, `€ 1.250,50`).
 */
budget_cents: bigint, 
/**
 * Where the money comes from, as written.
 */
funding: string, partners: Array<string>, municipalities: Array<string>, 
/**
 * Open and past its end date.
 */
overdue: boolean, milestones: Array<Milestone>, notes: Array<ActionNote>, plan: string, created_at: string, updated_at: string, };

export type ActionInput = { pillar?: string, 
/**
 * One of its pillar's goals; in the input its id, or empty for none.
 */
goal?: string, title?: string, description?: string, 
/**
 * The partner that pulls it (*kartrekker*); in the input an
 * organisation id, or empty for none.
 */
owner?: string, 
/**
 * The person at the lead partner who pulls it; in the input a
 * contact id, or empty. Chosen alone, their organisation becomes
 * the lead partner.
 */
owner_contact?: string, status?: ActionStatus, start_date?: string, end_date?: string, 
/**
 * Whole cents: money is never a float. The input calls it
 * `budget`: euros as typed (`12.500`, `€ 1.250,50`).
 */
budget?: string, 
/**
 * Where the money comes from, as written.
 */
funding?: string, 
/**
 * The partners with it (exactly these), saved in the same transaction.
 */
partners?: Array<string>, 
/**
 * The municipalities it runs in (exactly these), likewise.
 */
municipalities?: Array<string>, };

export type ActionFilter = { plan?: string, pillar?: string, municipality?: string, 
/**
 * The owner or one of the partners.
 */
organisation?: string, status?: ActionStatus, 
/**
 * Matched against title and description, ignoring case and diacritics.
 */
text?: string, };

export type ActionLine = "voor de zwangerschap" | "tijdens de zwangerschap" | "na de geboorte";

export type RolloutStatus = "niet gestart" | "in voorbereiding" | "actief" | "gestopt";

export type Intervention = { id: string, name: string, action_line: ActionLine, target_group: string, description: string, updated_at: string, };

export type InterventionInput = { name?: string, action_line?: ActionLine, target_group?: string, description?: string, };

export type Rollout = { id: string, status: RolloutStatus, 
/**
 * The organisation that provides it there; in the input an
 * organisation id, or empty for none.
 */
provider: string | null, since: string | null, 
/**
 * Trajecten per year: planned and reached. In the input, absent:
 * unchanged; `null`: cleared.
 */
target_per_year: number | null, actual_per_year: number | null, municipality: string, intervention: string, updated_at: string, };

export type RolloutInput = { status?: RolloutStatus, 
/**
 * The organisation that provides it there; in the input an
 * organisation id, or empty for none.
 */
provider?: string, since?: string, 
/**
 * Trajecten per year: planned and reached. In the input, absent:
 * unchanged; `null`: cleared.
 */
target_per_year?: number | null, actual_per_year?: number | null, };

export type MatrixMunicipality = { id: string, name: string, 
/**
 * Interventions active here.
 */
active: number, };

export type MatrixIntervention = { id: string, name: string, action_line: ActionLine, 
/**
 * Municipalities where it is active.
 */
active: number, };

export type RolloutMatrix = { municipalities: Array<MatrixMunicipality>, interventions: Array<MatrixIntervention>, 
/**
 * Every cell that is not "niet gestart"; a missing cell is not started.
 */
cells: Array<Rollout>, };

export type StatusCount = { status: ActionStatus, count: number, };

export type PillarOverview = { pillar: Pillar, goals: Array<Goal>, actions: Array<Action>, 
/**
 * Actions per status, in the order of [`ActionStatus::ALL`].
 */
by_status: Array<StatusCount>, budget_cents: bigint, overdue: number, };

export type PlanOverview = { plan: Plan, pillars: Array<PillarOverview>, 
/**
 * The names of the organisations and persons who lead the shown
 * actions, so the page need not read every person to name a few (an
 * organisation deleted since keeps its name here).
 */
lead_names: { [key in string]: string }, 
/**
 * The goals' measurable targets, with where the coalition stands.
 */
targets: Array<TargetProgress>, };

export type PillarCount = { pillar: string, number: number, title: string, count: number, };

export type PlanSummary = { plan: Plan | null, 
/**
 * Open actions (not finished or stopped) per pillar, in pillar order.
 */
open_by_pillar: Array<PillarCount>, overdue: number, 
/**
 * Per intervention: in how many of the coalition's municipalities it is active.
 */
coverage: Array<MatrixIntervention>, municipalities: number, };

export type ActionItemCounts = { open: number, overdue: number, };

export type Dashboard = { metrics: NetworkMetrics, 
/**
 * The coalition at the end of each month, for the growth chart.
 */
growth: Array<GrowthPoint>, plan: PlanSummary, action_items: ActionItemCounts, 
/**
 * The first meeting from today on, if one is planned.
 */
next_meeting: Meeting | null, 
/**
 * Grants overspent or under-used, or whose report is due soon.
 */
grants: Array<GrantBalance>, 
/**
 * What needs attention within a few weeks: grant reports, overdue
 * action items, minutes, people to check, rounds to chase, in that order.
 */
attention: Array<Attention>, };

export type FunderKind = "gemeente" | "provincie" | "rijk/spuk" | "zorgverzekeraar" | "fonds" | "anders";

export type Funding = { id: string, funder_kind: FunderKind, 
/**
 * Who exactly ("Provincie Limburg", "Gemeente Venlo").
 */
funder: string, 
/**
 * The input calls it `amount`: euros as typed (`130.680`, `€ 1.250,50`).
 */
amount_cents: bigint, period_start: string | null, period_end: string | null, purpose: string, reporting_deadline: string | null, reporting_state: ReportingState, 
/**
 * The actions it pays for.
 */
actions: Array<string>, created_at: string, updated_at: string, };

export type FundingInput = { funder_kind?: FunderKind, 
/**
 * Who exactly ("Provincie Limburg", "Gemeente Venlo").
 */
funder?: string, 
/**
 * The input calls it `amount`: euros as typed (`130.680`, `€ 1.250,50`).
 */
amount?: string, period_start?: string, period_end?: string, purpose?: string, reporting_deadline?: string, reporting_state?: ReportingState, 
/**
 * The actions it pays for (exactly these), saved in the same transaction.
 */
actions?: Array<string>, };

export type PillarMoney = { pillar: string, number: number, title: string, budgeted_cents: bigint, granted_cents: bigint, 
/**
 * Paid and committed on the pillar's actions.
 */
paid_cents: bigint, committed_cents: bigint, };

export type FunderMoney = { funder_kind: FunderKind, granted_cents: bigint, };

export type FundingOverview = { fundings: Array<Funding>, 
/**
 * Each grant with what was paid and committed on it, and what is left.
 */
grants: Array<GrantBalance>, pillars: Array<PillarMoney>, 
/**
 * Granted but not (yet) linked to any action of this plan.
 */
unallocated_cents: bigint, granted_cents: bigint, budgeted_cents: bigint, paid_cents: bigint, committed_cents: bigint, by_funder: Array<FunderMoney>, };

export type ReportingState = "open" | "ingediend" | "vastgesteld";

export type SpendingState = "betaald" | "verplicht";

export type GrantFlag = "overbesteed" | "onderbenut";

export type ReportDue = "binnenkort" | "te laat";

export type Spending = { id: string, 
/**
 * The grant it is charged to; in the input its id, or empty to
 * take the grant of the action when that has exactly one.
 */
funding: string | null, 
/**
 * The action it was spent on; in the input its id, or empty for
 * costs of the grant as a whole (coordination, say).
 */
action: string | null, date: string | null, description: string, 
/**
 * Whole cents. The input calls it `amount`: euros as typed.
 */
amount_cents: bigint, state: SpendingState, created_at: string, updated_at: string, };

export type SpendingInput = { 
/**
 * The grant it is charged to; in the input its id, or empty to
 * take the grant of the action when that has exactly one.
 */
funding?: string, 
/**
 * The action it was spent on; in the input its id, or empty for
 * costs of the grant as a whole (coordination, say).
 */
action?: string, date?: string, description?: string, 
/**
 * Whole cents. The input calls it `amount`: euros as typed.
 */
amount?: string, state?: SpendingState, };

export type SpendingFilter = { funding?: string, action?: string, 
/**
 * From this day on, and up to and including `to`.
 */
from?: string, to?: string, state?: SpendingState, };

export type SpendingPage = { 
/**
 * The latest first.
 */
spending: Array<Spending>, paid_cents: bigint, committed_cents: bigint, };

export type GrantBalance = { funding: Funding, paid_cents: bigint, committed_cents: bigint, 
/**
 * Granted less paid and committed: below zero when overspent.
 */
left_cents: bigint, flag: GrantFlag | null, 
/**
 * Its report to the funder, not handed in, is due within
 * [`REPORT_AHEAD_DAYS`] days, or late.
 */
report_due: ReportDue | null, };

export type TargetMeasure = "indicator" | "interventie actief" | "convenant getekend" | "professionals getraind";

export type GoalTarget = { id: string, goal: string, measure: TargetMeasure, 
/**
 * For an indicator: which one; in the input its id, or empty.
 */
indicator: string | null, 
/**
 * For an indicator: one municipality, or empty for the whole region.
 */
municipality: string | null, 
/**
 * For municipalities where an intervention runs, or professionals
 * trained: which intervention.
 */
intervention: string | null, baseline: bigint | null, baseline_year: number | null, target: bigint | null, target_year: number | null, created_at: string, updated_at: string, };

export type GoalTargetInput = { goal?: string, measure?: TargetMeasure, 
/**
 * For an indicator: which one; in the input its id, or empty.
 */
indicator?: string, 
/**
 * For an indicator: one municipality, or empty for the whole region.
 */
municipality?: string, 
/**
 * For municipalities where an intervention runs, or professionals
 * trained: which intervention.
 */
intervention?: string, baseline?: string, baseline_year: number | null, target?: string, target_year: number | null, };

export type TargetProgress = { target: GoalTarget, 
/**
 * What it measures, in words: "Roken in de zwangerschap (Venlo)".
 */
label: string, 
/**
 * "%" for a share, else empty.
 */
unit: string, 
/**
 * The latest figure in hundredths; None without one, or when it rests
 * on fewer than ten persons.
 */
current: bigint | null, 
/**
 * The year of that figure (this year for a count Wieg keeps).
 */
current_year: number | null, 
/**
 * As shown: "42,5 %", "12", "< 10", or "—".
 */
shown: string, 
/**
 * How far from the baseline (or zero) to the target, in percent;
 * above 100 past it. None without a figure.
 */
progress_pct: bigint | null, reached: boolean, };

export type GroupKind = "ouderpanel" | "ervaringsdeskundigen" | "klankbordgroep" | "anders";

export type ParentGroup = { id: string, name: string, kind: GroupKind, 
/**
 * What the group does for the coalition ("denkt mee over de
 * folder", "beoordeelt het plan").
 */
role: string, 
/**
 * Its counts, the earliest year first.
 */
years: Array<ParentGroupYear>, actions: Array<string>, meetings: Array<string>, created_at: string, updated_at: string, };

export type ParentGroupInput = { name?: string, kind?: GroupKind, 
/**
 * What the group does for the coalition ("denkt mee over de
 * folder", "beoordeelt het plan").
 */
role?: string, 
/**
 * The actions it took part in (exactly these), saved in the same
 * transaction.
 */
actions?: Array<string>, 
/**
 * The meetings it took part in (exactly these).
 */
meetings?: Array<string>, 
/**
 * Its counts (exactly these years; `parent_group` may be left out).
 */
years?: Array<ParentGroupYearInput>, };

export type ParentGroupYear = { id: string, 
/**
 * Left out in a group's own list of years.
 */
parent_group: string, year: number, 
/**
 * Parents who took part that year (a count, never names).
 */
members: bigint, 
/**
 * How often the group met that year; empty when not counted.
 */
sessions: bigint | null, updated_at: string, };

export type ParentGroupYearInput = { 
/**
 * Left out in a group's own list of years.
 */
parent_group?: string, year?: string, 
/**
 * Parents who took part that year (a count, never names).
 */
members?: string, 
/**
 * How often the group met that year; empty when not counted.
 */
sessions?: string, };

export type GroupCounts = { most_members: bigint, sessions: bigint, };

export type GroupSummary = { group: ParentGroup, counts: GroupCounts, };

export type GatheringKind = "netwerkbijeenkomst" | "scholing";

export type Gathering = { id: string, title: string, kind: GatheringKind, date: string | null, place: string, 
/**
 * The plan's action it belongs to, if any.
 */
action: string | null, 
/**
 * For training: the intervention the professionals were trained in.
 */
intervention: string | null, notes: string, 
/**
 * Per organisation, by name.
 */
turnout: Array<Turnout>, registered: bigint, attended: bigint, 
/**
 * Organisations new to the network that day.
 */
welcomed: bigint, created_at: string, updated_at: string, };

export type GatheringInput = { title?: string, kind?: GatheringKind, date?: string, place?: string, 
/**
 * The plan's action it belongs to, if any.
 */
action?: string, 
/**
 * For training: the intervention the professionals were trained in.
 */
intervention?: string, notes?: string, 
/**
 * The numbers per organisation (exactly these), saved in the same
 * transaction.
 */
turnout?: Array<TurnoutInput>, };

export type TurnoutInput = { gathering?: string, organisation?: string, registered?: string, 
/**
 * Came, or for training: trained.
 */
attended?: string, 
/**
 * New to the network: welcomed that day.
 */
welcomed?: boolean, };

export type Turnout = { organisation: string, 
/**
 * Its name (kept when it was deleted since).
 */
name: string, domain: Domain, registered: bigint, attended: bigint, welcomed: boolean, };

export type DomainTurnout = { domain: Domain, registered: bigint, attended: bigint, organisations: bigint, };

export type Trained = { intervention: string, name: string, professionals: bigint, 
/**
 * Organisations with at least one professional trained.
 */
organisations: bigint, };

export type Period = { from?: string, to?: string, };

export type Participation = { groups: Array<GroupSummary>, 
/**
 * The latest first.
 */
gatherings: Array<Gathering>, by_domain: Array<DomainTurnout>, trained: Array<Trained>, 
/**
 * Names of the organisations new to the network at a gathering, by name.
 */
welcomed: Array<string>, };

export type Indicator = { id: string, name: string, 
/**
 * "%", "per 1.000 geboorten", "aantal".
 */
unit: string, 
/**
 * What is counted (teller) and out of what (noemer).
 */
numerator_label: string, denominator_label: string, source: string, description: string, updated_at: string, };

export type IndicatorInput = { name?: string, 
/**
 * "%", "per 1.000 geboorten", "aantal".
 */
unit?: string, 
/**
 * What is counted (teller) and out of what (noemer).
 */
numerator_label?: string, denominator_label?: string, source?: string, description?: string, };

export type MonitorIndicator = { name: string, phase: ActionLine, numerator_label: string, denominator_label: string, source: string, 
/**
 * The coalition has it (added from here, or typed with this name).
 */
added: boolean, };

export type IndicatorValueInput = { indicator?: string, municipality?: string, year?: string, numerator?: string, denominator?: string, };

export type IndicatorPoint = { year: number, 
/**
 * None when suppressed (fewer than ten persons).
 */
numerator: bigint | null, denominator: bigint | null, 
/**
 * Numerator ÷ denominator × 100, or the numerator when there is no
 * denominator; None when suppressed. For charts only.
 */
value: number | null, 
/**
 * As the table shows it: "42,3 %", "17", or "< 10".
 */
shown: string, };

export type MunicipalitySeries = { municipality: string, name: string, points: Array<IndicatorPoint>, };

export type IndicatorSeries = { indicator: Indicator, municipalities: Array<MunicipalitySeries>, };

export type MeetingKind = "stuurgroep" | "werkgroep" | "netwerkbijeenkomst" | "overig";

export type MeetingStatus = "gepland" | "gehouden" | "notulen vastgesteld";

export type Attendance = "uitgenodigd" | "aanwezig" | "afgemeld" | "afwezig";

export type FollowUp = "open" | "loopt" | "uitgevoerd" | "niet uitgevoerd";

export type ActionItemStatus = "open" | "gedaan" | "vervallen";

export type Meeting = { id: string, title: string, kind: MeetingKind, 
/**
 * The plan's pillar it is about (typed as its id, empty for none).
 */
pillar: string | null, date: string | null, 
/**
 * `14:00`, Europe/Amsterdam.
 */
start_time: string, end_time: string, location: string, online_link: string, status: MeetingStatus, 
/**
 * Who chairs it and who takes the minutes: contact persons (typed
 * as their ids, empty for none).
 */
chair: string | null, minute_taker: string | null, created_at: string, updated_at: string, };

export type MeetingInput = { title?: string, kind?: MeetingKind, 
/**
 * The plan's pillar it is about (typed as its id, empty for none).
 */
pillar?: string, date?: string, 
/**
 * `14:00`, Europe/Amsterdam.
 */
start_time?: string, end_time?: string, location?: string, online_link?: string, status?: MeetingStatus, 
/**
 * Who chairs it and who takes the minutes: contact persons (typed
 * as their ids, empty for none).
 */
chair?: string, minute_taker?: string, 
/**
 * The invited contact persons (replaces the list).
 */
invited?: Array<string>, };

export type Attendee = { contact: string, name: string, email: string | null, organisation: string, attendance: Attendance, };

export type AgendaItem = { id: string, 
/**
 * The meeting it is on; it stays there.
 */
meeting: string, title: string, duration_min: number | null, 
/**
 * Who introduces it: a contact person (typed as its id, empty for none).
 */
presenter: string | null, 
/**
 * A plan action this item is about (typed as its id, empty for none).
 */
action: string | null, 
/**
 * Plain text with light Markdown; shown as text, never as HTML.
 */
minutes: string, 
/**
 * Left out of the minutes that go to partners.
 */
confidential: boolean, updated_at: string, };

export type AgendaItemInput = { 
/**
 * The meeting it is on; it stays there.
 */
meeting?: string, title?: string, duration_min?: number, 
/**
 * Who introduces it: a contact person (typed as its id, empty for none).
 */
presenter?: string, 
/**
 * A plan action this item is about (typed as its id, empty for none).
 */
action?: string, 
/**
 * Plain text with light Markdown; shown as text, never as HTML.
 */
minutes?: string, 
/**
 * Left out of the minutes that go to partners.
 */
confidential?: boolean, };

export type Decision = { id: string, 
/**
 * The meeting it was taken in; it stays there.
 */
meeting: string, 
/**
 * The agenda item it was taken under (typed as its id, empty for none).
 */
agenda_item: string | null, text: string, follow_up: FollowUp, follow_up_note: string, updated_at: string, };

export type DecisionInput = { 
/**
 * The meeting it was taken in; it stays there.
 */
meeting?: string, 
/**
 * The agenda item it was taken under (typed as its id, empty for none).
 */
agenda_item?: string, text?: string, follow_up?: FollowUp, follow_up_note?: string, };

export type ActionItem = { id: string, 
/**
 * The meeting it was agreed in; it stays there.
 */
meeting: string, 
/**
 * The agenda item it was agreed under (typed as its id, empty for none).
 */
agenda_item: string | null, text: string, 
/**
 * One contact person or organisation.
 */
owner: string | null, 
/**
 * The day it must be done by (empty for none).
 */
due: string | null, 
/**
 * Set to done without a day done, it was done today.
 */
status: ActionItemStatus, done_on: string | null, meeting_title: string, meeting_date: string | null, owner_name: string, overdue: boolean, updated_at: string, };

export type ActionItemFilter = { owner?: string, kind?: MeetingKind, status?: ActionItemStatus, overdue_only?: boolean, };

export type ActionItemInput = { 
/**
 * The meeting it was agreed in; it stays there.
 */
meeting?: string, 
/**
 * The agenda item it was agreed under (typed as its id, empty for none).
 */
agenda_item?: string, text?: string, 
/**
 * One contact person or organisation.
 */
owner?: string, 
/**
 * The day it must be done by (empty for none).
 */
due?: string, 
/**
 * Set to done without a day done, it was done today.
 */
status?: ActionItemStatus, done_on?: string, };

export type ExportFormat = "docx" | "odt" | "pdf" | "xlsx" | "csv" | "zip";

export type ExportRequest = { "kind": "plan" } | { "kind": "minutes", meeting: string, confidential: boolean, } | { "kind": "action_items" } | { "kind": "report", from: string, to: string, } | { "kind": "grant", funding: string, } | { "kind": "werkagenda" } | { "kind": "archive" } | { "kind": "network" };

export type RestoreReport = { coalition: string, changes: number, 
/**
 * The archive's date (`2026-11-30`).
 */
created: string, };

export type MeetingDetail = { meeting: Meeting, attendees: Array<Attendee>, agenda: Array<AgendaItem>, decisions: Array<Decision>, action_items: Array<ActionItem>, 
/**
 * Open action items of earlier meetings of the same kind.
 */
open_from_earlier: Array<ActionItem>, };

export type MeetingPage = { detail: MeetingDetail, contacts: Array<Contact>, organisations: Array<Organisation>, 
/**
 * The current plan's pillars with their actions; none without a plan.
 */
plan: PlanOverview | null, };

export type SearchHit = { 
/**
 * agendapunt, besluit or actiepunt.
 */
kind: string, id: string, meeting: string, meeting_title: string, meeting_date: string | null, 
/**
 * A piece of the text with the matches between U+0002 and U+0003.
 */
snippet: string, };

export type BridgeBuilder = { organisation: string, name: string, domain: Domain, 
/**
 * How many medical–social pairs' shortest paths run through it
 * (shared paths count in part).
 */
score: number, };

export type NetworkMetrics = { organisations: number, by_domain: Array<DomainCount>, 
/**
 * Organisations that signed the covenant (and did not leave).
 */
signed: number, signed_by_domain: Array<DomainCount>, 
/**
 * Relations that are current (no end date, or one still to come).
 */
relations: number, 
/**
 * Current relations with one end in the medical and one in the social domain.
 */
medical_social_links: number, 
/**
 * The organisations bridging the medical and the social domain most, best first.
 */
bridge_builders: Array<BridgeBuilder>, };

export type MapGraphInput = { nodes: Array<string>, edges: Array<[string, string]>, };

export type MapPosition = { id: string, x: number, y: number, };

export type GrowthPoint = { 
/**
 * `2024-06`
 */
month: string, involved: number, signed: number, };

export type DomainCount = { domain: Domain, count: number, };

export type NetworkSummary = { organisations: number, by_domain: Array<DomainCount>, };

export type Conflict = { hlc: string, entity: string, entity_id: string, field: string, 
/**
 * The losing value as JSON text.
 */
value: string, };

export type ConflictView = { 
/**
 * The id of the losing change.
 */
id: string, entity: string, entity_id: string, 
/**
 * What the entity is called ("Kraamzorg Het Nest").
 */
entity_label: string, field: string, lost_value: string, lost_by: string, lost_at: string, current_value: string, current_by: string, current_at: string, };

export type RacedEdit = { field: string, value: string, by: string, at: string, };

export type RacedDelete = { entity: string, entity_id: string, entity_label: string, deleted_by: string, deleted_at: string, 
/**
 * The newest edit per field that the deleting laptop had not seen.
 */
edits: Array<RacedEdit>, };

export type SkipKind = "incomplete" | "refused" | "newer_format";

export type SkippedFile = { path: string, reason: string, kind: SkipKind, };

export type SyncReport = { folder: string, exported_batches: number, exported_changes: number, imported_batches: number, imported_changes: number, 
/**
 * Batches seen again (already applied, or a sync service's copy).
 */
already_applied: number, skipped: Array<SkippedFile>, 
/**
 * Changes stamped more than a day ahead of this laptop's clock.
 */
future_changes: number, 
/**
 * Set when another laptop used this laptop's id and this one took a new id.
 */
new_replica_id: string | null, finished_at: string, };

export type KnownReplica = { id: string, name: string, app_version: string, last_sync: string | null, };

export type SyncStatus = { folder: string | null, last_sync: string | null, 
/**
 * Local changes not yet written to the shared folder.
 */
pending_changes: number, replicas: Array<KnownReplica>, 
/**
 * The last sync's problem, in Dutch, if it failed.
 */
problem: string | null, 
/**
 * Lost concurrent edits and deletes that raced edits, waiting for the
 * coordinator to look at them (the frame's badge).
 */
open_conflicts: number, };
