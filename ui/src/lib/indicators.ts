// The indicator chart: years along x, values up y, one line per
// municipality. A value based on fewer than ten persons arrives as null and
// is never drawn, nor bridged by a line: the line breaks around it.
import type { IndicatorPoint, MunicipalitySeries } from './bindings';

export type Xy = { x: number; y: number };
export type Mark = Xy & { point: IndicatorPoint };

/** Every year from the first to the last value of any municipality, gaps included. */
export function seriesYears(series: MunicipalitySeries[]): number[] {
  const years = series.flatMap((s) => s.points.map((p) => p.year));
  if (!years.length) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A round top for the value axis (1, 2 or 5 times a power of ten) at or above `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** `count` + 1 evenly spaced values from 0 to `top`. */
export function axisTicks(top: number, count = 5): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** The points that can be drawn, with where they land: those with a value. */
export function drawnPoints(points: IndicatorPoint[], x: (year: number) => number, y: (value: number) => number): Mark[] {
  return points.flatMap((p) => (p.value === null ? [] : [{ x: x(p.year), y: y(p.value), point: p }]));
}

/**
 * Pieces of one municipality's line: a piece runs through consecutive years
 * with a value and stops at a suppressed value or a missing year.
 */
export function lineSegments(points: IndicatorPoint[], x: (year: number) => number, y: (value: number) => number): Xy[][] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const segments: Xy[][] = [];
  let current: Xy[] = [];
  let lastYear: number | null = null;
  for (const p of sorted) {
    if (p.value === null || (lastYear !== null && p.year !== lastYear + 1)) {
      if (current.length) segments.push(current);
      current = [];
    }
    if (p.value !== null) current.push({ x: x(p.year), y: y(p.value) });
    lastYear = p.year;
  }
  if (current.length) segments.push(current);
  return segments;
}

/** A piece of line as an SVG `points` attribute. */
export function pointsAttr(segment: Xy[]): string {
  return segment.map((p) => `${p.x},${p.y}`).join(' ');
}

/** The largest value that is drawn, or 0. */
export function largestValue(series: MunicipalitySeries[]): number {
  return Math.max(0, ...series.flatMap((s) => s.points.flatMap((p) => (p.value === null ? [] : [p.value]))));
}
