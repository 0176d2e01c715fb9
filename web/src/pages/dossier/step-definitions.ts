import type {
  ActionBodies,
  ActionName,
  Complaint,
  Organisation,
  Outcome,
  ReclassifyKind,
  User,
} from '../../api/types.ts';
import { OUTCOMES } from '../../api/types.ts';
import type { Messages } from '../../i18n/nl.ts';
import { amsterdamDateOf, isoFromDateTimeInput, localDateTimeInputValue } from '../../lib/dates.ts';

/** Everything a step form may draw on to fill itself in. */
export interface StepContext {
  complaint: Complaint;
  users: User[];
  organisation: Organisation | null;
}

export type Values = Record<string, string>;

export interface FieldSpec {
  name: string;
  kind: 'text' | 'textarea' | 'date' | 'datetime' | 'select';
  label: (t: Messages) => string;
  hint?: (t: Messages) => string;
  required?: boolean;
  /** For selects: the choices, and the text of the empty first choice (none: no empty choice). */
  options?: (context: StepContext, t: Messages) => Array<{ value: string; label: string }>;
  placeholder?: (t: Messages) => string;
}

export interface StepDefinition<A extends ActionName> {
  fields: FieldSpec[];
  /** The decision letter has its own form (the seven R8 elements and the KiFiD block). */
  custom?: 'decision_letter';
  initial: (context: StepContext, t: Messages) => Values;
  toBody: (values: Values, context: StepContext) => ActionBodies[A];
}

const none = (): Values => ({});
const empty = (): Record<string, never> => ({});
const trimmed = (value: string | undefined): string => (value ?? '').trim();
const orNull = (value: string | undefined): string | null => trimmed(value) || null;

const employeeField: FieldSpec = {
  name: 'employeeId',
  kind: 'select',
  label: (t) => t.steps.employee,
  required: true,
  options: (context) => context.complaint.involvedEmployees.map((e) => ({ value: e.id, label: e.name })),
  placeholder: (t) => t.steps.chooseEmployee,
};

const onlyEmployee = (context: StepContext): Values => {
  const [first, second] = context.complaint.involvedEmployees;
  return first && !second ? { employeeId: first.id } : {};
};

const textarea = (
  name: string,
  label: (t: Messages) => string,
  hint?: (t: Messages) => string,
): FieldSpec => ({
  name,
  kind: 'textarea',
  label,
  required: true,
  ...(hint ? { hint } : {}),
});

