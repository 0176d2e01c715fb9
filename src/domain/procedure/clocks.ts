import {
  computeDeadlines,
  computeHearingReactionDue,
  computeKifidWindowEnd,
  type Deadline,
} from '../calendar/deadlines.ts';
import {
  addDays,
  amsterdamDateOf,
  endOfAmsterdamDay,
  yearOf,
  type LocalDate,
} from '../calendar/local-date.ts';
import type { SkippedDay } from '../calendar/terms.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { ComplaintSnapshot, HearingSnapshot } from './complaint-snapshot.ts';
import { renderClockExplanation, type ClockExplanation } from './clock-explanation.ts';
import { decisionTarget, type DecisionTarget } from './decision-target.ts';

export const CLOCK_KINDS = [
  'acknowledgment',
  'missing_information',
  'decision',
  'delay_notice',
  'hearing_reaction',
  'insurer_notification',
  'kifid_no_position',
  'kifid_window',
] as const;

export type ClockKind = (typeof CLOCK_KINDS)[number];

/**
 * `elapsed` is for the two informative KiFiD clocks only: their end is not ours to meet, so
 * passing it is neither met nor missed; it tells staff what the complainant may now do.
 */
export const CLOCK_STATES = [
  'open',
  'met_on_time',
  'met_late',
  'missed',
  'not_applicable',
  'elapsed',
] as const;

export type ClockState = (typeof CLOCK_STATES)[number];

export type ClockMetBy =
  | 'acknowledgment'
  | 'information_request'
  | 'information_not_needed'
  | 'meeting'
  | 'decision_letter'
  | 'delay_notice'
  | 'hearing_statement'
  | 'insurer_notification'
  | 'insurer_consultation';

export interface ComplaintClock {
  readonly kind: ClockKind;
  /** The involved employee for a hearing clock; null for the others. */
  readonly subjectId: string | null;
  /** Shown for information; never warned about, never late. */
  readonly informative: boolean;
  /** The last day of the term; null when the clock has not started (and so does not apply). */
  readonly dueDate: LocalDate | null;
  /** 23:59:59.999 Amsterdam time on `dueDate`. */
  readonly dueAt: Date | null;
  /** Decision clock only: the procedure's own date, kept for reporting after a delay notice. */
  readonly originalDueDate: LocalDate | null;
  readonly state: ClockState;
  readonly metAt: Date | null;
  readonly metBy: ClockMetBy | null;
  /** How the date was found, in plain Dutch. */
  readonly explanation: string;
  /** The same as facts, to be told in another language (renderClockExplanation). */
  readonly explanationDetail: ClockExplanation;
  /** The date may still move: it depends on a year without a published decree (art. 3 lid 3). */
  readonly provisional: boolean;
}

function explained(detail: ClockExplanation): Pick<ComplaintClock, 'explanation' | 'explanationDetail'> {
  return { explanation: renderClockExplanation(detail, 'nl'), explanationDetail: detail };
}

function termExplanation(
  deadline: Deadline,
  note: 'kifid_no_position' | 'kifid_window' | null = null,
): ClockExplanation {
  return { kind: 'term', start: deadline.start, term: deadline.result, note };
}

interface Met {
  readonly at: Date;
  readonly by: ClockMetBy;
}

function earliest<T extends { readonly at: Date }>(candidates: ReadonlyArray<T | null>): T | null {
  let found: T | null = null;
  for (const candidate of candidates) {
    if (candidate !== null && (found === null || candidate.at < found.at)) found = candidate;
  }
  return found;
}

function earliestDate(dates: ReadonlyArray<Date | null>): Date | null {
  return earliest(dates.map((at) => (at === null ? null : { at })))?.at ?? null;
}

/**
 * A clock is met by its event, on time when that came before the end of the due day. A clock that
 * was made pointless (the complaint withdrawn, the hearing waived) before it ran out no longer
 * applies; one that had already run out stays missed.
 */
