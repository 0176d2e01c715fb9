import { compareLocalDates, isLocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { ActionRequest } from './actions.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { decisionTarget } from './decision-target.ts';
import { refusals, type Refusal } from './refusals.ts';

/**
 * A delay notice goes out before the current target has passed (it runs to the end of its day in
 * Amsterdam), with a reason and a new date after that target. Without a request only the timing is
 * checked, so the list of possible steps can already say it is too late.
 */
export function delayNoticeRefusals(
  snapshot: ComplaintSnapshot,
  calendar: WorkingDayCalendar,
  now: Date,
  request?: ActionRequest,
): Refusal[] {
  const target = decisionTarget(snapshot, calendar);
  const found: Refusal[] = [];
  if (now > target.currentEndsAt) found.push(refusals.delayNoticeTooLate(target.current));
  if (request?.action !== 'send_delay_notice') return found;
  if (request.reason.trim() === '') found.push(refusals.delayNoticeReasonMissing());
  if (!isLocalDate(request.newDate) || compareLocalDates(request.newDate, target.current) <= 0) {
    found.push(refusals.delayNoticeDateInvalid(target.current));
  }
  return found;
}
