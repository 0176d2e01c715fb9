import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import {
  attachOtherDocument,
  issueLink,
  pageText,
  pdfBytes,
  PortalBrowser,
  storeLetter,
} from '../../test/support/portal-fixtures.ts';
import { EXE_BYTES, inputValue } from '../../test/support/public-form-client.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { parseLocalDate } from '../domain/calendar/local-date.ts';
import { verifyAllChains } from '../dossier/chain-verification.ts';
import { addNote } from '../dossier/dossier.service.ts';
import { listDossierEvents } from '../dossier/event-log.repository.ts';
import { takeStep } from '../procedure/procedure.service.ts';
import { deriveSecrets } from '../secrets.ts';

const DAY = 24 * 60 * 60 * 1000;
const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describe.each(databaseKinds())('the complainant portal on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  // Tuesday 24 November 2026, 10:00 in Amsterdam.
  const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
  let addressCounter = 0;
  const db = () => database.handle.db;

  function browser(host = 'localhost'): PortalBrowser {
    addressCounter++;
    return new PortalBrowser(app, `198.51.100.${addressCounter}`, host);
  }

  async function complaintWithLink(overrides: Parameters<typeof createTestComplaint>[2] = {}) {
    const complaint = await createTestComplaint(
      db(),
      org,
      { handlerId: org.handler.id, receivedAt: clock.now(), ...overrides },
      clock,
    );
    const link = await issueLink(db(), org.id, complaint.id, clock.now());
    return { complaint, link };
  }

  async function signedIn(overrides: Parameters<typeof createTestComplaint>[2] = {}) {
    const { complaint, link } = await complaintWithLink(overrides);
    const b = browser();
    const response = await b.get(link.path);
    expect(response.statusCode).toBe(303);
    return { complaint, link, b };
  }

  async function latestCode(complaintId: string): Promise<string> {
    const row = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('outbox')
        .select(['text_body', 'recipient', 'automatic', 'subject'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaintId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow(),
    );
    expect(row.automatic).toBe(true);
    expect(row.recipient).toBe('jan@example.nl');
    const code = /^\s+(\d{6})$/m.exec(row.text_body)?.[1];
    if (!code) throw new Error('no code in the mail');
    return code;
  }

  async function events(complaintId: string) {
    return withTenant(db(), org.id, (tx) => listDossierEvents(tx, org.id, complaintId));
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(db(), clock);
    app = await buildApp({
      db: db(),
      clock,
      config: { logLevel: 'silent', maxAttachmentBytes: 25 * 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      secrets: deriveSecrets(randomBytes(32)),
      readiness: async () => [{ name: 'database', ok: true }],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('exchanges the link once for a session cookie and redirects to a clean address', async () => {
    const { complaint, link } = await complaintWithLink();
    expect(link.url).toMatch(
      /^https:\/\/klachten\.example\.nl\/portaal\/kwp1_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/,
    );
    expect(link.expiresAt).toBeNull();
    const b = browser();
    const first = await b.get(link.path);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/portaal/klacht');
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    expect(first.headers['cache-control']).toBe('no-store');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/^kw_portal=kwps1_/);
    expect(setCookie).toContain('Path=/portaal');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');

    const page = await b.get('/portaal/klacht');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).not.toContain('script-src');
    expect(pageText(page.body)).toContain(`Uw klacht ${complaint.reference}`);
    expect(page.body).not.toContain(link.path.slice('/portaal/'.length));
    // Only the SHA-256 of the link is kept.
    const stored = await withTenant(db(), org.id, (tx) =>
      tx.selectFrom('portal_tokens').selectAll().where('organisation_id', '=', org.id).execute(),
    );
    expect(JSON.stringify(stored)).not.toContain(link.path.slice(-43));
    expect((await events(complaint.id)).map((e) => e.type)).toEqual(
      expect.arrayContaining(['portal.link_issued', 'portal.session_started']),
    );
    // Opening the link again in the same browser simply goes back to the complaint.
    expect((await b.get(link.path)).headers.location).toBe('/portaal/klacht');
  });

  it('does not spend the link on a HEAD request (mail scanners, link previews)', async () => {
    const { link } = await complaintWithLink();
    const probe = await app.inject({ method: 'HEAD', url: link.path, remoteAddress: '203.0.113.9' });
    expect(probe.statusCode).toBe(200);
    expect(probe.headers['set-cookie']).toBeUndefined();
    const b = browser();
    await b.get(link.path);
    expect((await b.get('/portaal/klacht')).statusCode).toBe(200);
  });

  it('sets a Secure, __Secure- cookie when not on localhost', async () => {
    const { link } = await complaintWithLink();
    const b = browser('klachten.example.nl');
    const response = await b.get(link.path);
    expect(String(response.headers['set-cookie'])).toMatch(/^__Secure-kw_portal=kwps1_.*; Secure/);
    expect((await b.get('/portaal/klacht')).statusCode).toBe(200);
  });

  it('asks for a one-time code by e-mail when a used link is opened again', async () => {
    const { complaint, link } = await complaintWithLink();
    await browser().get(link.path);

    const other = browser();
    const again = await other.get(link.path);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/portaal/code');
    // The code session opens nothing of the dossier.
    const blocked = await other.get('/portaal/klacht');
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toBe('/portaal/code');

    const ask = await other.get('/portaal/code');
    expect(pageText(ask.body)).toContain('j•••@e•••.nl');
    expect(ask.body).not.toContain('jan@example.nl');
    const sent = await other.submit('/portaal/code', '/portaal/code/versturen');
    expect(sent.statusCode).toBe(303);
    const code = await latestCode(complaint.id);

    const codeCookie = other.cookie;
    const confirmed = await other.submit('/portaal/code', '/portaal/code', {
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/portaal/klacht');
    expect(other.cookie).not.toBe(codeCookie);
    expect(pageText((await other.get('/portaal/klacht')).body)).toContain(complaint.reference);

    // The code works once; the session it came with is gone.
    const stale = new PortalBrowser(app, other.remoteAddress);
    stale.cookie = codeCookie;
    expect((await stale.get('/portaal/code')).statusCode).toBe(401);
    const types = (await events(complaint.id)).map((e) => e.type);
    expect(types).toContain('portal.sign_in_code_sent');
    expect(types.filter((t) => t === 'portal.session_started')).toHaveLength(2);
  });

  it('locks a code after five wrong guesses, even against the right one', async () => {
    const { complaint, link } = await complaintWithLink();
    await browser().get(link.path);
    const b = browser();
    await b.get(link.path);
    await b.submit('/portaal/code', '/portaal/code/versturen');
    const code = await latestCode(complaint.id);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await b.submit('/portaal/code', '/portaal/code', { code: wrong });
      expect(response.statusCode).toBe(400);
      expect(pageText(response.body)).toContain(`U kunt het nog ${5 - attempt} keer proberen`);
    }
    const fifth = await b.submit('/portaal/code', '/portaal/code', { code: wrong });
    expect(pageText(fifth.body)).toContain('vijf keer een verkeerde code');
    // The right code no longer helps; the page has no code field any more, so post directly.
    const csrf = inputValue(fifth.body, 'csrf')!;
    const right = await b.post('/portaal/code', { csrf, code });
    expect(right.statusCode).toBe(400);
    expect(right.headers.location).toBeUndefined();
    expect((await b.get('/portaal/klacht')).headers.location).toBe('/portaal/code');
    expect((await events(complaint.id)).map((e) => e.type)).toContain('portal.sign_in_code_locked');

    // A new code works; the limit per complaint stops a fourth code within the hour.
    await b.submit('/portaal/code', '/portaal/code/versturen');
    await b.submit('/portaal/code', '/portaal/code/versturen');
    const tooMany = await b.submit('/portaal/code', '/portaal/code/versturen');
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.headers['retry-after']).toBeDefined();
    const fresh = await latestCode(complaint.id);
    const ok = await b.submit('/portaal/code', '/portaal/code', { code: fresh });
    expect(ok.headers.location).toBe('/portaal/klacht');
  });

  it('refuses a link once the dossier ended longer ago than PORTAL_TOKEN_DAYS_AFTER_CLOSE', async () => {
    const { complaint, link } = await complaintWithLink();
    const b = browser();
    await b.get(link.path);
    await takeStep({ db: db(), clock }, org.coordinator.context, complaint.id, { action: 'withdraw' });
    clock.advance(89 * DAY);
    const stillThere = browser();
    await stillThere.get(link.path);
    expect((await stillThere.get('/portaal/code')).statusCode).toBe(200);

    clock.advance(2 * DAY);
    const late = await browser().get(link.path);
    expect(late.statusCode).toBe(404);
    expect(pageText(late.body)).toContain('Deze link werkt niet');
    const unknown = await browser().get(`/portaal/kwp1_${org.id.replaceAll('-', '')}_${'A'.repeat(43)}`);
    const blank = await browser().get('/portaal/');
    const garbage = await browser().get('/portaal/%20');
    // No hint whether the link ever existed: the same answer, word for word.
    for (const other of [unknown, blank, garbage]) {
      expect(other.statusCode).toBe(404);
      expect(other.body).toBe(late.body);
    }
  });

  it('ends the sessions of a link when the link expires (PORTAL_TOKEN_DAYS_AFTER_CLOSE=0)', async () => {
    const strict = await buildApp({
      db: db(),
      clock,
      config: {
        logLevel: 'silent',
        maxAttachmentBytes: 25 * 1024 * 1024,
        maxJsonBodyBytes: 64 * 1024,
        portalTokenDaysAfterClose: 0,
      },
      readiness: async () => [{ name: 'database', ok: true }],
    });
    try {
      const { complaint, link } = await complaintWithLink();
      addressCounter++;
      const b = new PortalBrowser(strict, `198.51.100.${addressCounter}`);
      await b.get(link.path);
      expect((await b.get('/portaal/klacht')).statusCode).toBe(200);
      await takeStep({ db: db(), clock }, org.coordinator.context, complaint.id, { action: 'withdraw' });
      clock.advance(1000);
      expect((await b.get('/portaal/klacht')).statusCode).toBe(401);
      expect((await b.get(link.path)).statusCode).toBe(404);
    } finally {
      await strict.close();
    }
  });

  it('ends a session after 30 minutes without a request', async () => {
    const { b } = await signedIn();
    clock.advance(29 * 60 * 1000);
    expect((await b.get('/portaal/klacht')).statusCode).toBe(200);
    clock.advance(29 * 60 * 1000);
    expect((await b.get('/portaal/klacht')).statusCode).toBe(200);
    clock.advance(31 * 60 * 1000);
    const gone = await b.get('/portaal/klacht');
    expect(gone.statusCode).toBe(401);
    expect(pageText(gone.body)).toContain('U bent niet (meer) aangemeld');
  });

  it('ends a session 12 hours after it began, however active', async () => {
    const { b } = await signedIn();
    for (let i = 0; i < 12 * 3 - 1; i++) {
      clock.advance(20 * 60 * 1000);
      expect((await b.get('/portaal/klacht')).statusCode).toBe(200);
    }
    clock.advance(20 * 60 * 1000);
    expect((await b.get('/portaal/klacht')).statusCode).toBe(401);
  });

  it('never shows complaint B through the link of complaint A', async () => {
    const a = await signedIn({ description: 'Klacht A over de woonverzekering.' });
    const bComplaint = await createTestComplaint(
      db(),
      org,
      { description: 'Klacht B, geheim voor A.', complainant: { name: 'Piet B', email: 'piet@example.nl' } },
      clock,
    );
    const letterOfB = await storeLetter(db(), org.id, bComplaint.id, {
      fileName: 'brief-aan-b.pdf',
      content: pdfBytes('B'),
      recipientKind: 'complainant',
      now: clock.now(),
    });
    const page = pageText((await a.b.get('/portaal/klacht')).body);
    expect(page).toContain(a.complaint.reference);
    expect(page).toContain('Klacht A');
    expect(page).not.toContain(bComplaint.reference);
    expect(page).not.toContain('Klacht B');
    expect(page).not.toContain('brief-aan-b');
    expect((await a.b.get(`/portaal/brieven/${letterOfB}`)).statusCode).toBe(404);
    expect((await a.b.get('/portaal/brieven/not-a-uuid')).statusCode).toBe(404);
    // A message sent in A's session lands in A's dossier only.
    await a.b.submit('/portaal/bericht', '/portaal/bericht', { message: 'Alleen voor A.' });
    const typesOfB = (await events(bComplaint.id)).map((e) => e.type);
    expect(typesOfB).not.toContain('portal.message_received');
  });

  it('shows only letters sent to the complainant: no notes, statements, insurer mail or employee letters', async () => {
    const { complaint, b } = await signedIn();
    const now = clock.now();
    await addNote({ db: db(), clock }, org.handler.context, complaint.id, {
      title: 'Interne notitie',
      text: 'GEHEIM-NOTITIE: klant lijkt lastig.',
    });
    await takeStep({ db: db(), clock }, org.coordinator.context, complaint.id, { action: 'acknowledge' });
    await withTenant(db(), org.id, (tx) =>
      tx
        .insertInto('complaint_involved_employees')
        .values({
          organisation_id: org.id,
          complaint_id: complaint.id,
          user_id: org.employee.id,
          added_at: now,
        })
        .execute(),
    );
    await takeStep({ db: db(), clock }, org.handler.context, complaint.id, {
      action: 'start_hearing',
      employeeId: org.employee.id,
      requestText: 'GEHEIM-VERZOEK aan de medewerker.',
    });
    await takeStep({ db: db(), clock }, org.handler.context, complaint.id, {
      action: 'record_hearing_statement',
      employeeId: org.employee.id,
      statementText: 'GEHEIM-VERKLARING van de medewerker.',
    });
    const statement = await attachOtherDocument(db(), org.id, complaint.id, {
      fileName: 'verklaring-medewerker.pdf',
      content: pdfBytes('statement'),
      kind: 'statement',
      now,
    });
    const insurer = await attachOtherDocument(db(), org.id, complaint.id, {
      fileName: 'mail-verzekeraar.pdf',
      content: pdfBytes('insurer'),
      kind: 'insurer_correspondence',
      now,
    });
    const toEmployee = await storeLetter(db(), org.id, complaint.id, {
      fileName: 'brief-aan-medewerker.pdf',
      content: pdfBytes('employee'),
      recipientKind: 'employee',
      letterType: 'hearing_request',
      now,
    });
    const toInsurer = await storeLetter(db(), org.id, complaint.id, {
      fileName: 'melding-verzekeraar.pdf',
      content: pdfBytes('insurer letter'),
      recipientKind: 'insurer',
      letterType: 'insurer_notification',
      now,
    });
    const letterBytes = pdfBytes('ontvangstbevestiging');
    const toComplainant = await storeLetter(db(), org.id, complaint.id, {
      fileName: 'ontvangstbevestiging KL.pdf',
      content: letterBytes,
      recipientKind: 'complainant',
      letterType: 'acknowledgment',
      now,
    });

    const page = await b.get('/portaal/klacht');
    const text = pageText(page.body);
    expect(text).toContain('Ontvangstbevestiging');
    expect(page.body).toContain(`/portaal/brieven/${toComplainant}`);
    for (const hidden of [
      'GEHEIM',
      'verklaring-medewerker',
      'mail-verzekeraar',
      'brief-aan-medewerker',
      'melding-verzekeraar',
      'Medewerker Mo',
      'Behandelaar Bea',
      'Interne notitie',
    ]) {
      expect(text).not.toContain(hidden);
    }
    for (const id of [statement, insurer, toEmployee, toInsurer]) {
      expect(page.body).not.toContain(id);
      expect((await b.get(`/portaal/brieven/${id}`)).statusCode).toBe(404);
    }

    const download = await b.get(`/portaal/brieven/${toComplainant}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(letterBytes)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="ontvangstbevestiging KL.pdf"; filename*=UTF-8''ontvangstbevestiging%20KL.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(download.headers['cache-control']).toBe('no-store');
    // Every look is in the dossier's read log, as the complainant.
    const reads = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('dossier_reads')
        .select(['actor_kind', 'what'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .execute(),
    );
    expect(reads).toEqual(
      expect.arrayContaining([
        { actor_kind: 'complainant', what: 'portal:overview' },
        { actor_kind: 'complainant', what: `portal:document:${toComplainant}` },
      ]),
    );
  });

  it('puts a message and uploaded files in the dossier with their events, and tells the handler', async () => {
    const { complaint, b } = await signedIn();
    const response = await b.submit(
      '/portaal/bericht',
      '/portaal/bericht',
      { message: 'Hierbij de polis en de foto’s.\nMet groet, Jan' },
      [
        { fileName: 'polis.pdf', content: pdfBytes('polis') },
        { fileName: '../../etc/factuur\u202Efdp.pdf', content: pdfBytes('factuur') },
      ],
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/portaal/klacht?notice=bericht');
    const after = await b.get(response.headers.location!);
    const text = pageText(after.body);
    expect(text).toContain('Uw bericht is verstuurd');
    expect(text).toContain('Hierbij de polis en de foto’s.');
    expect(text).toContain('polis.pdf');

    const items = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('dossier_items')
        .select(['id', 'kind', 'body', 'author_id'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .where('kind', '=', 'message_in')
        .execute(),
    );
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.body)).toContain('Hierbij de polis en de foto’s.\nMet groet, Jan');
    const documents = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('documents')
        .select(['file_name', 'media_type'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .execute(),
    );
    expect(documents.map((d) => d.media_type)).toEqual(['application/pdf', 'application/pdf']);
    expect(documents.map((d) => d.file_name)).toContain('polis.pdf');
    expect(documents.every((d) => !d.file_name.includes('/') && !d.file_name.includes('\u202E'))).toBe(true);

    const log = await events(complaint.id);
    const received = log.find((e) => e.type === 'portal.message_received');
    expect(received?.actor_kind).toBe('complainant');
    expect(received?.data).toMatchObject({
      attachmentItemIds: expect.any(Array),
      messageItemId: expect.any(String),
    });
    expect(JSON.stringify(received?.data)).not.toContain('polis');
    expect(log.filter((e) => e.type === 'dossier.attachment_added')).toHaveLength(2);
    expect((await verifyAllChains(db())).broken).toEqual([]);

    const notices = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'message'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .execute(),
    );
    expect(notices).toEqual([
      {
        user_id: org.handler.id,
        kind: 'portal_message',
        message: `${complaint.reference}: de klager stuurde via het klantportaal een bericht en 2 bestanden.`,
      },
    ]);
  });

  it('refuses files the complaint form would refuse, and an empty message, keeping what was typed', async () => {
    const { complaint, b } = await signedIn();
    const bad = await b.submit('/portaal/bericht', '/portaal/bericht', { message: 'Zie bijlage.' }, [
      { fileName: 'factuur.pdf', content: EXE_BYTES },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(pageText(bad.body)).toContain('Het bestand "factuur.pdf" nemen wij niet aan');
    expect(bad.body).toContain('Zie bijlage.</textarea>');
    const empty = await b.submit('/portaal/bericht', '/portaal/bericht', { message: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(pageText(empty.body)).toContain('Schrijf een bericht of voeg een bestand toe.');
    expect((await events(complaint.id)).map((e) => e.type)).not.toContain('portal.message_received');
  });

  it('refuses every form without the session’s CSRF token (403), and changes nothing', async () => {
    const { complaint, b } = await signedIn();
    const missing = await b.post('/portaal/bericht', { message: 'Zonder token' });
    expect(missing.statusCode).toBe(403);
    expect(pageText(missing.body)).toContain('Dit formulier kon niet worden verwerkt');
    const wrong = await b.post('/portaal/voorkeur', { csrf: 'x'.repeat(43), preference: 'meeting' });
    expect(wrong.statusCode).toBe(403);
    // A token of another session does not fit either.
    const other = await signedIn();
    const foreign = inputValue((await other.b.get('/portaal/bericht')).body, 'csrf')!;
    expect((await b.post('/portaal/bericht', { csrf: foreign, message: 'x' })).statusCode).toBe(403);
    expect((await b.post('/portaal/afmelden', {})).statusCode).toBe(403);
    const types = (await events(complaint.id)).map((e) => e.type);
    expect(types).not.toContain('portal.message_received');
    expect(types).not.toContain('portal.decision_preference_recorded');
    expect((await b.get('/portaal/klacht')).statusCode).toBe(200);
  });

  it('escapes every text it shows back: the complaint, the messages, the file names', async () => {
    const { b } = await signedIn({ description: `Mijn klacht ${XSS}`, product: `Polis ${XSS}` });
    await b.submit('/portaal/bericht', '/portaal/bericht', { message: `Bericht ${XSS}` }, [
      { fileName: '<svg onload=alert(1)>.pdf', content: pdfBytes('svg') },
    ]);
    const page = (await b.get('/portaal/klacht')).body;
    expect(page).not.toMatch(/<script>alert/);
    expect(page).not.toMatch(/<img src=x/);
    expect(page).not.toMatch(/<svg/);
    expect(page).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    const again = await b.submit('/portaal/bericht', '/portaal/bericht', { message: `</textarea>${XSS}` }, [
      { fileName: 'x.pdf', content: EXE_BYTES },
    ]);
    expect(again.statusCode).toBe(400);
    expect(again.body).not.toMatch(/<script>alert/);
    expect(again.body).toContain('&lt;/textarea&gt;');
  });

  it('records the wish for a conversation or a written answer on the complaint and in the dossier', async () => {
    const { complaint, b } = await signedIn();
    const none = await b.submit('/portaal/voorkeur', '/portaal/voorkeur', {});
    expect(none.statusCode).toBe(400);
    expect(pageText(none.body)).toContain('Kies een persoonlijk gesprek of een schriftelijk antwoord.');
    const saved = await b.submit('/portaal/voorkeur', '/portaal/voorkeur', { preference: 'meeting' });
    expect(saved.headers.location).toBe('/portaal/klacht?notice=voorkeur');
    expect(pageText((await b.get('/portaal/klacht')).body)).toContain('U koos voor een persoonlijk gesprek.');
    const row = await withTenant(db(), org.id, (tx) =>
      tx
        .selectFrom('complaints')
        .select(['decision_preference', 'decision_preference_at'])
        .where('organisation_id', '=', org.id)
        .where('id', '=', complaint.id)
        .executeTakeFirstOrThrow(),
    );
    expect(row.decision_preference).toBe('meeting');
    const recorded = (await events(complaint.id)).filter(
      (e) => e.type === 'portal.decision_preference_recorded',
    );
    expect(recorded.map((e) => e.data)).toEqual([expect.objectContaining({ preference: 'meeting' })]);
    expect((await b.get('/portaal/voorkeur')).body).toMatch(/value="meeting"[^>]* checked/);
  });

  it('shows status and dates in plain words, the new date after a delay notice, and the KiFiD route after the decision', async () => {
    await withTenant(db(), org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({ kifid_affiliation_number: '300.012345' })
        .where('id', '=', org.id)
        .execute(),
    );
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const { complaint, b } = await signedIn();
    let text = pageText((await b.get('/portaal/klacht')).body);
    expect(text).toContain('Wij hebben uw klacht ontvangen.');
    expect(text).toContain('Ontvangen op maandag 23 november 2026');
    expect(text).toContain('Ontvangstbevestiging uiterlijk donderdag 26 november 2026');
    expect(text).toContain('Ons standpunt uiterlijk woensdag 23 december 2026');
    expect(text).not.toContain('KiFiD');

    const deps = { db: db(), clock };
    await takeStep(deps, org.handler.context, complaint.id, { action: 'acknowledge' });
    await takeStep(deps, org.handler.context, complaint.id, {
      action: 'request_information',
      whatIsMissing: 'Een kopie van de polis.',
    });
    await takeStep(deps, org.handler.context, complaint.id, {
      action: 'send_delay_notice',
      reason: 'Wij wachten op de expert.',
      newDate: parseLocalDate('2027-01-15'),
    });
    text = pageText((await b.get('/portaal/klacht')).body);
    expect(text).toContain('Ontvangstbevestiging verstuurd op maandag 23 november 2026');
    expect(text).toContain('Ons standpunt uiterlijk vrijdag 15 januari 2027');
    expect(text).toContain('eerst was dat woensdag 23 december 2026');
    expect(text).toContain('Een kopie van de polis.');
    expect(text).not.toContain('Wij wachten op de expert');

    await takeStep(deps, org.handler.context, complaint.id, { action: 'register_information_received' });
    clock.advance(3 * DAY);
    // Days later the session has long ended; the decision letter brings a new personal link.
    const next = await issueLink(db(), org.id, complaint.id, clock.now());
    await b.get(next.path);
    await takeStep(deps, org.handler.context, complaint.id, {
      action: 'send_decision_letter',
      letter: {
        receivedDate: parseLocalDate('2026-11-23'),
        complaintSummary: 'U bent ontevreden over de schade-expert.',
        investigationResults: 'De expert kwam te laat.',
        judgment: 'Wij vinden uw klacht gegrond.',
        followUpActions: 'Wij vergoeden de kosten.',
        furtherContact: 'Bel ons gerust.',
        disputesBody: {
          name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
          postalAddress: 'Postbus 93257',
          postalCodeCity: '2509 AG Den Haag',
          phone: '070-333 8 999',
          email: 'consumenten@kifid.nl',
          website: 'www.kifid.nl',
          affiliationNumber: '300.012345',
          term: 'Binnen drie maanden na dit standpunt.',
        },
      },
    });
    const page = await b.get('/portaal/klacht');
    text = pageText(page.body);
    expect(text).toContain('Wij hebben u ons standpunt per brief gegeven.');
    expect(text).toContain('Ons standpunt gegeven op donderdag 26 november 2026');
    expect(text).toContain('Niet eens met ons standpunt?');
    expect(text).toContain('tot en met vrijdag 26 februari 2027');
    expect(text).toContain('Ons aansluitnummer bij het KiFiD is 300.012345');
    expect(text).toContain('Postbus 93257');
    expect(text).toContain('070-333 8 999');
    expect(page.body).toContain('href="mailto:consumenten@kifid.nl"');
    expect(page.body).toContain('href="https://www.kifid.nl"');
    // Our position is given: nothing left to choose.
    expect(text).not.toContain('Kies hoe u ons standpunt wilt horen');
    const late = await b.submit('/portaal/voorkeur', '/portaal/voorkeur', { preference: 'letter' });
    expect(late.statusCode).toBe(409);
    expect(pageText(late.body)).toContain('Er valt daarom niets meer te kiezen.');
  });

  it('speaks English when asked, and keeps the language on every link', async () => {
    const { complaint, b } = await signedIn();
    const page = await b.get('/portaal/klacht?lang=en');
    const text = pageText(page.body);
    expect(text).toContain(`Your complaint ${complaint.reference}`);
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('href="/portaal/bericht?lang=en"');
    expect(page.body).toContain('action="/portaal/afmelden?lang=en"');
    const viaHeader = await b.get('/portaal/klacht', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(pageText(viaHeader.body)).toContain('Where does your complaint stand?');
  });

  it('signs out: the session ends and the cookie goes', async () => {
    const { b } = await signedIn();
    const out = await b.submit('/portaal/klacht', '/portaal/afmelden');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/portaal/afgemeld');
    expect(b.cookie).toBeNull();
    expect(pageText((await b.get('/portaal/afgemeld')).body)).toContain('U bent afgemeld');
    expect((await b.get('/portaal/klacht')).statusCode).toBe(401);
  });

  it('limits how often one link can be tried', async () => {
    const { link } = await complaintWithLink();
    const b = browser();
    await b.get(link.path);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await browser().get(link.path)).statusCode);
    expect(statuses.slice(0, 9).every((s) => s === 303)).toBe(true);
    const limited = await browser().get(link.path);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
