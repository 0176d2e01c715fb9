import {
  addCalendarMonths,
  addDays,
  amsterdamDateOf,
  compareLocalDates,
  daysInMonth,
  localDateFromParts,
  localDateParts,
  type LocalDate,
} from '../calendar/local-date.ts';

/**
 * How long a dossier is kept after it ended. Five years is the civil limitation period
 * (art. 3:310 BW) that KiFiD also applies; an organisation may choose otherwise within bounds.
 */
export const DEFAULT_RETENTION_YEARS = 5;
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;

/**
 * How long a cancellation request that was never linked to a complaint is kept after it was handled
 * (processed or withdrawn). It is no complaint: nobody can take it to KiFiD and it holds no
 * judgment, so the five years of a dossier do not apply. What may still come is a question or a
 * dispute about whether and when a policy ended, which surfaces with the next premium notice or
 * renewal, well within two years; the policy's own records (the insurer's, not ours) carry the rest.
 * Two years keeps the confirmation for that and no longer (AVG art. 5(1)(e), storage limitation).
 * A request that does become part of a complaint is linked and follows that dossier's term.
 */
export const DEFAULT_CANCELLATION_RETENTION_YEARS = 2;

/** The states in which a cancellation request is handled; only then does its retention term run. */
export const HANDLED_CANCELLATION_STATUSES = ['processed', 'withdrawn'] as const;

/** The states in which a complaint's procedure is over; only then does the retention term run. */
export const ENDED_STATUSES = ['closed', 'withdrawn', 'reclassified'] as const;
export type EndedStatus = (typeof ENDED_STATUSES)[number];

export function isEndedStatus(status: string): status is EndedStatus {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

export interface RetentionFacts {
  status: string;
  /** The latest of closed_at, withdrawn_at and reclassified_at. */
  endedAt: Date | null;
  anonymisedAt: Date | null;
  activeHolds: number;
}

export interface RetentionTerm {
  /** The Amsterdam date the dossier ended. */
  endedOn: LocalDate;
  /** The last day the dossier is kept whole: the same date `years` later (28 February for 29 February). */
  keptUntil: LocalDate;
  /** The first day it may be anonymised. */
  anonymiseFrom: LocalDate;
}

export function retentionTerm(endedAt: Date, years: number): RetentionTerm {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS) {
    throw new RangeError(
      `retention years must be an integer from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}`,
    );
  }
  const endedOn = amsterdamDateOf(endedAt);
  const keptUntil = addCalendarMonths(endedOn, years * 12);
  return { endedOn, keptUntil, anonymiseFrom: addDays(keptUntil, 1) };
}

export type RetentionState =
  | { kind: 'open' }
  | { kind: 'anonymised' }
  | { kind: 'kept'; term: RetentionTerm }
  | { kind: 'held'; term: RetentionTerm }
  | { kind: 'due'; term: RetentionTerm };

/** Where a dossier stands on `today`: a legal hold suspends the term for as long as it lasts. */
export function retentionState(facts: RetentionFacts, years: number, today: LocalDate): RetentionState {
  if (facts.anonymisedAt !== null) return { kind: 'anonymised' };
  if (!isEndedStatus(facts.status) || facts.endedAt === null) return { kind: 'open' };
  const term = retentionTerm(facts.endedAt, years);
  if (compareLocalDates(today, term.anonymiseFrom) < 0) return { kind: 'kept', term };
  return facts.activeHolds > 0 ? { kind: 'held', term } : { kind: 'due', term };
}

/**
 * Where an unlinked cancellation request stands on `today`: the same rule as a dossier's, with the
 * moment it was handled as its end. A linked request is not judged here: it follows its complaint.
 */
export function cancellationRetentionState(
  facts: { status: string; handledAt: Date | null; anonymisedAt: Date | null; activeHolds: number },
  years: number,
  today: LocalDate,
): RetentionState {
  const handled = (HANDLED_CANCELLATION_STATUSES as readonly string[]).includes(facts.status);
  return retentionState(
    {
      // Mapped onto the dossier rule's own words: handled counts as ended.
      status: handled ? 'closed' : 'open',
      endedAt: facts.handledAt,
      anonymisedAt: facts.anonymisedAt,
      activeHolds: facts.activeHolds,
    },
    years,
    today,
  );
}

export interface MonthWindow {
  first: LocalDate;
  last: LocalDate;
}

export function monthOf(date: LocalDate): MonthWindow {
  const { year, month } = localDateParts(date);
  return {
    first: localDateFromParts(year, month, 1),
    last: localDateFromParts(year, month, daysInMonth(year, month)),
  };
}

/**
 * The preview's question: will the run anonymise this dossier by the end of `month`? Dossiers
 * already due are included (the run has not reached them yet), and held ones too, marked, because
 * the coordinator must see what the hold is keeping back.
 */
export function dueWithin(
  facts: RetentionFacts,
  years: number,
  month: MonthWindow,
): Extract<RetentionState, { kind: 'due' | 'held' }> | null {
  const state = retentionState(facts, years, month.last);
  return state.kind === 'due' || state.kind === 'held' ? state : null;
}

/**
 * A date before whose start every dossier that can fall due by `last` ended: a cheap database
 * filter ahead of the exact rule above. Generous by a day or two (month ends, 29 February).
 */
export function endedBeforeBound(last: LocalDate, years: number): LocalDate {
  return addDays(addCalendarMonths(last, -years * 12), 2);
}
