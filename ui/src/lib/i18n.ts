// The UI's words, Dutch first. Keys are stable; `{name}` placeholders are
// filled by `translate`. Enum values (kinds, domains) come from the core as
// Dutch codes and are labelled here per language.
import type {
  ActionLine,
  ActionStatus,
  Attendance,
  CoalitionRole,
  CoalitionStatus,
  Domain,
  ErrorKind,
  FollowUp,
  FunderKind,
  LegalBasis,
  MeetingKind,
  MeetingStatus,
  NationalGoal,
  OrgKind,
  PlanStatus,
  RelationKind,
  RolloutStatus,
  ValidationCode,
} from './bindings';
import { FIELD_LABELS } from './fields';
import * as common from './words/common';
import * as network from './words/network';
import * as plan from './words/plan';
import * as meetings from './words/meetings';
import * as share from './words/share';

export type Lang = 'nl' | 'en';
export const LANGS: Lang[] = ['nl', 'en'];

// The declared fields' names come from the core (`fields.ts`).
const nl = {
  ...FIELD_LABELS.nl,
  ...common.nl,
  ...network.nl,
  ...plan.nl,
  ...meetings.nl,
  ...share.nl,
};

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  ...FIELD_LABELS.en,
  ...common.en,
  ...network.en,
  ...plan.en,
  ...meetings.en,
  ...share.en,
};

const MESSAGES: Record<Lang, Record<Key, string>> = { nl, en };

export type MessageKey = Key;

