import { describe, expect, it } from 'vitest';
import {
  fileName,
  inzageFileName,
  isoDate,
  otherEnd,
  relationPeriod,
  sortedByName,
  strengthDots,
  withExtension,
  yearBefore,
} from './network';

describe('relations in words', () => {
  it('shows strength as five dots, filled up to the strength', () => {
    expect(strengthDots(1)).toBe('●○○○○');
    expect(strengthDots(3)).toBe('●●●○○');
    expect(strengthDots(5)).toBe('●●●●●');
  });

  it('keeps the dots within 1 to 5', () => {
    expect(strengthDots(0)).toBe('●○○○○');
    expect(strengthDots(9)).toBe('●●●●●');
  });

  it('writes the period with Dutch dates, open ends in words', () => {
    expect(relationPeriod({ start_date: '2022-03-01', end_date: '2024-05-05' })).toBe('1 maart 2022 – 5 mei 2024');
    expect(relationPeriod({ start_date: '2022-03-01', end_date: null })).toBe('sinds 1 maart 2022');
    expect(relationPeriod({ start_date: null, end_date: '2024-05-05' })).toBe('tot 5 mei 2024');
    expect(relationPeriod({ start_date: null, end_date: null })).toBe('');
    expect(relationPeriod({ start_date: '2022-03-01', end_date: null }, 'en')).toBe('since 1 March 2022');
  });

  it('finds the other organisation and the direction', () => {
    const relation = { from_org: 'a', to_org: 'b' };
    expect(otherEnd(relation, 'a')).toEqual({ other: 'b', outgoing: true });
    expect(otherEnd(relation, 'b')).toEqual({ other: 'a', outgoing: false });
  });
});

describe('dates for forms and filters', () => {
  it('writes the local calendar day', () => {
    expect(isoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('goes back one year, 29 February landing on 28 February', () => {
    expect(yearBefore(new Date(2026, 10, 30))).toBe('2025-11-30');
    expect(yearBefore(new Date(2028, 1, 29))).toBe('2027-02-28');
    expect(yearBefore(new Date(2026, 0, 1))).toBe('2025-01-01');
  });
});

describe('file names', () => {
  it('names an inzage file after the person, without odd characters', () => {
    expect(inzageFileName('Anna de Vries')).toBe('inzage-anna-de-vries.json');
    expect(inzageFileName('Zoë van ’t Hek / JGZ')).toBe('inzage-zoe-van-t-hek-jgz.json');
    expect(inzageFileName('???')).toBe('inzage-contactpersoon.json');
  });

  it('adds the extension only when it is missing', () => {
    expect(withExtension('/tmp/kaart', 'png')).toBe('/tmp/kaart.png');
    expect(withExtension('/tmp/kaart.PNG', 'png')).toBe('/tmp/kaart.PNG');
    expect(withExtension('C:\\kaart.svg', 'svg')).toBe('C:\\kaart.svg');
  });

  it('takes the last part of a path', () => {
    expect(fileName('/home/jij/kaart.png')).toBe('kaart.png');
    expect(fileName('C:\\Users\\jij\\kaart.svg')).toBe('kaart.svg');
  });
});

describe('sorting organisations', () => {
  it('sorts by name the Dutch way, ignoring case, without changing the input', () => {
    const input = [{ name: 'Zorggroep' }, { name: 'ggd Limburg' }, { name: 'Ärzte' }, { name: 'Buurtzorg' }];
    expect(sortedByName(input).map((o) => o.name)).toEqual(['Ärzte', 'Buurtzorg', 'ggd Limburg', 'Zorggroep']);
    expect(input[0].name).toBe('Zorggroep');
  });
});
