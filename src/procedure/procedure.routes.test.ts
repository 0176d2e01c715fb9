import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';

describe('procedure over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const post = (token: string, url: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload: payload as object,
    });

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
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

  it('takes a step, shows the clocks, and refuses with every reason and a stable code', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { handlerId: org.handler.id },
      clock,
    );
    const state = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaint.id}/procedure`,
      headers: { authorization: `Bearer ${org.handler.token}` },
    });
    expect(state.statusCode).toBe(200);
    const acknowledgment = state.json().clocks.find((c: { kind: string }) => c.kind === 'acknowledgment');
    expect(acknowledgment).toMatchObject({ dueDate: '2026-11-26', state: 'open' });
    expect(acknowledgment.explanation).toContain('ontvangen ma 23-11-2026');

    const acknowledged = await post(
      org.handler.token,
      `/api/v1/complaints/${complaint.id}/actions/acknowledge`,
      {},
    );
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json().complaint.status).toBe('acknowledged');

    const refused = await post(org.handler.token, `/api/v1/complaints/${complaint.id}/actions/close`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({
      status: 422,
      refusals: expect.arrayContaining([expect.objectContaining({ code: 'role_not_allowed' })]),
    });
  });

  it('rejects bad step input with 400 naming the field', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { handlerId: org.handler.id },
      clock,
    );
    const base = `/api/v1/complaints/${complaint.id}/actions`;
    const unknown = await post(org.handler.token, `${base}/acknowledge`, { status: 'closed' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('/status');
    const impossible = await post(org.handler.token, `${base}/send-delay-notice`, {
      reason: 'Drukte',
      newDate: '2027-02-30',
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors[0].field).toBe('/newDate');
    const missing = await post(org.handler.token, `${base}/request-information`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('/whatIsMissing');
  });

  it('answers 404 for another organisation’s complaint', async () => {
    const complaint = await createTestComplaint(database.handle.db, org, {}, clock);
    const response = await post(
      other.coordinator.token,
      `/api/v1/complaints/${complaint.id}/actions/acknowledge`,
      {},
    );
    expect(response.statusCode).toBe(404);
    const state = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaint.id}/procedure`,
      headers: { authorization: `Bearer ${other.coordinator.token}` },
    });
    expect(state.statusCode).toBe(404);
  });
});