export const STEP_DEFINITIONS: { [A in ActionName]: StepDefinition<A> } = {
  acknowledge: { fields: [], initial: none, toBody: empty },
  assign_handler: {
    fields: [
      {
        name: 'handlerId',
        kind: 'select',
        label: (t) => t.steps.handler,
        required: true,
        options: (context) =>
          context.users
            .filter((u) => !u.disabled && u.roles.some((r) => r === 'handler' || r === 'coordinator'))
            .map((u) => ({ value: u.id, label: u.displayName })),
        placeholder: (t) => t.steps.chooseHandler,
      },
    ],
    initial: (context) => ({ handlerId: context.complaint.handler?.id ?? '' }),
    toBody: (values) => ({ handlerId: trimmed(values['handlerId']) }),
  },
  request_information: {
    fields: [textarea('whatIsMissing', (t) => t.steps.whatIsMissing)],
    initial: none,
    toBody: (values) => ({ whatIsMissing: trimmed(values['whatIsMissing']) }),
  },
  register_information_received: { fields: [], initial: none, toBody: () => ({}) },
  close_information_not_needed: { fields: [], initial: none, toBody: empty },
  start_hearing: {
    fields: [employeeField, textarea('requestText', (t) => t.steps.requestText)],
    initial: onlyEmployee,
    toBody: (values) => ({
      employeeId: trimmed(values['employeeId']),
      requestText: trimmed(values['requestText']),
    }),
  },
  record_hearing_statement: {
    fields: [employeeField, textarea('statementText', (t) => t.steps.statementText)],
    initial: onlyEmployee,
    toBody: (values) => ({
      employeeId: trimmed(values['employeeId']),
      statementText: trimmed(values['statementText']),
    }),
  },
  sign_hearing_statement: {
    fields: [employeeField],
    initial: onlyEmployee,
    toBody: (values) => ({ employeeId: trimmed(values['employeeId']) }),
  },
  waive_hearing: {
    fields: [employeeField, textarea('reason', (t) => t.steps.reason)],
    initial: onlyEmployee,
    toBody: (values) => ({ employeeId: trimmed(values['employeeId']), reason: trimmed(values['reason']) }),
  },
  flag_liability: { fields: [], initial: none, toBody: empty },
  notify_insurer: { fields: [], initial: none, toBody: empty },
  record_insurer_consultation: {
    fields: [
      { name: 'at', kind: 'datetime', label: (t) => t.steps.consultationAt, required: true },
      { name: 'withWhom', kind: 'text', label: (t) => t.steps.withWhom, required: true },
      textarea('agreed', (t) => t.steps.agreed),
    ],
    initial: (context) => ({
      at: localDateTimeInputValue(),
      withWhom:
        context.organisation?.liabilityInsurer.contact ?? context.organisation?.liabilityInsurer.name ?? '',
    }),
    toBody: (values) => ({
      at: isoFromDateTimeInput(trimmed(values['at'])),
      withWhom: trimmed(values['withWhom']),
      agreed: trimmed(values['agreed']),
    }),
  },
  send_delay_notice: {
    fields: [
      textarea('reason', (t) => t.steps.delayReason),
      { name: 'newDate', kind: 'date', label: (t) => t.steps.newDate, required: true },
    ],
    initial: none,
    toBody: (values) => ({ reason: trimmed(values['reason']), newDate: trimmed(values['newDate']) }),
  },
  plan_meeting: {
    fields: [{ name: 'scheduledFor', kind: 'datetime', label: (t) => t.steps.scheduledFor, required: true }],
    initial: none,
    toBody: (values) => ({ scheduledFor: isoFromDateTimeInput(trimmed(values['scheduledFor'])) }),
  },
  confirm_meeting: {
    fields: [
      {
        name: 'scheduledFor',
        kind: 'datetime',
        label: (t) => t.steps.confirmedFor,
        hint: (t) => t.steps.confirmedForHint,
      },
    ],
    initial: none,
    toBody: (values) => {
      const moved = trimmed(values['scheduledFor']);
      return moved ? { scheduledFor: isoFromDateTimeInput(moved) } : {};
    },
  },
  record_meeting: {
    fields: [
      { name: 'heldAt', kind: 'datetime', label: (t) => t.steps.heldAt, required: true },
      textarea('minutes', (t) => t.steps.minutes),
    ],
    initial: () => ({ heldAt: localDateTimeInputValue() }),
    toBody: (values) => ({
      heldAt: isoFromDateTimeInput(trimmed(values['heldAt'])),
      minutes: trimmed(values['minutes']),
    }),
  },
  send_decision_letter: {
    fields: [],
    custom: 'decision_letter',
    initial: (context, t) => ({
      receivedDate: amsterdamDateOf(new Date(context.complaint.receivedAt)),
      complaintSummary: context.complaint.description,
      furtherContact: t.steps.letter.furtherContactDefault,
      term: t.steps.letter.termDefault,
    }),
    toBody: (values, context) => {
      const org = context.organisation;
      return {
        letter: {
          receivedDate: orNull(values['receivedDate']),
          complaintSummary: orNull(values['complaintSummary']),
          investigationResults: orNull(values['investigationResults']),
          judgment: orNull(values['judgment']),
          followUpActions: orNull(values['followUpActions']),
          furtherContact: orNull(values['furtherContact']),
          disputesBody: org
            ? {
                name: org.disputesBody.name,
                postalAddress: org.disputesBody.postalAddress,
                postalCodeCity: org.disputesBody.postalCodeCity,
                phone: org.disputesBody.phone,
                email: org.disputesBody.email,
                website: org.disputesBody.website,
                affiliationNumber: org.kifidAffiliationNumber,
                term: orNull(values['term']),
              }
            : null,
        },
      };
    },
  },
  close: {
    fields: [
      {
        name: 'category',
        kind: 'text',
        label: (t) => t.steps.category,
        hint: (t) => t.steps.categoryHint,
        required: true,
      },
      { name: 'rootCause', kind: 'text', label: (t) => t.steps.rootCause, required: true },
      {
        name: 'outcome',
        kind: 'select',
        label: (t) => t.steps.outcome,
        required: true,
        options: (_context, t) => OUTCOMES.map((o) => ({ value: o, label: t.outcome[o] })),
        placeholder: (t) => t.steps.chooseOutcome,
      },
    ],
    initial: (context) => ({
      category: context.complaint.category ?? '',
      rootCause: context.complaint.rootCause ?? '',
      outcome: context.complaint.outcome ?? '',
    }),
    toBody: (values) => ({
      category: orNull(values['category']),
      rootCause: orNull(values['rootCause']),
      outcome: (orNull(values['outcome']) as Outcome | null) ?? null,
    }),
  },
  withdraw: { fields: [], initial: none, toBody: empty },
  reclassify: {
    fields: [
      {
        name: 'kind',
        kind: 'select',
        label: (t) => t.steps.reclassifyKind,
        required: true,
        options: (_context, t) =>
          (['question', 'claim', 'cancellation', 'other'] as const).map((k) => ({
            value: k,
            label: t.steps.reclassifyKinds[k],
          })),
      },
      textarea('reason', (t) => t.steps.reason),
    ],
    initial: () => ({ kind: 'question' }),
    toBody: (values) => ({
      kind: (values['kind'] ?? 'other') as ReclassifyKind,
      reason: trimmed(values['reason']),
    }),
  },
  record_kifid_referral: {
    fields: [
      { name: 'caseNumber', kind: 'text', label: (t) => t.steps.caseNumber, required: true },
      { name: 'outcome', kind: 'text', label: (t) => t.steps.kifidOutcome },
    ],
    initial: none,
    toBody: (values) => ({ caseNumber: trimmed(values['caseNumber']), outcome: orNull(values['outcome']) }),
  },
};

