import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../calendar/local-date.ts';
import type { ComplaintFacts } from './complaint-facts.ts';
import { countsPerMonth, kifidFigures, outcomeCounts, recurringCauses, totalsOf } from './outcomes.ts';
import { timelinessBy, timelinessFigures } from './timeliness.ts';

let counter = 0;
function fact(
  overrides: Omit<Partial<ComplaintFacts>, 'receivedDate'> & { receivedDate: string },
): ComplaintFacts {
  counter += 1;
  const receivedDate = parseLocalDate(overrides.receivedDate);
  return {
    id: `id-${counter}`,
    reference: `KL-${String(counter).padStart(4, '0')}`,
    status: 'closed',
    channel: 'email',
    product: null,
    category: null,
    rootCause: null,
    outcome: null,
    handlerId: null,
    handlerName: null,
    month: receivedDate.slice(0, 7),
    clocks: {
      acknowledgment: 'met_on_time',
      missingInformation: 'not_applicable',
      decisionWithinTerm: 'met_on_time',
      decisionByTarget: 'met_on_time',
      delayNotice: 'not_applicable',
    },
    decidedDate: null,
    handlingDays: null,
    kifid: null,
    ...overrides,
    receivedDate,
  };
}

describe('recurring root causes', () => {
  it('flags a cause seen 3 times within 90 days, not one spread wider, and folds case and spaces', () => {
    const facts = [
      fact({ receivedDate: '2026-01-05', rootCause: 'Expert te laat' }),
      fact({ receivedDate: '2026-03-20', rootCause: 'expert  te laat' }),
      // Day 0 is 5 January: 4 April is day 89, still inside; 5 April (day 90) would not be.
      fact({ receivedDate: '2026-04-04', rootCause: 'Expert te laat ' }),
      fact({ receivedDate: '2026-01-10', rootCause: 'Polis onduidelijk' }),
      fact({ receivedDate: '2026-04-09', rootCause: 'Polis onduidelijk' }),
      fact({ receivedDate: '2026-07-10', rootCause: 'Polis onduidelijk' }),
      fact({ receivedDate: '2026-02-01', rootCause: null }),
    ];
    const causes = recurringCauses(facts);
    expect(causes.map((c) => [c.label, c.recurring, c.peak.count, c.total])).toEqual([
      ['Expert te laat', true, 3, 3],
      ['Polis onduidelijk', false, 2, 3],
    ]);
    expect(causes[0]!.peak).toEqual({ count: 3, from: '2026-01-05', to: '2026-04-04' });
    expect(causes[1]!.peak.from).toBe('2026-01-10');
  });

  it('drops out of the window on day 90', () => {
    const facts = ['2026-01-05', '2026-03-20', '2026-04-05'].map((d) =>
      fact({ receivedDate: d, rootCause: 'X' }),
    );
    expect(recurringCauses(facts)[0]).toMatchObject({ recurring: false, peak: { count: 2 } });
    expect(recurringCauses(facts, { threshold: 3, windowDays: 91 })[0]).toMatchObject({ recurring: true });
  });
});

describe('outcomes, categories and KiFiD', () => {
  it('counts outcomes, categories per month and KiFiD outcomes', () => {
    const facts = [
      fact({ receivedDate: '2026-01-05', outcome: 'gegrond', category: 'Schade' }),
      fact({ receivedDate: '2026-01-06', outcome: 'gegrond', category: 'schade' }),
      fact({
        receivedDate: '2026-02-01',
        outcome: 'ongegrond',
        category: 'Premie',
        kifid: { outcomeCode: 'afgewezen' },
      }),
      fact({ receivedDate: '2026-02-02', kifid: { outcomeCode: null } }),
    ];
    expect(outcomeCounts(facts)).toEqual({
      gegrond: 2,
      deels_gegrond: 0,
      ongegrond: 1,
      ingetrokken: 0,
      none: 1,
    });
    expect(countsPerMonth(facts, 'category')).toEqual([
      { month: '2026-01', key: 'schade', label: 'Schade', count: 2 },
      { month: '2026-02', key: 'premie', label: 'Premie', count: 1 },
      { month: '2026-02', key: null, label: null, count: 1 },
    ]);
    expect(totalsOf(facts, 'category').map((t) => [t.label, t.count])).toEqual([
      ['Schade', 2],
      ['Premie', 1],
      [null, 1],
    ]);
    expect(kifidFigures(facts)).toMatchObject({ referred: 2, pending: 1, byOutcome: { afgewezen: 1 } });
  });
});

describe('timeliness figures', () => {
  it('counts only settled clocks and takes the median and P90 over decided complaints', () => {
    const base = fact({ receivedDate: '2026-01-05' }).clocks;
    const facts = [
      fact({ receivedDate: '2026-01-05', handlingDays: 10, handlerId: 'b', handlerName: 'Bea' }),
      fact({ receivedDate: '2026-01-06', handlingDays: 20, clocks: { ...base, acknowledgment: 'met_late' } }),
      fact({ receivedDate: '2026-02-01', handlingDays: 40, clocks: { ...base, acknowledgment: 'missed' } }),
      fact({
        receivedDate: '2026-02-02',
        clocks: { ...base, acknowledgment: 'open' },
        handlerId: 'a',
        handlerName: 'Aad',
      }),
    ];
    const figures = timelinessFigures(facts);
    expect(figures.clocks.acknowledgment).toEqual({
      onTime: 1,
      late: 1,
      missed: 1,
      open: 1,
      notApplicable: 0,
      settled: 3,
      share: 1 / 3,
    });
    expect(figures.clocks.delayNotice.share).toBeNull();
    // [10, 20, 40]: median 20; P90 rank 1.8 → 20 + 0.8·20 = 36.
    expect(figures.handlingTime).toEqual({ count: 3, medianDays: 20, p90Days: 36 });
    expect(timelinessBy(facts, 'month').map((g) => [g.key, g.figures.complaints])).toEqual([
      ['2026-01', 2],
      ['2026-02', 2],
    ]);
    expect(timelinessBy(facts, 'handler').map((g) => g.label)).toEqual(['Aad', 'Bea', null]);
  });
});