export function translate(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const KIND_LABELS: Record<Lang, Record<OrgKind, string>> = {
  nl: {
    verloskundigenpraktijk: 'Verloskundigenpraktijk',
    'ziekenhuis/vsv': 'Ziekenhuis/VSV',
    kraamzorg: 'Kraamzorg',
    'jgz/ggd': 'JGZ/GGD',
    'wijkteam/sociaal team': 'Wijkteam/sociaal team',
    gemeente: 'Gemeente',
    zorgverzekeraar: 'Zorgverzekeraar',
    kinderopvang: 'Kinderopvang',
    welzijn: 'Welzijn',
    ggz: 'GGZ',
    huisarts: 'Huisarts',
    'veilig thuis': 'Veilig Thuis',
    schuldhulp: 'Schuldhulp',
    provincie: 'Provincie',
    overig: 'Overig',
  },
  en: {
    verloskundigenpraktijk: 'Midwifery practice',
    'ziekenhuis/vsv': 'Hospital/obstetric partnership (VSV)',
    kraamzorg: 'Maternity care',
    'jgz/ggd': 'Youth health care/public health (JGZ/GGD)',
    'wijkteam/sociaal team': 'Neighbourhood/social team',
    gemeente: 'Municipality',
    zorgverzekeraar: 'Health insurer',
    kinderopvang: 'Childcare',
    welzijn: 'Social welfare',
    ggz: 'Mental health care (GGZ)',
    huisarts: 'General practitioner',
    'veilig thuis': 'Veilig Thuis (domestic abuse)',
    schuldhulp: 'Debt counselling',
    provincie: 'Province',
    overig: 'Other',
  },
};

export const DOMAIN_LABELS: Record<Lang, Record<Domain, string>> = {
  nl: { medisch: 'Medisch', sociaal: 'Sociaal', 'publieke gezondheid': 'Publieke gezondheid', overig: 'Overig' },
  en: { medisch: 'Medical', sociaal: 'Social', 'publieke gezondheid': 'Public health', overig: 'Other' },
};

export const ORG_KINDS = Object.keys(KIND_LABELS.nl) as OrgKind[];
export const DOMAINS = Object.keys(DOMAIN_LABELS.nl) as Domain[];
export const COALITION_STATUSES: CoalitionStatus[] = ['betrokken', 'convenant getekend', 'gestopt'];

export const RELATION_KIND_LABELS: Record<Lang, Record<RelationKind, string>> = {
  nl: {
    samenwerking: 'Samenwerking',
    verwijzing: 'Verwijzing',
    overleg: 'Overleg',
    financiering: 'Financiering',
    convenantpartner: 'Convenantpartner',
    anders: 'Anders',
  },
  en: {
    samenwerking: 'Collaboration',
    verwijzing: 'Referral',
    overleg: 'Consultation',
    financiering: 'Funding',
    convenantpartner: 'Covenant partner',
    anders: 'Other',
  },
};

export const COALITION_ROLE_LABELS: Record<Lang, Record<CoalitionRole, string>> = {
  nl: { bestuurlijk: 'Bestuurlijk', uitvoerend: 'Uitvoerend', kartrekker: 'Kartrekker' },
  en: { bestuurlijk: 'Governance', uitvoerend: 'Operational', kartrekker: 'Driving force' },
};

export const LEGAL_BASIS_LABELS: Record<Lang, Record<LegalBasis, string>> = {
  nl: { 'publieke taak': 'Publieke taak', 'gerechtvaardigd belang': 'Gerechtvaardigd belang', toestemming: 'Toestemming' },
  en: { 'publieke taak': 'Public task', 'gerechtvaardigd belang': 'Legitimate interest', toestemming: 'Consent' },
};

/** What each legal basis means, in one line, for the contact form. */
export const LEGAL_BASIS_HINTS: Record<Lang, Record<LegalBasis, string>> = {
  nl: {
    'publieke taak':
      'De organisatie heeft een wettelijke taak waarvoor deze gegevens nodig zijn, zoals een gemeente of de JGZ.',
    'gerechtvaardigd belang':
      'De coalitie heeft de gegevens nodig om samen te werken, en dat weegt zwaarder dan de privacy van deze professional.',
    toestemming: 'Deze persoon heeft zelf toestemming gegeven, en mag die altijd weer intrekken.',
  },
  en: {
    'publieke taak': 'The organisation has a statutory task that needs these data, such as a municipality or youth health care.',
    'gerechtvaardigd belang':
      'The coalition needs the data to work together, and that outweighs the privacy of this professional.',
    toestemming: 'This person gave consent themselves, and may withdraw it at any time.',
  },
};

export const RELATION_KINDS = Object.keys(RELATION_KIND_LABELS.nl) as RelationKind[];
export const COALITION_ROLES = Object.keys(COALITION_ROLE_LABELS.nl) as CoalitionRole[];
export const LEGAL_BASES = Object.keys(LEGAL_BASIS_LABELS.nl) as LegalBasis[];

export const PLAN_STATUS_LABELS: Record<Lang, Record<PlanStatus, string>> = {
  nl: { concept: 'Concept', vastgesteld: 'Vastgesteld' },
  en: { concept: 'Draft', vastgesteld: 'Adopted' },
};

export const ACTION_STATUS_LABELS: Record<Lang, Record<ActionStatus, string>> = {
  nl: { idee: 'Idee', gepland: 'Gepland', loopt: 'Loopt', afgerond: 'Afgerond', gestopt: 'Gestopt' },
  en: { idee: 'Idea', gepland: 'Planned', loopt: 'Running', afgerond: 'Finished', gestopt: 'Stopped' },
};

export const ROLLOUT_STATUS_LABELS: Record<Lang, Record<RolloutStatus, string>> = {
  nl: { 'niet gestart': 'Niet gestart', 'in voorbereiding': 'In voorbereiding', actief: 'Actief', gestopt: 'Gestopt' },
  en: { 'niet gestart': 'Not started', 'in voorbereiding': 'In preparation', actief: 'Active', gestopt: 'Stopped' },
};

export const ACTION_LINE_LABELS: Record<Lang, Record<ActionLine, string>> = {
  nl: {
    'voor de zwangerschap': 'Voor de zwangerschap',
    'tijdens de zwangerschap': 'Tijdens de zwangerschap',
    'na de geboorte': 'Na de geboorte',
  },
  en: {
    'voor de zwangerschap': 'Before pregnancy',
    'tijdens de zwangerschap': 'During pregnancy',
    'na de geboorte': 'After birth',
  },
};

/** The six national goals of Kansrijke Start. */
export const NATIONAL_GOAL_LABELS: Record<Lang, Record<NationalGoal, string>> = {
  nl: {
    'goed voorbereid zwanger': 'Goed voorbereid zwanger',
    'minder onbedoelde zwangerschappen': 'Minder onbedoelde zwangerschappen',
    'problemen eerder gesignaleerd': 'Problemen eerder gesignaleerd',
    'sneller de juiste hulp': 'Sneller de juiste hulp',
    'ouders toegerust': 'Ouders toegerust',
    'minder uithuisplaatsingen': 'Minder uithuisplaatsingen',
  },
  en: {
    'goed voorbereid zwanger': 'Well prepared for pregnancy',
    'minder onbedoelde zwangerschappen': 'Fewer unintended pregnancies',
    'problemen eerder gesignaleerd': 'Problems spotted earlier',
    'sneller de juiste hulp': 'The right help sooner',
    'ouders toegerust': 'Parents well equipped',
    'minder uithuisplaatsingen': 'Fewer children placed out of home',
  },
};

export const FUNDER_KIND_LABELS: Record<Lang, Record<FunderKind, string>> = {
  nl: {
    gemeente: 'Gemeente',
    provincie: 'Provincie',
    'rijk/spuk': 'Rijk (SPUK)',
    zorgverzekeraar: 'Zorgverzekeraar',
    fonds: 'Fonds',
    anders: 'Anders',
  },
  en: {
    gemeente: 'Municipality',
    provincie: 'Province',
    'rijk/spuk': 'National government (SPUK)',
    zorgverzekeraar: 'Health insurer',
    fonds: 'Foundation',
    anders: 'Other',
  },
};

export const PLAN_STATUSES = Object.keys(PLAN_STATUS_LABELS.nl) as PlanStatus[];
export const ACTION_STATUSES = Object.keys(ACTION_STATUS_LABELS.nl) as ActionStatus[];
export const ROLLOUT_STATUSES = Object.keys(ROLLOUT_STATUS_LABELS.nl) as RolloutStatus[];
export const ACTION_LINES = Object.keys(ACTION_LINE_LABELS.nl) as ActionLine[];
export const NATIONAL_GOALS = Object.keys(NATIONAL_GOAL_LABELS.nl) as NationalGoal[];
export const FUNDER_KINDS = Object.keys(FUNDER_KIND_LABELS.nl) as FunderKind[];

export const MEETING_KIND_LABELS: Record<Lang, Record<MeetingKind, string>> = {
  nl: { stuurgroep: 'Stuurgroep', werkgroep: 'Werkgroep', netwerkbijeenkomst: 'Netwerkbijeenkomst', overig: 'Overig' },
  en: { stuurgroep: 'Steering group', werkgroep: 'Working group', netwerkbijeenkomst: 'Network meeting', overig: 'Other' },
};

export const MEETING_STATUS_LABELS: Record<Lang, Record<MeetingStatus, string>> = {
  nl: { gepland: 'Gepland', gehouden: 'Gehouden', 'notulen vastgesteld': 'Notulen vastgesteld' },
  en: { gepland: 'Planned', gehouden: 'Held', 'notulen vastgesteld': 'Minutes approved' },
};

export const ATTENDANCE_LABELS: Record<Lang, Record<Attendance, string>> = {
  nl: { uitgenodigd: 'Uitgenodigd', aanwezig: 'Aanwezig', afgemeld: 'Afgemeld', afwezig: 'Afwezig' },
  en: { uitgenodigd: 'Invited', aanwezig: 'Present', afgemeld: 'Sent apologies', afwezig: 'Absent' },
};

export const FOLLOW_UP_LABELS: Record<Lang, Record<FollowUp, string>> = {
  nl: { open: 'Open', loopt: 'Loopt', uitgevoerd: 'Uitgevoerd', 'niet uitgevoerd': 'Niet uitgevoerd' },
  en: { open: 'Open', loopt: 'In progress', uitgevoerd: 'Carried out', 'niet uitgevoerd': 'Not carried out' },
};

/** What a search hit is: the core names it in Dutch. */
export const SEARCH_KIND_LABELS: Record<Lang, Record<string, string>> = {
  nl: { agendapunt: 'Agendapunt', besluit: 'Besluit', actiepunt: 'Actiepunt' },
  en: { agendapunt: 'Agenda item', besluit: 'Decision', actiepunt: 'Action item' },
};

export const MEETING_KINDS = Object.keys(MEETING_KIND_LABELS.nl) as MeetingKind[];
export const MEETING_STATUSES = Object.keys(MEETING_STATUS_LABELS.nl) as MeetingStatus[];
export const ATTENDANCES = Object.keys(ATTENDANCE_LABELS.nl) as Attendance[];
export const FOLLOW_UPS = Object.keys(FOLLOW_UP_LABELS.nl) as FollowUp[];

export function validationMessage(lang: Lang, code: ValidationCode): string {
  return translate(lang, `validation.${code}` as Key);
}

export function errorMessage(lang: Lang, kind: ErrorKind | 'unknown'): string {
  return translate(lang, `error.${kind}` as Key);
}
