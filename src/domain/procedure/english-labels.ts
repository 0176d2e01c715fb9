import type { ComplaintAction } from './actions.ts';
import type { ComplaintStatus } from './complaint-state.ts';

/** ACTION_LABELS for staff who switched to English; only ever shown, never recorded. */
export const ENGLISH_ACTION_LABELS: Readonly<Record<ComplaintAction, string>> = Object.freeze({
  acknowledge: 'acknowledge receipt',
  assign_handler: 'assign a handler',
  request_information: 'ask for missing information',
  register_information_received: 'record the information received',
  close_information_not_needed: 'record that no information is needed',
  start_hearing: 'start the hearing',
  record_hearing_statement: 'record the summary of the reaction',
  sign_hearing_statement: 'sign the summary',
  waive_hearing: 'waive the hearing',
  flag_liability: 'flag as a possible liability claim',
  notify_insurer: 'insurer informed',
  record_insurer_consultation: 'record the consultation with the insurer',
  send_delay_notice: 'send a delay notice',
  plan_meeting: 'plan a meeting',
  confirm_meeting: 'confirm the meeting',
  record_meeting: 'record the meeting held',
  send_decision_letter: 'send the letter with our final position',
  close: 'close the complaint',
  withdraw: 'record the withdrawal',
  reclassify: 'reclassify: not a complaint',
  record_kifid_referral: 'record a KiFiD case',
  add_note: 'add a note',
});

/** STATUS_LABELS in English. */
export const ENGLISH_STATUS_LABELS: Readonly<Record<ComplaintStatus, string>> = Object.freeze({
  received: 'received',
  acknowledged: 'receipt acknowledged',
  in_investigation: 'under investigation',
  decided: 'final position given',
  closed: 'closed',
  withdrawn: 'withdrawn',
  reclassified: 'not a complaint (reclassified)',
});

/** The English of refusals.ts's transitionHint: what would make the step possible. */
export function englishTransitionHint(action: ComplaintAction, status: ComplaintStatus): string {
  if (status === 'closed' || status === 'withdrawn' || status === 'reclassified') {
    return action === 'record_kifid_referral'
      ? ' A KiFiD case is only recorded for a closed complaint.'
      : ' The complaint has already been closed or withdrawn.';
  }
  if (status === 'received') return ' First acknowledge receipt of the complaint.';
  if (action === 'close') return ' A complaint is closed after our final position has been given.';
  if (action === 'record_kifid_referral')
    return ' A KiFiD case is recorded after the complaint has been closed.';
  if (status === 'decided') return ' Our final position has already been given.';
  return '';
}