function stateOf(dueAt: Date, met: Met | null, endedAt: Date | null, now: Date): ClockState {
  if (met !== null) return met.at <= dueAt ? 'met_on_time' : 'met_late';
  if (endedAt !== null && endedAt <= dueAt) return 'not_applicable';
  return now > dueAt ? 'missed' : 'open';
}

function clockFromDeadline(
  kind: ClockKind,
  deadline: Deadline,
  met: Met | null,
  endedAt: Date | null,
  now: Date,
  subjectId: string | null = null,
): ComplaintClock {
  return {
    kind,
    subjectId,
    informative: false,
    dueDate: deadline.date,
    dueAt: deadline.endsAt,
    originalDueDate: null,
    state: stateOf(deadline.endsAt, met, endedAt, now),
    metAt: met?.at ?? null,
    metBy: met?.by ?? null,
    ...explained(termExplanation(deadline)),
    provisional: deadline.provisional,
  };
}

function notApplicable(kind: ClockKind, detail: ClockExplanation, informative: boolean): ComplaintClock {
  return {
    kind,
    subjectId: null,
    informative,
    dueDate: null,
    dueAt: null,
    originalDueDate: null,
    state: 'not_applicable',
    metAt: null,
    metBy: null,
    ...explained(detail),
    provisional: false,
  };
}

function decisionMet(snapshot: ComplaintSnapshot): Met | null {
  const decision = snapshot.decision;
  if (decision === null) return null;
  return { at: decision.communicatedAt, by: decision.mode === 'meeting' ? 'meeting' : 'decision_letter' };
}

function dayOf(instant: Date): LocalDate {
  return amsterdamDateOf(instant);
}

function decisionExplanation(target: DecisionTarget): ClockExplanation {
  return {
    kind: 'decision',
    term: target.original.result,
    moves: target.validNotices.map((notice) => ({ sentOn: dayOf(notice.sentAt), newDate: notice.newDate })),
    ignored: target.ignoredNotices.map(({ notice, reason }) => ({ sentOn: dayOf(notice.sentAt), reason })),
    current: target.current,
  };
}

function decisionClock(snapshot: ComplaintSnapshot, target: DecisionTarget, now: Date): ComplaintClock {
  const moved = target.validNotices.length > 0;
  return {
    kind: 'decision',
    subjectId: null,
    informative: false,
    dueDate: target.current,
    dueAt: target.currentEndsAt,
    originalDueDate: target.original.date,
    state: stateOf(target.currentEndsAt, decisionMet(snapshot), snapshot.withdrawnAt, now),
    metAt: snapshot.decision?.communicatedAt ?? null,
    metBy: decisionMet(snapshot)?.by ?? null,
    ...explained(decisionExplanation(target)),
    // A date from a delay notice was chosen by us, not counted, so a missing decree cannot move it.
    provisional: moved ? false : target.original.provisional,
  };
}

/**
 * R7's notice: only needed when the position will not be given by the current target, and then due
 * before that target ends. Met by the notice that moved the target the position was finally met by.
 */
