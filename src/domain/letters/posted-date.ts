import { formatDutchDate } from '../calendar/explain.ts';
import {
  amsterdamDateOf,
  compareLocalDates,
  startOfAmsterdamDay,
  type LocalDate,
} from '../calendar/local-date.ts';

export type PostedDateProblemCode = 'posted_date_in_future' | 'posted_date_before_issue';

export interface PostedDateProblem {
  readonly code: PostedDateProblemCode;
  /** Dutch, for the person who posted the letter. */
  readonly message: string;
}

/**
 * The day a printed letter went into the post: not after today (nobody posts tomorrow's letter
 * today) and not before the letter was issued (the PDF did not exist yet). Both in Amsterdam days.
 */
export function checkPostedDate(postedOn: LocalDate, issuedAt: Date, now: Date): PostedDateProblem | null {
  const today = amsterdamDateOf(now);
  if (compareLocalDates(postedOn, today) > 0) {
    return {
      code: 'posted_date_in_future',
      message: `De datum van verzending (${formatDutchDate(postedOn)}) ligt in de toekomst; vandaag is het ${formatDutchDate(today)}.`,
    };
  }
  const issuedOn = amsterdamDateOf(issuedAt);
  if (compareLocalDates(postedOn, issuedOn) < 0) {
    return {
      code: 'posted_date_before_issue',
      message: `De datum van verzending (${formatDutchDate(postedOn)}) ligt vóór de dag waarop de brief is opgemaakt (${formatDutchDate(issuedOn)}).`,
    };
  }
  return null;
}

/**
 * The moment the clocks count a posted letter as sent: the start of the day it was posted, but
 * never before the letter existed (posted the day it was issued keeps the moment of issue). Only
 * the day matters for a term, which runs to the end of its last day; the moment keeps the order of
 * the dossier's events sensible.
 */
export function postedSentAt(issuedAt: Date, postedOn: LocalDate): Date {
  const start = startOfAmsterdamDay(postedOn);
  return start > issuedAt ? start : issuedAt;
}
