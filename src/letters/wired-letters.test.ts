import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { issueApiToken } from '../auth/api-token.ts';
import { fixedClock } from '../clock.ts';
import { withTenant } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { newId } from '../ids.ts';
import { performAction, takeStep } from '../procedure/procedure.service.ts';
import { deriveSecrets } from '../secrets.ts';
import { insertUser } from '../users/user.repository.ts';
import { pdfToText, writeFirstPagePng } from './render/pdf-tools.ts';

const secrets = deriveSecrets(Buffer.alloc(32, 7));
const flat = (pdf: Uint8Array) => pdfToText(Buffer.from(pdf)).replace(/\s+/g, ' ');

describe.each(databaseKinds())(
  'hearing statement, insurer consultation record and meeting confirmation on %s',
  (kind) => {
    let database: TestDatabase;
    let app: FastifyInstance;
    let org: TestOrganisation;
    let other: TestOrganisation;
    const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
    const deps = () => ({ db: database.handle.db, clock, letters: { secrets } });
    const db = () => database.handle.db;

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      org = await createTestOrganisation(db(), clock);
      other = await createTestOrganisation(db(), clock);
      await withTenant(db(), org.id, (tx) =>
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
      const { buildApp } = await import('../app.ts');
      app = await buildApp({
        db: db(),
        clock,
        config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
        readiness: async () => [],
        secrets,
      });
    });
    afterAll(async () => {
      await app.close();
      await database.close();
    });

    const lettersOf = (complaintId: string, type: string) =>
      withTenant(db(), org.id, (tx) =>
        tx
          .selectFrom('letters as l')
          .innerJoin('documents as d', (j) =>
            j.onRef('d.organisation_id', '=', 'l.organisation_id').onRef('d.id', '=', 'l.document_id'),
          )
          .select([
            'l.id',
            'l.recipient_kind',
            'l.recipient_email',
            'l.delivery',
            'l.message_id',
            'l.pdf_sha256',
            'd.content',
            'd.complaint_id',
          ])
          .where('l.organisation_id', '=', org.id)
          .where('l.complaint_id', '=', complaintId)
          .where('l.letter_type', '=', type)
          .orderBy('l.issued_at')
          .execute(),
      );
    const get = (url: string, token: string) =>
      app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    it('puts the summary of the reaction to the employee for signature, and files the signed copy', async () => {
      const complaint = await createTestComplaint(
        db(),
        org,
        { receivedAt: clock.now(), handlerId: org.handler.id, involvedEmployeeIds: [org.employee.id] },
        clock,
      );
      const handler = org.handler.context;
      await takeStep(deps(), handler, complaint.id, { action: 'acknowledge' });
      await takeStep(deps(), handler, complaint.id, {
        action: 'start_hearing',
        employeeId: org.employee.id,
        requestText: 'Wilt u toelichten waarom de expert pas na een week is ingeschakeld?',
      });
      clock.advance(2 * 24 * 60 * 60 * 1000);
      const statementText =
        'De medewerker verklaart dat de expert op 14 november is ingeschakeld, direct na ontvangst van de foto’s van de schade (€ 3.480).';

      // An empty required element refuses the step: nothing is recorded, no letter is made.
      await expect(
        performAction(deps(), handler, complaint.id, {
          action: 'record_hearing_statement',
          employeeId: org.employee.id,
          statementText,
          letterFields: { reactionSummary: '   ' },
        }),
      ).rejects.toMatchObject({
        status: 400,
        code: 'letter_incomplete',
        message: expect.stringMatching(
          /^De samenvatting van de reactie kan nog niet.*de samenvatting van de reactie/,
        ),
      });
      expect(await lettersOf(complaint.id, 'hearing_statement')).toEqual([]);

      await takeStep(deps(), handler, complaint.id, {
        action: 'record_hearing_statement',
        employeeId: org.employee.id,
        statementText,
      });
      const [letter] = await lettersOf(complaint.id, 'hearing_statement');
      expect(letter).toMatchObject({
        recipient_kind: 'employee',
        recipient_email: expect.stringContaining('Medewerker Mo@'),
        delivery: 'email',
        complaint_id: complaint.id,
      });
      expect(sha256Hex(letter!.content!)).toBe(letter!.pdf_sha256);
      writeFirstPagePng(
        Buffer.from(letter!.content!),
        `test-artifacts/letters/hearing-statement-${kind}.png`,
        70,
      );
      const text = flat(letter!.content!);
      for (const part of [
        complaint.reference,
        '25 november 2026', // the date of the reaction
        'Behandelaar Bea', // who wrote the summary
        'direct na ontvangst van de foto’s van de schade (€ 3.480)', // the summary
        'Voor akkoord',
        'Medewerker Mo',
      ]) {
        expect(text).toContain(part);
      }

      // The employee's own view: their statement, and nothing of anyone else's.
      type OwnDocument = { id: string; letterType: string };
      const mine = await get('/api/v1/my/hearings', org.employee.token);
      expect(mine.statusCode).toBe(200);
      expect(mine.json()).toEqual([
        expect.objectContaining({
          complaintId: complaint.id,
          reference: complaint.reference,
          status: 'statement_draft',
        }),
      ]);
      const ownDocuments = mine.json<Array<{ documents: OwnDocument[] }>>()[0]!.documents;
      expect(ownDocuments.map((d) => d.letterType)).toEqual(['hearing_request', 'hearing_statement']);
      const statementId = ownDocuments.find((d) => d.letterType === 'hearing_statement')!.id;
      const url = `/api/v1/my/hearings/${complaint.id}/documents`;
      const own = await get(`${url}/${statementId}/content`, org.employee.token);
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-type']).toBe('application/pdf');
      expect(sha256Hex(own.rawPayload)).toBe(letter!.pdf_sha256);
      expect(own.headers['digest']).toBe(
        `sha-256=${Buffer.from(letter!.pdf_sha256, 'hex').toString('base64')}`,
      );
      // Staff read the same PDF in the dossier.
      const inDossier = `/api/v1/complaints/${complaint.id}/documents/${statementId}/content`;
      expect((await get(inDossier, org.handler.token)).statusCode).toBe(200);
      const colleague = await addEmployee(org, 'Collega Kees');
      expect((await get(`${url}/${statementId}/content`, colleague)).statusCode).toBe(404);
      expect((await get('/api/v1/my/hearings', colleague)).json()).toEqual([]);
      expect((await get(`${url}/${statementId}/content`, other.coordinator.token)).statusCode).toBe(404);
      expect((await get(`${url}/${statementId}/content`, other.employee.token)).statusCode).toBe(404);
      // The complaint's dossier itself stays closed to the employee.
      expect([403, 404]).toContain(
        (await get(`/api/v1/complaints/${complaint.id}/items`, org.employee.token)).statusCode,
      );
      expect([403, 404]).toContain((await get(inDossier, org.employee.token)).statusCode);

      // Another employee cannot sign it; the employee signs it themselves, on their own screen.
      const signUrl = `/api/v1/my/hearings/${complaint.id}/sign`;
      const forged = await app.inject({
        method: 'POST',
        url: signUrl,
        headers: { authorization: `Bearer ${colleague}` },
        payload: {},
      });
      expect(forged.statusCode).toBe(404);
      clock.advance(60 * 60 * 1000);
      const signed = await app.inject({
        method: 'POST',
        url: signUrl,
        headers: { authorization: `Bearer ${org.employee.token}` },
        payload: {},
      });
      expect(signed.statusCode, signed.body).toBe(200);

      const hearing = await withTenant(db(), org.id, (tx) =>
        tx
          .selectFrom('hearings')
          .select(['status', 'statement_letter_id', 'signed_document_id'])
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaint.id)
          .executeTakeFirstOrThrow(),
      );
      expect(hearing).toMatchObject({ status: 'signed', statement_letter_id: letter!.id });
      const afterSigning = await get(`/api/v1/my/hearings/${complaint.id}`, org.employee.token);
      const signedCopy = afterSigning
        .json<{ documents: OwnDocument[] }>()
        .documents.find((d) => d.letterType === 'hearing_statement_signed');
      expect(signedCopy?.id).toBe(hearing.signed_document_id);
      const signedPdf = await get(`${url}/${signedCopy!.id}/content`, org.employee.token);
      expect(signedPdf.statusCode).toBe(200);
      writeFirstPagePng(
        signedPdf.rawPayload,
        `test-artifacts/letters/hearing-statement-signed-${kind}.png`,
        70,
      );
      const signedText = flat(signedPdf.rawPayload);
      expect(signedText).toContain('direct na ontvangst van de foto’s van de schade');
      expect(signedText).toContain('Datum 25 november 2026 om 11.00 uur');
      expect(signedText).toContain('Handtekening Elektronisch ondertekend in Klachtwijzer');
      const filed = await withTenant(db(), org.id, async (tx) => ({
        item: await tx
          .selectFrom('documents as d')
          .innerJoin('dossier_items as i', (j) =>
            j.onRef('i.organisation_id', '=', 'd.organisation_id').onRef('i.id', '=', 'd.item_id'),
          )
          .select(['i.kind', 'd.sha256'])
          .where('d.organisation_id', '=', org.id)
          .where('d.id', '=', hearing.signed_document_id!)
          .executeTakeFirstOrThrow(),
        event: await tx
          .selectFrom('dossier_events')
          .select('data')
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaint.id)
          .where('type', '=', 'hearing.statement_signed_copy_filed')
          .executeTakeFirstOrThrow(),
      }));
      expect(filed.item.kind).toBe('statement');
      expect(filed.event.data).toEqual({
        employeeId: org.employee.id,
        statementLetterId: letter!.id,
        statementSha256: letter!.pdf_sha256,
        signedDocumentId: hearing.signed_document_id,
        signedSha256: filed.item.sha256,
      });
    });

    it('records the consultation with the insurer and sends them its record to confirm (R5)', async () => {
      const complaint = await createTestComplaint(
        db(),
        org,
        { receivedAt: clock.now(), handlerId: org.handler.id },
        clock,
      );
      const handler = org.handler.context;
      await takeStep(deps(), handler, complaint.id, { action: 'flag_liability' });
      await takeStep(deps(), handler, complaint.id, {
        action: 'notify_insurer',
        letterFields: { liabilityReason: 'De klager stelt dat ons advies over de dekking onjuist was.' },
      });
      clock.advance(24 * 60 * 60 * 1000);
      const step = {
        action: 'record_insurer_consultation' as const,
        at: new Date(clock.now().getTime() - 2 * 60 * 60 * 1000),
        withWhom: 'mevrouw S. Öztürk (schadebehandelaar)',
        agreed: 'Wij erkennen geen aansprakelijkheid en leggen ons standpunt eerst aan de verzekeraar voor.',
      };
      await expect(
        performAction(deps(), handler, complaint.id, { ...step, letterFields: { policyNumber: '' } }),
      ).rejects.toMatchObject({
        code: 'letter_incomplete',
        message: expect.stringContaining('het polisnummer'),
      });
      const count = () =>
        withTenant(db(), org.id, (tx) =>
          tx
            .selectFrom('insurer_consultations')
            .select('id')
            .where('organisation_id', '=', org.id)
            .where('complaint_id', '=', complaint.id)
            .execute(),
        );
      expect(await count()).toEqual([]);

      await takeStep(deps(), handler, complaint.id, {
        ...step,
        letterFields: {
          consultationMode: 'telefonisch',
          nextStep: 'Wij sturen u het concept van ons standpunt.',
        },
      });
      expect(await count()).toHaveLength(1);
      const [letter] = await lettersOf(complaint.id, 'insurer_consultation_record');
      expect(letter).toMatchObject({
        recipient_kind: 'insurer',
        recipient_email: 'schade@nationale-ba.example.nl',
        delivery: 'email',
      });
      writeFirstPagePng(
        Buffer.from(letter!.content!),
        `test-artifacts/letters/insurer-consultation-record-${kind}.png`,
        70,
      );
      const text = flat(letter!.content!);
      for (const part of [
        complaint.reference,
        '26 november 2026',
        'mevrouw S. Öztürk (schadebehandelaar)',
        'BA-778899',
        'Wij erkennen geen aansprakelijkheid',
        'Behandelaar Bea',
        'telefonisch',
        'Nationale Beroepsaansprakelijkheid N.V.',
      ]) {
        expect(text).toContain(part);
      }
      const outbox = await withTenant(db(), org.id, (tx) =>
        tx
          .selectFrom('outbox')
          .select(['recipient', 'complaint_id'])
          .where('organisation_id', '=', org.id)
          .where('letter_id', '=', letter!.id)
          .execute(),
      );
      expect(outbox).toEqual([{ recipient: 'schade@nationale-ba.example.nl', complaint_id: complaint.id }]);
    });

    it('confirms the meeting the complainant accepted, at the new time, with the same calendar event', async () => {
      const complaint = await createTestComplaint(
        db(),
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
        },
        clock,
      );
      const handler = org.handler.context;
      await takeStep(deps(), handler, complaint.id, { action: 'acknowledge' });
      await expect(
        performAction(deps(), handler, complaint.id, { action: 'confirm_meeting' }),
      ).rejects.toMatchObject({ status: 422, message: expect.stringContaining('geen gesprek gepland') });
      await takeStep(deps(), handler, complaint.id, {
        action: 'plan_meeting',
        scheduledFor: new Date('2026-12-03T13:00:00Z'),
      });
      clock.advance(60 * 60 * 1000);
      const moved = new Date('2026-12-04T09:30:00Z');
      await expect(
        performAction(deps(), handler, complaint.id, {
          action: 'confirm_meeting',
          scheduledFor: moved,
          letterFields: { location: ' ' },
        }),
      ).rejects.toMatchObject({
        code: 'letter_incomplete',
        message: expect.stringContaining('de plaats van het gesprek'),
      });

      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${complaint.id}/actions/confirm-meeting`,
        headers: { authorization: `Bearer ${org.handler.token}` },
        payload: {
          scheduledFor: moved.toISOString(),
          letterFields: { notes: 'U bent welkom vanaf 10.15 uur; u mag iemand meenemen.' },
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      const meeting = await withTenant(db(), org.id, (tx) =>
        tx
          .selectFrom('meetings')
          .select(['scheduled_for', 'confirmed_at', 'invited_at'])
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaint.id)
          .executeTakeFirstOrThrow(),
      );
      expect(new Date(meeting.scheduled_for).toISOString()).toBe(moved.toISOString());
      expect(new Date(meeting.confirmed_at!).toISOString()).toBe(clock.now().toISOString());

      const [letter] = await lettersOf(complaint.id, 'meeting_confirmation');
      expect(letter).toMatchObject({ recipient_kind: 'complainant', delivery: 'email' });
      writeFirstPagePng(
        Buffer.from(letter!.content!),
        `test-artifacts/letters/meeting-confirmation-${kind}.png`,
        70,
      );
      const text = flat(letter!.content!);
      for (const part of [
        complaint.reference,
        'vrijdag 4 december 2026', // date
        '10.30 tot 11.30 uur', // times, Amsterdam
        'Assurantiekantoor Brouwer & Zoën, Keizersgracht 1, Amsterdam', // place
        'Behandelaar Bea', // with whom
        'klachten@brouwer-zoen.nl', // how to reach us
        'u mag iemand meenemen',
        'Ëlla van Dijk-Noël',
      ]) {
        expect(text).toContain(part);
      }
      const calendars = await withTenant(db(), org.id, (tx) =>
        tx
          .selectFrom('documents')
          .select('content')
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaint.id)
          .where('file_name', '=', 'gesprek.ics')
          .orderBy('created_at')
          .execute(),
      );
      expect(calendars).toHaveLength(2);
      const [invitation, confirmation] = calendars.map((c) => Buffer.from(c.content!).toString());
      const uid = (ics: string) => /^UID:(.+)$/m.exec(ics.replace(/\r\n /g, ''))?.[1];
      expect(uid(confirmation!)).toBe(uid(invitation!));
      expect(uid(confirmation!)).toContain(`${complaint.id}-${new Date(meeting.invited_at).getTime()}@`);
      expect(confirmation).toContain('SEQUENCE:1');
      expect(confirmation).toContain('DTSTART;TZID=Europe/Amsterdam:20261204T103000');
      const events = await withTenant(db(), org.id, (tx) =>
        tx
          .selectFrom('dossier_events')
          .select(['type', 'data'])
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaint.id)
          .where('type', '=', 'complaint.meeting_confirmed')
          .execute(),
      );
      expect(events).toEqual([
        {
          type: 'complaint.meeting_confirmed',
          data: expect.objectContaining({ scheduledFor: moved.toISOString(), moved: true }),
        },
      ]);
    });

    async function addEmployee(organisation: TestOrganisation, name: string): Promise<string> {
      const id = newId();
      const token = await withTenant(db(), organisation.id, async (tx) => {
        await insertUser(tx, {
          organisation_id: organisation.id,
          id,
          email: `${name.replace(/\s/g, '.')}@${organisation.slug}.nl`,
          display_name: name,
          roles: ['employee'],
          password_hash: null,
          must_change_password: true,
          disabled_at: null,
          created_at: clock.now(),
        });
        return issueApiToken(tx, clock, { organisationId: organisation.id, userId: id, name: 'test' });
      });
      return token.token;
    }
  },
);
