import type { AccessContext } from '../auth/access-context.ts';
import type { ComplaintStatus } from '../domain/procedure/complaint-state.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import { openInformationRequests } from '../domain/procedure/information-requests.ts';
import type { DecisionLetterContent } from '../domain/procedure/decision-letter.ts';
import type { Updateable } from 'kysely';
import type { ComplaintsTable, HearingsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseText } from '../text.ts';
import { findUsers } from '../users/user.repository.ts';
import type { ProcedureActionInput } from './procedure.service.ts';

type ComplaintChanges = Updateable<ComplaintsTable>;

/**
 * What an allowed step changes in the database. The domain already decided it may happen; this only
 * writes it down, in the caller's transaction.
 */
export async function applyActionEffects(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  snapshot: ComplaintSnapshot,
  input: ProcedureActionInput,
  nextStatus: ComplaintStatus,
  now: Date,
): Promise<void> {
  const org = context.organisationId;
  const byComplaint = { organisation_id: org, complaint_id: complaintId };
  const changes: ComplaintChanges = { status: nextStatus, updated_at: now };

  switch (input.action) {
    case 'acknowledge':
      changes.acknowledgment_sent_at = now;
      break;
    case 'assign_handler': {
      const [handler] = await findUsers(tx, org, [input.handlerId]);
      if (
        !handler ||
        handler.disabled_at !== null ||
        !handler.roles.some((r) => r === 'handler' || r === 'coordinator')
      ) {
        throw new ValidationError('Deze behandelaar bestaat niet of mag geen klachten behandelen.', [
          { field: '/handlerId', message: 'not an active handler or coordinator of this organisation' },
        ]);
      }
      changes.handler_id = input.handlerId;
      break;
    }
    case 'request_information':
      await tx
        .insertInto('information_requests')
        .values({
          ...byComplaint,
          id: newId(),
          sent_at: now,
          what_is_missing: normaliseText(input.whatIsMissing),
          answered_at: null,
          closed_not_needed_at: null,
          created_by: context.userId,
        })
        .execute();
      break;
    case 'register_information_received': {
      const open = openInformationRequests(snapshot).toSorted(
        (a, b) => a.sentAt.getTime() - b.sentAt.getTime(),
      );
      const requestId = input.requestId ?? open[0]?.id;
      if (requestId) {
        await tx
          .updateTable('information_requests')
          .set({ answered_at: now })
          .where('organisation_id', '=', org)
          .where('id', '=', requestId)
          .execute();
      }
      break;
    }
    case 'close_information_not_needed': {
      const open = openInformationRequests(snapshot).map((r) => r.id);
      if (open.length > 0) {
        await tx
          .updateTable('information_requests')
          .set({ closed_not_needed_at: now })
          .where('organisation_id', '=', org)
          .where('id', 'in', open)
          .execute();
      }
      if (snapshot.informationRequests.length === 0) changes.information_not_needed_at = now;
      break;
    }
    case 'start_hearing':
      await tx
        .insertInto('hearings')
        .values({
          ...byComplaint,
          employee_id: input.employeeId,
          status: 'requested',
          requested_at: now,
          request_text: normaliseText(input.requestText),
          statement_recorded_at: null,
          statement_text: null,
          signed_at: null,
          waived_at: null,
          waived_reason: null,
          waived_by: null,
        })
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'complaint_id', 'employee_id']).doUpdateSet({
            status: 'requested',
            requested_at: now,
            request_text: normaliseText(input.requestText),
          }),
        )
        .execute();
      break;
    case 'record_hearing_statement':
      await updateHearing(tx, org, complaintId, input.employeeId, {
        status: 'statement_draft',
        statement_recorded_at: now,
        statement_text: normaliseText(input.statementText),
        signed_at: null,
      });
      break;
    case 'sign_hearing_statement':
      await updateHearing(tx, org, complaintId, input.employeeId, { status: 'signed', signed_at: now });
      break;
    case 'waive_hearing':
      await tx
        .insertInto('hearings')
        .values({
          ...byComplaint,
          employee_id: input.employeeId,
          status: 'waived',
          requested_at: null,
          request_text: null,
          statement_recorded_at: null,
          statement_text: null,
          signed_at: null,
          waived_at: now,
          waived_reason: normaliseText(input.reason),
          waived_by: context.userId,
        })
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'complaint_id', 'employee_id']).doUpdateSet({
            status: 'waived',
            waived_at: now,
            waived_reason: normaliseText(input.reason),
            waived_by: context.userId,
          }),
        )
        .execute();
      break;
    case 'flag_liability':
      changes.liability_flag = true;
      changes.liability_flagged_at = now;
      break;
    case 'notify_insurer':
      changes.insurer_notified_at = now;
      break;
    case 'record_insurer_consultation':
      await tx
        .insertInto('insurer_consultations')
        .values({
          ...byComplaint,
          id: newId(),
          consulted_at: input.at,
          with_whom: normaliseText(input.withWhom),
          agreed: normaliseText(input.agreed),
          recorded_at: now,
          recorded_by: context.userId,
        })
        .execute();
      break;
    case 'send_delay_notice':
      await tx
        .insertInto('delay_notices')
        .values({
          ...byComplaint,
          id: newId(),
          sent_at: now,
          reason: normaliseText(input.reason),
          new_date: input.newDate,
          created_by: context.userId,
        })
        .execute();
      break;
    case 'plan_meeting':
      await tx
        .insertInto('meetings')
        .values({
          ...byComplaint,
          id: newId(),
          invited_at: now,
          scheduled_for: input.scheduledFor,
          held_at: null,
          minutes: null,
        })
        .execute();
      break;
    case 'confirm_meeting':
      await confirmMeeting(tx, org, complaintId, input.scheduledFor ?? null, now);
      break;
    case 'record_meeting':
      await recordMeeting(tx, org, complaintId, input.heldAt, normaliseText(input.minutes), now);
      changes.decision_mode = 'meeting';
      changes.decision_communicated_at = input.heldAt;
      break;
    case 'send_decision_letter':
      await tx
        .insertInto('dossier_items')
        .values({
          organisation_id: org,
          id: newId(),
          complaint_id: complaintId,
          kind: 'decision',
          title: 'Brief met ons oordeel',
          body: decisionLetterText(input.letter),
          author_id: context.userId,
          created_at: now,
        })
        .execute();
      changes.decision_mode = 'letter';
      changes.decision_communicated_at = now;
      break;
    case 'close':
      if (input.category !== undefined) changes.category = input.category;
      if (input.rootCause !== undefined) changes.root_cause = input.rootCause;
      if (input.outcome !== undefined) changes.outcome = input.outcome;
      changes.closed_at = now;
      break;
    case 'reclassify':
      changes.reclassified_at = now;
      changes.reclassified_as = input.kind;
      break;
    case 'withdraw':
      changes.withdrawn_at = now;
      if (snapshot.outcome === null) changes.outcome = 'ingetrokken';
      break;
    case 'record_kifid_referral':
      await tx
        .insertInto('kifid_referrals')
        .values({
          ...byComplaint,
          case_number: normaliseText(input.caseNumber),
          outcome: input.outcome ?? null,
          recorded_at: now,
          recorded_by: context.userId,
        })
        .onConflict((oc) =>
          oc.columns(['organisation_id', 'complaint_id']).doUpdateSet({
            case_number: normaliseText(input.caseNumber),
            outcome: input.outcome ?? null,
            recorded_at: now,
          }),
        )
        .execute();
      break;
  }

  await tx
    .updateTable('complaints')
    .set(changes)
    .where('organisation_id', '=', org)
    .where('id', '=', complaintId)
    .execute();
}

