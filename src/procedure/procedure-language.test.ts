import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';

interface ClockJson {
  kind: string;
  explanation: string;
  explanationText: string;
  explanationDetail: { kind: string; term?: { countedDays: string[] } };
}
interface RefusalJson {
  code: string;
  message: string;
  text: string;
}
interface StateJson {
  language: string;
  clocks: ClockJson[];
  actions: Array<{ action: string; refusals: RefusalJson[] }>;
}

const DUTCH_ACK =
  'ontvangen ma 23-11-2026; 3 werkdagen na ontvangst: di 24, wo 25 en do 26 november; uiterlijk do 26-11-2026';
const ENGLISH_ACK =
  'received Mon 23 Nov 2026; 3 working days after receipt: Tue 24, Wed 25 and Thu 26 November; due by Thu 26 Nov 2026';

describe.each(databaseKinds())('the procedure in the language asked for, on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let complaintId: string;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));

  const get = async (query: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/complaints/${complaintId}/procedure${query}`,
      headers: { authorization: `Bearer ${org.handler.token}`, ...headers },
    });
    return response;
  };
  const ack = (state: StateJson) => state.clocks.find((c) => c.kind === 'acknowledgment');
  const closeRefusal = (state: StateJson) =>
    state.actions.find((a) => a.action === 'close')?.refusals.find((r) => r.code === 'role_not_allowed');

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    app = await buildApp({
      db: database.handle.db,
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
    complaintId = (await createTestComplaint(database.handle.db, org, { handlerId: org.handler.id }, clock))
      .id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('English with ?lang=en: explanationText and refusal text, next to the unchanged Dutch', async () => {
    const response = await get('?lang=en');
    expect(response.statusCode).toBe(200);
    const state = response.json<StateJson>();
    expect(state.language).toBe('en');
    expect(ack(state)).toMatchObject({ explanation: DUTCH_ACK, explanationText: ENGLISH_ACK });
    expect(ack(state)?.explanationDetail).toMatchObject({
      kind: 'term',
      start: 'receipt',
      term: { unit: 'working-days', amount: 3, countedDays: ['2026-11-24', '2026-11-25', '2026-11-26'] },
    });
    const insurer = state.clocks.find((c) => c.kind === 'insurer_notification');
    expect(insurer?.explanationText).toBe(
      'Not applicable: the complaint is not flagged as a possible liability claim.',
    );
    expect(closeRefusal(state)).toEqual({
      code: 'role_not_allowed',
      message: 'U heeft geen rol waarmee u deze stap (klacht afsluiten) mag zetten.',
      text: 'None of your roles allows you to take this step (close the complaint).',
    });
  });

  it('Accept-Language is followed when no lang is given; ?lang wins over it; Dutch by default', async () => {
    const byHeader = (await get('', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' })).json<StateJson>();
    expect(byHeader.language).toBe('en');
    expect(ack(byHeader)?.explanationText).toBe(ENGLISH_ACK);

    const chosen = (await get('?lang=nl', { 'accept-language': 'en' })).json<StateJson>();
    expect(chosen.language).toBe('nl');
    expect(ack(chosen)?.explanationText).toBe(DUTCH_ACK);
    expect(closeRefusal(chosen)?.text).toBe(closeRefusal(chosen)?.message);

    const plain = (await get('')).json<StateJson>();
    expect(plain.language).toBe('nl');
    expect(ack(plain)?.explanationText).toBe(DUTCH_ACK);
  });

  it('the deadlines of a moment of receipt, in English when asked; the Dutch stays the same', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/deadlines?receivedAt=2026-11-13T10:00:00Z&lang=en',
      headers: { authorization: `Bearer ${org.handler.token}` },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      explanations: Record<string, string>;
      explanationTexts: Record<string, string>;
    }>();
    expect(body.explanations.acknowledgeBy).toBe(
      'ontvangen vr 13-11-2026; 3 werkdagen na ontvangst: ma 16, di 17 en wo 18 november; niet meegeteld: za 14 en zo 15 november (weekend); uiterlijk wo 18-11-2026',
    );
    expect(body.explanationTexts.acknowledgeBy).toBe(
      'received Fri 13 Nov 2026; 3 working days after receipt: Mon 16, Tue 17 and Wed 18 November; not counted: Sat 14 and Sun 15 November (weekend); due by Wed 18 Nov 2026',
    );
    expect(body.explanationTexts.kifidNoPositionFrom).toMatch(
      /^received Fri 13 Nov 2026; 8 weeks after receipt: Fri 8 Jan 2027; for information: /u,
    );
  });

  it('a refused step answers its refusals in the language asked for; an unknown language is a 400', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaintId}/actions/close?lang=en`,
      headers: { authorization: `Bearer ${org.handler.token}` },
      payload: {},
    });
    expect(refused.statusCode).toBe(422);
    const refusal = (refused.json<{ refusals: RefusalJson[] }>().refusals ?? []).find(
      (r) => r.code === 'role_not_allowed',
    );
    expect(refusal?.message).toBe('U heeft geen rol waarmee u deze stap (klacht afsluiten) mag zetten.');
    expect(refusal?.text).toBe('None of your roles allows you to take this step (close the complaint).');

    expect((await get('?lang=de')).statusCode).toBe(400);
  });
});
