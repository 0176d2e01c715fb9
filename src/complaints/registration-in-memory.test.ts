import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complaintInput,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { verifyAllChains } from '../dossier/chain-verification.ts';
import { clockColumns, loadCalendar } from '../procedure/clock-columns.ts';
import { loadComplaintSnapshot } from '../procedure/snapshot.repository.ts';
import { getComplaint, registerComplaint, type RegisterComplaintInput } from './complaint.service.ts';

/** Counts the statements sent through a Kysely instance (raw SQL included). */
function statementCounter(): KyselyPlugin & { count: number } {
  return {
    count: 0,
    transformQuery(args) {
      this.count++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
}

/**
 * A registration computes its snapshot, clock dates, chain head and answer in memory instead of
 * reading them back (new-complaint.ts). Each must equal what the readers give after the commit.
 */
describe.each(databaseKinds())('a registration written without reading back on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-12-23T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    await withTenant(database.handle.db, org.id, async (tx) => {
      await tx
        .insertInto('organisation_closing_days')
        .values(
          ['2026-12-24', '2026-12-28', '2026-12-31'].map((day) => ({
            organisation_id: org.id,
            day,
            name: 'Collectieve vrije dag',
            created_at: clock.now(),
          })),
        )
        .execute();
      await tx
        .updateTable('organisations')
        .set({ kifid_affiliation_number: '300.001234' })
        .where('id', '=', org.id)
        .execute();
    });
  });
  afterAll(async () => database.close());

  // With the acknowledgment's due date worked out by hand (3 working days; 24, 28 and 31 December
  // closed, 25 and 26 December and 1 January holidays).
  const cases: Array<[string, () => Partial<RegisterComplaintInput>, string]> = [
    ['from another system, nobody assigned', () => ({ channel: 'api' }), '2027-01-04'],
    [
      'with a handler and an involved employee',
      () => ({ handlerId: org.handler.id, involvedEmployeeIds: [org.employee.id] }),
      '2027-01-04',
    ],
    [
      'a letter received before the closing days',
      () => ({ channel: 'letter', receivedAt: new Date('2026-12-21T15:00:00Z') }),
      '2026-12-29',
    ],
    [
      'a letter received weeks ago (its acknowledgment is late)',
      () => ({ channel: 'letter', receivedAt: new Date('2026-11-02T08:00:00Z') }),
      '2026-11-05',
    ],
    [
      'two involved employees (read back: ordered by name in the database)',
      () => ({ handlerId: org.coordinator.id, involvedEmployeeIds: [org.employee.id, org.auditor.id] }),
      '2027-01-04',
    ],
  ];

  it.each(cases)(
    '%s: answer, clock dates and chain as read afterwards',
    async (_name, overrides, acknowledgeDue) => {
      const view = await registerComplaint(
        { db: database.handle.db, clock },
        org.coordinator.context,
        complaintInput(overrides()),
      );
      expect(await getComplaint({ db: database.handle.db, clock }, org.coordinator.context, view.id)).toEqual(
        view,
      );

      const { stored, recomputed } = await withTenant(database.handle.db, org.id, async (tx) => {
        const snapshot = await loadComplaintSnapshot(tx, org.id, view.id);
        const { columns } = clockColumns(snapshot!, await loadCalendar(tx, org.id), clock.now());
        const row = await tx
          .selectFrom('complaints')
          .select(Object.keys(columns) as Array<keyof typeof columns>)
          .where('organisation_id', '=', org.id)
          .where('id', '=', view.id)
          .executeTakeFirstOrThrow();
        return { stored: row, recomputed: columns };
      });
      expect(stored).toEqual(recomputed);
      expect(stored.acknowledge_due).toBe(acknowledgeDue);

      const chains = await verifyAllChains(database.handle.db);
      expect(chains.broken).toEqual([]);
    },
  );

  it('takes eight statements for a complaint from another system (was 25 with the snapshot read back)', async () => {
    const counter = statementCounter();
    await registerComplaint(
      { db: database.handle.db.withPlugin(counter), clock },
      org.coordinator.context,
      complaintInput({ channel: 'api' }),
    );
    // Tenant role, procedure context, complainant, reference counter, complaint, acknowledgment
    // task, first event, intake item.
    expect(counter.count).toBe(8);
  });
});
