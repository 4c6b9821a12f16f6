// Grants in the plan: their periods, and bars that compare money on one
// scale. (When a report to the funder is due, the core says.)

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
