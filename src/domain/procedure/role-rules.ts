import type { ActingUser } from './acting-user.ts';
import type { ActionRequest, ComplaintAction } from './actions.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { refusals, type Refusal } from './refusals.ts';

/**
 * Who may take which step. A user holds several roles and may do what any of them allows.
 *
 * | action                          | coordinator | handler (assigned) | involved employee  | auditor | admin |
 * |---------------------------------|-------------|--------------------|--------------------|---------|-------|
 * | acknowledge                     | yes         | yes                | –                  | –       | –     |
 * | assign_handler                  | yes         | – (1)              | –                  | –       | –     |
 * | request_information             | yes         | yes                | –                  | –       | –     |
 * | register_information_received   | yes         | yes                | –                  | –       | –     |
 * | close_information_not_needed    | yes         | yes                | –                  | –       | –     |
 * | start_hearing                   | yes         | yes                | –                  | –       | –     |
 * | record_hearing_statement        | yes         | yes                | –                  | –       | –     |
 * | sign_hearing_statement          | – (2)       | – (2)              | own statement only | –       | –     |
 * | waive_hearing                   | yes         | – (3)              | –                  | –       | –     |
 * | flag_liability                  | yes         | yes                | –                  | –       | –     |
 * | notify_insurer                  | yes         | yes                | –                  | –       | –     |
 * | record_insurer_consultation     | yes         | yes                | –                  | –       | –     |
 * | send_delay_notice               | yes         | yes                | –                  | –       | –     |
 * | plan_meeting                    | yes         | yes                | –                  | –       | –     |
 * | confirm_meeting                 | yes         | yes                | –                  | –       | –     |
 * | record_meeting                  | yes         | yes                | –                  | –       | –     |
 * | send_decision_letter            | yes         | yes                | –                  | –       | –     |
 * | close                           | yes         | – (4)              | –                  | –       | –     |
 * | withdraw                        | yes         | yes                | –                  | –       | –     |
 * | reclassify                      | yes         | – (4)              | –                  | –       | –     |
 * | record_kifid_referral           | yes         | – (5)              | –                  | –       | –     |
 * | add_note                        | yes         | yes                | –                  | –       | –     |
 *
 * (1) The coordinator receives every complaint and assigns it (design §1); a handler does not
 *     hand a complaint on or take one.
 * (2) Only the employee whose reaction it is signs it, whatever other roles they hold; that is the
 *     point of the signature. An auditor or administrator without a working role does not sign.
 * (3) Said so by the issue: only the coordinator waives a hearing.
 * (4) Closing sets category, root cause and outcome, which feed the firm's reports (R11); the
 *     coordinator signs that off.
 * (5) A KiFiD case concerns the firm, and comes after the handler's work is done.
 *
 * An auditor reads and never acts; an administrator acts on complaints only when also coordinator.
 * Self-involvement comes on top of this table (see self-involvement.ts).
 */
export type Grant = 'coordinator' | 'assigned_handler' | 'own_hearing';

const BOTH: readonly Grant[] = ['coordinator', 'assigned_handler'];
const COORDINATOR: readonly Grant[] = ['coordinator'];

export const ROLE_RULES: Readonly<Record<ComplaintAction, readonly Grant[]>> = Object.freeze({
  acknowledge: BOTH,
  assign_handler: COORDINATOR,
  request_information: BOTH,
  register_information_received: BOTH,
  close_information_not_needed: BOTH,
  start_hearing: BOTH,
  record_hearing_statement: BOTH,
  sign_hearing_statement: ['own_hearing'],
  waive_hearing: COORDINATOR,
  flag_liability: BOTH,
  notify_insurer: BOTH,
  record_insurer_consultation: BOTH,
  send_delay_notice: BOTH,
  plan_meeting: BOTH,
  confirm_meeting: BOTH,
  record_meeting: BOTH,
  send_decision_letter: BOTH,
  close: COORDINATOR,
  withdraw: BOTH,
  reclassify: COORDINATOR,
  record_kifid_referral: COORDINATOR,
  add_note: BOTH,
});

/** An employee who is complained about works here; read-only roles alone do not make someone sign. */
const SIGNING_ROLES = ['employee', 'handler', 'coordinator'] as const;

/** Whose statement the actor wants to sign: the one named, or without a request their own. */
function signingSubject(actor: ActingUser, request: ActionRequest | undefined): string {
  return request?.action === 'sign_hearing_statement' ? request.employeeId : actor.id;
}

function holdsGrant(
  grant: Grant,
  snapshot: ComplaintSnapshot,
  actor: ActingUser,
  request: ActionRequest | undefined,
): boolean {
  switch (grant) {
    case 'coordinator':
      return actor.roles.includes('coordinator');
    case 'assigned_handler':
      return actor.roles.includes('handler') && snapshot.handlerId === actor.id;
    case 'own_hearing':
      return (
        signingSubject(actor, request) === actor.id &&
        snapshot.involvedEmployeeIds.includes(actor.id) &&
        actor.roles.some((role) => (SIGNING_ROLES as readonly string[]).includes(role))
      );
    default:
      return false;
  }
}

export function roleRefusals(
  snapshot: ComplaintSnapshot,
  actor: ActingUser,
  action: ComplaintAction,
  request?: ActionRequest,
): Refusal[] {
  const grants = ROLE_RULES[action];
  if (grants.some((grant) => holdsGrant(grant, snapshot, actor, request))) return [];
  if (grants.includes('own_hearing')) return [refusals.notOwnHearing()];
  if (grants.includes('assigned_handler') && actor.roles.includes('handler')) {
    return [refusals.notAssignedHandler(action)];
  }
  return [refusals.roleNotAllowed(action)];
}
