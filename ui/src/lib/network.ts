// Small rules the network views share: how a relation's strength and period
// read, which end of a relation is "the other", dates for forms and filters,
// and file names for what the user saves.
import type { Organisation, Relation } from './bindings';
import { formatDate } from './format';
import { translate, type Lang } from './i18n';

/** Strength 1–5 as filled and open dots: 3 → "●●●○○". */
export function strengthDots(strength: number): string {
  const filled = Math.min(5, Math.max(1, Math.round(strength)));
  return '●'.repeat(filled) + '○'.repeat(5 - filled);
}

/** "1 maart 2022 – 5 mei 2024", "sinds 1 maart 2022", "tot 5 mei 2024" or "". */
export function relationPeriod(relation: Pick<Relation, 'start_date' | 'end_date'>, lang: Lang = 'nl'): string {
  const start = relation.start_date ? formatDate(relation.start_date, lang) : '';
  const end = relation.end_date ? formatDate(relation.end_date, lang) : '';
  if (start && end) return `${start} – ${end}`;
  if (start) return translate(lang, 'relation.since', { date: start });
  if (end) return translate(lang, 'relation.until', { date: end });
  return '';
}

/** The organisation at the other end of a relation, and whether it points away from `organisation`. */
export function otherEnd(relation: Pick<Relation, 'from_org' | 'to_org'>, organisation: string) {
  const outgoing = relation.from_org === organisation;
  return { other: outgoing ? relation.to_org : relation.from_org, outgoing };
}

/** A calendar day as the core reads it ("2026-11-30"), on this laptop's clock. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The same day a year earlier; 29 February becomes 28 February. */
export function yearBefore(date: Date): string {
  const day = Math.min(date.getDate(), new Date(date.getFullYear() - 1, date.getMonth() + 1, 0).getDate());
  return isoDate(new Date(date.getFullYear() - 1, date.getMonth(), day));
}

/** "inzage-anna-de-vries.json": the person's name, safe as a file name on any system. */
export function inzageFileName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `inzage-${slug || 'contactpersoon'}.json`;
}

/** `path` ending in `.ext` (any case); a path typed without it gets it added. */
export function withExtension(path: string, ext: string): string {
  return path.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? path : `${path}.${ext}`;
}

/** The last part of a path, for a message ("kaart.png"). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Organisations in Dutch alphabetical order, ignoring case. */
export function sortedByName<T extends Pick<Organisation, 'name'>>(organisations: T[]): T[] {
  return [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }));
}