/**
 * Refusals about what the form itself supplies. The server checks a step before anyone types (for
 * closing: the complaint has no category yet), so these do not block the step: the form fills them.
 */
const ANSWERED_BY_THE_FORM = new Set([
  'closing_fields_missing',
  'decision_letter_incomplete',
  'decision_letter_receipt_date_wrong',
  'affiliation_number_mismatch',
  'delay_notice_reason_missing',
  'delay_notice_date_invalid',
  'consultation_incomplete',
  'consultation_time_invalid',
  'meeting_time_invalid',
  'kifid_case_number_missing',
  'reclassification_reason_missing',
  'waiver_reason_missing',
]);

export function isAnsweredByTheForm(action: ActionName, code: string): boolean {
  const definition = STEP_DEFINITIONS[action];
  if (definition.fields.length === 0 && definition.custom === undefined) return false;
  return ANSWERED_BY_THE_FORM.has(code) || (action === 'assign_handler' && code === 'handler_missing');
}

export function isStep(action: string): action is ActionName {
  return Object.hasOwn(STEP_DEFINITIONS, action);
}

/** Where a refusal points to: the step that resolves it, or the settings page. */
export function remedyOf(
  code: string,
  details: Record<string, string> | undefined,
): { step: ActionName } | { settings: string } | null {
  switch (code) {
    case 'handler_missing':
      return { step: 'assign_handler' };
    case 'insurer_consultation_required':
      return { step: 'record_insurer_consultation' };
    case 'hearing_incomplete':
      return { step: 'record_hearing_statement' };
    case 'no_meeting_planned':
      return { step: 'plan_meeting' };
    case 'affiliation_number_missing':
    case 'affiliation_number_mismatch':
      return { settings: '/settings/kifid' };
    case 'illegal_transition':
      return details?.['status'] === 'received' ? { step: 'acknowledge' } : null;
    default:
      return null;
  }
}