function delayNoticeClock(snapshot: ComplaintSnapshot, target: DecisionTarget, now: Date): ComplaintClock {
  const decidedAt = snapshot.decision?.communicatedAt ?? null;
  const count = target.validNotices.length;
  const base = {
    kind: 'delay_notice' as const,
    subjectId: null,
    informative: false,
    originalDueDate: null,
    provisional: false,
  };
  const lastNotice = target.validNotices[count - 1];
  const replaced = target.replacedTargets[count - 1];
  if (decidedAt !== null && decidedAt <= target.currentEndsAt) {
    if (lastNotice === undefined || replaced === undefined) {
      return {
        ...base,
        dueDate: target.original.date,
        dueAt: target.original.endsAt,
        state: 'not_applicable',
        metAt: null,
        metBy: null,
        ...explained({ kind: 'delay_notice_not_needed', due: target.original.date }),
      };
    }
    return {
      ...base,
      dueDate: replaced,
      dueAt: endOfAmsterdamDay(replaced),
      state: 'met_on_time',
      metAt: lastNotice.sentAt,
      metBy: 'delay_notice',
      ...explained({
        kind: 'delay_notice_sent',
        sentOn: dayOf(lastNotice.sentAt),
        termEnd: replaced,
        newDate: lastNotice.newDate,
      }),
    };
  }
  const due = target.current;
  const dueAt = target.currentEndsAt;
  const late = target.ignoredNotices.find((i) => i.reason === 'too_late' && i.notice.sentAt > dueAt)?.notice;
  const passed = decidedAt !== null || now > dueAt;
  if (passed && late !== undefined) {
    return {
      ...base,
      dueDate: due,
      dueAt,
      state: 'met_late',
      metAt: late.sentAt,
      metBy: 'delay_notice',
      ...explained({ kind: 'delay_notice_condition', due, lateSentOn: dayOf(late.sentAt) }),
    };
  }
  const withdrawnInTime = snapshot.withdrawnAt !== null && snapshot.withdrawnAt <= dueAt;
  return {
    ...base,
    dueDate: due,
    dueAt,
    state: withdrawnInTime ? 'not_applicable' : passed ? 'missed' : 'open',
    metAt: null,
    metBy: null,
    ...explained({ kind: 'delay_notice_condition', due, lateSentOn: null }),
  };
}

function hearingClock(
  snapshot: ComplaintSnapshot,
  hearing: HearingSnapshot,
  requestedAt: Date,
  calendar: WorkingDayCalendar,
  now: Date,
): ComplaintClock {
  const deadline = computeHearingReactionDue(requestedAt, snapshot.procedure.terms, calendar);
  const met: Met | null =
    hearing.statementRecordedAt === null
      ? null
      : { at: hearing.statementRecordedAt, by: 'hearing_statement' };
  const endedAt = earliestDate([hearing.waivedAt, snapshot.withdrawnAt]);
  return clockFromDeadline('hearing_reaction', deadline, met, endedAt, now, hearing.employeeId);
}

/** "At once" (R5): the working day of the flag, or the next working day when it was set on a day off. */
function insurerNotificationClock(
  snapshot: ComplaintSnapshot,
  flaggedAt: Date,
  calendar: WorkingDayCalendar,
  now: Date,
): ComplaintClock {
  const flagDate = amsterdamDateOf(flaggedAt);
  const skipped: SkippedDay[] = [];
  const uncovered = new Set<number>();
  let due = flagDate;
  // A year has at most a handful of consecutive days off; the bound only guards against bad data.
  for (let i = 0; i < 366; i += 1) {
    if (!calendar.isYearCovered(yearOf(due))) uncovered.add(yearOf(due));
    const reason = calendar.nonWorkingReason(due);
    if (reason === null) break;
    skipped.push({ date: due, reason });
    due = addDays(due, 1);
  }
  const years = [...uncovered].toSorted((a, b) => a - b);
  const liability = snapshot.liability;
  const firstConsultation = earliest(liability.consultations.filter((c) => c.at >= flaggedAt));
  const met = earliest<Met>([
    liability.insurerNotifiedAt === null
      ? null
      : { at: liability.insurerNotifiedAt, by: 'insurer_notification' },
    firstConsultation === null ? null : { at: firstConsultation.at, by: 'insurer_consultation' },
  ]);
  const dueAt = endOfAmsterdamDay(due);
  return {
    kind: 'insurer_notification',
    subjectId: null,
    informative: false,
    dueDate: due,
    dueAt,
    originalDueDate: null,
    // Withdrawal does not end it: a claim can follow a withdrawn complaint just the same.
    state: stateOf(dueAt, met, null, now),
    metAt: met?.at ?? null,
    metBy: met?.by ?? null,
    ...explained({
      kind: 'insurer_notification',
      flaggedOn: flagDate,
      due,
      skipped,
      uncoveredYears: years,
    }),
    provisional: years.length > 0,
  };
}

