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

const secrets = deriveSecrets(Buffer.alloc(32, 17));
// What a step would store; a preview leaves every one of these as it was.
const COUNTED = [
  'letters',
  'documents',
  'dossier_events',
  'portal_tokens',
  'outbox',
  'meetings',
  'insurer_consultations',
  'hearings',
] as const;

describe.each(databaseKinds())('previews of the letters written from their step on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TestOrganisation;
  let other: TestOrganisation;
  // Monday 23 November 2026, 10:00 in Amsterdam.
  const clock = fixedClock(new Date('2026-11-23T09:00:00Z'));
  const steps = () => ({ db: database.handle.db, clock, letters: { secrets } });
  const preview = (complaintId: string, payload: object, token = org.handler.token) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${complaintId}/letters/preview`,
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
  const textOf = (body: { pdf: string }) => pdfToText(Buffer.from(body.pdf, 'base64')).replace(/\s+/g, ' ');
  /** Row counts and the stored rows the steps would change, so "nothing stored" is checked whole. */
  const stateOf = async (complaintId: string) =>
    withTenant(database.handle.db, org.id, async (tx) => {
      const counts: Record<string, number> = {};
      for (const table of COUNTED) {
        const row = await tx
          .selectFrom(table as keyof Database)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow();
        counts[table] = Number(row.n);
      }
      const complaint = await tx
        .selectFrom('complaints')
        .select(['status', 'updated_at'])
        .where('id', '=', complaintId)
        .executeTakeFirstOrThrow();
      const meetings = await tx
        .selectFrom('meetings')
        .select(['scheduled_for', 'confirmed_at'])
        .where('complaint_id', '=', complaintId)
        .execute();
      const hearings = await tx
        .selectFrom('hearings')
        .select(['status', 'statement_text', 'statement_recorded_at', 'statement_letter_id'])
        .where('complaint_id', '=', complaintId)
        .execute();
      return { counts, complaint, meetings, hearings };
    });
  const acknowledged = async (extra: { involvedEmployeeIds?: string[] } = {}) => {
    const complaint = await createTestComplaint(
      database.handle.db,
      org,
      {
        receivedAt: clock.now(),
        handlerId: org.handler.id,
        complainant: { name: 'Ëlla van Dijk-Noël', email: 'ella@example.nl' },
        ...extra,
      },
      clock,
    );
    await takeStep(steps(), org.handler.context, complaint.id, { action: 'acknowledge' });
    // In investigation: the state in which a meeting is confirmed and a statement recorded.
    await takeStep(steps(), org.handler.context, complaint.id, { action: 'close_information_not_needed' });
    return complaint;
  };

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
          liability_insurer_name: 'Nationale Beroepsaansprakelijkheid N.V.',
          liability_insurer_email: 'schade@nationale-ba.example.nl',
          liability_insurer_policy_number: 'BA-778899',
        })
        .where('id', '=', org.id)
        .execute(),
    );
    app = await buildApp({
      db: database.handle.db,
      clock,
      secrets,
      config: { logLevel: 'silent', maxAttachmentBytes: 1024 * 1024, maxJsonBodyBytes: 64 * 1024 },
      readiness: async () => [],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('previews the confirmation of the planned meeting, at a newly agreed time too, storing nothing', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const complaint = await acknowledged();
    const none = await preview(complaint.id, { type: 'meeting_confirmation' });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'no_meeting_planned' });

    // Tuesday 1 December, 14:00 in Amsterdam.
    await takeStep(steps(), org.handler.context, complaint.id, {
      action: 'plan_meeting',
      scheduledFor: new Date('2026-12-01T13:00:00Z'),
    });
    const before = await stateOf(complaint.id);
    const planned = await preview(complaint.id, { type: 'meeting_confirmation' });
    expect(planned.statusCode).toBe(200);
    expect(planned.json()).toMatchObject({ type: 'meeting_confirmation', complete: true, problems: [] });
    expect(textOf(planned.json())).toContain('1 december 2026');
    expect(textOf(planned.json())).toContain('14.00');

    // The complainant asked for Wednesday 2 December, 10:30 instead.
    const moved = await preview(complaint.id, {
      type: 'meeting_confirmation',
      step: { scheduledFor: '2026-12-02T09:30:00Z' },
    });
    expect(moved.statusCode).toBe(200);
    const pdf = Buffer.from(moved.json().pdf, 'base64');
    writeFirstPagePng(pdf, `test-artifacts/letters/preview-meeting-confirmation-${kind}.png`, 60);
    const text = textOf(moved.json());
    expect(text).toContain('2 december 2026');
    expect(text).toContain('10.30');
    expect(text).not.toContain('1 december 2026');
    expect(text).not.toContain('CONCEPT');
    expect(await stateOf(complaint.id)).toEqual(before);

    const past = await preview(complaint.id, {
      type: 'meeting_confirmation',
      step: { scheduledFor: '2026-11-20T09:30:00Z' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ code: 'meeting_time_invalid' });
  });

  it('previews the record of the consultation being recorded, with who wrote it, storing nothing', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const complaint = await acknowledged();
    const consultation = {
      consultedAt: '2026-11-23T08:30:00Z',
      withWhom: 'mevrouw De Boer (afdeling Schade)',
      agreed: 'Wij mogen de klager schriftelijk antwoorden zonder erkenning van aansprakelijkheid.',
    };
    const unflagged = await preview(complaint.id, {
      type: 'insurer_consultation_record',
      step: consultation,
    });
    expect(unflagged.statusCode).toBe(409);
    expect(unflagged.json()).toMatchObject({ code: 'liability_not_flagged' });

    await takeStep(steps(), org.handler.context, complaint.id, { action: 'flag_liability' });
    clock.advance(60 * 60 * 1000);
    await takeStep(steps(), org.handler.context, complaint.id, {
      action: 'notify_insurer',
      letterFields: { liabilityReason: 'De klager noemt een schadebedrag.' },
    });
    const before = await stateOf(complaint.id);
    const response = await preview(complaint.id, {
      type: 'insurer_consultation_record',
      step: { ...consultation, consultedAt: '2026-11-23T09:45:00Z' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ complete: true, problems: [] });
    const pdf = Buffer.from(response.json().pdf, 'base64');
    writeFirstPagePng(pdf, `test-artifacts/letters/preview-consultation-record-${kind}.png`, 60);
    const text = textOf(response.json());
    expect(text).toContain('mevrouw De Boer (afdeling Schade)');
    expect(text).toContain('zonder erkenning van aansprakelijkheid');
    expect(text).toContain('23 november 2026');
    expect(text).toContain('BA-778899');
    expect(text).toContain('Behandelaar Bea');
    expect(await stateOf(complaint.id)).toEqual(before);

    // Nothing typed yet: the letter says what it misses, as a draft.
    const empty = await preview(complaint.id, { type: 'insurer_consultation_record' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json().complete).toBe(false);
    expect(empty.json().problems.join(' ')).toContain('met wie is overlegd');
    expect(textOf(empty.json())).toContain('CONCEPT');

    const future = await preview(complaint.id, {
      type: 'insurer_consultation_record',
      step: { ...consultation, consultedAt: '2026-11-24T09:00:00Z' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'consultation_time_invalid' });
  });

  it('previews the statement put to the employee for signature, storing nothing', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const complaint = await acknowledged({ involvedEmployeeIds: [org.employee.id] });
    const statementText =
      'Mo zegt dat hij de expert op 2 november heeft gebeld en een afspraak heeft gevraagd.';
    const noEmployee = await preview(complaint.id, { type: 'hearing_statement', step: { statementText } });
    expect(noEmployee.statusCode).toBe(400);
    expect(noEmployee.json()).toMatchObject({ code: 'employee_required' });
    const notAsked = await preview(complaint.id, {
      type: 'hearing_statement',
      employeeId: org.employee.id,
      step: { statementText },
    });
    expect(notAsked.statusCode).toBe(409);
    expect(notAsked.json()).toMatchObject({ code: 'hearing_not_requested' });
    const notInvolved = await preview(complaint.id, {
      type: 'hearing_statement',
      employeeId: org.coordinator.id,
      step: { statementText },
    });
    expect(notInvolved.statusCode).toBe(409);
    expect(notInvolved.json()).toMatchObject({ code: 'not_involved_employee' });

    await takeStep(steps(), org.handler.context, complaint.id, {
      action: 'start_hearing',
      employeeId: org.employee.id,
      requestText: 'Wilt u uw kant van het verhaal geven?',
    });
    clock.advance(2 * 24 * 60 * 60 * 1000);
    const before = await stateOf(complaint.id);
    const response = await preview(complaint.id, {
      type: 'hearing_statement',
      employeeId: org.employee.id,
      step: { statementText },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ type: 'hearing_statement', complete: true });
    const pdf = Buffer.from(response.json().pdf, 'base64');
    writeFirstPagePng(pdf, `test-artifacts/letters/preview-hearing-statement-${kind}.png`, 60);
    const text = textOf(response.json());
    expect(text).toContain('de expert op 2 november heeft gebeld');
    expect(text).toContain('Medewerker Mo');
    expect(text).toContain('25 november 2026');
    expect(await stateOf(complaint.id)).toEqual(before);
    expect(before.hearings).toEqual([
      expect.objectContaining({ status: 'requested', statement_text: null, statement_letter_id: null }),
    ]);
  });

  it('refuses a step letter for a complaint not in investigation, and keeps it to who sees the dossier', async () => {
    clock.set(new Date('2026-11-23T09:00:00Z'));
    const received = await createTestComplaint(
      database.handle.db,
      org,
      { receivedAt: clock.now(), handlerId: org.handler.id },
      clock,
    );
    const early = await preview(received.id, { type: 'meeting_confirmation' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'illegal_transition' });

    const complaint = await acknowledged();
    await takeStep(steps(), org.handler.context, complaint.id, {
      action: 'plan_meeting',
      scheduledFor: new Date('2026-12-01T13:00:00Z'),
    });
    for (const token of [other.coordinator.token, org.employee.token]) {
      const response = await preview(complaint.id, { type: 'meeting_confirmation' }, token);
      expect(response.statusCode).toBe(404);
    }
    // An auditor reads the letter as it would go out, though they may not take the step.
    const audit = await preview(complaint.id, { type: 'meeting_confirmation' }, org.auditor.token);
    expect(audit.statusCode).toBe(200);
    const unknownField = await preview(complaint.id, {
      type: 'meeting_confirmation',
      step: { minutes: 'x' },
    });
    expect(unknownField.statusCode).toBe(400);
  });
});
