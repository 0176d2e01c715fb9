import type { ActingUser } from './acting-user.ts';
import type { ActionRequest, ComplaintAction } from './actions.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { refusals, type Refusal } from './refusals.ts';

/**
 * Steps done in the handler's name: hearing someone and forming or telling our position. When the
 * assigned handler is involved (an employee named after the assignment), these wait for another
 * handler even if the coordinator takes them, because the letters and the dossier carry the handler.
 */
const HANDLER_STEPS: readonly ComplaintAction[] = [
  'start_hearing',
  'record_hearing_statement',
  'send_delay_notice',
  'plan_meeting',
  'confirm_meeting',
  'record_meeting',
  'send_decision_letter',
];

/**
 * R4: nobody handles, hears or decides a complaint about themselves. An involved employee does one
 * thing on their own complaint: sign the summary of their reaction.
 */
export function selfInvolvementRefusals(
  snapshot: ComplaintSnapshot,
  actor: ActingUser,
  action: ComplaintAction,
  request?: ActionRequest,
): Refusal[] {
  const involved = snapshot.involvedEmployeeIds;
  const found: Refusal[] = [];
  if (action !== 'sign_hearing_statement' && involved.includes(actor.id)) {
    found.push(refusals.actorInvolved());
  }
  if (request?.action === 'assign_handler' && involved.includes(request.handlerId)) {
    found.push(refusals.candidateInvolved());
  }
  if (
    HANDLER_STEPS.includes(action) &&
    snapshot.handlerId !== null &&
    snapshot.handlerId !== actor.id &&
    involved.includes(snapshot.handlerId)
  ) {
    found.push(refusals.handlerInvolved());
  }
  return found;
}
