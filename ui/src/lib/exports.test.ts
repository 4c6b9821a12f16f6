import { describe, expect, it } from 'vitest';
import type { ExportFormat, Meeting } from './bindings';
import { EXPORT_FORMATS, FORMAT_LABELS, allowedFormats, exportPath, fileFilter, minutesChoices, reportPeriod, withOptions } from './exports';

function meeting(id: string, date: string | null): Meeting {
  return {
    id,
    title: id,
    kind: 'stuurgroep',
    pillar: null,
    date,
    start_time: '',
    end_time: '',
    location: '',
    online_link: '',
    status: 'gepland',
    chair: null,
    minute_taker: null,
    created_at: '',
    updated_at: '',
  };
}

describe('export formats', () => {
  it('offers per kind the formats the core makes, the usual one first', () => {
    expect(EXPORT_FORMATS.plan).toEqual(['docx', 'odt', 'pdf', 'xlsx', 'csv']);
    expect(EXPORT_FORMATS.minutes).toEqual(['docx', 'odt', 'pdf']);
    expect(EXPORT_FORMATS.action_items).toEqual(['xlsx', 'pdf', 'docx', 'odt', 'csv']);
    expect(EXPORT_FORMATS.report).toEqual(['docx', 'odt', 'pdf']);
  });

  it('names every format as the programs are known', () => {
    expect(FORMAT_LABELS).toEqual({
      docx: 'Word (.docx)',
      odt: 'OpenDocument (.odt)',
      pdf: 'PDF',
      xlsx: 'Excel (.xlsx)',
      csv: 'CSV (;)',
      zip: 'Archief (.zip)',
    });
  });

  it('keeps only wanted formats the kind has, in the order asked, or else all of them', () => {
    expect(allowedFormats('minutes')).toEqual(['docx', 'odt', 'pdf']);
    expect(allowedFormats('minutes', ['pdf', 'xlsx', 'docx', 'pdf'])).toEqual(['pdf', 'docx']);
    expect(allowedFormats('minutes', ['csv'])).toEqual(['docx', 'odt', 'pdf']);
    expect(allowedFormats('action_items', [])).toEqual(EXPORT_FORMATS.action_items);
    // A copy: changing it leaves the table alone.
    allowedFormats('plan').pop();
    expect(EXPORT_FORMATS.plan).toHaveLength(5);
  });

  it('filters the save dialog on the chosen extension', () => {
    const all: ExportFormat[] = ['docx', 'odt', 'pdf', 'xlsx', 'csv'];
    for (const f of all) expect(fileFilter(f).extensions).toEqual([f]);
    expect(fileFilter('docx')).toEqual({ name: 'Word', extensions: ['docx'] });
    expect(fileFilter('csv').name).toBe('CSV');
  });

  it('adds the extension to a name typed without it', () => {
    expect(exportPath('/tmp/Actieplan 2024-2027', 'pdf')).toBe('/tmp/Actieplan 2024-2027.pdf');
    expect(exportPath('/tmp/Actieplan 2024-2027.PDF', 'pdf')).toBe('/tmp/Actieplan 2024-2027.PDF');
    expect(exportPath('C:\\Notulen 2026-11-30 Stuurgroep.odt', 'odt')).toBe('C:\\Notulen 2026-11-30 Stuurgroep.odt');
    expect(exportPath('/tmp/lijst.docx', 'xlsx')).toBe('/tmp/lijst.docx.xlsx');
  });
});

describe('export requests', () => {
  it('puts the confidential choice only on minutes', () => {
    expect(withOptions({ kind: 'minutes', meeting: 'm1', confidential: false }, true)).toEqual({
      kind: 'minutes',
      meeting: 'm1',
      confidential: true,
    });
    expect(withOptions({ kind: 'minutes', meeting: 'm1', confidential: true }, false)).toEqual({
      kind: 'minutes',
      meeting: 'm1',
      confidential: false,
    });
    expect(withOptions({ kind: 'plan' }, true)).toEqual({ kind: 'plan' });
    expect(withOptions({ kind: 'action_items' }, true)).toEqual({ kind: 'action_items' });
    expect(withOptions({ kind: 'report', from: '2025-01-01', to: '2025-12-31' }, true)).toEqual({
      kind: 'report',
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('lists meetings for minutes latest held first, coming ones after, and starts at the latest held', () => {
    const list = [meeting('next', '2026-12-10'), meeting('old', '2026-01-05'), meeting('undated', null), meeting('last', '2026-11-30')];
    const { meetings, first } = minutesChoices(list, '2026-12-01');
    expect(meetings.map((m) => m.id)).toEqual(['last', 'old', 'next', 'undated']);
    expect(first).toBe('last');
  });

  it('starts at the next meeting when none was held yet, and at nothing without meetings', () => {
    expect(minutesChoices([meeting('undated', null), meeting('next', '2026-12-10')], '2026-12-01').first).toBe('next');
    expect(minutesChoices([], '2026-12-01')).toEqual({ meetings: [], first: null });
  });
});

describe('reportPeriod', () => {
  it('is the last full calendar year', () => {
    expect(reportPeriod('2026-11-23')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(reportPeriod('2027-01-02')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
