import { describe, expect, it } from 'vitest';
import { barLength, rangeText } from './funding';

describe('money bars', () => {
  it('scales to the largest amount', () => {
    expect(barLength(50, 200, 400)).toBe(100);
    expect(barLength(200, 200, 400)).toBe(400);
  });

  it('draws nothing for nothing, and never past the end', () => {
    expect(barLength(0, 200, 400)).toBe(0);
    expect(barLength(10, 0, 400)).toBe(0);
    expect(barLength(-5, 200, 400)).toBe(0);
    expect(barLength(300, 200, 400)).toBe(400);
  });
});

describe('periods', () => {
  it('joins a start and an end', () => {
    expect(rangeText('1 januari 2025', '31 december 2026')).toBe('1 januari 2025 – 31 december 2026');
    expect(rangeText('1 januari 2025', '')).toBe('1 januari 2025 –');
    expect(rangeText('', '31 december 2026')).toBe('– 31 december 2026');
    expect(rangeText('', '')).toBe('');
  });
});
