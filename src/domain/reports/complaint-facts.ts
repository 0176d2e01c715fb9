import { amsterdamDateOf, daysBetween, type LocalDate } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { computeClocks, type ClockKind, type ClockState } from '../procedure/clocks.ts';
import type { ComplaintSnapshot, Outcome } from '../procedure/complaint-snapshot.ts';
import type { ComplaintStatus } from '../procedure/complaint-state.ts';

/** The promises of the procedure that the timeliness report measures (see docs/reports.md). */
export const TIMELINESS_CLOCKS = [
  'acknowledgment',
  'missingInformation',
  'decisionWithinTerm',
  'decisionByTarget',
  'delayNotice',
] as const;

export type TimelinessClock = (typeof TIMELINESS_CLOCKS)[number];

/** What a report may say about a complaint besides its procedure snapshot. */
export interface ComplaintDescriptor {
  readonly id: string;
  readonly reference: string;
  readonly channel: string;
  readonly product: string | null;
  readonly handlerName: string | null;
  readonly kifidOutcomeCode: string | null;
}

/** One complaint as the reports count it: grouping keys, the state of each clock, handling time. */
export interface ComplaintFacts {
  readonly id: string;
  readonly reference: string;
  readonly status: ComplaintStatus;
  readonly channel: string;
  readonly product: string | null;
  readonly category: string | null;
  readonly rootCause: string | null;
  readonly outcome: Outcome | null;
  readonly handlerId: string | null;
  readonly handlerName: string | null;
  /** Europe/Amsterdam date of receipt; every period and month in the reports is counted on it. */
  readonly receivedDate: LocalDate;
  /** `YYYY-MM` of the receipt date. */
  readonly month: string;
  readonly clocks: Readonly<Record<TimelinessClock, ClockState>>;
  /** Amsterdam date on which our position reached the complainant (meeting held or letter sent). */
  readonly decidedDate: LocalDate | null;
  /** Calendar days from the receipt date to the decided date; null while undecided. */
  readonly handlingDays: number | null;
  readonly kifid: { readonly outcomeCode: string | null } | null;
}

function stateOf(clocks: ReturnType<typeof computeClocks>, kind: ClockKind): ClockState {
  return clocks.find((c) => c.kind === kind)?.state ?? 'not_applicable';
}

/**
 * The clocks are the dossier's own (computeClocks at `now`), so a report can never disagree with
 * what the complaint page shows. "Decided within the term" is the decision clock counted as if no
 * delay notice had been sent: the same rule against the procedure's own date (1 month after receipt).
 */
export function complaintFacts(
  snapshot: ComplaintSnapshot,
  descriptor: ComplaintDescriptor,
  calendar: WorkingDayCalendar,
  now: Date,
): ComplaintFacts {
  const clocks = computeClocks(snapshot, calendar, now);
  const withoutNotices = computeClocks({ ...snapshot, delayNotices: [] }, calendar, now);
  const receivedDate = amsterdamDateOf(snapshot.receivedAt);
  const decidedDate = snapshot.decision ? amsterdamDateOf(snapshot.decision.communicatedAt) : null;
  return {
    id: descriptor.id,
    reference: descriptor.reference,
    status: snapshot.status,
    channel: descriptor.channel,
    product: descriptor.product,
    category: snapshot.category,
    rootCause: snapshot.rootCause,
    outcome: snapshot.outcome,
    handlerId: snapshot.handlerId,
    handlerName: descriptor.handlerName,
    receivedDate,
    month: receivedDate.slice(0, 7),
    clocks: {
      acknowledgment: stateOf(clocks, 'acknowledgment'),
      missingInformation: stateOf(clocks, 'missing_information'),
      decisionWithinTerm: stateOf(withoutNotices, 'decision'),
      decisionByTarget: stateOf(clocks, 'decision'),
      delayNotice: stateOf(clocks, 'delay_notice'),
    },
    decidedDate,
    handlingDays: decidedDate === null ? null : daysBetween(receivedDate, decidedDate),
    kifid: snapshot.kifidReferral ? { outcomeCode: descriptor.kifidOutcomeCode } : null,
  };
}
