import type { ActingUser } from './acting-user.ts';
import type { ActionRequest, ComplaintAction } from './actions.ts';
import type { ComplaintSnapshot, HearingSnapshot } from './complaint-snapshot.ts';
import { refusals, type Refusal } from './refusals.ts';

export function hearingOf(snapshot: ComplaintSnapshot, employeeId: string): HearingSnapshot | null {
  return snapshot.hearings.find((h) => h.employeeId === employeeId) ?? null;
}

/** Signed by the employee, or waived by the coordinator with a reason. */
export function isHearingComplete(hearing: HearingSnapshot | null): boolean {
  return hearing !== null && (hearing.status === 'signed' || hearing.status === 'waived');
}

/** R4 before a decision: every involved employee's hearing is complete. One refusal per employee. */
export function hearingGateRefusals(snapshot: ComplaintSnapshot): Refusal[] {
  return snapshot.involvedEmployeeIds
    .filter((employeeId) => !isHearingComplete(hearingOf(snapshot, employeeId)))
    .map((employeeId) => refusals.hearingIncomplete(employeeId));
}

type HearingAction =
  'start_hearing' | 'record_hearing_statement' | 'sign_hearing_statement' | 'waive_hearing';

const HEARING_ACTIONS: readonly ComplaintAction[] = [
  'start_hearing',
  'record_hearing_statement',
  'sign_hearing_statement',
  'waive_hearing',
];

function isHearingAction(action: ComplaintAction): action is HearingAction {
  return HEARING_ACTIONS.includes(action);
}

/** Why this hearing step cannot be taken for this employee; empty when it can. */
function hearingStepRefusals(
  snapshot: ComplaintSnapshot,
  action: HearingAction,
  employeeId: string,
): Refusal[] {
  if (!snapshot.involvedEmployeeIds.includes(employeeId)) return [refusals.notInvolvedEmployee(employeeId)];
  const hearing = hearingOf(snapshot, employeeId);
  switch (action) {
    case 'start_hearing':
      return hearing === null ? [] : [refusals.hearingAlreadyStarted(employeeId)];
    case 'record_hearing_statement':
      if (hearing === null) return [refusals.hearingNotRequested(employeeId)];
      return isHearingComplete(hearing) ? [refusals.hearingAlreadyCompleted(employeeId)] : [];
    case 'sign_hearing_statement':
      if (hearing === null) return [refusals.hearingNotRequested(employeeId)];
      if (isHearingComplete(hearing)) return [refusals.hearingAlreadyCompleted(employeeId)];
      return hearing.status === 'statement_draft' ? [] : [refusals.hearingStatementMissing(employeeId)];
    case 'waive_hearing':
      return isHearingComplete(hearing) ? [refusals.hearingAlreadyCompleted(employeeId)] : [];
    default:
      return [];
  }
}

function requestedEmployee(request: ActionRequest | undefined): string | null {
  switch (request?.action) {
    case 'start_hearing':
    case 'record_hearing_statement':
    case 'sign_hearing_statement':
    case 'waive_hearing':
      return request.employeeId;
    default:
      return null;
  }
}

/**
 * The hearing's own preconditions. Without a request (listing what a user could do) the step is
 * possible when it is possible for some involved employee; signing looks at the actor's own hearing.
 */
export function hearingActionRefusals(
  snapshot: ComplaintSnapshot,
  actor: ActingUser,
  action: ComplaintAction,
  request?: ActionRequest,
): Refusal[] {
  if (!isHearingAction(action)) return [];
  const found: Refusal[] = [];
  const employeeId = requestedEmployee(request);
  if (employeeId !== null) {
    found.push(...hearingStepRefusals(snapshot, action, employeeId));
  } else if (action === 'sign_hearing_statement') {
    // Not involved at all is already refused by the role rules; here only the hearing's state counts.
    if (snapshot.involvedEmployeeIds.includes(actor.id)) {
      found.push(...hearingStepRefusals(snapshot, action, actor.id));
    }
  } else if (
    !snapshot.involvedEmployeeIds.some((id) => hearingStepRefusals(snapshot, action, id).length === 0)
  ) {
    found.push(refusals.noOpenHearing(action));
  }
  if (request?.action === 'waive_hearing' && request.reason.trim() === '') {
    found.push(refusals.waiverReasonMissing());
  }
  return found;
}
