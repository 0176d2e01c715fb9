import type { AccessContext } from '../auth/access-context.ts';
import type { Tx } from '../db/tenant.ts';
import type { ActionRequest } from '../domain/procedure/actions.ts';
import { actionRefusals } from '../domain/procedure/decide-action.ts';
import type { RefusalCode } from '../domain/procedure/refusals.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { actingUserOf } from '../procedure/procedure.service.ts';
import { loadCalendar } from '../procedure/clock-columns.ts';
import { loadComplaintSnapshot } from '../procedure/snapshot.repository.ts';
import { normaliseText } from '../text.ts';
import type { ComplaintLetterType, PendingStep } from './complaint-letters.ts';
import { displayNameOf } from './staff-name.ts';

/**
 * What a step is about to record, as the preview takes it: the letters below are written from what
 * the step stores (the meeting's new time, the consultation, the statement), so a preview before
 * the step has to be handed that input instead.
 */
export interface StepPreviewInput {
  /** meeting_confirmation: the time now agreed; without it, the planned meeting's time. */
  scheduledFor?: Date;
  /** insurer_consultation_record: the consultation being recorded. */
  consultedAt?: Date;
  withWhom?: string;
  agreed?: string;
  /** hearing_statement: the summary of the employee's reaction. */
  statementText?: string;
}

/** The letters whose content comes from the step that sends them, and that step. */
const STEP_OF_LETTER = {
  meeting_confirmation: 'confirm_meeting',
  insurer_consultation_record: 'record_insurer_consultation',
  hearing_statement: 'record_hearing_statement',
} as const;

type StepLetterType = keyof typeof STEP_OF_LETTER;

export function isStepLetter(type: ComplaintLetterType): type is StepLetterType {
  return type in STEP_OF_LETTER;
}

/**
 * Who may preview is who sees the dossier (an auditor too): the step's role rules are not the
 * preview's. Content left empty shows as the letter's own problems, not as a refusal.
 */
const NOT_A_PREVIEW_REFUSAL: ReadonlySet<RefusalCode> = new Set([
  'role_not_allowed',
  'not_assigned_handler',
  'not_own_hearing',
  'self_involvement',
  'consultation_incomplete',
]);

/** Refusals about the input itself (a time that cannot be), not about the dossier's state. */
const INPUT_REFUSALS: ReadonlySet<RefusalCode> = new Set([
  'consultation_time_invalid',
  'meeting_time_invalid',
]);

function requestOf(
  type: StepLetterType,
  input: StepPreviewInput,
  employeeId: string | undefined,
  now: Date,
): ActionRequest {
  if (type === 'meeting_confirmation') {
    return { action: 'confirm_meeting', ...(input.scheduledFor ? { scheduledFor: input.scheduledFor } : {}) };
  }
  if (type === 'insurer_consultation_record') {
    return {
      action: 'record_insurer_consultation',
      at: input.consultedAt ?? now,
      withWhom: input.withWhom ?? '',
      agreed: input.agreed ?? '',
    };
  }
  return { action: 'record_hearing_statement', employeeId: employeeId ?? '' };
}

/** Typed text as the step stores it; empty is not there (the letter then names it as missing). */
function pendingText(value: string | undefined): string | null {
  const normalised = value === undefined ? '' : normaliseText(value);
  return normalised === '' ? null : normalised;
}

/**
 * The same gates as the step itself (its status, the liability gate, the meeting or hearing it
 * needs), so a preview never shows a letter that could not go out for a reason the letter itself
 * does not name. 409 with the step's refusal code; 400 for a time the step would refuse.
 */
export async function checkStepOfPreview(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  type: StepLetterType,
  input: StepPreviewInput,
  employeeId: string | undefined,
  now: Date,
): Promise<void> {
  const snapshot = await loadComplaintSnapshot(tx, context.organisationId, complaintId);
  if (!snapshot) throw new NotFoundError('De klacht');
  const calendar = await loadCalendar(tx, context.organisationId);
  const request = requestOf(type, input, employeeId, now);
  const found = actionRefusals(
    snapshot,
    STEP_OF_LETTER[type],
    { actor: actingUserOf(context), now, calendar },
    request,
  ).filter((refusal) => !NOT_A_PREVIEW_REFUSAL.has(refusal.code));
  const [first] = found;
  if (!first) return;
  const message = found.map((r) => r.message).join(' ');
  if (INPUT_REFUSALS.has(first.code)) {
    throw new ValidationError(message, [{ field: '/step', message: first.message }], first.code);
  }
  throw new ConflictError(message, first.code, {
    refusals: found.map((r) => ({ code: r.code, message: r.message })),
  });
}

/**
 * What the step would add to its letter, as the step itself adds it (src/procedure/step-letters.ts
 * and the effects it stores first): who wrote the record, and the pending content normalised as
 * the step normalises it before storing.
 */
export async function pendingOfStep(
  tx: Tx,
  context: AccessContext,
  type: StepLetterType,
  input: StepPreviewInput,
): Promise<{ pending: PendingStep; fields: Record<string, unknown> }> {
  if (type === 'meeting_confirmation') {
    return { pending: input.scheduledFor ? { meetingAt: input.scheduledFor } : {}, fields: {} };
  }
  const recordedBy = await displayNameOf(tx, context.organisationId, context.userId);
  const fields = recordedBy ? { recordedBy } : {};
  if (type === 'hearing_statement') {
    return { pending: { statementText: pendingText(input.statementText) }, fields };
  }
  const consultation = {
    at: input.consultedAt ?? null,
    withWhom: pendingText(input.withWhom),
    agreed: pendingText(input.agreed),
  };
  return { pending: { consultation }, fields };
}
