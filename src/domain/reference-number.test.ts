import { describe, expect, it } from 'vitest';
import { formatComplaintReference, parseComplaintReference } from './reference-number.ts';

describe('complaint references', () => {
  it.each([
    [2026, 1, 'KL-2026-0001'],
    [2026, 42, 'KL-2026-0042'],
    [2027, 9999, 'KL-2027-9999'],
    [2027, 12345, 'KL-2027-12345'],
  ])('formats %i/%i as %s and reads it back', (year, number, text) => {
    expect(formatComplaintReference(year, number)).toBe(text);
    expect(parseComplaintReference(text)).toEqual({ year, number });
  });
  it.each(['KL-26-0001', 'KL-2026-001', 'KL-2026-0000', 'XX-2026-0001', ''])('rejects %j', (text) => {
    expect(parseComplaintReference(text)).toBeUndefined();
  });
});
