import type { ComplaintAction } from './actions.ts';
import type { ComplaintStatus } from './complaint-state.ts';

export interface TransitionRule {
  /** The statuses in which the action may be taken. */
  readonly from: readonly ComplaintStatus[];
  /** Where it leads; `unchanged` keeps the status it was taken in. */
  readonly to: ComplaintStatus | 'unchanged';
}

const OPEN: readonly ComplaintStatus[] = ['received', 'acknowledged', 'in_investigation', 'decided'];
const INVESTIGATING: readonly ComplaintStatus[] = ['acknowledged', 'in_investigation'];
const ALL: readonly ComplaintStatus[] = [...OPEN, 'closed', 'withdrawn', 'reclassified'];

/**
 * The state machine as data.
 *
 * - Investigation starts with the first investigating step after the acknowledgment; such steps
 *   need the acknowledgment first, because it tells the complainant who handles the complaint (R2).
 * - The liability flag, the insurer's notification and consultations may come at any open moment,
 *   even before the acknowledgment: the insurer is to be informed at once (R5). They leave the
 *   status alone: the complaint is "awaiting the insurer" as a derived sub-state, not a status.
 * - Hearing statements are only recorded and signed in an investigation: a hearing starts one.
 * - A complaint is only withdrawn before its position is given; afterwards it is closed, with
 *   outcome "ingetrokken" if need be.
 * - A KiFiD referral is recorded after closing (the issue's order). See the report for R12's
 *   referral without a position.
 */
export const TRANSITIONS: Readonly<Record<ComplaintAction, TransitionRule>> = Object.freeze({
  acknowledge: { from: ['received'], to: 'acknowledged' },
  assign_handler: { from: OPEN, to: 'unchanged' },
  request_information: { from: INVESTIGATING, to: 'in_investigation' },
  register_information_received: { from: ['in_investigation'], to: 'unchanged' },
  close_information_not_needed: { from: INVESTIGATING, to: 'in_investigation' },
  start_hearing: { from: INVESTIGATING, to: 'in_investigation' },
  record_hearing_statement: { from: ['in_investigation'], to: 'unchanged' },
  sign_hearing_statement: { from: ['in_investigation'], to: 'unchanged' },
  waive_hearing: { from: INVESTIGATING, to: 'in_investigation' },
  flag_liability: { from: OPEN, to: 'unchanged' },
  notify_insurer: { from: OPEN, to: 'unchanged' },
  record_insurer_consultation: { from: OPEN, to: 'unchanged' },
  send_delay_notice: { from: INVESTIGATING, to: 'in_investigation' },
  plan_meeting: { from: INVESTIGATING, to: 'in_investigation' },
  confirm_meeting: { from: ['in_investigation'], to: 'unchanged' },
  record_meeting: { from: INVESTIGATING, to: 'decided' },
  send_decision_letter: { from: INVESTIGATING, to: 'decided' },
  close: { from: ['decided'], to: 'closed' },
  withdraw: { from: ['received', 'acknowledged', 'in_investigation'], to: 'withdrawn' },
  reclassify: { from: ['received', 'acknowledged', 'in_investigation'], to: 'reclassified' },
  record_kifid_referral: { from: ['closed'], to: 'unchanged' },
  add_note: { from: ALL, to: 'unchanged' },
});

export function isLegalTransition(status: ComplaintStatus, action: ComplaintAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after the action, or null when the action cannot be taken in this status. */
export function nextStatusOf(status: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) return null;
  return rule.to === 'unchanged' ? status : rule.to;
}
