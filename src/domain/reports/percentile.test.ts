import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.ts';

describe('percentile (PERCENTILE.INC)', () => {
  it.each([
    { values: [7], p: 0.9, expected: 7 },
    { values: [3, 1, 2], p: 0.5, expected: 2 },
    { values: [1, 2, 3, 4], p: 0.5, expected: 2.5 },
    // h = 9 · 0.9 = 8.1 → 9 + 0.1 · (10 − 9)
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 0.9, expected: 9.1 },
    // h = 4 · 0.9 = 3.6 → 20 + 0.6 · (40 − 20)
    { values: [40, 5, 10, 20, 15], p: 0.9, expected: 32 },
    { values: [4, 8], p: 0, expected: 4 },
    { values: [4, 8], p: 1, expected: 8 },
  ])('$values at $p is $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('has no percentile of nothing', () => {
    expect(percentile([], 0.5)).toBeNull();
  });

  it('refuses a percentage outside 0..1', () => {
    expect(() => percentile([1], 90)).toThrow(RangeError);
  });
});
