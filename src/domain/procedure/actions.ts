import type { LocalDate } from '../calendar/local-date.ts';
import type { Outcome } from './complaint-snapshot.ts';
import type { DecisionLetterContent } from './decision-letter.ts';

/** Every step a user can take on a complaint. */
export const COMPLAINT_ACTIONS = [
  'acknowledge',
  'assign_handler',
  'request_information',
  'register_information_received',
  'close_information_not_needed',
  'start_hearing',
  'record_hearing_statement',
  'sign_hearing_statement',
  'waive_hearing',
  'flag_liability',
  'notify_insurer',
  'record_insurer_consultation',
  'send_delay_notice',
  'plan_meeting',
  'confirm_meeting',
  'record_meeting',
  'send_decision_letter',
  'close',
  'withdraw',
  'reclassify',
  'record_kifid_referral',
  'add_note',
] as const;

export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** Dutch, for messages and buttons. */
export const ACTION_LABELS: Readonly<Record<ComplaintAction, string>> = Object.freeze({
  acknowledge: 'ontvangst bevestigen',
  assign_handler: 'behandelaar toewijzen',
  request_information: 'om ontbrekende informatie vragen',
  register_information_received: 'ontvangen informatie vastleggen',
  close_information_not_needed: 'vastleggen dat geen informatie nodig is',
  start_hearing: 'wederhoor starten',
  record_hearing_statement: 'samenvatting van de reactie vastleggen',
  sign_hearing_statement: 'samenvatting ondertekenen',
  waive_hearing: 'afzien van wederhoor',
  flag_liability: 'markeren als mogelijke aansprakelijkstelling',
  notify_insurer: 'verzekeraar geïnformeerd',
  record_insurer_consultation: 'overleg met de verzekeraar vastleggen',
  send_delay_notice: 'bericht termijnoverschrijding versturen',
  plan_meeting: 'persoonlijk gesprek plannen',
  confirm_meeting: 'persoonlijk gesprek bevestigen',
  record_meeting: 'gehouden gesprek vastleggen',
  send_decision_letter: 'brief met ons oordeel versturen',
  close: 'klacht afsluiten',
  withdraw: 'intrekking vastleggen',
  reclassify: 'heringedelen: geen klacht',
  record_kifid_referral: 'KiFiD-zaak vastleggen',
  add_note: 'notitie toevoegen',
});

/**
 * Steps that reach the complainant. While a liability flag lacks a consultation with the insurer,
 * none of them may go out (R5); the acknowledgment is left out on purpose: it only confirms receipt.
 */
export const COMMUNICATIONS_TO_COMPLAINANT: readonly ComplaintAction[] = [
  'request_information',
  'send_delay_notice',
  'plan_meeting',
  'confirm_meeting',
  'record_meeting',
  'send_decision_letter',
];

/** Steps that communicate our position (R7) and so end the investigation. */
export const DECISION_ACTIONS: readonly ComplaintAction[] = ['record_meeting', 'send_decision_letter'];

/** An action together with its input. Free text travels here but never into the domain events. */
export type ActionRequest =
  | { readonly action: 'acknowledge' }
  | { readonly action: 'assign_handler'; readonly handlerId: string }
  | { readonly action: 'request_information' }
  /** Without a request id, the oldest open request is the one answered. */
  | { readonly action: 'register_information_received'; readonly requestId?: string }
  | { readonly action: 'close_information_not_needed' }
  | { readonly action: 'start_hearing'; readonly employeeId: string }
  | { readonly action: 'record_hearing_statement'; readonly employeeId: string }
  | { readonly action: 'sign_hearing_statement'; readonly employeeId: string }
  | { readonly action: 'waive_hearing'; readonly employeeId: string; readonly reason: string }
  | { readonly action: 'flag_liability' }
  | { readonly action: 'notify_insurer' }
  | {
      readonly action: 'record_insurer_consultation';
      readonly at: Date;
      readonly withWhom: string;
      readonly agreed: string;
    }
  | { readonly action: 'send_delay_notice'; readonly reason: string; readonly newDate: LocalDate }
  | { readonly action: 'plan_meeting'; readonly scheduledFor: Date }
  /** The complainant accepted the invitation; with a time when they asked for another one. */
  | { readonly action: 'confirm_meeting'; readonly scheduledFor?: Date }
  | { readonly action: 'record_meeting'; readonly heldAt: Date }
  | { readonly action: 'send_decision_letter'; readonly letter: DecisionLetterContent }
  /** Fields left out are taken from the complaint as it stands. */
  | {
      readonly action: 'close';
      readonly category?: string | null;
      readonly rootCause?: string | null;
      readonly outcome?: Outcome | null;
    }
  | { readonly action: 'withdraw' }
  /**
   * It turned out not to be a complaint (a question, a claim, a cancellation). Allowed, but always
   * with a reason and on the record: relabelling complaints as questions must stay visible.
   */
  | {
      readonly action: 'reclassify';
      readonly kind: 'question' | 'claim' | 'cancellation' | 'other';
      readonly reason: string;
    }
  | {
      readonly action: 'record_kifid_referral';
      readonly caseNumber: string;
      readonly outcome?: string | null;
    }
  | { readonly action: 'add_note' };

export type ActionRequestOf<A extends ComplaintAction> = Extract<ActionRequest, { readonly action: A }>;

export function isComplaintAction(value: unknown): value is ComplaintAction {
  return typeof value === 'string' && (COMPLAINT_ACTIONS as readonly string[]).includes(value);
}
