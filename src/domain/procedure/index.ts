export { PROCEDURE_ROLES } from './acting-user.ts';
export type { ActingUser, ProcedureRole } from './acting-user.ts';
export {
  ACTION_LABELS,
  COMMUNICATIONS_TO_COMPLAINANT,
  COMPLAINT_ACTIONS,
  DECISION_ACTIONS,
  isComplaintAction,
} from './actions.ts';
export type { ActionRequest, ActionRequestOf, ComplaintAction } from './actions.ts';
export { clockWarnings } from './clock-warnings.ts';
export type { ClockWarning, ClockWarningKind } from './clock-warnings.ts';
export { CLOCK_KINDS, CLOCK_STATES, computeClocks } from './clocks.ts';
export type { ClockKind, ClockMetBy, ClockState, ComplaintClock } from './clocks.ts';
export { closingFieldsOf, closingRefusals } from './closing.ts';
export type { ClosingFields } from './closing.ts';
export { HEARING_STATUSES, OUTCOMES } from './complaint-snapshot.ts';
export type {
  ComplaintProcedure,
  ComplaintSnapshot,
  DecisionSnapshot,
  DelayNoticeSnapshot,
  HearingSnapshot,
  HearingStatus,
  InformationRequestSnapshot,
  InsurerConsultation,
  KifidReferralSnapshot,
  LiabilitySnapshot,
  MeetingPlanSnapshot,
  OrganisationSnapshot,
  Outcome,
} from './complaint-snapshot.ts';
export {
  COMPLAINT_STATUSES,
  DECISION_MODES,
  FINAL_STATUSES,
  isFinalStatus,
  STATUS_LABELS,
} from './complaint-state.ts';
export type { ComplaintStatus, DecisionMode } from './complaint-state.ts';
export { actionRefusals, availableActions, evaluateAction } from './decide-action.ts';
export type { ActionAvailability, ActionEnvironment, ActionEvaluation } from './decide-action.ts';
export { checkDecisionLetter, DECISION_LETTER_ELEMENTS, DISPUTES_BODY_FIELDS } from './decision-letter.ts';
export type { DecisionLetterContent, DisputesBodyBlock } from './decision-letter.ts';
export { decisionTarget } from './decision-target.ts';
export type { DecisionTarget, IgnoredDelayNotice } from './decision-target.ts';
export { delayNoticeRefusals } from './delay-notice.ts';
export { hearingGateRefusals, hearingOf, isHearingComplete } from './hearing-rules.ts';
export { openInformationRequests } from './information-requests.ts';
export {
  INVESTIGATION_SUBSTATES,
  investigationSubstates,
  SUBSTATE_LABELS,
} from './investigation-substates.ts';
export type { InvestigationSubstate } from './investigation-substates.ts';
export {
  consultationsSinceFlag,
  lastStepTowardsComplainant,
  liabilityGateRefusal,
} from './liability-gate.ts';
export { ACTION_EVENT_TYPES, ACTION_REFUSED_EVENT_TYPE } from './procedure-events.ts';
export type { ProcedureEvent, ProcedureEventType } from './procedure-events.ts';
export {
  procedureForComplaint,
  procedureVersionAt,
  reviseProcedure,
  SEED_PROCEDURE_VERSION,
} from './procedure-versions.ts';
export type { ProcedureRevision, ProcedureVersion, ProcedureVersionIssue } from './procedure-versions.ts';
export { REFUSAL_CODES, refusals } from './refusals.ts';
export type { ClosingField, Refusal, RefusalCode } from './refusals.ts';
export { ROLE_RULES, roleRefusals } from './role-rules.ts';
export type { Grant } from './role-rules.ts';
export { selfInvolvementRefusals } from './self-involvement.ts';
export { isLegalTransition, nextStatusOf, TRANSITIONS } from './transitions.ts';
export type { TransitionRule } from './transitions.ts';
