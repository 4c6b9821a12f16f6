import { describe, expect, it } from 'vitest';
import { barLength, deadlineState, rangeText } from './funding';

const today = new Date(2026, 0, 15); // 15 January 2026, local time

describe('reporting deadlines', () => {
  it('marks a deadline that has passed', () => {
    expect(deadlineState('2026-01-14', today)).toBe('past');
    expect(deadlineState('2024-12-31', today)).toBe('past');
  });

  it('marks a deadline within sixty days, today and the sixtieth day included', () => {
    expect(deadlineState('2026-01-15', today)).toBe('soon');
    expect(deadlineState('2026-03-16', today)).toBe('soon');
    expect(deadlineState('2026-03-17', today)).toBe('later');
  });

  it('leaves grants without a deadline alone', () => {
    expect(deadlineState(null, today)).toBeNull();
    expect(deadlineState('', today)).toBeNull();
    expect(deadlineState('binnenkort', today)).toBeNull();
  });

  it('takes the warning period as given', () => {
    expect(deadlineState('2026-01-25', today, 7)).toBe('later');
    expect(deadlineState('2026-01-20', today, 7)).toBe('soon');
  });
});

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
