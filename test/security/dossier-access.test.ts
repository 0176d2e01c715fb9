import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { takeStep } from '../../src/procedure/procedure.service.ts';
import { createTestComplaint, createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Per role, every dossier route with another person's complaint: 404, never a leak. */
describe.each(databaseKinds())('who sees which dossier on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let assigned: string;
  let unassigned: string;
  let othersComplaint: string;
  let otherHandlerToken: string;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const get = (token: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const dossierUrls = (id: string) => [
    `/api/v1/complaints/${id}`,
    `/api/v1/complaints/${id}/items`,
    `/api/v1/complaints/${id}/events`,
    `/api/v1/complaints/${id}/procedure`,
  ];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    const other = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
    assigned = (
      await createTestComplaint(
        database.handle.db,
        org,
        { handlerId: org.handler.id, involvedEmployeeIds: [org.employee.id] },
        clock,
      )
    ).id;
    unassigned = (await createTestComplaint(database.handle.db, org, {}, clock)).id;
    othersComplaint = (
      await createTestComplaint(database.handle.db, other, { handlerId: other.handler.id }, clock)
    ).id;
    // A colleague handler in the same organisation, with no complaint of their own.
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${org.admin.token}` },
      payload: { email: 'collega@kantoor.nl', displayName: 'Collega', roles: ['handler'] },
    });
    if (response.statusCode !== 201) throw new Error(`could not create a second handler: ${response.body}`);
    const { issueApiToken } = await import('../../src/auth/api-token.ts');
    const { withTenant } = await import('../../src/db/tenant.ts');
    otherHandlerToken = (
      await withTenant(database.handle.db, org.id, (tx) =>
        issueApiToken(tx, clock, {
          organisationId: org.id,
          userId: response.json<{ id: string }>().id,
          name: 'test',
        }),
      )
    ).token;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lets the coordinator and the auditor read every dossier of their own organisation only', async () => {
    for (const token of [org.coordinator.token, org.auditor.token]) {
      for (const url of [...dossierUrls(assigned), ...dossierUrls(unassigned)])
        expect((await get(token, url)).statusCode, url).toBe(200);
      for (const url of dossierUrls(othersComplaint))
        expect((await get(token, url)).statusCode, url).toBe(404);
    }
  });

  it('lets a handler read what is assigned to them and what awaits triage, nothing else', async () => {
    for (const url of [...dossierUrls(assigned), ...dossierUrls(unassigned)])
      expect((await get(org.handler.token, url)).statusCode, url).toBe(200);
    for (const url of dossierUrls(assigned))
      expect((await get(otherHandlerToken, url)).statusCode, url).toBe(404);
    const ids = async (token: string, url: string) =>
      (await get(token, url)).json<{ items: Array<{ id: string }> }>().items.map((i) => i.id);
    // The work queue of a handler is their own; the unassigned ones wait under handlerId=none.
    expect(await ids(otherHandlerToken, '/api/v1/complaints?limit=100')).toEqual([]);
    expect(await ids(org.handler.token, '/api/v1/complaints?limit=100')).toEqual([assigned]);
    expect(await ids(otherHandlerToken, '/api/v1/complaints?limit=100&handlerId=none')).toEqual([unassigned]);
    expect(await ids(org.handler.token, '/api/v1/complaints?limit=100&handlerId=none')).toEqual([unassigned]);
    expect(await ids(otherHandlerToken, `/api/v1/complaints?limit=100&handlerId=${org.handler.id}`)).toEqual(
      [],
    );
    const note = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${assigned}/notes`,
      headers: { authorization: `Bearer ${otherHandlerToken}` },
      payload: { text: 'Ik kijk even mee.' },
    });
    expect(note.statusCode).toBe(404);
    const step = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${assigned}/actions/acknowledge`,
      headers: { authorization: `Bearer ${otherHandlerToken}` },
      payload: {},
    });
    expect(step.statusCode).toBe(404);
  });

  it('shows an involved employee no dossier at all, not even the one about them', async () => {
    for (const url of [...dossierUrls(assigned), '/api/v1/complaints']) {
      const response = await get(org.employee.token, url);
      expect([403, 404], url).toContain(response.statusCode);
      expect(response.body).not.toContain('Jan de Vries');
    }
  });

  it('lets the employee sign their own statement on their own screen only, and returns nothing of the dossier', async () => {
    const deps = { db: database.handle.db, clock };
    await takeStep(deps, org.handler.context, assigned, { action: 'acknowledge' });
    await takeStep(deps, org.handler.context, assigned, {
      action: 'start_hearing',
      employeeId: org.employee.id,
      requestText: 'Uw reactie?',
    });
    await takeStep(deps, org.handler.context, assigned, {
      action: 'record_hearing_statement',
      employeeId: org.employee.id,
      statementText: 'Mijn kant van het verhaal.',
    });
    // The dossier's own step route stays closed to them: their one way in is /my/hearings.
    const viaDossier = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${assigned}/actions/sign-hearing-statement`,
      headers: { authorization: `Bearer ${org.employee.token}` },
      payload: { employeeId: org.employee.id },
    });
    expect(viaDossier.statusCode).toBe(404);
    const signed = await app.inject({
      method: 'POST',
      url: `/api/v1/my/hearings/${assigned}/sign`,
      headers: { authorization: `Bearer ${org.employee.token}` },
      payload: {},
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ complaintId: assigned, status: 'signed' });
    expect(Object.keys(signed.json<object>())).not.toContain('description');
    const notTheirs = await app.inject({
      method: 'POST',
      url: `/api/v1/my/hearings/${unassigned}/sign`,
      headers: { authorization: `Bearer ${org.employee.token}` },
      payload: {},
    });
    expect(notTheirs.statusCode).toBe(404);
  });

  it('records every read, visible to the coordinator', async () => {
    await get(org.auditor.token, `/api/v1/complaints/${assigned}`);
    const reads = await get(org.coordinator.token, `/api/v1/complaints/${assigned}/reads`);
    expect(reads.statusCode).toBe(200);
    const list = reads.json<Array<{ userId: string; what: string }>>();
    expect(list[0]).toMatchObject({ userId: org.auditor.id, what: 'complaint' });
    expect(list.some((r) => r.userId === org.handler.id && r.what === 'events')).toBe(true);
    expect((await get(org.handler.token, `/api/v1/complaints/${assigned}/reads`)).statusCode).toBe(403);
  });
});
