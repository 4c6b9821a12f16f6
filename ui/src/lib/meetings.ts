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
