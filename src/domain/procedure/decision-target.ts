import { computeDeadline, type Deadline } from '../calendar/deadlines.ts';
import {
  amsterdamDateOf,
  compareLocalDates,
  endOfAmsterdamDay,
  isLocalDate,
  type LocalDate,
} from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { ComplaintSnapshot, DelayNoticeSnapshot } from './complaint-snapshot.ts';

export interface IgnoredDelayNotice {
  readonly notice: DelayNoticeSnapshot;
  /** `too_late`: sent after the target of its moment had ended; `not_later`: its date moved nothing. */
  readonly reason: 'too_late' | 'not_later';
}

export interface DecisionTarget {
  /** The term of the procedure (1 month after receipt by default); kept for reporting. */
  readonly original: Deadline;
  /** The date that counts now: the original, or the new date of the last valid delay notice. */
  readonly current: LocalDate;
  /** End of the current date in Amsterdam: the target runs until then. */
  readonly currentEndsAt: Date;
  /** Notices sent before the target of their moment ended, with a later date: they moved the target. */
  readonly validNotices: readonly DelayNoticeSnapshot[];
  /** The target each valid notice replaced, in the same order as `validNotices`. */
  readonly replacedTargets: readonly LocalDate[];
  /** Notices that came too late or named no later date; on record, but they move nothing. */
  readonly ignoredNotices: readonly IgnoredDelayNotice[];
}

/**
 * R7: the position is due one month after receipt; a delay notice sent before that runs out, with a
 * reason and a new date, makes the new date the target. Notices are replayed in the order sent, so
 * data from before these rules (or from an import) cannot move a target that had already passed.
 */
export function decisionTarget(snapshot: ComplaintSnapshot, calendar: WorkingDayCalendar): DecisionTarget {
  const original = computeDeadline(
    amsterdamDateOf(snapshot.receivedAt),
    snapshot.procedure.terms.decision,
    calendar,
  );
  let current = original.date;
  const validNotices: DelayNoticeSnapshot[] = [];
  const replacedTargets: LocalDate[] = [];
  const ignoredNotices: IgnoredDelayNotice[] = [];
  const inOrder = snapshot.delayNotices.toSorted((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  for (const notice of inOrder) {
    const inTime = notice.sentAt <= endOfAmsterdamDay(current);
    const later = isLocalDate(notice.newDate) && compareLocalDates(notice.newDate, current) > 0;
    if (inTime && later) {
      validNotices.push(notice);
      replacedTargets.push(current);
      current = notice.newDate;
    } else {
      ignoredNotices.push({ notice, reason: inTime ? 'not_later' : 'too_late' });
    }
  }
  return {
    original,
    current,
    currentEndsAt: endOfAmsterdamDay(current),
    validNotices,
    replacedTargets,
    ignoredNotices,
  };
}
