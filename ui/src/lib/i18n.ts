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
  ReportingState,
  SpendingState,
  TargetMeasure,
  GroupKind,
  GatheringKind,
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
import { CHOICE_LABELS, FIELD_LABELS } from './fields';
import * as common from './words/common';
import * as network from './words/network';
import * as plan from './words/plan';
import * as meetings from './words/meetings';
import * as share from './words/share';
import * as rounds from './words/rounds';

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
  ...rounds.nl,
};

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  ...FIELD_LABELS.en,
  ...common.en,
  ...network.en,
  ...plan.en,
  ...meetings.en,
  ...share.en,
  ...rounds.en,
};

const MESSAGES: Record<Lang, Record<Key, string>> = { nl, en };

export type MessageKey = Key;

export function translate(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

type Choices = typeof CHOICE_LABELS.nl;

/** The labels the core declares beside each stored choice, per language. */
function choiceLabels<K extends keyof Choices>(name: K): Record<Lang, Record<keyof Choices[K], string>> {
  type Labels = Record<keyof Choices[K], string>;
  return { nl: CHOICE_LABELS.nl[name] as Labels, en: CHOICE_LABELS.en[name] as Labels };
}

export const KIND_LABELS = choiceLabels('OrgKind');

export const DOMAIN_LABELS = choiceLabels('Domain');

export const ORG_KINDS = Object.keys(KIND_LABELS.nl) as OrgKind[];
export const DOMAINS = Object.keys(DOMAIN_LABELS.nl) as Domain[];
export const COALITION_STATUSES = Object.keys(CHOICE_LABELS.nl.CoalitionStatus) as CoalitionStatus[];

export const RELATION_KIND_LABELS = choiceLabels('RelationKind');

export const COALITION_ROLE_LABELS = choiceLabels('CoalitionRole');

export const LEGAL_BASIS_LABELS = choiceLabels('LegalBasis');

export const RETURN_STATE_LABELS = choiceLabels('ReturnState');

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

export const PLAN_STATUS_LABELS = choiceLabels('PlanStatus');

export const ACTION_STATUS_LABELS = choiceLabels('ActionStatus');

export const ROLLOUT_STATUS_LABELS = choiceLabels('RolloutStatus');

export const ACTION_LINE_LABELS = choiceLabels('ActionLine');

/** The six national goals of Kansrijke Start. */
export const NATIONAL_GOAL_LABELS = choiceLabels('NationalGoal');

export const FUNDER_KIND_LABELS = choiceLabels('FunderKind');

export const REPORTING_STATE_LABELS = choiceLabels('ReportingState');

export const SPENDING_STATE_LABELS = choiceLabels('SpendingState');

export const GRANT_FLAG_LABELS = choiceLabels('GrantFlag');

export const TARGET_MEASURE_LABELS = choiceLabels('TargetMeasure');

export const GROUP_KIND_LABELS = choiceLabels('GroupKind');

export const GATHERING_KIND_LABELS = choiceLabels('GatheringKind');

export const PLAN_STATUSES = Object.keys(PLAN_STATUS_LABELS.nl) as PlanStatus[];
export const ACTION_STATUSES = Object.keys(ACTION_STATUS_LABELS.nl) as ActionStatus[];
export const ROLLOUT_STATUSES = Object.keys(ROLLOUT_STATUS_LABELS.nl) as RolloutStatus[];
export const ACTION_LINES = Object.keys(ACTION_LINE_LABELS.nl) as ActionLine[];
export const NATIONAL_GOALS = Object.keys(NATIONAL_GOAL_LABELS.nl) as NationalGoal[];
export const FUNDER_KINDS = Object.keys(FUNDER_KIND_LABELS.nl) as FunderKind[];
export const REPORTING_STATES = Object.keys(REPORTING_STATE_LABELS.nl) as ReportingState[];
export const SPENDING_STATES = Object.keys(SPENDING_STATE_LABELS.nl) as SpendingState[];
export const TARGET_MEASURES = Object.keys(TARGET_MEASURE_LABELS.nl) as TargetMeasure[];
export const GROUP_KINDS = Object.keys(GROUP_KIND_LABELS.nl) as GroupKind[];
export const GATHERING_KINDS = Object.keys(GATHERING_KIND_LABELS.nl) as GatheringKind[];

export const MEETING_KIND_LABELS = choiceLabels('MeetingKind');

export const MEETING_STATUS_LABELS = choiceLabels('MeetingStatus');

export const ATTENDANCE_LABELS = choiceLabels('Attendance');

export const FOLLOW_UP_LABELS = choiceLabels('FollowUp');

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
