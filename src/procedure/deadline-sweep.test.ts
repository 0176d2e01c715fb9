import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { sweepDeadlines } from './deadline-sweep.ts';
import { takeStep } from './procedure.service.ts';

describe.each(databaseKinds())('the deadline sweep on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
  });
  afterAll(async () => database.close());

  const notificationsOf = (complaintId: string) =>
    withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'message'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaintId)
        .orderBy('created_at')
        .execute(),
    );

  it('warns one working day before, once, and records a missed clock in the dossier', async () => {
    // Received Thursday 26 November 2026: acknowledgment due Tuesday 1 December (weekend skipped).
    clock.set(new Date('2026-11-26T10:00:00Z'));
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );

    clock.set(new Date('2026-11-27T12:00:00Z'));
    await sweepDeadlines(database.handle.db, clock);
    expect(await notificationsOf(complaint.id)).toEqual([]);

    // Monday 30 November is the working day before the due date: warn handler and coordinators.
    clock.set(new Date('2026-11-30T07:00:00Z'));
    const first = await sweepDeadlines(database.handle.db, clock);
    expect(first.warnings).toBeGreaterThanOrEqual(1);
    const warned = await notificationsOf(complaint.id);
    const recipients = new Set(warned.map((n) => n.user_id));
    expect(recipients).toEqual(new Set([org.handler.id, org.coordinator.id, org.admin.id]));
    expect(warned[0]!.message).toContain('ontvangstbevestiging loopt af op di 01-12-2026');

    clock.advance(15 * 60 * 1000);
    await sweepDeadlines(database.handle.db, clock);
    expect((await notificationsOf(complaint.id)).length).toBe(warned.length);

    // Wednesday 2 December: the acknowledgment was never sent.
    clock.set(new Date('2026-12-02T08:00:00Z'));
    const missed = await sweepDeadlines(database.handle.db, clock);
    expect(missed.missed).toBe(1);
    const events = await withTenant(database.handle.db, org.id, (tx) =>
      listDossierEvents(tx, org.id, complaint.id),
    );
    expect(events.at(-1)).toMatchObject({
      type: 'complaint.clock_missed',
      data: { clock: 'acknowledgment', dueDate: '2026-12-01' },
    });
    expect((await notificationsOf(complaint.id)).filter((n) => n.kind === 'clock_missed')).toHaveLength(3);

    await sweepDeadlines(database.handle.db, clock);
    expect((await notificationsOf(complaint.id)).filter((n) => n.kind === 'clock_missed')).toHaveLength(3);

    // Met late: the acknowledgment goes out after all.
    const state = await takeStep({ db: database.handle.db, clock }, org.handler.context, complaint.id, {
      action: 'acknowledge',
    });
    expect(state.clocks.find((c) => c.kind === 'acknowledgment')).toMatchObject({ state: 'met_late' });
  });

  it('shows a person their own notifications over the API only', async () => {
    const { buildApp } = await import('../app.ts');
    const app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024, maxJsonBodyBytes: 1024 * 64 },
      readiness: async () => [],
    });
    try {
      const mine = await app.inject({
        method: 'GET',
        url: '/api/v1/notifications?unread=true',
        headers: { authorization: `Bearer ${org.handler.token}` },
      });
      expect(mine.statusCode).toBe(200);
      const list = mine.json<Array<{ id: string; message: string }>>();
      expect(list.length).toBeGreaterThan(0);
      const other = await app.inject({
        method: 'POST',
        url: `/api/v1/notifications/${list[0]!.id}/read`,
        headers: { authorization: `Bearer ${org.auditor.token}` },
      });
      expect(other.statusCode).toBe(404);
      const read = await app.inject({
        method: 'POST',
        url: `/api/v1/notifications/${list[0]!.id}/read`,
        headers: { authorization: `Bearer ${org.handler.token}` },
      });
      expect(read.statusCode).toBe(204);
      const after = await app.inject({
        method: 'GET',
        url: '/api/v1/notifications?unread=true',
        headers: { authorization: `Bearer ${org.handler.token}` },
      });
      expect(after.json<unknown[]>().length).toBe(list.length - 1);
    } finally {
      await app.close();
    }
  });

  it('looks at a complaint again only once a clock can change or a step was taken', async () => {
    // Received Monday 7 December 2026: acknowledgment due Thursday 10 December, warned from Wednesday.
    clock.set(new Date('2026-12-07T09:00:00Z'));
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
    const quietUntil = () =>
      withTenant(database.handle.db, org.id, (tx) =>
        tx
          .selectFrom('complaints')
          .select('clocks_quiet_until')
          .where('organisation_id', '=', org.id)
          .where('id', '=', complaint.id)
          .executeTakeFirstOrThrow(),
      );
    // Registration computed the clocks: nothing can change before Wednesday 00:00 Amsterdam.
    expect(new Date((await quietUntil()).clocks_quiet_until!).toISOString()).toBe('2026-12-08T23:00:00.000Z');
    const sweptIds = async () => {
      const before = await notificationsOf(complaint.id);
      const report = await sweepDeadlines(database.handle.db, clock);
      return { report, told: (await notificationsOf(complaint.id)).length - before.length };
    };
    clock.set(new Date('2026-12-08T12:00:00Z'));
    expect((await sweptIds()).told).toBe(0);

    clock.set(new Date('2026-12-09T07:00:00Z'));
    expect((await sweptIds()).told).toBeGreaterThan(0);
    // Warned and recorded: the next runs that day skip it, until the clock runs out.
    expect(new Date((await quietUntil()).clocks_quiet_until!).toISOString()).toBe('2026-12-10T23:00:00.000Z');
    clock.advance(15 * 60 * 1000);
    const again = await sweepDeadlines(database.handle.db, clock);
    expect(again.complaintsChecked).toBe(0);

    // A step recomputes the clocks and with them the moment.
    await takeStep({ db: database.handle.db, clock }, org.handler.context, complaint.id, {
      action: 'acknowledge',
    });
    expect((await quietUntil()).clocks_quiet_until).not.toBeNull();
    clock.set(new Date('2026-12-11T08:00:00Z'));
    expect((await sweptIds()).told).toBe(0);
  });

  it('leaves closed and far-off complaints alone', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const fresh = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
    await takeStep({ db: database.handle.db, clock }, org.handler.context, fresh.id, {
      action: 'withdraw',
    });
    clock.set(new Date('2027-03-01T09:00:00Z'));
    await sweepDeadlines(database.handle.db, clock);
    expect(await notificationsOf(fresh.id)).toEqual([]);
  });
});
