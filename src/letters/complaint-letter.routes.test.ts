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
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { takeStep } from '../procedure/procedure.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { pdfToText, writeFirstPagePng } from './render/pdf-tools.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 13));
const COUNTED = ['letters', 'documents', 'dossier_events', 'portal_tokens', 'outbox'] as const;

describe.each(databaseKinds())('letters of a complaint over HTTP on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  // Monday 23 November 2026: the acknowledgment is due on Thursday 26 November.
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const call = (method: 'GET' | 'POST', token: string, url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const counts = async () =>
    withTenant(database.handle.db, org.id, async (tx) => {
      const result: Record<string, number> = {};
      for (const table of COUNTED) {
        const row = await tx
          .selectFrom(table as keyof Database)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        result[table] = Number(row.n);
      }
      return result;
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, clock);
    other = await createTestOrganisation(database.handle.db, clock);
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({
          name: 'Assurantiekantoor Brouwer & Zoën',
          email: 'klachten@brouwer-zoen.nl',
          street: 'Keizersgracht 1',
          postal_code: '1015 AA',
          city: 'Amsterdam',
          kifid_affiliation_number: '300.012345',
        })
        .where('id', '=', org.id)
        .execute(),
    );
    app = await buildApp({
      db: database.handle.db,
      clock,
      secrets,
      config: {
        logLevel: 'silent',
        maxAttachmentBytes: 1024 * 1024,
        maxJsonBodyBytes: 64 * 1024,
        publicBaseUrl: 'https://klachten.brouwer-zoen.nl',
      },
      readiness: async () => [],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('previews a letter as it would go out now, issuing and storing nothing', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      {
        receivedAt: clock.now(),
        handlerId: org.handler.id,
        complainant: { name: 'Ëlla van Dijk-Noël', email: 'ella@example.nl' },
      },
      clock,
    );
    const before = await counts();
    const response = await call(
      'POST',
      org.handler.token,
      `/api/v1/complaints/${complaint.id}/letters/preview`,
      {
        type: 'acknowledgment',
        fields: { complaintSummary: 'u bent ontevreden over de trage afhandeling van uw waterschade.' },
      },
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      type: 'acknowledgment',
      complete: true,
      problems: [],
      mediaType: 'application/pdf',
      subject: `Ontvangstbevestiging van uw klacht [${complaint.reference}]`,
    });
    const pdf = Buffer.from(body.pdf, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFirstPagePng(pdf, `test-artifacts/letters/preview-acknowledgment-${kind}.png`, 60);
    const text = pdfToText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('trage afhandeling van uw waterschade');
    expect(text).toContain('Ëlla van Dijk-Noël');
    expect(text).toContain('https://klachten.brouwer-zoen.nl/portaal/…'); // a placeholder, no link
    expect(text).not.toContain('CONCEPT');
    expect(await counts()).toEqual(before);

    // An incomplete letter: the problems in Dutch, and the PDF marked as a draft.
    const decision = await call(
      'POST',
      org.handler.token,
      `/api/v1/complaints/${complaint.id}/letters/preview`,
      {
        type: 'decision',
      },
    );
    expect(decision.statusCode).toBe(200);
    expect(decision.json().complete).toBe(false);
    expect(decision.json().problems.join(' ')).toContain('de resultaten van het onderzoek');
    expect(pdfToText(Buffer.from(decision.json().pdf, 'base64'))).toContain('CONCEPT');

    const noEmployee = await call(
      'POST',
      org.handler.token,
      `/api/v1/complaints/${complaint.id}/letters/preview`,
      {
        type: 'hearing_request',
      },
    );
    expect(noEmployee.statusCode).toBe(400);
  });

  it('keeps a preview to those who see the dossier: another handler, an employee, another organisation get 404', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.coordinator.id },
      clock,
    );
    const url = `/api/v1/complaints/${complaint.id}/letters/preview`;
    for (const token of [org.handler.token, org.employee.token, other.coordinator.token]) {
      const response = await call('POST', token, url, { type: 'acknowledgment' });
      expect(response.statusCode).toBe(404);
    }
    expect((await call('POST', org.coordinator.token, url, { type: 'acknowledgment' })).statusCode).toBe(200);
  });

  it('counts a posted letter as sent on the day it was posted', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      {
        receivedAt: clock.now(),
        handlerId: org.handler.id,
        complainant: {
          name: 'Piet Post',
          email: null,
          street: 'Dorpsstraat 3',
          postalCode: '1234 AB',
          city: 'Ede',
        },
      },
      clock,
    );
    clock.advance(60 * 60 * 1000);
    await takeStep(
      { db: database.handle.db, clock, letters: { secrets } },
      org.handler.context,
      complaint.id,
      {
        action: 'acknowledge',
      },
    );
    const [letter] = (
      await call('GET', org.handler.token, `/api/v1/complaints/${complaint.id}/letters`)
    ).json();
    expect(letter).toMatchObject({
      letterType: 'acknowledgment',
      delivery: 'post',
      status: 'posted',
      postedOn: null,
    });
    const posted = (postedOn: string, token = org.handler.token) =>
      call('POST', token, `/api/v1/complaints/${complaint.id}/letters/${letter.id}/posted`, { postedOn });
    const clockOf = async () =>
      (await call('GET', org.handler.token, `/api/v1/complaints/${complaint.id}/procedure`))
        .json()
        .clocks.find((c: { kind: string }) => c.kind === 'acknowledgment');
    expect(await clockOf()).toMatchObject({ state: 'met_on_time', metAt: '2026-11-23T10:00:00.000Z' });

    // The printed letter only went into the post on Friday the 27th; it is now Monday the 30th.
    clock.set(new Date('2026-11-30T08:00:00Z'));
    const future = await posted('2026-12-01');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'posted_date_in_future' });
    expect(future.json().detail).toContain('ligt in de toekomst');
    const early = await posted('2026-11-22');
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'posted_date_before_issue' });
    expect((await posted('2026-11-31')).statusCode).toBe(400);
    expect((await posted('2026-11-27', org.auditor.token)).statusCode).toBe(403);
    expect((await posted('2026-11-27', other.coordinator.token)).statusCode).toBe(404);

    const done = await posted('2026-11-27');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ postedOn: '2026-11-27', status: 'posted' });
    expect(await clockOf()).toMatchObject({ state: 'met_late', metAt: '2026-11-26T23:00:00.000Z' });
    expect((await posted('2026-11-27')).json().code).toBe('letter_already_posted');

    const events = (
      await call('GET', org.coordinator.token, `/api/v1/complaints/${complaint.id}/events`)
    ).json();
    expect(events.at(-1)).toMatchObject({
      type: 'letter.posted',
      data: {
        letterId: letter.id,
        letterType: 'acknowledgment',
        postedOn: '2026-11-27',
        issuedOn: '2026-11-23',
      },
    });
  });

  it('does not let a delivered e-mail be marked as posted', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
    await takeStep(
      { db: database.handle.db, clock, letters: { secrets } },
      org.handler.context,
      complaint.id,
      {
        action: 'acknowledge',
      },
    );
    const [letter] = (
      await call('GET', org.handler.token, `/api/v1/complaints/${complaint.id}/letters`)
    ).json();
    expect(letter.delivery).toBe('email');
    const response = await call(
      'POST',
      org.handler.token,
      `/api/v1/complaints/${complaint.id}/letters/${letter.id}/posted`,
      {
        postedOn: '2026-11-23',
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('letter_not_for_post');
  });
});
