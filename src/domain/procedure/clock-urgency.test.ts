import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { parseLocalDate } from '../calendar/local-date.ts';
import { clockUrgency } from './clock-urgency.ts';

const calendar = createWorkingDayCalendar();

describe('the work queue light of a clock', () => {
  it.each([
    // Due Thursday 26 November 2026.
    { due: '2026-11-26', today: '2026-11-24', expected: 'on_track' },
    { due: '2026-11-26', today: '2026-11-25', expected: 'due_soon' },
    { due: '2026-11-26', today: '2026-11-26', expected: 'due_soon' },
    { due: '2026-11-26', today: '2026-11-27', expected: 'missed' },
    // Due Monday 30 November: amber from Friday 27 November, through the weekend.
    { due: '2026-11-30', today: '2026-11-26', expected: 'on_track' },
    { due: '2026-11-30', today: '2026-11-27', expected: 'due_soon' },
    { due: '2026-11-30', today: '2026-11-29', expected: 'due_soon' },
    // Due Tuesday 29 December 2026, after Christmas (Friday 25 and Saturday 26): amber from Thursday
    // 24 December would be wrong — the working day before is Monday 28 December.
    { due: '2026-12-29', today: '2026-12-24', expected: 'on_track' },
    { due: '2026-12-29', today: '2026-12-28', expected: 'due_soon' },
    // Due Tuesday 7 April 2026, after Easter Monday (6 April): amber from Friday 3 April? That is Good
    // Friday, so from Thursday 2 April.
    { due: '2026-04-07', today: '2026-04-01', expected: 'on_track' },
    { due: '2026-04-07', today: '2026-04-02', expected: 'due_soon' },
    { due: null, today: '2026-11-24', expected: 'none' },
  ])('due $due, today $today: $expected', ({ due, today, expected }) => {
    expect(clockUrgency(due === null ? null : parseLocalDate(due), parseLocalDate(today), calendar)).toBe(
      expected,
    );
  });
});
