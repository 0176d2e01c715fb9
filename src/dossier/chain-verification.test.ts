import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { addNote } from './dossier.service.ts';
import { verifyAllChains } from './chain-verification.ts';

/** Tampering as an attacker with database superuser rights would: triggers off, then edit. */
async function behindTheGuardsBack(db: Kysely<Database>, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await statement.execute(tx);
  });
}

describe.each(databaseKinds())('event chain verification on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
  });
  afterAll(async () => database.close());

  async function complaintWithNotes(notes: number) {
    const complaint = await createTestComplaint(database.handle.db, org, {}, clock);
    for (let i = 0; i < notes; i++) {
      clock.advance(60_000);
      await addNote({ db: database.handle.db, clock }, org.handler.context, complaint.id, {
        text: `Notitie ${i + 1}`,
      });
    }
    return complaint;
  }

  it('finds every chain intact after normal work, including concurrent writers to one dossier', async () => {
    const complaint = await complaintWithNotes(2);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        addNote({ db: database.handle.db, clock }, org.handler.context, complaint.id, {
          text: `Gelijktijdig ${i}`,
        }),
      ),
    );
    const report = await verifyAllChains(database.handle.db);
    expect(report.broken).toEqual([]);
    expect(report.eventsChecked).toBeGreaterThanOrEqual(13);
  });

  it('names an event whose data was edited behind the guard’s back', async () => {
    const complaint = await complaintWithNotes(3);
    await behindTheGuardsBack(
      database.handle.db,
      sql`UPDATE dossier_events SET data = '{"itemId":"forged"}'
          WHERE organisation_id = ${org.id} AND complaint_id = ${complaint.id} AND sequence = 3`,
    );
    const report = await verifyAllChains(database.handle.db);
    expect(report.broken).toEqual([
      expect.objectContaining({
        complaintId: complaint.id,
        reference: complaint.reference,
        sequence: 3,
        reason: 'hash_mismatch',
      }),
    ]);
  });

  it('names a deleted event and a deleted newest event', async () => {
    const middle = await complaintWithNotes(3);
    const tail = await complaintWithNotes(2);
    await behindTheGuardsBack(
      database.handle.db,
      sql`DELETE FROM dossier_events WHERE organisation_id = ${org.id} AND complaint_id = ${middle.id} AND sequence = 2`,
    );
    await behindTheGuardsBack(
      database.handle.db,
      sql`DELETE FROM dossier_events WHERE organisation_id = ${org.id} AND complaint_id = ${tail.id} AND sequence = 3`,
    );
    const report = await verifyAllChains(database.handle.db);
    const byComplaint = new Map(report.broken.map((b) => [b.complaintId, b]));
    expect(byComplaint.get(middle.id)).toMatchObject({ sequence: 2, reason: 'sequence_gap' });
    expect(byComplaint.get(tail.id)).toMatchObject({ reason: 'head_mismatch' });
  });
});
