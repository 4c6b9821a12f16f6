// Files for partners: which formats each export has, how they are named in
// the format choice and the save dialog, and the request the core gets.
import type { ExportFormat, ExportRequest, Meeting } from './bindings';
import { splitMeetings } from './meetings';
import { withExtension } from './network';

export type ExportKind = ExportRequest['kind'];

/** The formats each export can be made in, the most used first. */
export const EXPORT_FORMATS: Record<ExportKind, ExportFormat[]> = {
  plan: ['docx', 'odt', 'pdf', 'xlsx', 'csv'],
  minutes: ['docx', 'odt', 'pdf'],
  action_items: ['xlsx', 'pdf', 'docx', 'odt', 'csv'],
  report: ['docx', 'odt', 'pdf'],
  grant: ['docx', 'pdf', 'odt', 'xlsx', 'csv'],
  werkagenda: ['docx', 'odt', 'pdf'],
  archive: ['zip'],
  network: ['xlsx'],
};

/** The same in both languages: the names the programs go by. */
export const FORMAT_LABELS: Record<ExportFormat, string> = {
  docx: 'Word (.docx)',
  odt: 'OpenDocument (.odt)',
  pdf: 'PDF',
  xlsx: 'Excel (.xlsx)',
  csv: 'CSV (;)',
  zip: 'Archief (.zip)',
};

/** What the save dialog lists as the file type. */
const FILTER_NAMES: Record<ExportFormat, string> = {
  docx: 'Word',
  odt: 'OpenDocument',
  pdf: 'PDF',
  xlsx: 'Excel',
  csv: 'CSV',
  zip: 'Zip',
};

/**
 * The formats offered for an export: `wanted` (in its order) as far as the
 * kind has them, or all of the kind's formats.
 */
export function allowedFormats(kind: ExportKind, wanted?: readonly ExportFormat[]): ExportFormat[] {
  const all = EXPORT_FORMATS[kind];
  const chosen = wanted ? wanted.filter((f, i) => all.includes(f) && wanted.indexOf(f) === i) : [];
  return chosen.length ? chosen : [...all];
}

/** The save dialog's filter: only files of the chosen format. */
export function fileFilter(format: ExportFormat): { name: string; extensions: string[] } {
  return { name: FILTER_NAMES[format], extensions: [format] };
}

/** The path chosen in the save dialog, with the format's extension when it was typed without. */
export function exportPath(chosen: string, format: ExportFormat): string {
  return withExtension(chosen, format);
}

/** The request as sent: minutes carry the choice about confidential agenda items. */
export function withOptions(request: ExportRequest, confidential: boolean): ExportRequest {
  return request.kind === 'minutes' ? { ...request, confidential } : request;
}

/**
 * Meetings to choose minutes from, most recent first and coming ones after,
 * and the one chosen at first: the latest that has been held.
 */
export function minutesChoices(meetings: Meeting[], today: string): { meetings: Meeting[]; first: string | null } {
  const { upcoming, past } = splitMeetings(meetings, today);
  const list = [...past, ...upcoming];
  return { meetings: list, first: list[0]?.id ?? null };
}

/** The progress report's default period: the last full calendar year, the
 * year a funder asks about (`today` as `2026-11-23`). */
export function reportPeriod(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4)) - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
