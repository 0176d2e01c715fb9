import { amsterdamDateOf } from '../calendar/local-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { isAffiliationNumberMissing } from '../compliance.ts';
import type { ActingUser } from './acting-user.ts';
import { COMPLAINT_ACTIONS, type ActionRequest, type ComplaintAction } from './actions.ts';
import { closingFieldsOf, closingRefusals } from './closing.ts';
import type { ComplaintStatus, DecisionMode } from './complaint-state.ts';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { checkDecisionLetter } from './decision-letter.ts';
import { delayNoticeRefusals } from './delay-notice.ts';
import { hearingActionRefusals, hearingGateRefusals } from './hearing-rules.ts';
import { liabilityGateRefusal } from './liability-gate.ts';
import { openInformationRequests } from './information-requests.ts';
import { actionEvent, refusedEvent, type ProcedureEvent } from './procedure-events.ts';
import { refusals, uniqueRefusals, type Refusal } from './refusals.ts';
import { roleRefusals } from './role-rules.ts';
import { selfInvolvementRefusals } from './self-involvement.ts';
import { isLegalTransition, nextStatusOf } from './transitions.ts';

/** Who acts, when, and by which calendar the terms are counted. */
export interface ActionEnvironment {
  readonly actor: ActingUser;
  readonly now: Date;
  readonly calendar: WorkingDayCalendar;
}

export type ActionEvaluation =
  | {
      readonly allowed: true;
      readonly action: ComplaintAction;
      readonly nextStatus: ComplaintStatus;
      /** How the position was given once the complaint is decided; null before. */
      readonly decisionMode: DecisionMode | null;
      readonly events: readonly ProcedureEvent[];
    }
  | {
      readonly allowed: false;
      readonly action: ComplaintAction;
      readonly refusals: readonly [Refusal, ...Refusal[]];
      /** The refusal itself, for the dossier. */
      readonly events: readonly ProcedureEvent[];
    };

