import type { Clock } from '../api/types.ts';
import { daysBetween } from './dates.ts';

export type Light = 'red' | 'amber' | 'green' | 'none';

/** Days before the due date from which a clock turns amber. */
export const AMBER_DAYS = 3;

/**
 * The clock that asks something of us first, as the server's own `nextClockDue` picks it: not
 * informative, with a date, open or missed. On the same date the delay notice yields to the
 * decision clock it belongs to, so the queue names what actually has to happen.
 */
export function nearestClock(clocks: readonly Clock[]): Clock | null {
  const pending = clocks.filter(
    (c) => !c.informative && c.dueDate !== null && (c.state === 'open' || c.state === 'missed'),
  );
  pending.sort((a, b) => {
    const byDate = (a.dueDate ?? '').localeCompare(b.dueDate ?? '');
    if (byDate !== 0) return byDate;
    return Number(a.kind === 'delay_notice') - Number(b.kind === 'delay_notice');
  });
  return pending[0] ?? null;
}

export function lightOf(clock: Clock | null, today: string): Light {
  if (!clock || clock.dueDate === null) return 'none';
  if (clock.state === 'missed') return 'red';
  if (clock.state !== 'open') return 'none';
  const left = daysBetween(today, clock.dueDate);
  if (left <= 0) return 'red';
  if (left <= AMBER_DAYS) return 'amber';
  return 'green';
}

/** Clocks that still run or were missed, for counts on the overview. */
export function isOverdue(clock: Clock): boolean {
  return !clock.informative && clock.state === 'missed';
}
