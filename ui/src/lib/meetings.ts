// Pure helpers for the meetings page: splitting the list by date, the time
// span of a meeting, and the search snippet's marked words.
import type { Meeting } from './bindings';

/** A piece of a search snippet; `mark` when it is a matched word. */
export type SnippetPart = { text: string; mark: boolean };

const OPEN = '\u0002';
const CLOSE = '\u0003';

/** The snippet in parts: text between U+0002 and U+0003 is marked. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let mark = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, mark });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      mark = ch === OPEN;
    } else {
      text += ch;
    }
  }
  flush();
  return parts;
}

/**
 * Upcoming meetings (today or later, soonest first, undated last) and past
 * ones (most recent first). `today` is "YYYY-MM-DD".
 */
export function splitMeetings(meetings: Meeting[], today: string): { upcoming: Meeting[]; past: Meeting[] } {
  const key = (m: Meeting) => `${m.date ?? '9999-99-99'} ${m.start_time}`;
  const upcoming = meetings.filter((m) => !m.date || m.date >= today).sort((a, b) => key(a).localeCompare(key(b)));
  const past = meetings.filter((m) => m.date && m.date < today).sort((a, b) => key(b).localeCompare(key(a)));
  return { upcoming, past };
}

/** "14:00–16:00", "14:00", or "" when no time is set. */
export function timeSpan(m: Pick<Meeting, 'start_time' | 'end_time'>): string {
  if (m.start_time && m.end_time) return `${m.start_time}–${m.end_time}`;
  return m.start_time || m.end_time || '';
}

/** The agenda's new order after moving `id` one place up (-1) or down (+1); the same order at either end or for an unknown id. */
export function moveInOrder(order: string[], id: string, step: -1 | 1): string[] {
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return [...order];
  const next = [...order];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** Decisions or action items under no item of this agenda (none, or one that was deleted): the meeting's general ones. */
export function outsideAgenda<T extends { agenda_item: string | null }>(list: T[], agenda: { id: string }[]): T[] {
  const ids = new Set(agenda.map((a) => a.id));
  return list.filter((x) => !x.agenda_item || !ids.has(x.agenda_item));
}

/** Who can own an action item or present an agenda item: a contact person or an organisation. */
export type Owner = { id: string; name: string; group: 'contact' | 'organisation'; sub: string };

/** How an owner reads in a list: a person with their organisation. */
export function ownerLabel(o: Owner): string {
  return o.sub ? `${o.name} (${o.sub})` : o.name;
}

/** Contact persons (with their organisation) and then living organisations, each by name. */
export function ownerChoices(
  contacts: { id: string; name: string; organisation: string }[],
  organisations: { id: string; name: string; deleted: boolean }[],
): Owner[] {
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const byName = (a: Owner, b: Owner) => a.name.localeCompare(b.name);
  return [
    ...contacts.map((c) => ({ id: c.id, name: c.name, group: 'contact' as const, sub: orgName.get(c.organisation) ?? '' })).sort(byName),
    ...organisations
      .filter((o) => !o.deleted)
      .map((o) => ({ id: o.id, name: o.name, group: 'organisation' as const, sub: '' }))
      .sort(byName),
  ];
}

/** People to choose from, the meeting's invited persons first (in the given order of `people`). */
export function invitedFirst<T extends { id: string }>(people: T[], invited: string[]): { invited: T[]; others: T[] } {
  const set = new Set(invited);
  return { invited: people.filter((p) => set.has(p.id)), others: people.filter((p) => !set.has(p.id)) };
}

/** Plan actions to link an agenda item to, per pillar ("2. Samenwerking"). */
export type PlanActionGroup = { label: string; actions: { id: string; title: string }[] };

/** The online link when it is a web address (http or https); otherwise null and it is shown as plain text. */
export function webLink(link: string): string | null {
  const text = link.trim();
  return /^https?:\/\/[^\s]+$/i.test(text) ? text : null;
}

/**
 * The date to suggest for the meeting after one on `previous`: four weeks
 * later, as coalitions meet in a rhythm; when that has passed, the first
 * date in the same rhythm (same weekday) from `today` on. Without a
 * previous date, four weeks from today. Dates are "YYYY-MM-DD".
 */
export function suggestNextDate(previous: string | null, today: string): string {
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const step = 28 * 24 * 60 * 60 * 1000;
  const now = day(today).getTime();
  let next = (previous ? day(previous).getTime() : now) + step;
  if (next < now) next += Math.ceil((now - next) / step) * step;
  return iso(new Date(next));
}
