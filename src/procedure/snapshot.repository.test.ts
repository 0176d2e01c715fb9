import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import type { ComplaintStatus, Outcome } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { addDays, amsterdamDateOf } from '../domain/calendar/local-date.ts';
import { createWorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import { computeClocks } from '../domain/procedure/clocks.ts';
import { decisionTarget } from '../domain/procedure/decision-target.ts';
import { newId } from '../ids.ts';
import { loadReportComplaints } from '../reports/report-data.repository.ts';
import { findProcedureVersion, loadComplaintSnapshot } from './snapshot.repository.ts';
import { sentMomentFrom, snapshotFromRows } from './snapshot-rows.ts';

/**
 * The reader as it was before the one-statement snapshot: the complaint, then one statement per
 * related table and one for the posted letters. Kept here as the reference the new reader must
 * equal, whatever the history.
 */
async function loadSnapshotTableByTable(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintSnapshot | undefined> {
  const complaint = await tx
    .selectFrom('complaints')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!complaint) return undefined;
  const procedure = await findProcedureVersion(tx, organisationId, complaint.procedure_version);
  const involved = await tx
    .selectFrom('complaint_involved_employees')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('user_id')
    .execute();
  const requests = await tx
    .selectFrom('information_requests')
    .select(['id', 'sent_at', 'answered_at', 'closed_not_needed_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sent_at')
    .execute();
  const hearings = await tx
    .selectFrom('hearings')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('employee_id')
    .execute();
  const consultations = await tx
    .selectFrom('insurer_consultations')
    .select(['consulted_at', 'with_whom', 'agreed'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('consulted_at')
    .execute();
  const delays = await tx
    .selectFrom('delay_notices')
    .select(['sent_at', 'reason', 'new_date'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sent_at')
    .execute();
  const meeting = await tx
    .selectFrom('meetings')
    .select(['invited_at', 'scheduled_for', 'confirmed_at'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('invited_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const referral = await tx
    .selectFrom('kifid_referrals')
    .select(['recorded_at', 'case_number', 'outcome'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  const organisation = await tx
    .selectFrom('organisations')
    .select('kifid_affiliation_number')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const posted = await tx
    .selectFrom('letters')
    .select(['letter_type', 'issued_at', 'posted_on'])
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('posted_on', 'is not', null)
    .execute();
  const rows = { complaint, procedure: procedure!, involved, requests, hearings, consultations, delays };
  return snapshotFromRows({ ...rows, meeting, referral, organisation }, sentMomentFrom(posted));
}

const HOUR = 3_600_000;
const STATUSES: ComplaintStatus[] = [
  'received',
  'acknowledged',
  'in_investigation',
  'decided',
  'closed',
  'withdrawn',
  'reclassified',
];
const OUTCOMES: Outcome[] = ['gegrond', 'deels_gegrond', 'ongegrond', 'ingetrokken'];
const LETTER_TYPES = [
  'acknowledgment',
  'information_request',
  'hearing_request',
  'insurer_notification',
  'delay_notice',
  'meeting_invitation',
  'decision',
  'other',
];

/** A moment some hours (and odd milliseconds) after receipt, or none. */
const later = fc.option(fc.integer({ min: 0, max: 60 * 24 * HOUR }), { nil: null });
const offsets = (max: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 60 * 24 * HOUR }), { maxLength: max });

const history = fc.record({
  receivedAt: fc.date({
    min: new Date('2025-01-01T00:00:00Z'),
    max: new Date('2026-12-31T00:00:00Z'),
    noInvalidDate: true,
  }),
  status: fc.constantFrom(...STATUSES),
  withHandler: fc.boolean(),
  moments: fc.record({
    acknowledgment_sent_at: later,
    information_not_needed_at: later,
    liability_flagged_at: later,
    insurer_notified_at: later,
    decision_communicated_at: later,
    withdrawn_at: later,
    reclassified_at: later,
    closed_at: later,
  }),
  decisionMode: fc.option(fc.constantFrom<'meeting' | 'letter'>('meeting', 'letter'), { nil: null }),
  outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
  category: fc.option(fc.constantFrom('Schade', 'Premie'), { nil: null }),
  involved: fc.subarray(['employee', 'auditor', 'admin'] as const),
  requests: offsets(3).chain((sent) =>
    fc.tuple(
      fc.constant(sent),
      fc.array(fc.tuple(later, later), { minLength: sent.length, maxLength: sent.length }),
    ),
  ),
  hearings: fc.array(
    fc.record({
      who: fc.constantFrom<'employee' | 'auditor' | 'handler' | 'admin'>(
        'employee',
        'auditor',
        'handler',
        'admin',
      ),
      status: fc.constantFrom<'requested' | 'statement_draft' | 'signed' | 'waived'>(
        'requested',
        'statement_draft',
        'signed',
        'waived',
      ),
      requested: later,
      recorded: later,
      signed: later,
      waived: later,
    }),
    { maxLength: 3 },
  ),
  consultations: offsets(3),
  delays: fc.array(fc.tuple(fc.integer({ min: 1, max: 60 * 24 * HOUR }), fc.integer({ min: 20, max: 90 })), {
    maxLength: 3,
  }),
  meetings: fc.array(fc.tuple(fc.integer({ min: 1, max: 60 * 24 * HOUR }), later, fc.boolean()), {
    maxLength: 2,
  }),
  referral: fc.option(fc.integer({ min: 1, max: 90 * 24 * HOUR }), { nil: null }),
  affiliation: fc.option(fc.constantFrom('300.001234', '300.009999'), { nil: null }),
  /** Letters on the step moments (index into them), posted some days later or not posted at all. */
  letters: fc.array(
    fc.record({
      pick: fc.nat(),
      days: fc.integer({ min: 0, max: 12 }),
      posted: fc.boolean(),
      type: fc.nat(),
    }),
    { maxLength: 6 },
  ),
  closingDays: fc.uniqueArray(fc.integer({ min: 0, max: 70 }), { maxLength: 5 }),
});
type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

describe.each(databaseKinds())('the complaint snapshot in one statement on %s', (kind) => {
  let database: TestDatabase;
  let org: TestOrganisation;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    org = await createTestOrganisation(database.handle.db, fixedClock(new Date('2024-12-01T09:00:00Z')));
  });
  afterAll(async () => database.close());

  /** Registers a complaint, then writes the history straight into its tables. */
  async function write(h: History): Promise<{ id: string; moments: Array<{ type: string; at: Date }> }> {
    const clock = fixedClock(h.receivedAt);
    const complaint = await createTestComplaint(database.handle.db, org, { receivedAt: h.receivedAt }, clock);
    const at = (offset: number | null) =>
      offset === null ? null : new Date(h.receivedAt.getTime() + offset);
    const user = (who: 'employee' | 'auditor' | 'handler' | 'admin') => org[who].id;
    const base = { organisation_id: org.id, complaint_id: complaint.id };
    const moments: Array<{ type: string; at: Date }> = [];
    const moment = (type: string, value: Date | null) => {
      if (value !== null) moments.push({ type, at: value });
      return value;
    };
    await withTenant(database.handle.db, org.id, async (tx) => {
      await tx
        .updateTable('organisations')
        .set({ kifid_affiliation_number: h.affiliation })
        .where('id', '=', org.id)
        .execute();
      const m = h.moments;
      await tx
        .updateTable('complaints')
        .set({
          status: h.status,
          handler_id: h.withHandler ? org.handler.id : null,
          acknowledgment_sent_at: moment('acknowledgment', at(m.acknowledgment_sent_at)),
          information_not_needed_at: at(m.information_not_needed_at),
          liability_flagged_at: at(m.liability_flagged_at),
          insurer_notified_at: moment('insurer_notification', at(m.insurer_notified_at)),
          decision_mode: h.decisionMode,
          decision_communicated_at: moment(
            'decision',
            h.decisionMode ? at(m.decision_communicated_at) : null,
          ),
          withdrawn_at: at(m.withdrawn_at),
          reclassified_at: at(m.reclassified_at),
          closed_at: at(m.closed_at),
          outcome: h.outcome,
          category: h.category,
        })
        .where('organisation_id', '=', org.id)
        .where('id', '=', complaint.id)
        .execute();
      if (h.involved.length > 0)
        await tx
          .insertInto('complaint_involved_employees')
          .values(h.involved.map((who) => ({ ...base, user_id: user(who), added_at: h.receivedAt })))
          .execute();
      const [sent, answers] = h.requests;
      for (const [index, offset] of sent.entries()) {
        const [answered, closed] = answers[index]!;
        await tx
          .insertInto('information_requests')
          .values({
            ...base,
            id: newId(),
            sent_at: moment('information_request', at(offset))!,
            what_is_missing: 'Het polisnummer.',
            answered_at: at(answered),
            closed_not_needed_at: at(closed),
            created_by: null,
          })
          .execute();
      }
      const heard = new Set<string>();
      for (const hearing of h.hearings) {
        if (heard.has(hearing.who)) continue;
        heard.add(hearing.who);
        await tx
          .insertInto('hearings')
          .values({
            ...base,
            employee_id: user(hearing.who),
            status: hearing.status,
            requested_at: moment('hearing_request', at(hearing.requested)),
            request_text: null,
            statement_recorded_at: at(hearing.recorded),
            statement_text: null,
            signed_at: at(hearing.signed),
            waived_at: at(hearing.waived),
            waived_reason: hearing.waived === null ? null : 'Niet nodig.',
            waived_by: null,
          })
          .execute();
      }
      for (const offset of h.consultations)
        await tx
          .insertInto('insurer_consultations')
          .values({
            ...base,
            id: newId(),
            consulted_at: at(offset)!,
            with_whom: 'Verzekeraar',
            agreed: `Afspraak ${offset}`,
            recorded_at: h.receivedAt,
            recorded_by: null,
          })
          .execute();
      for (const [offset, days] of h.delays)
        await tx
          .insertInto('delay_notices')
          .values({
            ...base,
            id: newId(),
            sent_at: moment('delay_notice', at(offset))!,
            reason: 'Wij wachten op het rapport.',
            new_date: addDays(amsterdamDateOf(h.receivedAt), days),
            created_by: null,
          })
          .execute();
      for (const [offset, confirmed, held] of h.meetings)
        await tx
          .insertInto('meetings')
          .values({
            ...base,
            id: newId(),
            invited_at: moment('meeting_invitation', at(offset))!,
            scheduled_for: at(offset + 7 * 24 * HOUR)!,
            held_at: held ? at(offset + 7 * 24 * HOUR) : null,
            minutes: null,
            confirmed_at: at(confirmed),
          })
          .execute();
      if (h.referral !== null)
        await tx
          .insertInto('kifid_referrals')
          .values({
            ...base,
            case_number: `KIFID-${h.referral}`,
            outcome: null,
            recorded_at: at(h.referral)!,
            recorded_by: null,
            outcome_code: null,
            outcome_on: null,
            outcome_recorded_at: null,
          })
          .execute();
      for (const letter of h.letters) {
        // On a step's moment (so a posted day moves it), or of a type that moment has nothing to do with.
        const target = moments[letter.pick % Math.max(moments.length, 1)];
        const type =
          target && letter.type % 3 !== 0 ? target.type : LETTER_TYPES[letter.type % LETTER_TYPES.length]!;
        const issuedAt = target?.at ?? h.receivedAt;
        const itemId = newId();
        const documentId = newId();
        await tx
          .insertInto('dossier_items')
          .values({
            ...base,
            id: itemId,
            kind: 'letter',
            title: 'Brief',
            body: null,
            author_id: null,
            created_at: issuedAt,
          })
          .execute();
        await tx
          .insertInto('documents')
          .values({
            ...base,
            id: documentId,
            item_id: itemId,
            file_name: 'brief.pdf',
            media_type: 'application/pdf',
            size_bytes: 1,
            sha256: '0'.repeat(64),
            content: new Uint8Array([1]),
            created_at: issuedAt,
          })
          .execute();
        await tx
          .insertInto('letters')
          .values({
            ...base,
            id: newId(),
            cancellation_request_id: null,
            letter_type: type,
            language: 'nl',
            recipient_kind: 'complainant',
            recipient_name: 'Jan de Vries',
            recipient_email: null,
            delivery: 'post',
            status: letter.posted ? 'posted' : 'sent',
            content: '{}',
            document_id: documentId,
            pdf_sha256: '0'.repeat(64),
            message_id: null,
            issued_at: issuedAt,
            issued_by: null,
            posted_on: letter.posted ? addDays(amsterdamDateOf(issuedAt), letter.days) : null,
            undeliverable_at: null,
          })
          .execute();
      }
    });
    return { id: complaint.id, moments };
  }

  it('equals the table-by-table reader and the reports’ batch reader for any history', async () => {
    let postedMoved = 0;
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const { id } = await write(h);
        const day = amsterdamDateOf(h.receivedAt);
        const [oneStatement, tableByTable, batch] = await withTenant(
          database.handle.db,
          org.id,
          async (tx) => [
            await loadComplaintSnapshot(tx, org.id, id),
            await loadSnapshotTableByTable(tx, org.id, id),
            (await loadReportComplaints(tx, org.id, { from: day, to: day })).find((c) => c.row.id === id)
              ?.snapshot,
          ],
        );
        expect(oneStatement).toBeDefined();
        expect(oneStatement).toEqual(tableByTable);
        expect(batch).toEqual(tableByTable);
        const posted =
          h.moments.acknowledgment_sent_at !== null &&
          oneStatement!.acknowledgmentSentAt!.getTime() !==
            h.receivedAt.getTime() + h.moments.acknowledgment_sent_at;
        if (posted) postedMoved++;

        const calendar = createWorkingDayCalendar({
          closingDays: h.closingDays.map((d) => ({
            date: addDays(day, d),
            name: 'Sluitingsdag',
          })),
        });
        const now = new Date(h.receivedAt.getTime() + 40 * 24 * HOUR);
        expect(computeClocks(oneStatement!, calendar, now)).toEqual(
          computeClocks(tableByTable!, calendar, now),
        );
        expect(decisionTarget(oneStatement!, calendar)).toEqual(decisionTarget(tableByTable!, calendar));
      }),
      { numRuns: 60, seed: 20261124 },
    );
    // The histories must reach the posted-letter case at all, or the comparison proves little there.
    expect(postedMoved).toBeGreaterThan(0);
  });

  it('reads a posted letter’s day, the latest meeting and the related rows in their order', async () => {
    const receivedAt = new Date('2026-03-02T09:15:00.123Z');
    const { id } = await write({
      receivedAt,
      status: 'in_investigation',
      withHandler: true,
      moments: {
        acknowledgment_sent_at: 2 * HOUR,
        information_not_needed_at: null,
        liability_flagged_at: null,
        insurer_notified_at: null,
        decision_communicated_at: null,
        withdrawn_at: null,
        reclassified_at: null,
        closed_at: null,
      },
      decisionMode: null,
      outcome: null,
      category: null,
      involved: ['employee'],
      requests: [
        [48 * HOUR, 24 * HOUR],
        [
          [null, null],
          [30 * HOUR, null],
        ],
      ],
      hearings: [],
      consultations: [],
      delays: [[72 * HOUR, 40]],
      meetings: [
        [24 * HOUR, null, false],
        [96 * HOUR, 100 * HOUR, false],
      ],
      referral: null,
      affiliation: '300.001234',
      // The acknowledgment letter posted three days after it was issued.
      letters: [{ pick: 0, days: 3, posted: true, type: 1 }],
      closingDays: [],
    });
    const snapshot = await withTenant(database.handle.db, org.id, (tx) =>
      loadComplaintSnapshot(tx, org.id, id),
    );
    // Posted Thursday 5 March: the clocks count that day (postedSentAt), not Monday 2 March.
    expect(amsterdamDateOf(snapshot!.acknowledgmentSentAt!)).toBe('2026-03-05');
    expect(snapshot!.informationRequests.map((r) => r.sentAt.toISOString())).toEqual([
      '2026-03-03T09:15:00.123Z',
      '2026-03-04T09:15:00.123Z',
    ]);
    expect(snapshot!.informationRequests[0]!.answeredAt!.toISOString()).toBe('2026-03-03T15:15:00.123Z');
    expect(snapshot!.meeting!.invitedAt.toISOString()).toBe('2026-03-06T09:15:00.123Z');
    expect(snapshot!.meeting!.confirmedAt!.toISOString()).toBe('2026-03-06T13:15:00.123Z');
    expect(snapshot!.delayNotices).toEqual([
      {
        sentAt: new Date('2026-03-05T09:15:00.123Z'),
        reason: 'Wij wachten op het rapport.',
        newDate: '2026-04-11',
      },
    ]);
    expect(snapshot!.involvedEmployeeIds).toEqual([org.employee.id]);
    expect(snapshot!.organisation.kifidAffiliationNumber).toBe('300.001234');
  });

  it('finds no snapshot for another organisation’s complaint', async () => {
    const other = await createTestOrganisation(
      database.handle.db,
      fixedClock(new Date('2026-01-01T09:00:00Z')),
    );
    const complaint = await createTestComplaint(database.handle.db, org);
    const snapshot = await withTenant(database.handle.db, other.id, (tx) =>
      loadComplaintSnapshot(tx, other.id, complaint.id),
    );
    expect(snapshot).toBeUndefined();
  });
});
