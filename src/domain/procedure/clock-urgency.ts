import { compareLocalDates, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { previousWorkingDay } from './clock-warnings.ts';

/** The work queue's traffic light: on track (green), due within one working day (amber), missed (red). */
export type ClockUrgency = 'on_track' | 'due_soon' | 'missed' | 'none';

/**
 * How urgent a clock due on `due` is `today` (both Amsterdam dates). A clock runs until the end of
 * its due date, so it is missed only from the day after. "Within one working day" starts on the
 * working day before the due date, the same moment the deadline job warns (`clockWarnings`), so
 * the light and the warning agree — over a weekend a Monday deadline is already amber.
 */
export function clockUrgency(
  due: LocalDate | null,
  today: LocalDate,
  calendar: WorkingDayCalendar,
): ClockUrgency {
  if (due === null) return 'none';
  if (compareLocalDates(due, today) < 0) return 'missed';
  if (compareLocalDates(today, previousWorkingDay(calendar, due)) >= 0) return 'due_soon';
  return 'on_track';
}
