import { addDays, daysBetween, type LocalDate } from '../calendar/local-date.ts';
import { OUTCOMES, type Outcome } from '../procedure/complaint-snapshot.ts';
import type { ComplaintFacts } from './complaint-facts.ts';

export type OutcomeCounts = Readonly<Record<Outcome | 'none', number>>;

export function outcomeCounts(facts: readonly ComplaintFacts[]): OutcomeCounts {
  const counts: Record<Outcome | 'none', number> = {
    gegrond: 0,
    deels_gegrond: 0,
    ongegrond: 0,
    ingetrokken: 0,
    none: 0,
  };
  for (const fact of facts) counts[fact.outcome ?? 'none'] += 1;
  return counts;
}

export { OUTCOMES };

/**
 * Categories and root causes are free text. Two spellings that differ only in case or spacing are
 * one cause ("Te late schade-expert" and "te late  schade-expert"); the label shown is the spelling
 * used most often (the first in receipt order on a tie).
 */
export function causeKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('nl');
}

export interface MonthlyCount {
  readonly month: string;
  readonly key: string | null;
  readonly label: string | null;
  readonly count: number;
}

function labelsByKey(values: ReadonlyArray<string | null>): Map<string, string> {
  const spellings = new Map<string, Map<string, number>>();
  for (const value of values) {
    if (value === null || value.trim() === '') continue;
    const forKey = spellings.get(causeKey(value)) ?? new Map<string, number>();
    forKey.set(value.trim(), (forKey.get(value.trim()) ?? 0) + 1);
    spellings.set(causeKey(value), forKey);
  }
  const labels = new Map<string, string>();
  for (const [key, forKey] of spellings) {
    let best: [string, number] | null = null;
    for (const entry of forKey) if (best === null || entry[1] > best[1]) best = entry;
    labels.set(key, best![0]);
  }
  return labels;
}

/** Per receipt month, how many complaints had each category (or root cause); empty is "none". */
export function countsPerMonth(
  facts: readonly ComplaintFacts[],
  field: 'category' | 'rootCause',
): MonthlyCount[] {
  const labels = labelsByKey(facts.map((f) => f[field]));
  const counts = new Map<string, MonthlyCount>();
  for (const fact of facts) {
    const value = fact[field];
    const key = value === null || value.trim() === '' ? null : causeKey(value);
    const id = `${fact.month}\u0000${key ?? ''}`;
    const current = counts.get(id);
    counts.set(id, {
      month: fact.month,
      key,
      label: key === null ? null : (labels.get(key) ?? null),
      count: (current?.count ?? 0) + 1,
    });
  }
  return [...counts.values()].toSorted(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      b.count - a.count ||
      (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'nl'),
  );
}

