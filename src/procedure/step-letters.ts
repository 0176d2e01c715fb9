import type { AccessContext } from '../auth/access-context.ts';
import type { Tx } from '../db/tenant.ts';
import { addWorkingDays } from '../domain/calendar/terms.ts';
import { amsterdamDateOf, type LocalDate } from '../domain/calendar/local-date.ts';
import type { WorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import {
  sendComplaintLetter,
  type ComplaintLetterType,
  type LetterDeps,
} from '../letters/complaint-letters.ts';
import {
  fileSignedHearingStatement,
  issueHearingStatement,
  linkHearingRequest,
} from '../letters/hearing-statement.ts';
import { displayNameOf } from '../letters/staff-name.ts';
import { loadCalendar } from './clock-columns.ts';
import type { ProcedureActionInput } from './procedure.service.ts';

const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function clockTime(instant: Date): string {
  return AMSTERDAM_TIME.format(instant);
}

/** The answer date an information request gives: ten working days from the letter's day. */
export function informationAnswerBy(calendar: WorkingDayCalendar, now: Date): LocalDate {
  return addWorkingDays(calendar, amsterdamDateOf(now), 10).date;
}

/**
 * The letter each step that reaches someone sends (R2, R4–R8), made in the same transaction as the
 * step: the step and its letter happen together or not at all. Signing a hearing statement sends
 * nothing but files the signed copy in the dossier.
 */
export async function sendLetterOfStep(
  tx: Tx,
  context: AccessContext,
  deps: LetterDeps,
  complaintId: string,
  input: ProcedureActionInput,
  now: Date,
): Promise<boolean> {
  const own = input.letterFields ?? {};
  const delivery = input.delivery ? { delivery: input.delivery } : {};
  if (input.action === 'record_hearing_statement') {
    const issued = await issueHearingStatement(
      tx,
      context,
      deps,
      complaintId,
      input.employeeId,
      { fields: own, ...delivery },
      now,
    );
    return issued.messageId !== null;
  }
  if (input.action === 'sign_hearing_statement') {
    await fileSignedHearingStatement(tx, context, complaintId, input.employeeId, now);
    return false;
  }
  let type: ComplaintLetterType;
  let fields: Record<string, unknown>;
  switch (input.action) {
    case 'acknowledge':
      type = 'acknowledgment';
      fields = own;
      break;
    case 'request_information': {
      const answerBy = informationAnswerBy(await loadCalendar(tx, context.organisationId), now);
      type = 'information_request';
      fields = { missingInformation: [input.whatIsMissing], answerBy, ...own };
      break;
    }
    case 'send_delay_notice':
      type = 'delay_notice';
      fields = { reason: input.reason, newDate: input.newDate, ...own };
      break;
    case 'plan_meeting': {
      const end = new Date(input.scheduledFor.getTime() + 60 * 60_000);
      type = 'meeting_invitation';
      fields = {
        meetingDate: amsterdamDateOf(input.scheduledFor),
        startTime: clockTime(input.scheduledFor),
        endTime: clockTime(end),
        ...own,
      };
      break;
    }
    case 'confirm_meeting':
      type = 'meeting_confirmation';
      fields = own;
      break;
    case 'record_insurer_consultation': {
      const recordedBy = await displayNameOf(tx, context.organisationId, context.userId);
      type = 'insurer_consultation_record';
      fields = { ...(recordedBy ? { recordedBy } : {}), ...own };
      break;
    }
    case 'send_decision_letter':
      type = 'decision';
      fields = { ...input.letter, ...own };
      break;
    case 'notify_insurer':
      type = 'insurer_notification';
      fields = own;
      break;
    case 'start_hearing':
      type = 'hearing_request';
      fields = { requestedComment: input.requestText, ...own };
      break;
    default:
      return false;
  }
  const issued = await sendComplaintLetter(
    tx,
    context,
    deps,
    complaintId,
    type,
    {
      fields,
      ...delivery,
      ...(input.automatic ? { automatic: true } : {}),
      ...(input.action === 'start_hearing' ? { employeeId: input.employeeId } : {}),
    },
    now,
  );
  if (input.action === 'start_hearing') {
    await linkHearingRequest(tx, context.organisationId, complaintId, input.employeeId, issued.letterId);
  }
  return issued.messageId !== null;
}
