import { describe, expect, it } from 'vitest';
import type { IndicatorPoint, MunicipalitySeries } from './bindings';
import { axisTicks, drawnPoints, largestValue, lineSegments, niceMax, pointsAttr, seriesYears } from './indicators';

const point = (year: number, value: number | null): IndicatorPoint => ({
  year,
  numerator: null,
  denominator: null,
  value,
  shown: value === null ? '< 10' : String(value),
});
const series = (name: string, points: IndicatorPoint[]): MunicipalitySeries => ({ municipality: name, name, points });
const x = (year: number) => (year - 2020) * 10;
const y = (value: number) => 100 - value;

describe('indicator lines', () => {
  it('runs one line through consecutive years', () => {
    expect(lineSegments([point(2021, 10), point(2022, 20), point(2023, 30)], x, y)).toEqual([
      [
        { x: 10, y: 90 },
        { x: 20, y: 80 },
        { x: 30, y: 70 },
      ],
    ]);
  });

  it('never draws a suppressed value and does not bridge it', () => {
    const segments = lineSegments([point(2021, 10), point(2022, null), point(2023, 30), point(2024, 40)], x, y);
    expect(segments).toEqual([[{ x: 10, y: 90 }], [{ x: 30, y: 70 }, { x: 40, y: 60 }]]);
    expect(segments.flat().some((p) => p.x === 20)).toBe(false);
  });

  it('breaks at a year without a value', () => {
    expect(lineSegments([point(2024, 5), point(2021, 10)], x, y)).toEqual([[{ x: 10, y: 90 }], [{ x: 40, y: 95 }]]);
  });

  it('draws nothing when every value is suppressed', () => {
    expect(lineSegments([point(2021, null), point(2022, null)], x, y)).toEqual([]);
    expect(drawnPoints([point(2021, null), point(2022, null)], x, y)).toEqual([]);
  });

  it('marks only the points with a value', () => {
    const marks = drawnPoints([point(2021, 10), point(2022, null), point(2023, 0)], x, y);
    expect(marks.map(({ x, y }) => ({ x, y }))).toEqual([
      { x: 10, y: 90 },
      { x: 30, y: 100 },
    ]);
    expect(marks.map((m) => m.point.shown)).toEqual(['10', '0']);
  });

  it('writes a piece of line for SVG', () => {
    expect(pointsAttr([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe('1,2 3,4');
  });
});

describe('indicator axes', () => {
  it('spans every year between the first and the last value', () => {
    const all = [series('Venlo', [point(2021, 1), point(2024, null)]), series('Beesel', [point(2019, 3)])];
    expect(seriesYears(all)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect(seriesYears([])).toEqual([]);
  });

  it('scales to the largest drawn value, ignoring suppressed ones', () => {
    const all = [series('Venlo', [point(2021, 42.3), point(2022, null)]), series('Beesel', [point(2021, 17)])];
    expect(largestValue(all)).toBe(42.3);
    expect(largestValue([series('Venlo', [point(2021, null)])])).toBe(0);
  });

  it('rounds the top of the value axis up', () => {
    expect(niceMax(42.3)).toBe(50);
    expect(niceMax(17)).toBe(20);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(101)).toBe(200);
    expect(niceMax(0.3)).toBe(0.5);
    expect(niceMax(0)).toBe(1);
    expect(axisTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
  });
});
