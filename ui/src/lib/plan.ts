// Small helpers for the action plan: money as the core reads it, periods
// and quarters ("2025-K2") as coordinators write them.
import type { Plan } from './bindings';

/** Cents as the core sends them (an i64 arrives as a JSON number). */
export function centsOf(value: bigint | number): number {
  return Number(value);
}

/**
 * Cents as a Dutch amount for a text field ("12.500", "1.250,50"), which the
 * core parses back; always Dutch, whatever the UI language. Zero is empty.
 */
export function amountText(cents: bigint | number): string {
  const total = centsOf(cents);
  if (!total) return '';
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = abs % 100;
  return sign + whole + (rest ? `,${String(rest).padStart(2, '0')}` : '');
}

/** "2024–2027"; an open end as "2024–"; "" without years. */
export function periodText(plan: Pick<Plan, 'period_start' | 'period_end'>): string {
  const { period_start: start, period_end: end } = plan;
  if (start === null && end === null) return '';
  if (start === end) return String(start);
  return `${start ?? ''}–${end ?? ''}`;
}

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** "2025-K2" (as the core stores it) as year and quarter, or null. */
export function parseQuarter(text: string): Quarter | null {
  const match = /^(\d{4})-[KQ]([1-4])$/i.exec(text.trim());
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

/** The quarter a date ("2025-05-12") falls in, as "2025-K2". */
export function quarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${year}-K${Math.floor((month - 1) / 3) + 1}`;
}

export type Segment<S> = { status: S; count: number; x: number; width: number };

/** Counts as pieces of one bar of `width` pixels, left to right; empty pieces left out. */
export function stackSegments<S>(counts: { status: S; count: number }[], width: number): Segment<S>[] {
  const total = counts.reduce((n, c) => n + c.count, 0);
  if (!total) return [];
  let x = 0;
  const segments: Segment<S>[] = [];
  for (const c of counts) {
    if (!c.count) continue;
    const w = (c.count / total) * width;
    segments.push({ status: c.status, count: c.count, x, width: w });
    x += w;
  }
  return segments;
}
