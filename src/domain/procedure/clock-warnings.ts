import { addDays, startOfAmsterdamDay, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { ComplaintClock } from './clocks.ts';

export type ClockWarningKind = 'ends_within_one_working_day' | 'missed';

export interface ClockWarning {
  readonly kind: ClockWarningKind;
  readonly clock: ComplaintClock;
  /** From this moment the warning holds: the start of the working day before the due date, or the end of the due date. */
  readonly from: Date;
}

/** The working day before `date`. Weekends and holidays run a few days at most; the bound guards bad data. */
export function previousWorkingDay(calendar: WorkingDayCalendar, date: LocalDate): LocalDate {
  let day = addDays(date, -1);
  for (let i = 0; i < 366 && !calendar.isWorkingDay(day); i += 1) day = addDays(day, -1);
  return day;
}

/**
 * What the deadline job warns the coordinator and handler about: open clocks that end within one
 * working day (from the start of the working day before the due date), and clocks that have been
 * missed. With `lastRunAt`, only warnings that began after the previous run are returned, so a job
 * that runs every hour warns once. Informative clocks (KiFiD) are not ours to meet and never warn.
 */
export function clockWarnings(
  clocks: readonly ComplaintClock[],
  calendar: WorkingDayCalendar,
  now: Date,
  lastRunAt: Date | null = null,
): ClockWarning[] {
  const warnings: ClockWarning[] = [];
  for (const clock of clocks) {
    const { dueDate, dueAt } = clock;
    if (clock.informative || dueDate === null || dueAt === null) continue;
    if (clock.state === 'open') {
      const from = startOfAmsterdamDay(previousWorkingDay(calendar, dueDate));
      if (now >= from && now <= dueAt && (lastRunAt === null || lastRunAt < from)) {
        warnings.push({ kind: 'ends_within_one_working_day', clock, from });
      }
    } else if (clock.state === 'missed' && (lastRunAt === null || lastRunAt <= dueAt)) {
      warnings.push({ kind: 'missed', clock, from: dueAt });
    }
  }
  return warnings.toSorted((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * The first moment after `now` at which `clockWarnings` could answer differently for these clocks
 * without anything being done: a warning period starting or a clock running out. Null when no
 * such moment comes (every clock met, missed or informative). The deadline sweep skips a complaint
 * until then; every step recomputes the clocks and with them this moment.
 */
export function nextWarningChange(
  clocks: readonly ComplaintClock[],
  calendar: WorkingDayCalendar,
  now: Date,
): Date | null {
  let next: Date | null = null;
  for (const clock of clocks) {
    const { dueDate, dueAt } = clock;
    if (clock.informative || dueDate === null || dueAt === null) continue;
    const warningFrom = startOfAmsterdamDay(previousWorkingDay(calendar, dueDate));
    const missedFrom = new Date(dueAt.getTime() + 1);
    for (const moment of [warningFrom, missedFrom]) {
      if (moment > now && (next === null || moment < next)) next = moment;
    }
  }
  return next;
}
