import type { LocalDate } from '../../domain/calendar/local-date.ts';
import type { ComplaintFacts } from '../../domain/reports/complaint-facts.ts';
import type { RecurrenceRule } from '../../domain/reports/outcomes.ts';
import { timelinessBy, timelinessFigures, type TimelinessFigures } from '../../domain/reports/timeliness.ts';
import type { Letterhead } from '../../letters/render/letterhead.ts';
import type { ImprovementActionView } from '../improvement-action.service.ts';
import { outcomeFigures } from '../reports.service.ts';

/** Everything the yearly report shows, computed before any drawing starts. */
export interface AnnualReportData {
  readonly year: number;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly createdOn: LocalDate;
  readonly letterhead: Letterhead;
  readonly timeliness: TimelinessFigures;
  readonly perMonth: ReadonlyArray<{ month: string; count: number }>;
  readonly channels: ReadonlyArray<{ key: string | null; count: number }>;
  readonly products: ReadonlyArray<{ label: string | null; count: number }>;
  readonly outcomes: ReturnType<typeof outcomeFigures>;
  readonly actions: readonly ImprovementActionView[];
}

export function annualReportData(input: {
  year: number;
  from: LocalDate;
  to: LocalDate;
  createdOn: LocalDate;
  letterhead: Letterhead;
  facts: readonly ComplaintFacts[];
  rule: RecurrenceRule;
  actions: readonly ImprovementActionView[];
}): AnnualReportData {
  const { facts } = input;
  const months = Array.from({ length: 12 }, (_, i) => `${input.year}-${String(i + 1).padStart(2, '0')}`);
  const sizes = (grouping: 'channel' | 'product') =>
    timelinessBy(facts, grouping)
      .map((g) => ({ key: g.key, label: g.label, count: g.figures.complaints }))
      .toSorted((a, b) => b.count - a.count);
  return {
    year: input.year,
    from: input.from,
    to: input.to,
    createdOn: input.createdOn,
    letterhead: input.letterhead,
    timeliness: timelinessFigures(facts),
    perMonth: months.map((month) => ({ month, count: facts.filter((f) => f.month === month).length })),
    channels: sizes('channel'),
    products: sizes('product'),
    outcomes: outcomeFigures(facts, input.rule),
    actions: input.actions,
  };
}
