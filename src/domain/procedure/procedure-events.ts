import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { sha256Hex, type JsonValue } from '../event-chain.ts';
import type { ActionRequest, ComplaintAction } from './actions.ts';
import { closingFieldsOf } from './closing.ts';
import type { ComplaintStatus } from './complaint-state.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { decisionTarget } from './decision-target.ts';
import { openInformationRequests } from './information-requests.ts';
import type { Refusal } from './refusals.ts';

/** The dossier event each action writes when it is taken. */
export const ACTION_EVENT_TYPES = {
  acknowledge: 'complaint.acknowledged',
  assign_handler: 'complaint.handler_assigned',
  request_information: 'complaint.information_requested',
  register_information_received: 'complaint.information_received',
  close_information_not_needed: 'complaint.information_not_needed',
  start_hearing: 'complaint.hearing_started',
  record_hearing_statement: 'complaint.hearing_statement_recorded',
  sign_hearing_statement: 'complaint.hearing_statement_signed',
  waive_hearing: 'complaint.hearing_waived',
  flag_liability: 'complaint.liability_flagged',
  notify_insurer: 'complaint.insurer_notified',
  record_insurer_consultation: 'complaint.insurer_consultation_recorded',
  send_delay_notice: 'complaint.delay_notice_sent',
  plan_meeting: 'complaint.meeting_planned',
  confirm_meeting: 'complaint.meeting_confirmed',
  record_meeting: 'complaint.meeting_held',
  send_decision_letter: 'complaint.decision_letter_sent',
  close: 'complaint.closed',
  withdraw: 'complaint.withdrawn',
  reclassify: 'complaint.reclassified',
  record_kifid_referral: 'complaint.kifid_referral_recorded',
  // The dossier service already writes notes under this name.
  add_note: 'dossier.note_added',
} as const satisfies Record<ComplaintAction, string>;

export const ACTION_REFUSED_EVENT_TYPE = 'complaint.action_refused';

export type ProcedureEventType =
  (typeof ACTION_EVENT_TYPES)[ComplaintAction] | typeof ACTION_REFUSED_EVENT_TYPE;

/**
 * What the domain asks the service to append to the dossier. Like every dossier event it holds ids,
 * codes, dates and digests only (design §4): free text such as a reason or what was agreed is
 * stored by the service where it can be blanked, and only its SHA-256 digest goes here.
 */
export interface ProcedureEvent {
  readonly type: ProcedureEventType;
  readonly data: { readonly [key: string]: JsonValue };
}

function digest(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : sha256Hex(text);
}

function actionData(
  snapshot: ComplaintSnapshot,
  request: ActionRequest,
  calendar: WorkingDayCalendar,
): { [key: string]: JsonValue } {
  switch (request.action) {
    case 'assign_handler':
      return { previousHandlerId: snapshot.handlerId, handlerId: request.handlerId };
    case 'register_information_received': {
      const answered =
        request.requestId ??
        openInformationRequests(snapshot).toSorted((a, b) => a.sentAt.getTime() - b.sentAt.getTime())[0]
          ?.id ??
        null;
      return { requestId: answered };
    }
    case 'close_information_not_needed':
      return {
        closedRequestIds: openInformationRequests(snapshot).map((r) => r.id),
        // Whether this settles the 10-working-day clock, or only closes requests already sent.
        settlesMissingInformationClock:
          snapshot.informationRequests.length === 0 && snapshot.informationNotNeededAt === null,
      };
    case 'start_hearing':
    case 'record_hearing_statement':
    case 'sign_hearing_statement':
      return { employeeId: request.employeeId };
    case 'waive_hearing':
      return { employeeId: request.employeeId, reasonSha256: sha256Hex(request.reason) };
    case 'record_insurer_consultation':
      return {
        at: request.at.toISOString(),
        withWhomSha256: sha256Hex(request.withWhom),
        agreedSha256: sha256Hex(request.agreed),
      };
    case 'send_delay_notice': {
      const target = decisionTarget(snapshot, calendar);
      return {
        originalTarget: target.original.date,
        previousTarget: target.current,
        newDate: request.newDate,
        reasonSha256: sha256Hex(request.reason),
      };
    }
    case 'plan_meeting':
      return { scheduledFor: request.scheduledFor.toISOString() };
    case 'confirm_meeting':
      return {
        scheduledFor: (request.scheduledFor ?? snapshot.meeting?.scheduledFor ?? null)?.toISOString() ?? null,
        moved: request.scheduledFor !== undefined,
      };
    case 'record_meeting':
      return { decisionMode: 'meeting', heldAt: request.heldAt.toISOString() };
    case 'send_decision_letter':
      return { decisionMode: 'letter' };
    case 'close': {
      const { outcome, category, rootCause } = closingFieldsOf(snapshot, request);
      return { outcome, categorySha256: digest(category), rootCauseSha256: digest(rootCause) };
    }
    case 'reclassify':
      return { reclassifiedAs: request.kind, reasonSha256: sha256Hex(request.reason) };
    case 'record_kifid_referral':
      return {
        caseNumber: request.caseNumber.trim(),
        outcomeSha256: digest(request.outcome),
        replacesEarlierRecord: snapshot.kifidReferral !== null,
      };
    default:
      return {};
  }
}

export function actionEvent(
  snapshot: ComplaintSnapshot,
  request: ActionRequest,
  statusTo: ComplaintStatus,
  calendar: WorkingDayCalendar,
): ProcedureEvent {
  return {
    type: ACTION_EVENT_TYPES[request.action],
    data: {
      action: request.action,
      statusFrom: snapshot.status,
      statusTo,
      ...actionData(snapshot, request, calendar),
    },
  };
}

/** A refused step is on record too, with every reason's code. */
export function refusedEvent(
  snapshot: ComplaintSnapshot,
  action: ComplaintAction,
  found: readonly Refusal[],
): ProcedureEvent {
  return {
    type: ACTION_REFUSED_EVENT_TYPE,
    data: {
      action,
      status: snapshot.status,
      refusals: found.map((r) => ({ code: r.code, ...r.details })),
    },
  };
}