function informativeClock(
  deadline: Deadline,
  note: 'kifid_no_position' | 'kifid_window',
  state: ClockState,
  kind: ClockKind,
): ComplaintClock {
  return {
    kind,
    subjectId: null,
    informative: true,
    dueDate: deadline.date,
    dueAt: deadline.endsAt,
    originalDueDate: null,
    state,
    metAt: null,
    metBy: null,
    ...explained(termExplanation(deadline, note)),
    provisional: deadline.provisional,
  };
}

/**
 * Every clock of a complaint at `now`, counted with the terms of the procedure version the
 * complaint started under. Pure: the deadline job and the complaint page call it alike.
 */
export function computeClocks(
  snapshot: ComplaintSnapshot,
  calendar: WorkingDayCalendar,
  now: Date,
): ComplaintClock[] {
  const terms = snapshot.procedure.terms;
  const deadlines = computeDeadlines(snapshot.receivedAt, terms, calendar);
  const target = decisionTarget(snapshot, calendar);
  const decidedAt = snapshot.decision?.communicatedAt ?? null;
  const clocks: ComplaintClock[] = [];

  const acknowledged: Met | null =
    snapshot.acknowledgmentSentAt === null
      ? null
      : { at: snapshot.acknowledgmentSentAt, by: 'acknowledgment' };
  clocks.push(
    clockFromDeadline(
      'acknowledgment',
      deadlines.details.acknowledgeBy,
      acknowledged,
      snapshot.withdrawnAt,
      now,
    ),
  );

  const firstRequest = earliest(snapshot.informationRequests.map((r) => ({ at: r.sentAt })));
  const informationMet = earliest<Met>([
    firstRequest === null ? null : { at: firstRequest.at, by: 'information_request' },
    snapshot.informationNotNeededAt === null
      ? null
      : { at: snapshot.informationNotNeededAt, by: 'information_not_needed' },
  ]);
  // A position given without asking for anything shows nothing was missing.
  const informationEnded = earliestDate([snapshot.withdrawnAt, decidedAt]);
  clocks.push(
    clockFromDeadline(
      'missing_information',
      deadlines.details.missingInformationBy,
      informationMet,
      informationEnded,
      now,
    ),
  );

  clocks.push(decisionClock(snapshot, target, now), delayNoticeClock(snapshot, target, now));

  const order = new Map(snapshot.involvedEmployeeIds.map((id, index) => [id, index]));
  const hearings = snapshot.hearings.toSorted(
    (a, b) => (order.get(a.employeeId) ?? Infinity) - (order.get(b.employeeId) ?? Infinity),
  );
  for (const hearing of hearings) {
    if (hearing.requestedAt !== null)
      clocks.push(hearingClock(snapshot, hearing, hearing.requestedAt, calendar, now));
  }

  const flaggedAt = snapshot.liability.flaggedAt;
  clocks.push(
    flaggedAt === null
      ? notApplicable('insurer_notification', { kind: 'insurer_not_flagged' }, false)
      : insurerNotificationClock(snapshot, flaggedAt, calendar, now),
  );

  const kifidPoint = deadlines.details.kifidNoPositionFrom;
  const pointEnded = earliestDate([decidedAt, snapshot.withdrawnAt]);
  const pointState: ClockState =
    pointEnded !== null && pointEnded <= kifidPoint.endsAt
      ? 'not_applicable'
      : now > kifidPoint.endsAt
        ? 'elapsed'
        : 'open';
  clocks.push(informativeClock(kifidPoint, 'kifid_no_position', pointState, 'kifid_no_position'));

  if (snapshot.decision === null) {
    clocks.push(notApplicable('kifid_window', { kind: 'kifid_window_not_started' }, true));
  } else {
    const windowEnd = computeKifidWindowEnd(snapshot.decision.communicatedAt, terms, calendar);
    clocks.push(
      informativeClock(
        windowEnd,
        'kifid_window',
        now > windowEnd.endsAt ? 'elapsed' : 'open',
        'kifid_window',
      ),
    );
  }
  return clocks;
}
