import { describe, expect, it } from 'vitest';
import { formatEuro } from './format';
import { amountText, centsOf, parseQuarter, periodText, quarterOf, stackSegments } from './plan';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money in the plan', () => {
  it('writes cents back as a Dutch amount the core can read', () => {
    expect(amountText(1_250_000)).toBe('12.500');
    expect(amountText(125_050)).toBe('1.250,50');
    expect(amountText(5)).toBe('0,05');
    expect(amountText(99_900)).toBe('999');
    expect(amountText(123_456_789_00)).toBe('123.456.789');
    expect(amountText(0)).toBe('');
  });

  it('shows a budget in cents as euros, not as cents', () => {
    expect(plain(formatEuro(centsOf(1_250_000)))).toBe('€ 12.500');
    expect(plain(formatEuro(centsOf(BigInt(125_050))))).toBe('€ 1.250,50');
  });
});

describe('periods and quarters', () => {
  it('writes a plan period as 2024–2027', () => {
    expect(periodText({ period_start: 2024, period_end: 2027 })).toBe('2024–2027');
    expect(periodText({ period_start: 2024, period_end: null })).toBe('2024–');
    expect(periodText({ period_start: 2025, period_end: 2025 })).toBe('2025');
    expect(periodText({ period_start: null, period_end: null })).toBe('');
  });

  it('reads quarters as the core writes them', () => {
    expect(parseQuarter('2025-K2')).toEqual({ year: 2025, quarter: 2 });
    expect(parseQuarter('2025-Q4')).toEqual({ year: 2025, quarter: 4 });
    expect(parseQuarter('2025-K5')).toBeNull();
    expect(parseQuarter('volgend jaar')).toBeNull();
  });

  it('finds the quarter of a date', () => {
    expect(quarterOf('2025-01-01')).toBe('2025-K1');
    expect(quarterOf('2025-03-31')).toBe('2025-K1');
    expect(quarterOf('2025-04-01')).toBe('2025-K2');
    expect(quarterOf('2025-12-31')).toBe('2025-K4');
  });
});

describe('stacked bars', () => {
  it('splits a bar by the counts, in order, without empty pieces', () => {
    const segments = stackSegments(
      [
        { status: 'idee', count: 1 },
        { status: 'gepland', count: 0 },
        { status: 'loopt', count: 3 },
      ],
      400,
    );
    expect(segments).toEqual([
      { status: 'idee', count: 1, x: 0, width: 100 },
      { status: 'loopt', count: 3, x: 100, width: 300 },
    ]);
  });

  it('draws nothing for a pillar without actions', () => {
    expect(stackSegments([{ status: 'idee', count: 0 }], 400)).toEqual([]);
  });
});
