import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { startJobs, type JobRunner } from '../jobs/jobs.ts';
import { bulkAssignmentsJob, BULK_ASSIGNMENTS_JOB } from '../jobs/bulk-assignments.job.ts';
import { takeStep } from '../procedure/procedure.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { runBulkAssignment } from './bulk-assignment.runner.ts';
import { startBulkAssignment } from './bulk-assignment.service.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 21));

describe.each(databaseKinds())('reassigning several complaints at once on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let jobs: JobRunner;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const call = (method: 'GET' | 'POST', token: string, url: string, payload?: object, key?: string) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
  const start = (payload: object, token = org.coordinator.token, key?: string) =>
    call('POST', token, '/api/v1/complaints/bulk-assignments', payload, key);
  const progress = (id: string, token = org.coordinator.token) =>
    call('GET', token, `/api/v1/complaints/bulk-assignments/${id}`);
  const finished = async (id: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const body = (await progress(id)).json();
      if (body.status === 'finished' || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const complaint = () =>
    createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
  const eventsOf = async (complaintId: string) =>
    (await call('GET', org.coordinator.token, `/api/v1/complaints/${complaintId}/events`))
      .json()
      .map((e: { type: string; data: Record<string, unknown> }) => e);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    // The API hands the request to pg-boss, as in a server; its worker runs it.
    jobs = await startJobs(
      database.handle,
      {
        db: database.handle.db,
        clock,
        log: pino({ level: 'silent' }),
        secrets,
        limits: { maxMailBytes: 1024 * 1024, maxAttachmentBytes: 1024 * 1024 },
      },
      [bulkAssignmentsJob],
    );
    app = await buildApp({
      db: database.handle.db,
      clock,
      secrets,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
      bulkAssignmentQueue: {
        enqueue: async (job) => {
          await jobs.boss.send(BULK_ASSIGNMENTS_JOB, job);
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await jobs.stop();
    await database.close();
  });

  it('reassigns each through the step with its own event; a closed one fails with its reason, the rest go on', async () => {
    const [first, closed, third] = [await complaint(), await complaint(), await complaint()];
    // The second is withdrawn meanwhile: it can no longer be reassigned.
    await takeStep({ db: database.handle.db, clock }, org.coordinator.context, closed.id, {
      action: 'withdraw',
    });
    const response = await start({
      complaintIds: [first.id, closed.id, third.id],
      handlerId: org.coordinator.id,
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ total: 3, handlerId: org.coordinator.id });
    const result = await finished(response.json().id);
    expect(result).toMatchObject({ status: 'finished', total: 3, done: 2, failed: 1 });
    expect(result.items.map((i: { status: string }) => i.status)).toEqual(['done', 'failed', 'done']);
    expect(result.items[1]).toMatchObject({ complaintId: closed.id, reasonCode: 'illegal_transition' });
    expect(result.items[1].reason).toContain('De klacht is al afgesloten of ingetrokken.');

    for (const id of [first.id, third.id]) {
      const events = await eventsOf(id);
      expect(events.filter((e: { type: string }) => e.type === 'complaint.handler_assigned')).toHaveLength(1);
      const view = (await call('GET', org.coordinator.token, `/api/v1/complaints/${id}`)).json();
      expect(view.handler.id).toBe(org.coordinator.id);
    }
    // The refused step is on the withdrawn dossier's record, as a single refused step would be.
    expect((await eventsOf(closed.id)).at(-1).type).toBe('complaint.action_refused');

    // Run again (a retried job): nothing settled is done twice.
    await runBulkAssignment(
      { db: database.handle.db, clock },
      { organisationId: org.id, bulkAssignmentId: result.id },
    );
    const again = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('dossier_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('complaint_id', 'in', [first.id, closed.id, third.id])
        .executeTakeFirstOrThrow(),
    );
    await runBulkAssignment(
      { db: database.handle.db, clock },
      { organisationId: org.id, bulkAssignmentId: result.id },
    );
    const after = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('dossier_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('complaint_id', 'in', [first.id, closed.id, third.id])
        .executeTakeFirstOrThrow(),
    );
    expect(after.n).toBe(again.n);
  });

  it('records a handler who became inactive after the request as the reason for each complaint', async () => {
    const [a, b] = [await complaint(), await complaint()];
    const deps = { db: database.handle.db, clock };
    // Stored but not yet run; then the chosen colleague's account is switched off.
    const { view } = await startBulkAssignment(
      { ...deps, queue: { enqueue: async () => undefined } },
      org.coordinator.context,
      { complaintIds: [a.id, b.id], handlerId: org.admin.id },
    );
    await withTenant(database.handle.db, org.id, (tx) =>
      tx.updateTable('users').set({ disabled_at: clock.now() }).where('id', '=', org.admin.id).execute(),
    );
    await runBulkAssignment(deps, { organisationId: org.id, bulkAssignmentId: view.id });
    const result = (await progress(view.id)).json();
    expect(result).toMatchObject({ status: 'finished', done: 0, failed: 2 });
    for (const item of result.items) {
      expect(item).toMatchObject({
        reasonCode: 'validation_failed',
        reason: 'Deze behandelaar bestaat niet of mag geen klachten behandelen.',
      });
    }
    const view2 = (await call('GET', org.coordinator.token, `/api/v1/complaints/${a.id}`)).json();
    expect(view2.handler.id).toBe(org.handler.id);

    // Asked for afresh, the inactive colleague is refused at once.
    const refused = await start({ complaintIds: [a.id], handlerId: org.admin.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'handler_not_eligible' });
  });

  it('is started by the coordinator only (the auditor reads its progress), within the organisation, and refuses too many at once', async () => {
    const a = await complaint();
    const payload = { complaintIds: [a.id], handlerId: org.coordinator.id };
    for (const token of [org.handler.token, org.auditor.token, org.employee.token]) {
      const response = await start(payload, token);
      expect(response.statusCode).toBe(403);
    }
    // Another organisation's coordinator: the complaint is unknown there.
    expect(
      (
        await start({ complaintIds: [a.id], handlerId: other.coordinator.id }, other.coordinator.token)
      ).json(),
    ).toMatchObject({ code: 'complaint_not_found' });

    const own = await start(payload, org.coordinator.token, 'bulk-key-1');
    expect(own.statusCode).toBe(202);
    const replay = await start(payload, org.coordinator.token, 'bulk-key-1');
    expect(replay.statusCode).toBe(202);
    expect(replay.json().id).toBe(own.json().id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await finished(own.json().id);

    expect((await progress(own.json().id, other.coordinator.token)).statusCode).toBe(404);
    expect((await progress(own.json().id, org.handler.token)).statusCode).toBe(403);
    expect((await progress(own.json().id, org.employee.token)).statusCode).toBe(403);
    expect((await progress(own.json().id, org.auditor.token)).statusCode).toBe(200);
    expect((await progress(own.json().id)).statusCode).toBe(200);

    const many = Array.from({ length: 201 }, () => crypto.randomUUID());
    const tooMany = await start({ complaintIds: many, handlerId: org.coordinator.id });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'bulk_assignment_too_large' });
  });
});