async function updateHearing(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  employeeId: string,
  changes: Updateable<HearingsTable>,
): Promise<void> {
  await tx
    .updateTable('hearings')
    .set(changes)
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('employee_id', '=', employeeId)
    .execute();
}

/** The latest planned meeting that has not been held is the one the complainant accepted. */
async function confirmMeeting(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  movedTo: Date | null,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('meetings')
    .set({ confirmed_at: now, ...(movedTo ? { scheduled_for: movedTo } : {}) })
    .where('organisation_id', '=', organisationId)
    .where(
      'id',
      '=',
      tx
        .selectFrom('meetings')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .where('held_at', 'is', null)
        .orderBy('invited_at', 'desc')
        .limit(1),
    )
    .execute();
}

async function recordMeeting(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  heldAt: Date,
  minutes: string,
  now: Date,
): Promise<void> {
  const planned = await tx
    .selectFrom('meetings')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('held_at', 'is', null)
    .orderBy('invited_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (planned) {
    await tx
      .updateTable('meetings')
      .set({ held_at: heldAt, minutes })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', planned.id)
      .execute();
  } else {
    // A conversation that happened without an invitation through us (the complainant walked in).
    await tx
      .insertInto('meetings')
      .values({
        organisation_id: organisationId,
        id: newId(),
        complaint_id: complaintId,
        invited_at: now,
        scheduled_for: heldAt,
        held_at: heldAt,
        minutes,
      })
      .execute();
  }
}

/** Plain text of the letter's elements for the dossier until letters are rendered as PDF. */
function decisionLetterText(letter: DecisionLetterContent): string {
  const body = letter.disputesBody;
  return [
    `Datum van ontvangst: ${letter.receivedDate ?? ''}`,
    `Omschrijving van de klacht: ${letter.complaintSummary ?? ''}`,
    `Resultaten van het onderzoek: ${letter.investigationResults ?? ''}`,
    `Ons oordeel: ${letter.judgment ?? ''}`,
    `Vervolgacties: ${letter.followUpActions ?? ''}`,
    `Verder contact: ${letter.furtherContact ?? ''}`,
    body
      ? `Geschilleninstantie: ${body.name ?? ''}, ${body.postalAddress ?? ''}, ${body.postalCodeCity ?? ''}, ` +
        `${body.phone ?? ''}, ${body.email ?? ''}, ${body.website ?? ''}; aansluitnummer ${body.affiliationNumber ?? ''}; ${body.term ?? ''}`
      : '',
  ].join('\n');
}