/** Totals over the whole period, largest first. */
export function totalsOf(
  facts: readonly ComplaintFacts[],
  field: 'category' | 'rootCause',
): Array<{ key: string | null; label: string | null; count: number }> {
  const totals = new Map<string | null, { key: string | null; label: string | null; count: number }>();
  for (const row of countsPerMonth(facts, field)) {
    const current = totals.get(row.key);
    totals.set(row.key, { key: row.key, label: row.label, count: (current?.count ?? 0) + row.count });
  }
  return [...totals.values()].toSorted(
    (a, b) =>
      (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
      b.count - a.count ||
      (a.label ?? '').localeCompare(b.label ?? '', 'nl'),
  );
}

/**
 * The rule for a recurring cause: the same root cause (compared as `causeKey`) on at least
 * `threshold` complaints whose receipt dates lie within one window of `windowDays` consecutive
 * calendar days. Defaults: 3 complaints within 90 days.
 */
export interface RecurrenceRule {
  readonly threshold: number;
  readonly windowDays: number;
}

export const DEFAULT_RECURRENCE_RULE: RecurrenceRule = Object.freeze({ threshold: 3, windowDays: 90 });

export interface RecurringCause {
  readonly key: string;
  readonly label: string;
  /** All complaints in the period with this cause. */
  readonly total: number;
  /** The most complaints with this cause in one window, and the first window where that happened. */
  readonly peak: { readonly count: number; readonly from: LocalDate; readonly to: LocalDate };
  readonly references: readonly string[];
  readonly recurring: boolean;
}

/** Every root cause with its densest window; `recurring` when that window reaches the threshold. */
export function recurringCauses(
  facts: readonly ComplaintFacts[],
  rule: RecurrenceRule = DEFAULT_RECURRENCE_RULE,
): RecurringCause[] {
  if (!Number.isInteger(rule.threshold) || rule.threshold < 1) throw new RangeError('threshold ≥ 1');
  if (!Number.isInteger(rule.windowDays) || rule.windowDays < 1) throw new RangeError('windowDays ≥ 1');
  const labels = labelsByKey(facts.map((f) => f.rootCause));
  const byKey = new Map<string, ComplaintFacts[]>();
  for (const fact of facts) {
    if (fact.rootCause === null || fact.rootCause.trim() === '') continue;
    const key = causeKey(fact.rootCause);
    byKey.set(key, [...(byKey.get(key) ?? []), fact]);
  }
  const result: RecurringCause[] = [];
  for (const [key, members] of byKey) {
    const sorted = members.toSorted(
      (a, b) => a.receivedDate.localeCompare(b.receivedDate) || a.reference.localeCompare(b.reference),
    );
    let best = { start: 0, count: 0 };
    let end = 0;
    for (let start = 0; start < sorted.length; start += 1) {
      // A window starting on this receipt date covers it and the next windowDays − 1 days.
      while (
        end < sorted.length &&
        daysBetween(sorted[start]!.receivedDate, sorted[end]!.receivedDate) < rule.windowDays
      )
        end += 1;
      if (end - start > best.count) best = { start, count: end - start };
    }
    const from = sorted[best.start]!.receivedDate;
    result.push({
      key,
      label: labels.get(key) ?? key,
      total: sorted.length,
      peak: { count: best.count, from, to: addDays(from, rule.windowDays - 1) },
      references: sorted.slice(best.start, best.start + best.count).map((f) => f.reference),
      recurring: best.count >= rule.threshold,
    });
  }
  return result.toSorted(
    (a, b) =>
      Number(b.recurring) - Number(a.recurring) ||
      b.peak.count - a.peak.count ||
      a.label.localeCompare(b.label, 'nl'),
  );
}

export const KIFID_OUTCOME_CODES = [
  'toegewezen',
  'deels_toegewezen',
  'afgewezen',
  'niet_ontvankelijk',
  'schikking',
  'ingetrokken',
] as const;

export type KifidOutcomeCode = (typeof KIFID_OUTCOME_CODES)[number];

export const KIFID_OUTCOME_LABELS: Readonly<Record<KifidOutcomeCode, string>> = Object.freeze({
  toegewezen: 'vordering toegewezen',
  deels_toegewezen: 'vordering deels toegewezen',
  afgewezen: 'vordering afgewezen',
  niet_ontvankelijk: 'niet-ontvankelijk',
  schikking: 'schikking getroffen',
  ingetrokken: 'ingetrokken door de consument',
});

export interface KifidFigures {
  readonly referred: number;
  /** Referred complaints without a recorded outcome yet. */
  readonly pending: number;
  readonly byOutcome: Readonly<Record<KifidOutcomeCode, number>>;
}

export function kifidFigures(facts: readonly ComplaintFacts[]): KifidFigures {
  const referred = facts.filter((f) => f.kifid !== null);
  const byOutcome = Object.fromEntries(KIFID_OUTCOME_CODES.map((code) => [code, 0])) as Record<
    KifidOutcomeCode,
    number
  >;
  let pending = 0;
  for (const fact of referred) {
    const code = fact.kifid?.outcomeCode;
    if (code && code in byOutcome) byOutcome[code as KifidOutcomeCode] += 1;
    else pending += 1;
  }
  return { referred: referred.length, pending, byOutcome };
}
