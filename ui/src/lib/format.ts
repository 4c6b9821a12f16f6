// Dates and money the Dutch way ("30 november 2026", "€ 130.680"), or the
// English way when the user chose English. Times are shown in Europe/Amsterdam.
import type { Lang } from './i18n';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
const ZONE = 'Europe/Amsterdam';

// Making a formatter costs far more than using one, and a table formats
// hundreds of cells: each kind is made once per language.
const made = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function once<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => F): F {
  let f = made.get(key) as F | undefined;
  if (!f) made.set(key, (f = make()));
  return f;
}

/** A date ("2026-11-30") or timestamp (RFC 3339) as "30 november 2026". */
export function formatDate(value: string | Date, lang: Lang = 'nl'): string {
  const date = typeof value === 'string' ? parseDate(value) : value;
  if (!date || Number.isNaN(date.getTime())) return '';
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return once(
    `date ${lang} ${dateOnly}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[lang], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        // A plain date has no time zone: show the day it names.
        timeZone: dateOnly ? 'UTC' : ZONE,
      }),
  ).format(date);
}

function parseDate(value: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Euro cents as "€ 130.680" (whole euros) or "€ 130.680,50". */
export function formatEuro(cents: number, lang: Lang = 'nl'): string {
  const whole = cents % 100 === 0;
  return once(
    `euro ${lang} ${whole}`,
    () =>
      new Intl.NumberFormat(LOCALES[lang], {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: whole ? 0 : 2,
        maximumFractionDigits: 2,
      }),
  ).format(cents / 100);
}

/**
 * Euro cents to the nearest euro, "€ 191.625": for charts and totals next
 * to round budgets, where a grant shared pro rata would show false cents.
 */
export function formatEuroRounded(cents: number, lang: Lang = 'nl'): string {
  return formatEuro(Math.round(cents / 100) * 100, lang);
}

export function formatNumber(n: number, lang: Lang = 'nl'): string {
  return once(`number ${lang}`, () => new Intl.NumberFormat(LOCALES[lang])).format(n);
}

/** Whole days from a date ("2022-03-01") to today, as the coalition counts them. */
export function daysSince(date: string, today: Date = new Date()): number {
  const start = parseDate(date);
  if (!start) return 0;
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.max(0, Math.floor((todayUtc - start.getTime()) / 86_400_000));
}

/** "5 minuten geleden", "gisteren": how long ago, in words. */
export function formatAgo(value: string, lang: Lang = 'nl', now: Date = new Date()): string {
  const then = new Date(value);
  if (Number.isNaN(then.getTime())) return '';
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const rtf = once(`ago ${lang}`, () => new Intl.RelativeTimeFormat(LOCALES[lang], { numeric: 'auto' }));
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDate(value, lang);
}

/** A timestamp as "30 november 2026 14:05" in Amsterdam time. */
export function formatDateTime(value: string, lang: Lang = 'nl'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return once(
    `datetime ${lang}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[lang], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: ZONE,
      }),
  ).format(date);
}

/** "2025-03" as the axis of a chart says it: "mrt 2025". */
export function formatMonth(month: string, lang: Lang = 'nl'): string {
  const [year, m] = month.split('-').map(Number);
  return once(`month ${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }))
    .format(new Date(Date.UTC(year, m - 1, 1)))
    .replace('.', '');
}

/**
 * Which of `count` points along a time axis get a label: the first and the
 * last, and between them evenly spread ones, at most `most` in all, so a
 * chart of three months and one of six years both read well.
 */
export function axisTicks(count: number, most = 6): number[] {
  if (count <= 0) return [];
  if (count <= most) return [...Array(count).keys()];
  const step = (count - 1) / (most - 1);
  return [...new Set([...Array(most).keys()].map((i) => Math.round(i * step)))];
}

/** Round steps for a count axis from 0 to at least `top`: 0, 5, 10 … */
export function countTicks(top: number): number[] {
  const rough = Math.max(1, top) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  // Counts are whole: 2.5 only as 25, 250 …, and never a step below 1.
  const factors = power >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = Math.max(1, factors.map((f) => f * power).find((s) => s >= rough) ?? rough);
  const ticks: number[] = [];
  for (let v = 0; v < Math.max(1, top) + step; v += step) ticks.push(v);
  return ticks;
}
