import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createReportDataSet,
  HOSTILE_NAME,
  REPORT_NOW,
  type ReportDataSet,
} from '../../test/support/report-data-set.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { parseLocalDate } from '../domain/calendar/local-date.ts';
import { getOutcomes, getRegister, getTimeliness } from './reports.service.ts';

/**
 * The figures of the generated data set (test/support/report-data-set.ts), worked out by hand.
 * Period 1 January – 31 March 2026; C6 (reclassified) is only in the register, C7 is before it.
 *
 *            ack          information      within month   by target      delay notice   days
 *   C1       on time      on time          on time        on time        not needed     28
 *   C2       late         on time          late           on time        on time        44
 *   C3       on time      missed           late           late           missed         35
 *   C4       on time      n/a (withdrawn)  n/a            n/a            n/a            –
 *   C5       open         open             open           open           open           –
 */
describe.each(databaseKinds())('report figures on %s', (kind) => {
  let database: TestDatabase;
  let set: ReportDataSet;
  const clock = fixedClock(REPORT_NOW);
  const deps = () => ({ db: database.handle.db, clock });
  const period = { from: parseLocalDate('2026-01-01'), to: parseLocalDate('2026-03-31') };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    set = await createReportDataSet(database.handle.db);
  });
  afterAll(async () => database.close());

  it('gives the timeliness shares and handling times computed by hand', async () => {
    const report = await getTimeliness(deps(), set.org.auditor.context, period);
    expect(report.overall.complaints).toBe(5);
    expect(report.overall.clocks.acknowledgment).toEqual({
      onTime: 3,
      late: 1,
      missed: 0,
      open: 1,
      notApplicable: 0,
      settled: 4,
      share: 0.75,
    });
    expect(report.overall.clocks.missingInformation).toMatchObject({
      onTime: 2,
      late: 0,
      missed: 1,
      open: 1,
      notApplicable: 1,
      settled: 3,
    });
    expect(report.overall.clocks.missingInformation.share).toBeCloseTo(2 / 3, 12);
    expect(report.overall.clocks.decisionWithinTerm).toMatchObject({
      onTime: 1,
      late: 2,
      missed: 0,
      open: 1,
    });
    expect(report.overall.clocks.decisionWithinTerm.share).toBeCloseTo(1 / 3, 12);
    expect(report.overall.clocks.decisionByTarget).toMatchObject({
      onTime: 2,
      late: 1,
      open: 1,
      notApplicable: 1,
    });
    expect(report.overall.clocks.delayNotice).toMatchObject({
      onTime: 1,
      missed: 1,
      open: 1,
      notApplicable: 2,
      share: 0.5,
    });
    // [28, 35, 44]: median 35; P90 at rank 1.8 → 35 + 0.8 · 9 = 42.2.
    expect(report.overall.handlingTime.count).toBe(3);
    expect(report.overall.handlingTime.medianDays).toBe(35);
    expect(report.overall.handlingTime.p90Days).toBeCloseTo(42.2, 10);

    const months = report.groups['month']!;
    expect(months.map((g) => [g.key, g.figures.complaints])).toEqual([
      ['2026-01', 3],
      ['2026-02', 1],
      ['2026-03', 1],
    ]);
    expect(months[0]!.figures.clocks.acknowledgment.share).toBeCloseTo(2 / 3, 12);
    const handlers = report.groups['handler']!;
    expect(handlers.map((g) => [g.label, g.figures.complaints])).toEqual([
      ['Behandelaar Bea', 3],
      ['Coördinator Cor', 1],
      [null, 1],
    ]);
    expect(handlers[0]!.figures.handlingTime).toEqual({ count: 2, medianDays: 36, p90Days: 42.4 });
    expect(report.groups['channel']!.map((g) => [g.key, g.figures.complaints])).toEqual([
      ['email', 2],
      ['letter', 1],
      ['phone', 1],
      ['web_form', 1],
    ]);
    expect(report.groups['product']!.map((g) => [g.key, g.figures.complaints])).toEqual([
      ['Autoverzekering', 2],
      ['Woonhuisverzekering', 2],
      [null, 1],
    ]);
  });

  it('counts outcomes, causes, the recurring cause and the KiFiD outcome', async () => {
    const report = await getOutcomes(deps(), set.org.coordinator.context, period);
    expect(report.complaints).toBe(5);
    expect(report.outcomes).toEqual({ gegrond: 1, deels_gegrond: 1, ongegrond: 1, ingetrokken: 1, none: 1 });
    expect(report.categories).toEqual([
      { key: 'schadebehandeling', label: 'Schadebehandeling', count: 2 },
      { key: 'premie', label: 'Premie', count: 1 },
      { key: null, label: null, count: 2 },
    ]);
    expect(report.recurringCauses).toEqual([
      {
        key: 'expert te laat ingeschakeld',
        label: 'Expert te laat ingeschakeld',
        total: 3,
        peak: { count: 3, from: '2026-01-01', to: '2026-03-31' },
        references: [set.references.c1, set.references.c2, set.references.c3],
        recurring: true,
      },
    ]);
    expect(report.rootCausesPerMonth).toContainEqual({
      month: '2026-01',
      key: 'expert te laat ingeschakeld',
      label: 'Expert te laat ingeschakeld',
      count: 3,
    });
    expect(report.kifid).toEqual({
      referred: 1,
      pending: 0,
      byOutcome: {
        toegewezen: 0,
        deels_toegewezen: 0,
        afgewezen: 1,
        niet_ontvankelijk: 0,
        schikking: 0,
        ingetrokken: 0,
      },
    });
  });

  it('lists the register with the BGfo fields, including the reclassified item, filtered', async () => {
    const register = await getRegister(deps(), set.org.auditor.context, period);
    expect(register.map((e) => e.reference)).toEqual([
      set.references.c1,
      set.references.c2,
      set.references.c3,
      set.references.c4,
      set.references.c6,
      set.references.c5,
    ]);
    expect(register[0]).toMatchObject({
      receivedDate: '2026-01-01',
      complainantName: 'Anna Jansen',
      street: 'Dorpsstraat 1',
      postalCode: '1234 AB',
      city: 'Utrecht',
      acknowledgedDate: '2026-01-07',
      informationRequests: 1,
      replyMode: 'meeting',
      replyDate: '2026-01-29',
      outcome: 'gegrond',
      closedDate: '2026-01-30',
    });
    expect(register[1]).toMatchObject({
      delayNotices: 1,
      kifidCaseNumber: 'GC-2026-0001',
      kifidOutcome: 'vordering afgewezen',
    });
    expect(register[5]!.complainantName).toBe(HOSTILE_NAME);

    const filtered = await getRegister(deps(), set.org.auditor.context, {
      ...period,
      handlerId: set.org.handler.id,
      statuses: ['closed'],
    });
    expect(filtered.map((e) => e.reference)).toEqual([set.references.c1, set.references.c2]);
    const byProduct = await getRegister(deps(), set.org.auditor.context, {
      ...period,
      product: 'Autoverzekering',
      channel: 'letter',
    });
    expect(byProduct.map((e) => e.reference)).toEqual([set.references.c5]);
    const byCategory = await getRegister(deps(), set.org.auditor.context, { ...period, category: 'Premie' });
    expect(byCategory.map((e) => e.reference)).toEqual([set.references.c3]);
  });

  it('keeps reports to coordinators and auditors', async () => {
    await expect(getTimeliness(deps(), set.org.handler.context, period)).rejects.toMatchObject({
      status: 403,
    });
    await expect(getRegister(deps(), set.org.employee.context, period)).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      getRegister(deps(), set.org.auditor.context, { from: period.to, to: period.from }),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_period' });
  });
});
