import { createWorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import type { WorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import type { LocalDate } from '../domain/calendar/local-date.ts';
import { computeClocks, type ComplaintClock } from '../domain/procedure/clocks.ts';
import { clockWarnings, nextWarningChange } from '../domain/procedure/clock-warnings.ts';
import { decisionTarget } from '../domain/procedure/decision-target.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import type { Tx } from '../db/tenant.ts';
import { NotFoundError } from '../errors.ts';
import { findClosingDays, loadComplaintSnapshot } from './snapshot.repository.ts';

/** The organisation's working-day calendar: the legal days plus its own closing days. */
export async function loadCalendar(tx: Tx, organisationId: string): Promise<WorkingDayCalendar> {
  return createWorkingDayCalendar({ closingDays: await findClosingDays(tx, organisationId) });
}

/** Clocks that still ask something of us: open ones, and missed ones until they are met late. */
export function nextClockDue(clocks: readonly ComplaintClock[]): LocalDate | null {
  const pending = clocks
    .filter((c) => !c.informative && c.dueDate !== null && (c.state === 'open' || c.state === 'missed'))
    .map((c) => c.dueDate!)
    .toSorted();
  return pending[0] ?? null;
}

/** "No moment to come": a complaint whose clocks are all met, missed or informative. */
const NEVER = new Date('9999-12-31T00:00:00Z');

/**
 * Until when the sweep may leave the complaint alone. Warnings that hold now and that the caller
 * has not just handed out make it due at once; otherwise the next moment a warning can start or a
 * clock can run out.
 */
export function clocksQuietUntil(
  clocks: readonly ComplaintClock[],
  calendar: WorkingDayCalendar,
  now: Date,
  warningsNoticed: boolean,
): Date {
  if (!warningsNoticed && clockWarnings(clocks, calendar, now).length > 0) return now;
  return nextWarningChange(clocks, calendar, now) ?? NEVER;
}

/**
 * The pre-computed clock dates a complaint row carries, so the work queue can sort on the nearest
 * clock and the deadline sweep can find what is due without computing every dossier.
 * `warningsNoticed`: the caller (the sweep) hands out every warning that holds now, in this
 * transaction.
 */
export function clockColumns(
  snapshot: ComplaintSnapshot,
  calendar: WorkingDayCalendar,
  now: Date,
  options: { warningsNoticed?: boolean } = {},
) {
  const clocks = computeClocks(snapshot, calendar, now);
  const acknowledgment = clocks.find((c) => c.kind === 'acknowledgment');
  const target = decisionTarget(snapshot, calendar);
  const columns = {
    acknowledge_due: acknowledgment?.dueDate ?? null,
    decision_due: target.original.date,
    decision_target: target.current,
    next_clock_due: nextClockDue(clocks),
    clocks_provisional: clocks.some((c) => c.provisional && c.state === 'open'),
    clocks_quiet_until: clocksQuietUntil(clocks, calendar, now, options.warningsNoticed ?? false),
  };
  return { clocks, columns };
}

/** Writes the pre-computed clock dates (see clockColumns) onto the complaint row. */
export async function refreshClockColumns(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  snapshot: ComplaintSnapshot,
  calendar: WorkingDayCalendar,
  now: Date,
  options: { warningsNoticed?: boolean } = {},
): Promise<ComplaintClock[]> {
  const { clocks, columns } = clockColumns(snapshot, calendar, now, options);
  await tx
    .updateTable('complaints')
    .set(columns)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .execute();
  return clocks;
}

/** Loads the snapshot fresh (after a change) and refreshes the clock columns from it. */
export async function reloadAndRefreshClocks(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<{ snapshot: ComplaintSnapshot; clocks: ComplaintClock[] }> {
  const snapshot = await loadComplaintSnapshot(tx, organisationId, complaintId);
  if (!snapshot) throw new NotFoundError('De klacht');
  const clocks = await refreshClockColumns(tx, organisationId, complaintId, snapshot, calendar, now);
  return { snapshot, clocks };
}
