// The time axis of the plan's timeline: which years it spans and where a
// date or quarter lands on it. Positions count in years from the axis start,
// with months of equal length so quarters have equal width.
import { parseQuarter } from './plan';

export type Span = { startYear: number; endYear: number };

/** "2025-05-16" as a fractional year (2025.37…); null for anything else. */
export function yearPosition(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year + (month - 1) / 12 + (day - 1) / days / 12;
}

/** The position just after a date: a bar for one day still has a width. */
export function yearPositionAfter(date: string): number | null {
  const start = yearPosition(date);
  if (start === null) return null;
  const [year, month] = date.split('-').map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return start + 1 / days / 12;
}

/** The middle of a quarter ("2025-K2") as a fractional year. */
export function quarterMiddle(text: string): number | null {
  const q = parseQuarter(text);
  return q ? q.year + (q.quarter - 1) / 4 + 1 / 8 : null;
}

/**
 * Whole years covering the plan's period and every date and quarter given,
 * so nothing falls off the axis; the current year when there is nothing.
 */
export function timelineSpan(
  period: { start: number | null; end: number | null },
  dates: string[],
  quarters: string[],
  today: Date = new Date(),
): Span {
  const years: number[] = [];
  if (period.start !== null) years.push(period.start);
  if (period.end !== null) years.push(period.end);
  for (const d of dates) {
    const p = yearPosition(d);
    if (p !== null) years.push(Math.floor(p));
  }
  for (const q of quarters) {
    const p = parseQuarter(q);
    if (p) years.push(p.year);
  }
  if (!years.length) years.push(today.getFullYear());
  return { startYear: Math.min(...years), endYear: Math.max(...years) };
}

/** Maps fractional years onto pixels: `left` is the axis start, `perYear` its scale. */
export function makeScale(span: Span, left: number, perYear: number) {
  const x = (year: number) => left + (year - span.startYear) * perYear;
  const years: number[] = [];
  for (let y = span.startYear; y <= span.endYear; y++) years.push(y);
  return {
    x,
    years,
    /** Every quarter on the axis: where it starts, and its label (K1…K4). */
    quarters: years.flatMap((year) => [1, 2, 3, 4].map((q) => ({ year, quarter: q, x: x(year + (q - 1) / 4) }))),
    width: (span.endYear - span.startYear + 1) * perYear,
    /** Whether a fractional year lies on the axis. */
    contains: (year: number) => year >= span.startYear && year < span.endYear + 1,
  };
}

/** A long title cut to fit a label column, with an ellipsis. */
/**
 * A label in at most `lines` lines of about `width` characters, broken
 * between words; only what still does not fit is shortened.
 */
export function wrapLines(text: string, width: number, lines = 2): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  // The last line ends with whole words and "…".
  const rest = out.slice(lines - 1).join(' ');
  const cut = rest.lastIndexOf(' ', width - 1);
  const last = cut > 0 ? `${rest.slice(0, cut)}…` : shorten(rest, width);
  return [...out.slice(0, lines - 1), last];
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}