export interface ActionAvailability {
  readonly action: ComplaintAction;
  readonly allowed: boolean;
  readonly refusals: readonly Refusal[];
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

function isValidInstant(value: Date): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** The preconditions particular to each action; the common ones are in `actionRefusals`. */
function specificRefusals(
  snapshot: ComplaintSnapshot,
  action: ComplaintAction,
  env: ActionEnvironment,
  request: ActionRequest | undefined,
): Refusal[] {
  const { now, calendar } = env;
  const found: Refusal[] = [];
  switch (action) {
    case 'acknowledge':
      if (snapshot.handlerId === null) found.push(refusals.handlerMissingForAcknowledgment());
      break;
    case 'assign_handler':
      if (request?.action === 'assign_handler' && isBlank(request.handlerId))
        found.push(refusals.handlerMissing());
      break;
    case 'register_information_received': {
      const open = openInformationRequests(snapshot);
      const requestId = request?.action === 'register_information_received' ? request.requestId : undefined;
      const answerable = requestId === undefined ? open.length > 0 : open.some((r) => r.id === requestId);
      if (!answerable) found.push(refusals.noOpenInformationRequest());
      break;
    }
    case 'close_information_not_needed': {
      const clockSettled =
        snapshot.informationRequests.length > 0 || snapshot.informationNotNeededAt !== null;
      if (openInformationRequests(snapshot).length === 0 && clockSettled) {
        found.push(refusals.informationAlreadySettled());
      }
      break;
    }
    case 'start_hearing':
    case 'record_hearing_statement':
    case 'sign_hearing_statement':
    case 'waive_hearing':
      found.push(...hearingActionRefusals(snapshot, env.actor, action, request));
      break;
    case 'flag_liability':
      if (snapshot.liability.flaggedAt !== null) found.push(refusals.liabilityAlreadyFlagged());
      break;
    case 'reclassify':
      if (request?.action === 'reclassify' && isBlank(request.reason)) {
        found.push(refusals.reclassificationReasonMissing());
      }
      break;
    case 'notify_insurer':
      if (snapshot.liability.flaggedAt === null) found.push(refusals.liabilityNotFlagged());
      else if (snapshot.liability.insurerNotifiedAt !== null) found.push(refusals.insurerAlreadyNotified());
      break;
    case 'record_insurer_consultation': {
      const flaggedAt = snapshot.liability.flaggedAt;
      if (flaggedAt === null) found.push(refusals.liabilityNotFlagged());
      if (request?.action !== 'record_insurer_consultation') break;
      if (isBlank(request.withWhom)) found.push(refusals.consultationIncomplete('withWhom'));
      if (isBlank(request.agreed)) found.push(refusals.consultationIncomplete('agreed'));
      if (!isValidInstant(request.at) || request.at > now) found.push(refusals.consultationInFuture());
      else if (flaggedAt !== null && request.at < flaggedAt) found.push(refusals.consultationBeforeFlag());
      break;
    }
    case 'send_delay_notice':
      found.push(...delayNoticeRefusals(snapshot, calendar, now, request));
      break;
    case 'plan_meeting':
      if (
        request?.action === 'plan_meeting' &&
        (!isValidInstant(request.scheduledFor) || request.scheduledFor <= now)
      ) {
        found.push(refusals.meetingPlannedInPast());
      }
      break;
    case 'confirm_meeting': {
      if (snapshot.meeting === null) {
        found.push(refusals.noMeetingPlanned());
        break;
      }
      if (request?.action !== 'confirm_meeting') break;
      const at = request.scheduledFor ?? snapshot.meeting.scheduledFor;
      if (!isValidInstant(at) || at <= now) found.push(refusals.meetingPlannedInPast());
      break;
    }
    case 'record_meeting':
      found.push(...hearingGateRefusals(snapshot));
      if (
        request?.action === 'record_meeting' &&
        (!isValidInstant(request.heldAt) || request.heldAt > now || request.heldAt < snapshot.receivedAt)
      ) {
        found.push(refusals.meetingHeldOutOfRange());
      }
      break;
    case 'send_decision_letter':
      found.push(...hearingGateRefusals(snapshot));
      // R9 holds before any letter is written, so the list of possible steps shows it too.
      if (isAffiliationNumberMissing(snapshot.organisation.kifidAffiliationNumber)) {
        found.push(refusals.affiliationNumberMissing());
      }
      if (request?.action === 'send_decision_letter') {
        found.push(...checkDecisionLetter(request.letter, snapshot.organisation));
        const received = amsterdamDateOf(snapshot.receivedAt);
        if (request.letter.receivedDate !== null && request.letter.receivedDate !== received) {
          found.push(refusals.decisionLetterReceiptDateWrong(received));
        }
      }
      break;
    case 'close':
      found.push(...closingRefusals(closingFieldsOf(snapshot, request)));
      break;
    case 'record_kifid_referral':
      if (request?.action === 'record_kifid_referral' && isBlank(request.caseNumber)) {
        found.push(refusals.kifidCaseNumberMissing());
      }
      break;
    default:
      break;
  }
  return found;
}

/**
 * Every reason the action cannot be taken now, in a stable order: role, status, self-involvement,
 * the liability gate, then the action's own conditions. Without a request, the checks that need
 * its input (a letter, a date, a reason) are left out: that is the list shown before anyone tries.
 */
export function actionRefusals(
  snapshot: ComplaintSnapshot,
  action: ComplaintAction,
  env: ActionEnvironment,
  request?: ActionRequest,
): Refusal[] {
  const liability = liabilityGateRefusal(snapshot, action);
  return uniqueRefusals([
    ...roleRefusals(snapshot, env.actor, action, request),
    ...(isLegalTransition(snapshot.status, action)
      ? []
      : [refusals.illegalTransition(action, snapshot.status)]),
    ...selfInvolvementRefusals(snapshot, env.actor, action, request),
    ...(liability === null ? [] : [liability]),
    ...specificRefusals(snapshot, action, env, request),
  ]);
}

function decisionModeAfter(snapshot: ComplaintSnapshot, action: ComplaintAction): DecisionMode | null {
  if (action === 'record_meeting') return 'meeting';
  if (action === 'send_decision_letter') return 'letter';
  return snapshot.decision?.mode ?? null;
}

/**
 * Decides whether the requested step may be taken and what it leads to: the next status and the
 * dossier events to append, or every reason it is refused (with the refusal as a dossier event).
 */
export function evaluateAction(
  snapshot: ComplaintSnapshot,
  request: ActionRequest,
  env: ActionEnvironment,
): ActionEvaluation {
  const { action } = request;
  const found = actionRefusals(snapshot, action, env, request);
  const [first, ...rest] = found;
  const nextStatus = nextStatusOf(snapshot.status, action);
  if (first !== undefined || nextStatus === null) {
    // The transition check above always refuses when there is no next status; the fallback keeps
    // the type honest rather than trusting that.
    const list: [Refusal, ...Refusal[]] =
      first === undefined ? [refusals.illegalTransition(action, snapshot.status)] : [first, ...rest];
    return { allowed: false, action, refusals: list, events: [refusedEvent(snapshot, action, list)] };
  }
  return {
    allowed: true,
    action,
    nextStatus,
    decisionMode: decisionModeAfter(snapshot, action),
    events: [actionEvent(snapshot, request, nextStatus, env.calendar)],
  };
}

/** For each action, whether this user may take it now, or every reason not; for the UI. */
export function availableActions(snapshot: ComplaintSnapshot, env: ActionEnvironment): ActionAvailability[] {
  return COMPLAINT_ACTIONS.map((action) => {
    const found = actionRefusals(snapshot, action, env);
    return { action, allowed: found.length === 0, refusals: found };
  });
}
