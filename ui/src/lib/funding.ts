// Grants in the plan: when a report to the funder is due, and bars that
// compare money on one scale.

export type DeadlineState = 'past' | 'soon' | 'later';

/** How many days ahead a reporting deadline counts as near. */
export const DEADLINE_WARNING_DAYS = 60;

/**
 * Whether a reporting deadline ("2026-03-31") has passed, is near (within
 * `days` from today, today included) or is later; null without a date.
 */
export function deadlineState(
  date: string | null,
  today: Date = new Date(),
  days: number = DEADLINE_WARNING_DAYS,
): DeadlineState | null {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!match) return null;
  const due = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Today as the user's calendar has it, not as UTC has it.
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const ahead = Math.round((due - now) / 86_400_000);
  if (ahead < 0) return 'past';
  return ahead <= days ? 'soon' : 'later';
}

/** The length of a bar for `value` when `max` fills `width`; nothing below zero. */
export function barLength(value: number, max: number, width: number): number {
  if (max <= 0 || value <= 0) return 0;
  return (Math.min(value, max) / max) * width;
}

/** "1 januari 2025 – 31 december 2026" from two written dates; one side may be empty. */
export function rangeText(start: string, end: string): string {
  if (!start && !end) return '';
  if (start === end) return start;
  return `${start} – ${end}`.trim();
}
