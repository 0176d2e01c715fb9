import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  complaintInput,
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { withTenant } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { getComplaint, listComplaints, registerComplaint } from './complaint.service.ts';

describe.each(databaseKinds())('complaint registration on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const deps = () => ({ db: database.handle.db, clock });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
  });
  afterAll(async () => database.close());

  it('registers a complaint with its complainant, reference and first event', async () => {
    const complaint = await registerComplaint(deps(), org.coordinator.context, {
      ...complaintInput(),
      channel: 'letter',
      receivedAt: new Date('2026-11-20T14:30:00+01:00'),
      complainant: { name: '  Anna  Jansen ', email: 'Anna@Example.NL', postalCode: '1234 ab' },
      handlerId: org.handler.id,
      involvedEmployeeIds: [org.employee.id],
    });
    expect(complaint.reference).toMatch(/^KL-2026-\d{4}$/);
    expect(complaint.status).toBe('received');
    expect(complaint.receivedAt.toISOString()).toBe('2026-11-20T13:30:00.000Z');
    expect(complaint.complainant).toMatchObject({
      name: 'Anna  Jansen',
      email: 'anna@example.nl',
      postalCode: '1234 AB',
    });
    expect(complaint.handler).toEqual({ id: org.handler.id, name: 'Behandelaar Bea' });
    expect(complaint.involvedEmployees).toEqual([{ id: org.employee.id, name: 'Medewerker Mo' }]);
    expect(complaint.eventHead.sequence).toBe(1);

    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'complaint.registered',
      previous_hash: null,
      hash: complaint.eventHead.hash,
    });
    // Events carry digests and ids, never the complaint's words or the complainant's name.
    const serialised = JSON.stringify(events[0]!.data);
    expect(serialised).not.toContain('Jansen');
    expect(serialised).not.toContain('schade');
    expect(events[0]!.data).toMatchObject({ channel: 'letter', receivedAt: '2026-11-20T13:30:00.000Z' });
  });

  it('uses the Amsterdam year of receipt: 31 December 23:30 in Amsterdam is still that year', async () => {
    const late = await createTestComplaint(database.handle.db, org, {
      receivedAt: new Date('2025-12-31T22:30:00Z'),
    });
    const early = await createTestComplaint(database.handle.db, org, {
      receivedAt: new Date('2025-12-31T23:30:00Z'),
    });
    expect(late.reference).toMatch(/^KL-2025-/);
    expect(early.reference).toMatch(/^KL-2026-/);
  });

  it('gives unique, gapless reference numbers under concurrent intake', async () => {
    const fresh = await createTestOrganisation(database.handle.db, clock);
    const count = 40;
    const results = await Promise.allSettled(
      Array.from({ length: count }, (_, i) =>
        registerComplaint(deps(), fresh.coordinator.context, {
          ...complaintInput(),
          // Every fifth one fails inside the transaction after taking a number; its number must return.
          ...(i % 5 === 4 ? { handlerId: '00000000-0000-7000-8000-000000000000' } : {}),
        }),
      ),
    );
    const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(ok).toHaveLength(32);
    const numbers = ok.map((c) => Number(c.reference.slice(-4))).toSorted((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    const stored = await sql<{ n: string }>`
      SELECT count(DISTINCT reference)::text AS n FROM complaints WHERE organisation_id = ${fresh.id}`.execute(
      database.handle.db,
    );
    expect(Number(stored.rows[0]!.n)).toBe(32);
  });

  it('registers a letter received in the past with its scan, in one transaction', async () => {
    const scan = Buffer.from('%PDF-1.4\n% scan van de brief van mevrouw Jansen\n');
    const complaint = await registerComplaint(deps(), org.coordinator.context, {
      ...complaintInput(),
      channel: 'letter',
      receivedAt: new Date('2026-11-17T08:30:00Z'),
      attachments: [{ fileName: '../../scans/brief-jansen.pdf', content: scan }],
    });
    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    expect(events.map((e) => e.type)).toEqual(['complaint.registered', 'dossier.attachment_added']);
    const documents = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('documents')
        .select(['file_name', 'media_type', 'sha256'])
        .where('complaint_id', '=', complaint.id)
        .execute(),
    );
    expect(documents).toEqual([
      { file_name: 'brief-jansen.pdf', media_type: 'application/pdf', sha256: sha256Hex(scan) },
    ]);
  });

  it('refuses a disallowed attachment and stores nothing of the complaint', async () => {
    const before = await listComplaints(deps(), org.coordinator.context, { limit: 100 });
    await expect(
      registerComplaint(deps(), org.coordinator.context, {
        ...complaintInput(),
        attachments: [{ fileName: 'factuur.pdf', content: Buffer.from('MZ\x90\x00 not a pdf') }],
      }),
    ).rejects.toMatchObject({ status: 400, fields: [expect.objectContaining({ field: '/attachments' })] });
    const after = await listComplaints(deps(), org.coordinator.context, { limit: 100 });
    expect(after.items.length).toBe(before.items.length);
  });

  it('refuses a handler who is also an involved employee', async () => {
    await expect(
      registerComplaint(deps(), org.coordinator.context, {
        ...complaintInput(),
        handlerId: org.handler.id,
        involvedEmployeeIds: [org.handler.id],
      }),
    ).rejects.toMatchObject({ code: 'handler_is_involved', status: 422 });
  });

  it.each([
    ['a receipt in the future', { receivedAt: new Date('2026-11-25T09:00:00Z') }, '/receivedAt'],
    ['no way to reach the complainant', { complainant: { name: 'Piet' } }, '/complainant'],
    ['an empty description', { description: '   ' }, '/description'],
    ['an unknown handler', { handlerId: '00000000-0000-7000-8000-000000000001' }, '/handlerId'],
    [
      'an unknown involved employee',
      { involvedEmployeeIds: ['00000000-0000-7000-8000-000000000002'] },
      '/involvedEmployeeIds/0',
    ],
  ])('refuses %s and stores nothing', async (_label, overrides, field) => {
    const before = await listComplaints(deps(), org.coordinator.context, { limit: 100 });
    await expect(
      registerComplaint(deps(), org.coordinator.context, complaintInput(overrides)),
    ).rejects.toMatchObject({
      status: 400,
      fields: expect.arrayContaining([expect.objectContaining({ field })]),
    });
    const after = await listComplaints(deps(), org.coordinator.context, { limit: 100 });
    expect(after.items.length).toBe(before.items.length);
  });

  it('does not let an employee or auditor register, nor an employee read', async () => {
    await expect(registerComplaint(deps(), org.employee.context, complaintInput())).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(registerComplaint(deps(), org.auditor.context, complaintInput())).rejects.toMatchObject({
      code: 'forbidden',
    });
    const complaint = await createTestComplaint(database.handle.db, org);
    await expect(getComplaint(deps(), org.employee.context, complaint.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(getComplaint(deps(), org.auditor.context, complaint.id)).resolves.toMatchObject({
      id: complaint.id,
    });
  });

  it('pages through the list newest receipt first without skipping or repeating', async () => {
    const fresh = await createTestOrganisation(database.handle.db, clock);
    for (let day = 1; day <= 7; day++) {
      await createTestComplaint(database.handle.db, fresh, {
        receivedAt: new Date(Date.UTC(2026, 10, day, 10)),
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listComplaints(deps(), fresh.coordinator.context, {
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((i) => new Date(i.received_at).toISOString().slice(0, 10)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      '2026-11-07',
      '2026-11-06',
      '2026-11-05',
      '2026-11-04',
      '2026-11-03',
      '2026-11-02',
      '2026-11-01',
    ]);
  });

  it('hides another organisation’s complaint as not found', async () => {
    const other = await createTestOrganisation(database.handle.db, clock);
    const complaint = await createTestComplaint(database.handle.db, org);
    await expect(getComplaint(deps(), other.coordinator.context, complaint.id)).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('the work queue order', () => {
  it.each(databaseKinds())(
    'on %s: nearest running clock first, paged without gaps, clock dates in the list',
    async (kind) => {
      const database = await openTestDatabase(kind);
      const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
      try {
        const org = await createTestOrganisation(database.handle.db, clock);
        const received = [
          '2026-11-20T10:00:00Z',
          '2026-11-23T10:00:00Z',
          '2026-11-02T10:00:00Z',
          '2026-11-18T10:00:00Z',
        ];
        for (const at of received)
          await createTestComplaint(database.handle.db, org, { receivedAt: new Date(at) }, clock);
        const deps = { db: database.handle.db, clock };
        const seen: Array<string | null> = [];
        let cursor: string | undefined;
        do {
          const page = await listComplaints(deps, org.coordinator.context, {
            sort: 'deadline',
            limit: 3,
            ...(cursor ? { cursor } : {}),
          });
          seen.push(...page.items.map((i) => i.next_clock_due));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        // Acknowledgment due (3 working days): 2 Nov → 5 Nov and 18 Nov → 23 Nov (both already missed, still
        // first in the queue), 20 Nov (a Friday) → 25 Nov, 23 Nov → 26 Nov.
        expect(seen).toEqual(['2026-11-05', '2026-11-23', '2026-11-25', '2026-11-26']);
      } finally {
        await database.close();
      }
    },
  );
});
