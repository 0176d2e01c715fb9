import { simpleParser } from 'mailparser';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { startSmtpServer, type SmtpTestServer } from '../../test/support/smtp-server.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { parseLocalDate } from '../domain/calendar/local-date.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { verifySignedMessageId } from '../mail/message-id-signature.ts';
import { performAction, takeStep } from '../procedure/procedure.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { sendDueMail } from './outbox-sender.ts';
import { pdfToText, writeFirstPagePng } from './render/pdf-tools.ts';
import { saveSmtpSettings } from './smtp-settings.service.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 6));

describe.each(databaseKinds())('letters of the procedure steps on %s', (kind) => {
  let database: TestDatabase;
  let smtp: SmtpTestServer;
  let org: TestOrganisation;
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const deps = () => ({
    db: database.handle.db,
    clock,
    letters: { secrets, publicBaseUrl: 'https://klachten.brouwer-zoen.nl' },
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    smtp = await startSmtpServer();
    org = await createTestOrganisation(database.handle.db, clock);
    await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .updateTable('organisations')
        .set({
          name: 'Assurantiekantoor Brouwer & Zoën',
          email: 'klachten@brouwer-zoen.nl',
          phone: '020-123 45 67',
          street: 'Keizersgracht 1',
          postal_code: '1015 AA',
          city: 'Amsterdam',
          kifid_affiliation_number: '300.012345',
          liability_insurer_name: 'Nationale Beroepsaansprakelijkheid N.V.',
          liability_insurer_contact: 'afdeling Schade',
          liability_insurer_email: 'schade@nationale-ba.example.nl',
          liability_insurer_policy_number: 'BA-778899',
        })
        .where('id', '=', org.id)
        .execute(),
    );
    await saveSmtpSettings({ db: database.handle.db, clock, secrets }, org.admin.context, {
      host: smtp.host,
      port: smtp.port,
      secure: false,
      username: null,
      fromAddress: 'klachten@brouwer-zoen.nl',
      fromName: 'Brouwer & Zoën klachten',
      replyTo: null,
    });
  });
  afterAll(async () => {
    await smtp.stop();
    await database.close();
  });

  const lettersOf = (complaintId: string) =>
    withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('letters as l')
        .innerJoin('documents as d', (j) =>
          j.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
        )
        .select([
          'l.letter_type',
          'l.delivery',
          'l.status',
          'l.message_id',
          'l.pdf_sha256',
          'd.content',
          'd.sha256',
        ])
        .where('l.organisation_id', '=', org.id)
        .where('l.complaint_id', '=', complaintId)
        .orderBy('l.issued_at')
        .execute(),
    );

  it('acknowledges with a PDF holding the six elements of R2, mailed under a signed Message-ID', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      {
        receivedAt: clock.now(),
        handlerId: org.handler.id,
        complainant: {
          name: 'Ëlla van Dijk-Noël',
          email: 'ella@example.nl',
          street: 'Kerkstraat 12',
          postalCode: '3512 AB',
          city: 'Utrecht',
        },
        description:
          'De schade-expert is na drie weken nog niet langs geweest voor mijn waterschade van € 3.480.',
      },
      clock,
    );
    clock.advance(60 * 60 * 1000);
    await takeStep(deps(), org.handler.context, complaint.id, {
      action: 'acknowledge',
      letterFields: {
        complaintSummary: 'u bent ontevreden over de trage afhandeling van uw waterschade (€ 3.480).',
      },
    });
    const [letter] = await lettersOf(complaint.id);
    expect(letter).toMatchObject({ letter_type: 'acknowledgment', delivery: 'email', status: 'sent' });
    expect(letter!.sha256).toBe(letter!.pdf_sha256);
    expect(sha256Hex(letter!.content!)).toBe(letter!.pdf_sha256);

    writeFirstPagePng(
      Buffer.from(letter!.content!),
      `test-artifacts/letters/procedure-acknowledgment-${kind}.png`,
      70,
    );
    const text = pdfToText(Buffer.from(letter!.content!)).replace(/\s+/g, ' ');
    expect(text).toContain(complaint.reference);
    expect(text).toContain('23 november 2026'); // (a) date of receipt
    expect(text).toContain('trage afhandeling van uw waterschade (€ 3.480)'); // (b)
    expect(text).toContain('Gaat de klacht over een medewerker'); // (c)
    expect(text).toContain('23 december 2026'); // (d) the date, not "within a month"
    expect(text).toContain('Behandelaar Bea'); // (e)
    expect(text).toContain('klachten@brouwer-zoen.nl'); // (f)
    expect(text).toContain('Ëlla van Dijk-Noël');
    // The complainant's personal portal link, issued with the letter.
    // (The PDF may break the long link after /portaal/; the mail body keeps it whole.)
    expect(text).toMatch(/persoonlijke pagina https:\/\/klachten\.brouwer-zoen\.nl\/portaal\/ ?kwp1_\S+/);
    const tokens = await withTenant(database.handle.db, org.id, (tx) =>
      tx.selectFrom('portal_tokens').select('complaint_id').where('organisation_id', '=', org.id).execute(),
    );
    expect(tokens).toEqual([{ complaint_id: complaint.id }]);

    const before = smtp.received.length;
    expect(
      await sendDueMail({ db: database.handle.db, clock, secrets, log: pino({ level: 'silent' }) }),
    ).toMatchObject({ sent: 1 });
    const mail = await simpleParser(smtp.received[before]!.raw);
    expect(mail.messageId).toBe(letter!.message_id);
    expect(verifySignedMessageId(mail.messageId!, secrets.messageIdKey)).toMatchObject({
      organisationId: org.id,
      complaintId: complaint.id,
    });
    expect(mail.subject).toContain(`[${complaint.reference}]`);
    expect(mail.text).toContain('Behandelaar Bea');
    expect(mail.text).toMatch(/https:\/\/klachten\.brouwer-zoen\.nl\/portaal\/kwp1_[\w-]+/);
    expect(mail.headers.get('auto-submitted')).toBe('no');
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    expect(sha256Hex(mail.attachments[0]!.content)).toBe(letter!.pdf_sha256);
  });

  it('sends information requests, delay notices, invitations with iCalendar, and the decision with its KiFiD block', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      {
        receivedAt: clock.now(),
        handlerId: org.handler.id,
        complainant: { name: 'Piet Post', street: 'Dorpsstraat 1', postalCode: '6721 AB', city: 'Bennekom' },
      },
      clock,
    );
    const handler = org.handler.context;
    await takeStep(deps(), handler, complaint.id, { action: 'acknowledge' });
    await takeStep(deps(), handler, complaint.id, {
      action: 'request_information',
      whatIsMissing: 'Uw polisnummer.',
    });
    await takeStep(deps(), handler, complaint.id, {
      action: 'send_delay_notice',
      reason: 'Wij wachten op het rapport van de expert.',
      newDate: parseLocalDate('2027-01-29'),
    });
    clock.advance(24 * 60 * 60 * 1000);
    await takeStep(deps(), handler, complaint.id, {
      action: 'plan_meeting',
      scheduledFor: new Date('2026-12-01T13:00:00Z'),
    });
    await takeStep(deps(), handler, complaint.id, {
      action: 'send_decision_letter',
      letter: {
        receivedDate: parseLocalDate('2026-11-23'),
        complaintSummary: 'U bent ontevreden over de afhandeling van uw schade.',
        investigationResults: 'Wij hebben het dossier en de correspondentie met de expert bekeken.',
        judgment: 'Wij vinden uw klacht gegrond.',
        followUpActions: 'Wij vergoeden € 150 voor het ongemak.',
        furtherContact: 'Bel ons gerust over dit standpunt.',
        disputesBody: {
          name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
          postalAddress: 'Postbus 93257',
          postalCodeCity: '2509 AG Den Haag',
          phone: '070-333 8 999',
          email: 'consumenten@kifid.nl',
          website: 'www.kifid.nl',
          affiliationNumber: '300.012345',
          term: 'U kunt zich binnen drie maanden na dit standpunt tot het KiFiD wenden.',
        },
      },
    });
    const letters = await lettersOf(complaint.id);
    // No e-mail address on this dossier: every letter goes by post, none to the outbox.
    expect(letters.map((l) => [l.letter_type, l.delivery])).toEqual([
      ['acknowledgment', 'post'],
      ['information_request', 'post'],
      ['delay_notice', 'post'],
      ['meeting_invitation', 'post'],
      ['decision', 'post'],
    ]);
    const text = (type: string) =>
      pdfToText(Buffer.from(letters.find((l) => l.letter_type === type)!.content!)).replace(/\s+/g, ' ');
    expect(text('information_request')).toContain('Uw polisnummer.');
    expect(text('delay_notice')).toContain('Wij wachten op het rapport van de expert.');
    expect(text('delay_notice')).toContain('29 januari 2027');
    expect(text('meeting_invitation')).toContain('14.00 tot 15.00 uur');
    const decision = text('decision');
    for (const part of [
      'Wij vinden uw klacht gegrond.',
      'Wij vergoeden € 150 voor het ongemak.',
      'Postbus 93257',
      '2509 AG Den Haag',
      '070-333 8 999',
      'consumenten@kifid.nl',
      'www.kifid.nl',
      '300.012345',
      'drie maanden',
    ]) {
      expect(decision).toContain(part);
    }
    const ics = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('documents')
        .select('content')
        .where('organisation_id', '=', org.id)
        .where('file_name', '=', 'gesprek.ics')
        .executeTakeFirst(),
    );
    expect(Buffer.from(ics!.content!).toString()).toContain('BEGIN:VEVENT');
  });

  it('asks the involved employee for their side by letter, with the answer date of the hearing clock', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id, involvedEmployeeIds: [org.employee.id] },
      clock,
    );
    await takeStep(deps(), org.handler.context, complaint.id, { action: 'acknowledge' });
    await takeStep(deps(), org.handler.context, complaint.id, {
      action: 'start_hearing',
      employeeId: org.employee.id,
      requestText: 'Wilt u toelichten waarom de expert pas na een week is ingeschakeld?',
    });
    const letters = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('letters')
        .select(['letter_type', 'recipient_kind', 'recipient_email', 'document_id'])
        .where('organisation_id', '=', org.id)
        .where('complaint_id', '=', complaint.id)
        .where('letter_type', '=', 'hearing_request')
        .execute(),
    );
    expect(letters).toEqual([
      expect.objectContaining({
        recipient_kind: 'employee',
        recipient_email: expect.stringContaining('Medewerker Mo@'),
      }),
    ]);
    const pdf = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('documents')
        .select('content')
        .where('organisation_id', '=', org.id)
        .where('id', '=', letters[0]!.document_id)
        .executeTakeFirstOrThrow(),
    );
    const text = pdfToText(Buffer.from(pdf.content!)).replace(/\s+/g, ' ');
    expect(text).toContain('waarom de expert pas na een week is ingeschakeld');
    expect(text).toContain('Medewerker Mo');
  });

  it('informs the liability insurer with a dossier extract, and wants the reason written down', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
    await takeStep(deps(), org.handler.context, complaint.id, { action: 'flag_liability' });
    await expect(
      takeStep(deps(), org.handler.context, complaint.id, { action: 'notify_insurer' }),
    ).rejects.toMatchObject({
      code: 'letter_incomplete',
    });
    await takeStep(deps(), org.handler.context, complaint.id, {
      action: 'notify_insurer',
      letterFields: {
        liabilityReason: 'De klager stelt dat ons advies over de dekking onjuist was en vraagt € 3.480.',
      },
    });
    const [letter] = await withTenant(database.handle.db, org.id, (tx) =>
      tx
        .selectFrom('letters as l')
        .innerJoin('documents as d', (j) =>
          j.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
        )
        .select(['l.recipient_kind', 'l.recipient_email', 'l.delivery', 'd.content'])
        .where('l.organisation_id', '=', org.id)
        .where('l.complaint_id', '=', complaint.id)
        .execute(),
    );
    expect(letter).toMatchObject({
      recipient_kind: 'insurer',
      recipient_email: 'schade@nationale-ba.example.nl',
      delivery: 'email',
    });
    const text = pdfToText(Buffer.from(letter!.content!)).replace(/\s+/g, ' ');
    for (const part of [
      'BA-778899',
      'ons advies over de dekking onjuist',
      'klacht ontvangen',
      'gemarkeerd als mogelijke aansprakelijkstelling',
      'Nationale Beroepsaansprakelijkheid',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('refuses a letter that misses a required element, and then nothing of the step happens', async () => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
    await expect(
      performAction(deps(), org.handler.context, complaint.id, {
        action: 'acknowledge',
        letterFields: { investigationMethod: '   ' },
      }),
    ).rejects.toMatchObject({ status: 400, code: 'letter_incomplete' });
    expect(await lettersOf(complaint.id)).toEqual([]);
    const state = await takeStep({ db: database.handle.db, clock }, org.coordinator.context, complaint.id, {
      action: 'assign_handler',
      handlerId: org.handler.id,
    });
    expect(state.complaint.status).toBe('received');
  });
});

