import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganisation, type TestOrganisation } from '../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../test/support/test-database.ts';
import { buildApp } from './app.ts';
import { fixedClock } from './clock.ts';

const validBody = {
  channel: 'phone',
  receivedAt: '2026-11-23T10:15:00+01:00',
  complainant: { name: 'Els Mulder', email: 'els@example.nl', phone: '06-12345678' },
  product: 'Uitvaartverzekering',
  description: 'Er wordt na opzegging nog premie afgeschreven.',
  desiredOutcome: 'Terugbetaling.',
};

describe.each(databaseKinds())('HTTP API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    orgA = await createTestOrganisation(database.handle.db, clock);
    orgB = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 64 * 1024, maxJsonBodyBytes: 32 * 1024 },
      readiness: async () => [{ name: 'database', ok: true }],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function countComplaints(org: TestOrganisation): Promise<number> {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/complaints?limit=100',
      headers: auth(org.coordinator.token),
    });
    return response.json<{ items: unknown[] }>().items.length;
  }

  it('registers, reads and lists a complaint', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: auth(orgA.coordinator.token),
      payload: validBody,
    });
    expect(created.statusCode).toBe(201);
    const complaint = created.json();
    expect(complaint).toMatchObject({
      reference: expect.stringMatching(/^KL-2026-\d{4}$/),
      status: 'received',
      receivedAt: '2026-11-23T09:15:00.000Z',
    });
    expect(created.headers['location']).toBe(`/api/v1/complaints/${complaint.id}`);
    expect(created.headers['cache-control']).toBe('no-store');

    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaint.id}`,
      headers: auth(orgA.auditor.token),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: complaint.id, complainant: { name: 'Els Mulder' } });

    const events = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaint.id}/events`,
      headers: auth(orgA.coordinator.token),
    });
    expect(events.json()).toEqual([
      expect.objectContaining({ sequence: 1, type: 'complaint.registered', previousHash: null }),
    ]);
    expect(await countComplaints(orgA)).toBeGreaterThanOrEqual(1);
  });

  it('keeps the dossier: notes and attachments with their digest, served only as download', async () => {
    const complaint = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: auth(orgA.handler.token),
        payload: validBody,
      })
    ).json();
    const note = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaint.id}/notes`,
      headers: auth(orgA.handler.token),
      payload: { text: 'Klant gebeld, incasso wordt gestopt.' },
    });
    expect(note.statusCode).toBe(201);
    const pdf = Buffer.from('%PDF-1.4\n% scan van de brief\n');
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaint.id}/attachments?fileName=${encodeURIComponent('../../brief van mevrouw é.pdf')}`,
      headers: { ...auth(orgA.handler.token), 'content-type': 'application/octet-stream' },
      payload: pdf,
    });
    expect(upload.statusCode).toBe(201);
    const document = upload.json().documents[0];
    expect(document).toMatchObject({
      fileName: 'brief van mevrouw é.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
    });

    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaint.id}/documents/${document.id}/content`,
      headers: auth(orgA.auditor.token),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="brief van mevrouw e.pdf"; filename*=UTF-8''brief%20van%20mevrouw%20%C3%A9.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');

    const items = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaint.id}/items`,
      headers: auth(orgA.coordinator.token),
    });
    expect(items.json().map((i: { kind: string }) => i.kind)).toEqual(['note', 'attachment']);

    const tooBig = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaint.id}/attachments?fileName=groot.bin`,
      headers: { ...auth(orgA.handler.token), 'content-type': 'application/octet-stream' },
      payload: Buffer.alloc(65 * 1024, 1),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('shows another organisation’s dossier to nobody: 404 on every route, absent from lists', async () => {
    const complaint = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: auth(orgA.coordinator.token),
        payload: validBody,
      })
    ).json();
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaint.id}/attachments?fileName=a.txt`,
      headers: { ...auth(orgA.coordinator.token), 'content-type': 'application/octet-stream' },
      payload: Buffer.from('vertrouwelijk'),
    });
    const documentId = upload.json().documents[0].id;
    for (const url of [
      `/api/v1/complaints/${complaint.id}`,
      `/api/v1/complaints/${complaint.id}/items`,
      `/api/v1/complaints/${complaint.id}/events`,
      `/api/v1/complaints/${complaint.id}/documents/${documentId}/content`,
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: auth(orgB.coordinator.token) });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain('Els Mulder');
    }
    const note = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaint.id}/notes`,
      headers: auth(orgB.coordinator.token),
      payload: { text: 'inbraak' },
    });
    expect(note.statusCode).toBe(404);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/complaints?limit=100',
      headers: auth(orgB.coordinator.token),
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(complaint.id);
  });

  it('answers without or with a bad token with 401 problem+json', async () => {
    const tampered = orgA.coordinator.token.slice(0, -2) + 'xx';
    for (const headers of [{}, auth('nonsense'), auth(tampered), { authorization: 'Basic abc' }]) {
      const response = await app.inject({ method: 'GET', url: '/api/v1/complaints', headers });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    }
  });

  describe('bad input gets 400 naming the field and stores nothing', () => {
    it.each([
      ['an unknown top-level field', { ...validBody, status: 'closed' }, '/status'],
      [
        'an unknown nested field',
        { ...validBody, complainant: { ...validBody.complainant, isAdmin: true } },
        '/complainant/isAdmin',
      ],
      ['a number where text belongs', { ...validBody, description: 42 }, '/description'],
      ['a string where a date-time belongs', { ...validBody, receivedAt: 'gisteren' }, '/receivedAt'],
      ['an unknown channel', { ...validBody, channel: 'fax' }, '/channel'],
      ['a missing required field', { ...validBody, complainant: undefined }, '/complainant'],
      [
        'a bad e-mail address',
        { ...validBody, complainant: { name: 'X', email: 'geen-adres' } },
        '/complainant/email',
      ],
      ['a client-chosen reference', { ...validBody, reference: 'KL-2026-0001' }, '/reference'],
      [
        'a client-chosen organisation',
        { ...validBody, organisationId: '00000000-0000-7000-8000-000000000000' },
        '/organisationId',
      ],
    ])('%s', async (_label, payload, field) => {
      const before = await countComplaints(orgA);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: auth(orgA.coordinator.token),
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem).toMatchObject({ status: 400, code: 'validation_failed' });
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countComplaints(orgA)).toBe(before);
    });

    it.each([
      ['malformed JSON', '{"channel": "email",', 'malformed_json'],
      ['a __proto__ key', '{"__proto__": {"admin": true}, "channel": "email"}', 'malformed_json'],
      ['an empty body', '', 'malformed_json'],
    ])('%s', async (_label, payload, code) => {
      const before = await countComplaints(orgA);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: { ...auth(orgA.coordinator.token), 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ status: 400, code });
      expect(await countComplaints(orgA)).toBe(before);
    });

    it('an oversized body gets 413', async () => {
      const before = await countComplaints(orgA);
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        headers: auth(orgA.coordinator.token),
        payload: { ...validBody, description: 'x'.repeat(40 * 1024) },
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large' });
      expect(await countComplaints(orgA)).toBe(before);
    });

    it('a bad id in the path or query names it', async () => {
      const path = await app.inject({
        method: 'GET',
        url: '/api/v1/complaints/not-a-uuid',
        headers: auth(orgA.coordinator.token),
      });
      expect(path.statusCode).toBe(400);
      expect(path.json().errors[0].field).toBe('params:/id');
      const query = await app.inject({
        method: 'GET',
        url: '/api/v1/complaints?limit=1000',
        headers: auth(orgA.coordinator.token),
      });
      expect(query.statusCode).toBe(400);
      expect(query.json().errors[0].field).toBe('querystring:/limit');
    });
  });

  it('publishes an OpenAPI document with every route and its schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/complaints',
        '/api/v1/complaints/{id}',
        '/api/v1/complaints/{id}/items',
        '/api/v1/complaints/{id}/events',
        '/api/v1/complaints/{id}/notes',
        '/api/v1/complaints/{id}/attachments',
        '/api/v1/complaints/{id}/documents/{documentId}/content',
        '/api/v1/organisation',
        '/api/v1/users',
        '/health',
        '/ready',
      ]),
    );
    for (const [path, operations] of Object.entries(
      document.paths as Record<string, Record<string, { responses?: object }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(Object.keys(operation.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
  });

  it('reports compliance gaps of a fresh organisation and clears them once settled', async () => {
    const fresh = await app.inject({
      method: 'GET',
      url: '/api/v1/organisation',
      headers: auth(orgB.admin.token),
    });
    expect(fresh.json().complianceGaps.map((g: { code: string }) => g.code)).toEqual([
      'kifid_affiliation_number_missing',
      'disputes_body_unconfirmed',
    ]);
    expect(fresh.json().disputesBody).toMatchObject({
      phone: '070-333 8 999',
      postalAddress: 'Postbus 93257',
    });
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/v1/organisation',
      headers: auth(orgB.admin.token),
      payload: { kifidAffiliationNumber: '300.012345' },
    });
    expect(patched.statusCode).toBe(200);
    const confirmed = await app.inject({
      method: 'PUT',
      url: '/api/v1/organisation/disputes-body',
      headers: auth(orgB.admin.token),
      payload: { ...fresh.json().disputesBody, confirmedAt: undefined },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().complianceGaps).toEqual([]);
    const byHandler = await app.inject({
      method: 'PATCH',
      url: '/api/v1/organisation',
      headers: auth(orgB.handler.token),
      payload: { kifidAffiliationNumber: 'n.n.b.' },
    });
    expect(byHandler.statusCode).toBe(403);
  });

  it('serves health and readiness without a token, and 404 problem for unknown routes', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'route_not_found' });
  });
});

describe('deadlines endpoint', () => {
  it('computes the deadlines for the UI and refuses a timestamp without offset', async () => {
    const database = await openTestDatabase('pglite');
    const org = await createTestOrganisation(database.handle.db);
    const app = await buildApp({
      db: database.handle.db,
      clock: fixedClock(new Date('2026-11-24T09:00:00Z')),
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 32 * 1024 },
      readiness: async () => [],
    });
    try {
      const ok = await app.inject({
        method: 'GET',
        url: `/api/v1/deadlines?receivedAt=${encodeURIComponent('2028-12-21T10:00:00+01:00')}`,
        headers: { authorization: `Bearer ${org.coordinator.token}` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        received: '2028-12-21',
        acknowledgeBy: '2028-12-28',
        decisionBy: '2029-01-22',
        provisional: true,
        uncoveredYears: [2029],
      });
      expect(ok.json().explanations.acknowledgeBy).toContain('Eerste Kerstdag');
      const bad = await app.inject({
        method: 'GET',
        url: '/api/v1/deadlines?receivedAt=2028-12-21T10:00:00',
        headers: { authorization: `Bearer ${org.coordinator.token}` },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('querystring:/receivedAt');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('Idempotency-Key on intake', () => {
  it.each(databaseKinds())(
    'on %s: replays, refuses another body, and answers 409 to a concurrent retry',
    async (kind) => {
      const database = await openTestDatabase(kind);
      const org = await createTestOrganisation(database.handle.db);
      const app = await buildApp({
        db: database.handle.db,
        clock: fixedClock(new Date('2026-11-24T09:00:00Z')),
        config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 32 * 1024 },
        readiness: async () => [],
      });
      const send = (key: string, payload: object) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/complaints',
          headers: { authorization: `Bearer ${org.coordinator.token}`, 'idempotency-key': key },
          payload,
        });
      const count = async () =>
        (
          await app.inject({
            method: 'GET',
            url: '/api/v1/complaints?limit=100',
            headers: { authorization: `Bearer ${org.coordinator.token}` },
          })
        ).json<{ items: unknown[] }>().items.length;
      try {
        const first = await send('bestelling-4711', validBody);
        expect(first.statusCode).toBe(201);
        const again = await send('bestelling-4711', validBody);
        expect(again.statusCode).toBe(201);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.json().id).toBe(first.json().id);
        expect(again.json().reference).toBe(first.json().reference);

        const other = await send('bestelling-4711', { ...validBody, description: 'Iets anders.' });
        expect(other.statusCode).toBe(422);
        expect(other.json()).toMatchObject({ code: 'idempotency_key_reused' });

        const concurrent = await Promise.all(
          Array.from({ length: 5 }, () => send('gelijktijdig-1', validBody)),
        );
        const statuses = concurrent.map((r) => r.statusCode);
        expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
        expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
        const ids = new Set(concurrent.filter((r) => r.statusCode === 201).map((r) => r.json().id as string));
        expect(ids.size).toBe(1);

        // A failed attempt frees the key: the corrected retry is processed.
        const bad = await send('herstel-1', {
          ...validBody,
          handlerId: '00000000-0000-7000-8000-000000000000',
        });
        expect(bad.statusCode).toBe(400);
        const fixed = await send('herstel-1', {
          ...validBody,
          handlerId: '00000000-0000-7000-8000-000000000000',
        });
        expect(fixed.statusCode).toBe(400);

        const invalidKey = await send('met spatie', validBody);
        expect(invalidKey.statusCode).toBe(400);
        expect(invalidKey.json()).toMatchObject({ code: 'idempotency_key_invalid' });
        expect(await count()).toBe(2);
      } finally {
        await app.close();
        await database.close();
      }
    },
  );
});
