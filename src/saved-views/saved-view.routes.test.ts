import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
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

describe.each(databaseKinds())('saved views and the queue filters over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('saves, lists and deletes a user’s own views, and no one else’s', async () => {
    const filters = {
      status: ['received', 'acknowledged'],
      liabilityFlag: true,
      overdue: true,
      q: 'klachten',
    };
    const created = await call(org.handler.token, 'POST', '/api/v1/saved-views', {
      name: '  Mijn   spoed ',
      filters,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Mijn spoed', filters });

    const again = await call(org.handler.token, 'POST', '/api/v1/saved-views', {
      name: 'mijn spoed',
      filters,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'saved_view_name_taken' });
    // Another user may use the same name.
    expect(
      (await call(org.coordinator.token, 'POST', '/api/v1/saved-views', { name: 'Mijn spoed', filters: {} }))
        .statusCode,
    ).toBe(201);

    const mine = await call(org.handler.token, 'GET', '/api/v1/saved-views');
    expect(mine.json().map((v: { name: string }) => v.name)).toEqual(['Mijn spoed']);
    const id = created.json().id as string;
    expect((await call(org.coordinator.token, 'DELETE', `/api/v1/saved-views/${id}`)).statusCode).toBe(404);
    expect((await call(other.coordinator.token, 'DELETE', `/api/v1/saved-views/${id}`)).statusCode).toBe(404);
    expect((await call(org.handler.token, 'DELETE', `/api/v1/saved-views/${id}`)).statusCode).toBe(204);
    expect((await call(org.handler.token, 'GET', '/api/v1/saved-views')).json()).toEqual([]);
    expect((await call(org.coordinator.token, 'GET', '/api/v1/saved-views')).json()).toHaveLength(1);
    // Row-level security: the other organisation's session sees none of these rows even unfiltered.
    const seen = await withTenant(
      database.handle.db,
      other.id,
      async (tx) => (await sql<{ id: string }>`SELECT id FROM saved_views`.execute(tx)).rows,
    );
    expect(seen).toEqual([]);
  });

  it('refuses a view without a name, with unknown filters, or for an employee', async () => {
    const empty = await call(org.handler.token, 'POST', '/api/v1/saved-views', { name: '   ', filters: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toBe('Geef de weergave een naam.');
    const unknown = await call(org.handler.token, 'POST', '/api/v1/saved-views', {
      name: 'x',
      filters: { colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const employee = await call(org.employee.token, 'POST', '/api/v1/saved-views', {
      name: 'x',
      filters: {},
    });
    expect(employee.statusCode).toBe(403);
  });

  it('takes the queue filters and search as query parameters, and refuses bad ones', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { description: 'Klacht over de schadeafhandeling', receivedAt: new Date('2026-11-02T10:00:00Z') },
      clock,
    );
    const found = await call(
      org.coordinator.token,
      'GET',
      '/api/v1/complaints?sort=deadline&q=klachten&overdue=true&liabilityFlag=false&handlerId=none&status=received&status=acknowledged',
    );
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([
      expect.objectContaining({
        id: complaint.id,
        nextClockDue: '2026-11-05',
        nextClockKind: 'acknowledgment',
        nextClockUrgency: 'missed',
        category: null,
      }),
    ]);
    for (const bad of ['handlerId=iemand', 'overdue=misschien', `q=${'x'.repeat(201)}`, 'category=']) {
      const refused = await call(org.coordinator.token, 'GET', `/api/v1/complaints?${bad}`);
      expect(refused.statusCode, bad).toBe(400);
    }
    const categories = await call(org.coordinator.token, 'GET', '/api/v1/complaints/categories');
    expect(categories.statusCode).toBe(200);
    expect(categories.json()).toEqual([]);
  });
});
