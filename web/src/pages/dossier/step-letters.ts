import type { PreviewRequest } from '../../api/dossier-letters.ts';
import type { ActionName } from '../../api/types.ts';
import { amsterdamDateOf, isoFromDateTimeInput } from '../../lib/dates.ts';
import { STEP_DEFINITIONS, type StepContext, type Values } from './step-definitions.ts';

/** Steps whose body takes `delivery` (the server's LetterOptions): how their letter goes out. */
const DELIVERY_STEPS = new Set<ActionName>([
  'acknowledge',
  'request_information',
  'notify_insurer',
  'record_insurer_consultation',
  'send_delay_notice',
  'plan_meeting',
  'confirm_meeting',
  'send_decision_letter',
]);

export function choosesDelivery(action: ActionName): boolean {
  return DELIVERY_STEPS.has(action);
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const text = (values: Values, name: string) => (values[name] ?? '').trim();

/** The meeting's date and times as the step writes them into the invitation (one hour, Amsterdam). */
function meetingFields(values: Values): Record<string, string> {
  const input = text(values, 'scheduledFor');
  if (!input) return {};
  const start = new Date(isoFromDateTimeInput(input));
  if (Number.isNaN(start.getTime())) return {};
  const end = new Date(start.getTime() + 60 * 60_000);
  return {
    meetingDate: amsterdamDateOf(start),
    startTime: AMSTERDAM_TIME.format(start),
    endTime: AMSTERDAM_TIME.format(end),
  };
}

type PreviewOf = (values: Values, context: StepContext) => PreviewRequest;

/**
 * The letter a step sends, as the preview endpoint takes it: the same fields the server's step adds
 * (src/procedure/step-letters.ts), so the preview shows the letter that will go out.
 */
const PREVIEWS: Partial<Record<ActionName, PreviewOf>> = {
  acknowledge: () => ({ type: 'acknowledgment' }),
  request_information: (values) => {
    const missing = text(values, 'whatIsMissing');
    return { type: 'information_request', fields: missing ? { missingInformation: [missing] } : {} };
  },
  send_delay_notice: (values) => ({
    type: 'delay_notice',
    fields: {
      ...(text(values, 'reason') ? { reason: text(values, 'reason') } : {}),
      ...(text(values, 'newDate') ? { newDate: text(values, 'newDate') } : {}),
    },
  }),
  plan_meeting: (values) => ({ type: 'meeting_invitation', fields: meetingFields(values) }),
  send_decision_letter: (values, context) => ({
    type: 'decision',
    fields: { ...STEP_DEFINITIONS.send_decision_letter.toBody(values, context).letter },
  }),
  confirm_meeting: (values) => {
    const scheduledFor = text(values, 'scheduledFor');
    return {
      type: 'meeting_confirmation',
      ...(scheduledFor ? { step: { scheduledFor: isoFromDateTimeInput(scheduledFor) } } : {}),
    };
  },
  notify_insurer: () => ({ type: 'insurer_notification' }),
  record_insurer_consultation: (values) => {
    const at = text(values, 'at');
    return {
      type: 'insurer_consultation_record',
      step: {
        ...(at ? { consultedAt: isoFromDateTimeInput(at) } : {}),
        ...(text(values, 'withWhom') ? { withWhom: text(values, 'withWhom') } : {}),
        ...(text(values, 'agreed') ? { agreed: text(values, 'agreed') } : {}),
      },
    };
  },
  record_hearing_statement: (values) => {
    const employeeId = text(values, 'employeeId');
    const statement = text(values, 'statementText');
    return {
      type: 'hearing_statement',
      ...(employeeId ? { employeeId } : {}),
      ...(statement ? { step: { statementText: statement } } : {}),
    };
  },
  start_hearing: (values) => {
    const employeeId = text(values, 'employeeId');
    const comment = text(values, 'requestText');
    return {
      type: 'hearing_request',
      fields: comment ? { requestedComment: comment } : {},
      ...(employeeId ? { employeeId } : {}),
    };
  },
};

export function previewOf(action: ActionName): PreviewOf | undefined {
  return PREVIEWS[action];
}
