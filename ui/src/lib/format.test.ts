import { describe, expect, it } from 'vitest';
import { axisTicks, countTicks, daysSince, formatDate, formatEuro, formatEuroRounded, formatMonth, formatNumber } from './format';

// Intl may use a narrow no-break space between € and the amount.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('Dutch formats', () => {
  it('writes dates as 30 november 2026', () => {
    expect(formatDate('2026-11-30')).toBe('30 november 2026');
    expect(formatDate('2026-11-30', 'en')).toBe('30 November 2026');
  });

  it('shows timestamps on the Amsterdam calendar day', () => {
    // 23:30 UTC on 30 November is already 1 December in Amsterdam.
    expect(formatDate('2026-11-30T23:30:00.000Z')).toBe('1 december 2026');
  });

  it('returns nothing for something that is not a date', () => {
    expect(formatDate('geen datum')).toBe('');
  });

  it('writes euros with a dot for thousands and a comma for cents', () => {
    expect(plain(formatEuro(13_068_000))).toBe('€ 130.680');
    expect(plain(formatEuro(13_068_050))).toBe('€ 130.680,50');
    expect(plain(formatEuro(13_068_000, 'en'))).toBe('€130,680');
  });

  it('groups thousands with a dot', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
  });

  it('counts the days since the coalition started', () => {
    expect(daysSince('2026-11-01', new Date(2026, 10, 30))).toBe(29);
    expect(daysSince('2027-01-01', new Date(2026, 10, 30))).toBe(0);
  });
});

describe('chart axes', () => {
  it('names months the Dutch way', () => {
    expect(formatMonth('2025-03', 'nl')).toBe('mrt 2025');
    expect(formatMonth('2025-10', 'en')).toBe('Oct 2025');
  });

  it('labels the first and last point and evenly spread ones between', () => {
    expect(axisTicks(3)).toEqual([0, 1, 2]);
    expect(axisTicks(1)).toEqual([0]);
    expect(axisTicks(0)).toEqual([]);
    const ticks = axisTicks(73);
    expect(ticks).toHaveLength(6);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(72);
  });

  it('steps a count axis in round numbers up to the top', () => {
    expect(countTicks(97)).toEqual([0, 25, 50, 75, 100]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40]);
  });
});

describe('rounded euros', () => {
  it('drops the cents a pro-rata share brings, to the nearest euro', () => {
    expect(plain(formatEuroRounded(19_162_528))).toBe('€ 191.625');
    expect(plain(formatEuroRounded(19_162_550))).toBe('€ 191.626');
    expect(plain(formatEuroRounded(0))).toBe('€ 0');
  });
});
