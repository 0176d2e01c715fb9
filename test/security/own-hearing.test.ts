import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { fixedClock } from '../../src/clock.ts';
import { createTestComplaint, createTestOrganisation, type TestOrganisation } from '../support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The involved employee's own hearing screen talks to /api/v1/my/hearings only. It gives the
 * request, the employee's reaction, the summary and the signature — and nothing else of the
 * dossier: no complainant, no description, no other item, for any id the employee tries.
 */
describe.each(databaseKinds())('the employee’s own hearing on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let complaintId: string;
  let otherComplaintId: string;
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  const SECRET_DESCRIPTION = 'Mijn adviseur heeft de polis zonder overleg omgezet.';
  const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const step = (token: string, complaint: string, action: string, payload: object = {}) =>
    call(token, 'POST', `/api/v1/complaints/${complaint}/actions/${action}`, payload);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
    complaintId = (
      await createTestComplaint(
        database.handle.db,
        org,
        { handlerId: org.handler.id, description: SECRET_DESCRIPTION },
        clock,
      )
    ).id;
    otherComplaintId = (await createTestComplaint(database.handle.db, org, {}, clock)).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('names an involved employee after opening; an auditor may not, an unknown id is refused', async () => {
    expect((await call(org.employee.token, 'GET', '/api/v1/my/hearings')).json()).toEqual([]);
    const url = `/api/v1/complaints/${complaintId}/involved-employees`;
    expect((await call(org.auditor.token, 'POST', url, { employeeId: org.employee.id })).statusCode).toBe(
      403,
    );
    expect((await call(org.handler.token, 'POST', url, { employeeId: org.id })).statusCode).toBe(400);
    const added = await call(org.handler.token, 'POST', url, { employeeId: org.employee.id });
    expect(added.statusCode).toBe(200);
    expect(added.json<{ involvedEmployees: Array<{ id: string }> }>().involvedEmployees).toEqual([
      { id: org.employee.id, name: 'Medewerker Mo' },
    ]);
    // Naming the same person twice changes nothing and logs nothing twice.
    await call(org.handler.token, 'POST', url, { employeeId: org.employee.id });
    const events = await call(org.coordinator.token, 'GET', `/api/v1/complaints/${complaintId}/events`);
    expect(
      events.json<Array<{ type: string }>>().filter((e) => e.type === 'complaint.employee_involved'),
    ).toHaveLength(1);
  });

  it('shows the employee the request addressed to them, and nothing of the complaint itself', async () => {
    expect((await step(org.handler.token, complaintId, 'acknowledge')).statusCode).toBe(200);
    const started = await step(org.handler.token, complaintId, 'start-hearing', {
      employeeId: org.employee.id,
      requestText: 'Wilt u beschrijven hoe het omzetten van de polis is gegaan?',
    });
    expect(started.statusCode).toBe(200);

    const list = await call(org.employee.token, 'GET', '/api/v1/my/hearings');
    expect(list.statusCode).toBe(200);
    const [hearing] = list.json<Array<Record<string, unknown>>>();
    expect(hearing).toMatchObject({
      complaintId,
      status: 'requested',
      requestText: 'Wilt u beschrijven hoe het omzetten van de polis is gegaan?',
      reactions: [],
      statement: null,
      mayReact: true,
      maySign: false,
    });
    expect(hearing!['reactionDueDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(list.body).not.toContain('Jan de Vries');
    expect(list.body).not.toContain(SECRET_DESCRIPTION);
    expect(list.body).not.toContain('jan@example.nl');
  });

  it('takes the employee’s reaction into the dossier and tells the handler', async () => {
    const reaction = 'De klant vroeg zelf om de omzetting, telefonisch op 3 november.';
    const answer = await call(org.employee.token, 'POST', `/api/v1/my/hearings/${complaintId}/reaction`, {
      text: reaction,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json<{ reactions: Array<{ text: string }> }>().reactions.map((r) => r.text)).toEqual([
      reaction,
    ]);
    const items = await call(org.handler.token, 'GET', `/api/v1/complaints/${complaintId}/items`);
    expect(items.json<Array<{ kind: string; body: string; authorId: string }>>()).toContainEqual(
      expect.objectContaining({ kind: 'statement', body: reaction, authorId: org.employee.id }),
    );
    const events = await call(org.handler.token, 'GET', `/api/v1/complaints/${complaintId}/events`);
    const event = events.json<Array<{ type: string; data: Record<string, unknown> }>>().at(-1)!;
    expect(event.type).toBe('hearing.reaction_received');
    expect(JSON.stringify(event.data)).not.toContain('telefonisch');
    const notices = await call(org.handler.token, 'GET', '/api/v1/notifications');
    expect(notices.body).toContain('heeft gereageerd op het verzoek om wederhoor');
    const empty = await call(org.employee.token, 'POST', `/api/v1/my/hearings/${complaintId}/reaction`, {
      text: '   ',
    });
    expect(empty.statusCode).toBe(400);
  });

  it('lets the employee sign the summary, after which the hearing is closed to new reactions', async () => {
    const early = await call(org.employee.token, 'POST', `/api/v1/my/hearings/${complaintId}/sign`, {});
    expect(early.statusCode).toBe(422);
    expect(
      (
        await step(org.handler.token, complaintId, 'record-hearing-statement', {
          employeeId: org.employee.id,
          statementText: 'Medewerker verklaart dat de klant zelf om de omzetting vroeg.',
        })
      ).statusCode,
    ).toBe(200);
    const draft = await call(org.employee.token, 'GET', `/api/v1/my/hearings/${complaintId}`);
    expect(draft.json()).toMatchObject({
      status: 'statement_draft',
      statement: { text: 'Medewerker verklaart dat de klant zelf om de omzetting vroeg.' },
      maySign: true,
    });
    const signed = await call(org.employee.token, 'POST', `/api/v1/my/hearings/${complaintId}/sign`, {});
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', maySign: false, mayReact: false });
    expect(signed.body).not.toContain(SECRET_DESCRIPTION);
    const late = await call(org.employee.token, 'POST', `/api/v1/my/hearings/${complaintId}/reaction`, {
      text: 'Nog iets.',
    });
    expect(late.statusCode).toBe(409);
  });

  it('answers 404 for every hearing that is not the caller’s own, and keeps the dossier closed', async () => {
    const notInvolved = [
      `/api/v1/my/hearings/${otherComplaintId}`,
      `/api/v1/my/hearings/${complaintId}/documents/${otherComplaintId}/content`,
    ];
    for (const url of notInvolved)
      expect((await call(org.employee.token, 'GET', url)).statusCode, url).toBe(404);
    // The handler of the complaint is not the employee heard: their /my/ view is empty.
    expect((await call(org.handler.token, 'GET', `/api/v1/my/hearings/${complaintId}`)).statusCode).toBe(404);
    expect((await call(org.handler.token, 'GET', '/api/v1/my/hearings')).json()).toEqual([]);
    expect(
      (await call(org.handler.token, 'POST', `/api/v1/my/hearings/${complaintId}/reaction`, { text: 'x' }))
        .statusCode,
    ).toBe(404);
    for (const url of [
      `/api/v1/complaints/${complaintId}`,
      `/api/v1/complaints/${complaintId}/items`,
      `/api/v1/complaints/${complaintId}/events`,
      `/api/v1/complaints/${complaintId}/procedure`,
      '/api/v1/complaints',
      '/api/v1/intake',
      '/api/v1/cancellations',
    ]) {
      const response = await call(org.employee.token, 'GET', url);
      expect([403, 404], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain(SECRET_DESCRIPTION);
    }
  });
});
