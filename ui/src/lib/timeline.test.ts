import { describe, expect, it } from 'vitest';
import { makeScale, quarterMiddle, shorten, timelineSpan, wrapLines, yearPosition, yearPositionAfter } from './timeline';

describe('timeline positions', () => {
  it('puts the first day of a quarter on the quarter line', () => {
    expect(yearPosition('2025-01-01')).toBe(2025);
    expect(yearPosition('2025-04-01')).toBeCloseTo(2025.25);
    expect(yearPosition('2025-07-01')).toBeCloseTo(2025.5);
    expect(yearPosition('2025-10-01')).toBeCloseTo(2025.75);
  });

  it('ends a bar after its last day, at the next quarter for a quarter end', () => {
    expect(yearPositionAfter('2025-03-31')).toBeCloseTo(2025.25);
    expect(yearPositionAfter('2025-12-31')).toBeCloseTo(2026);
    expect(yearPositionAfter('2024-02-29')).toBeCloseTo(2024 + 2 / 12);
  });

  it('ignores what is not a date or quarter', () => {
    expect(yearPosition('')).toBeNull();
    expect(quarterMiddle('ooit')).toBeNull();
  });

  it('marks a milestone in the middle of its quarter', () => {
    expect(quarterMiddle('2025-K1')).toBeCloseTo(2025.125);
    expect(quarterMiddle('2026-K4')).toBeCloseTo(2026.875);
  });
});

describe('timeline span and scale', () => {
  it('covers the plan period and anything outside it', () => {
    expect(timelineSpan({ start: 2024, end: 2027 }, ['2025-03-01'], [])).toEqual({ startYear: 2024, endYear: 2027 });
    expect(timelineSpan({ start: 2024, end: 2027 }, ['2023-11-01', '2028-01-05'], ['2029-K1'])).toEqual({
      startYear: 2023,
      endYear: 2029,
    });
  });

  it('falls back to this year when there is nothing to show', () => {
    expect(timelineSpan({ start: null, end: null }, [], [], new Date(2026, 5, 1))).toEqual({
      startYear: 2026,
      endYear: 2026,
    });
  });

  it('lays out four years with sixteen equal quarters', () => {
    const scale = makeScale({ startYear: 2024, endYear: 2027 }, 200, 240);
    expect(scale.width).toBe(960);
    expect(scale.years).toEqual([2024, 2025, 2026, 2027]);
    expect(scale.quarters).toHaveLength(16);
    expect(scale.quarters[0]).toEqual({ year: 2024, quarter: 1, x: 200 });
    expect(scale.quarters[5]).toEqual({ year: 2025, quarter: 2, x: 200 + 240 + 60 });
    expect(scale.x(2028)).toBe(1160);
    expect(scale.contains(2027.99)).toBe(true);
    expect(scale.contains(2028)).toBe(false);
    expect(scale.contains(2023.9)).toBe(false);
  });
});

describe('labels', () => {
  it('cuts long titles with an ellipsis', () => {
    expect(shorten('Korte titel', 20)).toBe('Korte titel');
    expect(shorten('Een heel lange titel van een actie', 12)).toBe('Een heel la…');
    expect(shorten('Een heel lange titel', 12)).toHaveLength(12);
  });
});

describe('labels in lines', () => {
  it('breaks between words and shortens only what does not fit', () => {
    expect(wrapLines('1. Verbinding geboortezorgpartners met het sociale domein', 28)).toEqual([
      '1. Verbinding',
      'geboortezorgpartners met…',
    ]);
    expect(wrapLines('2. Nu Niet Zwanger', 28)).toEqual(['2. Nu Niet Zwanger']);
    expect(wrapLines('3. Gezonde leefstijl tijdens de eerste 1000 dagen', 28)).toEqual([
      '3. Gezonde leefstijl tijdens',
      'de eerste 1000 dagen',
    ]);
    expect(wrapLines('3. Gezonde leefstijl tijdens de eerste 1000 dagen', 20, 3)).toEqual([
      '3. Gezonde leefstijl',
      'tijdens de eerste',
      '1000 dagen',
    ]);
  });
});
