import { describe, expect, it } from 'vitest';
import type { Gathering } from './bindings';
import { badTurnout, badYear, countOf, turnoutInput, turnoutRows, turnoutTotals, yearPeriod, yearsSince } from './participation';

describe('years', () => {
  it('lists the years up to this one, the latest first', () => {
    expect(yearsSince(2023, new Date(2026, 10, 30))).toEqual([2026, 2025, 2024, 2023]);
    expect(yearsSince(2027, new Date(2026, 0, 1))).toEqual([]);
  });

  it('makes a calendar year a period, and nothing every year', () => {
    expect(yearPeriod('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(yearPeriod('')).toEqual({});
  });
});

describe('turnout', () => {
  const gathering = {
    turnout: [{ organisation: 'o1', name: 'GGD', domain: 'publieke gezondheid', registered: 12, attended: 10, welcomed: true }],
  } as unknown as Gathering;

  it('edits the saved numbers as text and sends them back as typed', () => {
    const rows = turnoutRows(gathering);
    expect(rows).toEqual([{ organisation: 'o1', name: 'GGD', registered: '12', attended: '10', welcomed: true }]);
    rows[0].attended = '11';
    expect(turnoutInput(rows)).toEqual([{ organisation: 'o1', registered: '12', attended: '11', welcomed: true }]);
    expect(turnoutRows(null)).toEqual([]);
  });

  const row = (name: string, registered: string, attended: string) => ({ organisation: name, name, registered, attended, welcomed: false });

  it('reads counts the Dutch way: a thousands dot, empty for none, nothing else', () => {
    expect([countOf('1.200'), countOf(' 35 '), countOf(''), countOf('-2'), countOf('3,5'), countOf('veel')]).toEqual([1200, 35, 0, null, null, null]);
  });

  it('adds up what is typed and skips what is no count', () => {
    expect(turnoutTotals([row('a', '1.200', '3'), row('b', 'x', '-2'), row('c', '', '4')])).toEqual({ registered: 1200, attended: 7 });
  });

  it('names the first organisation whose numbers are no counts', () => {
    expect(badTurnout([row('GGD', '4', '3'), row('Wijkteam', '5', 'veel'), row('VSV', 'x', '1')])).toBe('Wijkteam');
    expect(badTurnout([row('GGD', '4', '')])).toBeNull();
  });

  it('sends an empty count as none', () => {
    expect(turnoutInput([row('GGD', '', ' 7 ')])).toEqual([{ organisation: 'GGD', registered: '0', attended: '7', welcomed: false }]);
  });
});

describe('years of a group', () => {
  const y = (year: string, members: string, sessions = '') => ({ year, members, sessions });
  it('takes years with counts, and names the first that is not', () => {
    expect(badYear([y('2025', '9', '4'), y('2026', '')])).toBeNull();
    expect(badYear([y('2025', '9'), y('vorig jaar', '3')])).toBe('vorig jaar');
    expect(badYear([y('2025', '9'), y('2026', 'tien')])).toBe('2026');
    expect(badYear([y('2025', '9'), y('2025', '3')])).toBe('2025');
    expect(badYear([y('', '3')])).toBe('?');
  });
});
