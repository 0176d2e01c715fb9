import type { ClockState } from '../procedure/clocks.ts';
import { TIMELINESS_CLOCKS, type ComplaintFacts, type TimelinessClock } from './complaint-facts.ts';
import { percentile } from './percentile.ts';

/**
 * How often one promise was kept. Only settled clocks count: met on time, met late, or missed.
 * A clock still running (`open`) or one that never had to be met (`not_applicable`: withdrawn in
 * time, no delay notice needed, information question made moot by an early decision) is shown but
 * is in neither numerator nor denominator.
 */
export interface ClockShare {
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  readonly open: number;
  readonly notApplicable: number;
  /** onTime + late + missed: the denominator. */
  readonly settled: number;
  /** onTime / settled; null when nothing settled. */
  readonly share: number | null;
}

export interface HandlingTime {
  /** Complaints with a position given: the values the median and percentile are taken over. */
  readonly count: number;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
}

export interface TimelinessFigures {
  readonly complaints: number;
  readonly clocks: Readonly<Record<TimelinessClock, ClockShare>>;
  readonly handlingTime: HandlingTime;
}

export const TIMELINESS_GROUPINGS = ['month', 'handler', 'product', 'channel', 'category'] as const;
export type TimelinessGrouping = (typeof TIMELINESS_GROUPINGS)[number];

export interface TimelinessGroup {
  /** The group's value (a month `YYYY-MM`, a handler id, a product...); null for "not filled in". */
  readonly key: string | null;
  readonly label: string | null;
  readonly figures: TimelinessFigures;
}

function shareOf(states: readonly ClockState[]): ClockShare {
  const count = (state: ClockState) => states.filter((s) => s === state).length;
  const onTime = count('met_on_time');
  const late = count('met_late');
  const missed = count('missed');
  const settled = onTime + late + missed;
  return {
    onTime,
    late,
    missed,
    open: count('open'),
    notApplicable: count('not_applicable'),
    settled,
    share: settled === 0 ? null : onTime / settled,
  };
}

export function timelinessFigures(facts: readonly ComplaintFacts[]): TimelinessFigures {
  const days = facts.flatMap((f) => (f.handlingDays === null ? [] : [f.handlingDays]));
  return {
    complaints: facts.length,
    clocks: Object.fromEntries(
      TIMELINESS_CLOCKS.map((clock) => [clock, shareOf(facts.map((f) => f.clocks[clock]))]),
    ) as Record<TimelinessClock, ClockShare>,
    handlingTime: { count: days.length, medianDays: percentile(days, 0.5), p90Days: percentile(days, 0.9) },
  };
}

function keyOf(
  fact: ComplaintFacts,
  grouping: TimelinessGrouping,
): { key: string | null; label: string | null } {
  switch (grouping) {
    case 'month':
      return { key: fact.month, label: fact.month };
    case 'handler':
      return { key: fact.handlerId, label: fact.handlerName };
    case 'product':
      return { key: fact.product, label: fact.product };
    case 'channel':
      return { key: fact.channel, label: fact.channel };
    case 'category':
      return { key: fact.category, label: fact.category };
    default:
      return grouping satisfies never;
  }
}

const sortKey = (key: string | null, label: string | null) => (key === null ? null : (label ?? key));

/** Groups in label order (months in time order); "not filled in" last. */
export function timelinessBy(
  facts: readonly ComplaintFacts[],
  grouping: TimelinessGrouping,
): TimelinessGroup[] {
  const groups = new Map<string | null, { label: string | null; facts: ComplaintFacts[] }>();
  for (const fact of facts) {
    const { key, label } = keyOf(fact, grouping);
    const group = groups.get(key) ?? { label, facts: [] };
    group.facts.push(fact);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, group]) => ({ key, label: group.label, facts: group.facts }))
    .toSorted((a, b) => {
      const x = sortKey(a.key, a.label);
      const y = sortKey(b.key, b.label);
      return x === null ? 1 : y === null ? -1 : x.localeCompare(y, 'nl');
    })
    .map(({ key, label, facts: members }) => ({ key, label, figures: timelinessFigures(members) }));
}
