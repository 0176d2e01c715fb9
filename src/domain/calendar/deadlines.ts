import {
  explainTerm,
  FINAL_POSITION_WORDING,
  HEARING_REQUEST_WORDING,
  RECEIPT_WORDING,
  type ExplainWording,
  type TermStart,
} from './explain.ts';
import { amsterdamDateOf, endOfAmsterdamDay, type LocalDate } from './local-date.ts';
import type { ProcedureTerms } from './procedure-terms.ts';
import { addTerm, type Term, type TermResult } from './terms.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

export interface Deadline {
  readonly date: LocalDate;
  /** 23:59:59.999 Amsterdam time on `date`: the whole last day belongs to the term. */
  readonly endsAt: Date;
  readonly provisional: boolean;
  /** Dutch; `start` and `result` hold the same facts for other languages. */
  readonly explanation: string;
  readonly start: TermStart;
  readonly result: TermResult;
}

export interface ComputeDeadlineOptions {
  readonly wording?: ExplainWording;
  /** False for informative points that are not ours to meet; see AddTermOptions. */
  readonly rollForward?: boolean;
}

export function computeDeadline(
  start: LocalDate,
  term: Term,
  calendar: WorkingDayCalendar,
  options: ComputeDeadlineOptions = {},
): Deadline {
  const rollForward = options.rollForward ?? true;
  const result = addTerm(calendar, start, term, { rollForward });
  const wording = options.wording ?? RECEIPT_WORDING;
  return {
    date: result.date,
    endsAt: endOfAmsterdamDay(result.date),
    provisional: result.provisional,
    explanation: explainTerm(result, wording),
    start: wording.start,
    result,
  };
}

export type ReceiptDeadlineKey =
  'acknowledgeBy' | 'missingInformationBy' | 'decisionBy' | 'kifidNoPositionFrom';

export interface ComputedDeadlines {
  /** The calendar date in Europe/Amsterdam of the moment of receipt: day 0 of every term. */
  readonly received: LocalDate;
  readonly acknowledgeBy: LocalDate;
  readonly missingInformationBy: LocalDate;
  readonly decisionBy: LocalDate;
  /**
   * The day KiFiD's period without a final position runs out (8 weeks after receipt by default),
   * not moved for weekends: it is KiFiD's rule, shown for information. KiFiD accepts the
   * complaint once this day has passed.
   */
  readonly kifidNoPositionFrom: LocalDate;
  /** True when any of these dates may still move because a year lacks a published decree. */
  readonly provisional: boolean;
  readonly uncoveredYears: readonly number[];
  readonly explanations: Readonly<Record<ReceiptDeadlineKey, string>>;
  readonly details: Readonly<Record<ReceiptDeadlineKey, Deadline>>;
}

export const KIFID_NO_POSITION_NOTE =
  'informatief: na deze dag kan de klager ook zonder ons standpunt naar KiFiD';

/** The deadlines that start at receipt (design §3 R2, R6, R7, R12). */
export function computeDeadlines(
  receivedAt: Date,
  terms: ProcedureTerms,
  calendar: WorkingDayCalendar,
): ComputedDeadlines {
  const received = amsterdamDateOf(receivedAt);
  const acknowledgeBy = computeDeadline(received, terms.acknowledgment, calendar);
  const missingInformationBy = computeDeadline(received, terms.missingInformation, calendar);
  const decisionBy = computeDeadline(received, terms.decision, calendar);
  const kifidPoint = computeDeadline(received, terms.kifidNoPosition, calendar, { rollForward: false });
  const kifidNoPositionFrom: Deadline = {
    ...kifidPoint,
    explanation: `${kifidPoint.explanation}; ${KIFID_NO_POSITION_NOTE}`,
  };
  const details = { acknowledgeBy, missingInformationBy, decisionBy, kifidNoPositionFrom };
  const all = Object.values(details);
  const uncoveredYears = [...new Set(all.flatMap((d) => d.result.uncoveredYears))].toSorted((a, b) => a - b);
  return {
    received,
    acknowledgeBy: acknowledgeBy.date,
    missingInformationBy: missingInformationBy.date,
    decisionBy: decisionBy.date,
    kifidNoPositionFrom: kifidNoPositionFrom.date,
    provisional: all.some((d) => d.provisional),
    uncoveredYears,
    explanations: {
      acknowledgeBy: acknowledgeBy.explanation,
      missingInformationBy: missingInformationBy.explanation,
      decisionBy: decisionBy.explanation,
      kifidNoPositionFrom: kifidNoPositionFrom.explanation,
    },
    details,
  };
}

/** When an involved employee's reaction is due (R4), counted from the moment they were asked. */
export function computeHearingReactionDue(
  requestedAt: Date,
  terms: ProcedureTerms,
  calendar: WorkingDayCalendar,
): Deadline {
  return computeDeadline(amsterdamDateOf(requestedAt), terms.hearingReaction, calendar, {
    wording: HEARING_REQUEST_WORDING,
  });
}

/** The last day the complainant can take the complaint to KiFiD after our final position (R8g). */
export function computeKifidWindowEnd(
  finalPositionAt: Date,
  terms: ProcedureTerms,
  calendar: WorkingDayCalendar,
): Deadline {
  return computeDeadline(amsterdamDateOf(finalPositionAt), terms.kifidWindow, calendar, {
    wording: FINAL_POSITION_WORDING,
  });
}