describe('letters through the HTTP API', () => {
  it('makes the acknowledgment when the step is taken over HTTP, and tells the outbox at once', async () => {
    const { buildApp } = await import('../app.ts');
    const database = await openTestDatabase('pglite');
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    let kicks = 0;
    try {
      const org = await createTestOrganisation(database.handle.db, clock);
      const noPlace = await createTestComplaint(
        database.handle.db,
        org,
        { handlerId: org.handler.id },
        clock,
      );
      const app = await buildApp({
        db: database.handle.db,
        clock,
        config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
        readiness: async () => [],
        secrets,
        onMailQueued: () => kicks++,
      });
      // An organisation without an address cannot date its letters with a place: refused, in Dutch.
      const refused = await app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${noPlace.id}/actions/acknowledge`,
        headers: { authorization: `Bearer ${org.handler.token}` },
        payload: {},
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'letter_incomplete',
        detail: expect.stringMatching(/^De ontvangstbevestiging kan nog niet/),
      });
      await withTenant(database.handle.db, org.id, (tx) =>
        tx.updateTable('organisations').set({ city: 'Utrecht' }).where('id', '=', org.id).execute(),
      );
      const complaint = await createTestComplaint(
        database.handle.db,
        org,
        { handlerId: org.handler.id },
        clock,
      );
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${complaint.id}/actions/acknowledge`,
        headers: { authorization: `Bearer ${org.handler.token}` },
        payload: { delivery: 'email' },
      });
      expect(response.statusCode, response.body).toBe(200);
      const letters = await withTenant(database.handle.db, org.id, (tx) =>
        tx
          .selectFrom('letters')
          .select(['letter_type', 'delivery'])
          .where('organisation_id', '=', org.id)
          .execute(),
      );
      expect(letters).toEqual([{ letter_type: 'acknowledgment', delivery: 'email' }]);
      expect(kicks).toBe(1);
      await app.close();
    } finally {
      await database.close();
    }
  });
});
