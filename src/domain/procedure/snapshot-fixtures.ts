// Shared by the tests of this folder only: plain builders for snapshots, users and letters.
import { parseLocalDate } from '../calendar/local-date.ts';
import { DEFAULT_PROCEDURE_TERMS } from '../calendar/procedure-terms.ts';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { ActingUser } from './acting-user.ts';
import type { ComplaintStatus } from './complaint-state.ts';
import type { ComplaintSnapshot, HearingSnapshot, HearingStatus } from './complaint-snapshot.ts';
import type { ActionEnvironment, ActionEvaluation } from './decide-action.ts';
import type { DecisionLetterContent } from './decision-letter.ts';
import type { Refusal } from './refusals.ts';

export const calendar = createWorkingDayCalendar();

export const at = (iso: string): Date => new Date(iso);
export const day = parseLocalDate;

/** Monday 2 March 2026, 10:00 in Amsterdam. Acknowledge by Thu 5 March, decide by Thu 2 April. */
export const RECEIVED = at('2026-03-02T09:00:00Z');
/** Tuesday 10 March 2026, 11:00 in Amsterdam. */
export const NOW = at('2026-03-10T10:00:00Z');

export const AFFILIATION_NUMBER = '300.001234';

export const COORDINATOR: ActingUser = { id: 'u-coordinator', roles: ['coordinator'] };
export const HANDLER: ActingUser = { id: 'u-handler', roles: ['handler'] };
export const OTHER_HANDLER: ActingUser = { id: 'u-other', roles: ['handler'] };
export const EMPLOYEE: ActingUser = { id: 'u-employee', roles: ['employee'] };
export const SECOND_EMPLOYEE: ActingUser = { id: 'u-employee-2', roles: ['employee'] };
export const AUDITOR: ActingUser = { id: 'u-auditor', roles: ['auditor'] };
export const ADMIN: ActingUser = { id: 'u-admin', roles: ['admin'] };
export const ADMIN_COORDINATOR: ActingUser = { id: 'u-admin-coordinator', roles: ['admin', 'coordinator'] };

export function snapshot(overrides: Partial<ComplaintSnapshot> = {}): ComplaintSnapshot {
  return {
    status: 'received',
    receivedAt: RECEIVED,
    procedure: { version: 1, terms: DEFAULT_PROCEDURE_TERMS },
    handlerId: HANDLER.id,
    involvedEmployeeIds: [],
    acknowledgmentSentAt: null,
    informationRequests: [],
    informationNotNeededAt: null,
    hearings: [],
    liability: {
      flaggedAt: null,
      insurerNotifiedAt: null,
      consultations: [],
      requireConsultationPerStep: true,
    },
    delayNotices: [],
    meeting: null,
    decision: null,
    withdrawnAt: null,
    closedAt: null,
    category: null,
    rootCause: null,
    outcome: null,
    organisation: { kifidAffiliationNumber: AFFILIATION_NUMBER },
    kifidReferral: null,
    ...overrides,
  };
}

/** A consistent complaint in each status, with nothing open that would block a step. */
export function inStatus(
  status: ComplaintStatus,
  overrides: Partial<ComplaintSnapshot> = {},
): ComplaintSnapshot {
  const acknowledged = { acknowledgmentSentAt: at('2026-03-03T09:00:00Z') };
  const decided = {
    ...acknowledged,
    decision: { mode: 'letter' as const, communicatedAt: at('2026-03-09T10:00:00Z') },
  };
  const byStatus: Record<ComplaintStatus, Partial<ComplaintSnapshot>> = {
    received: {},
    acknowledged,
    in_investigation: acknowledged,
    decided,
    closed: {
      ...decided,
      closedAt: at('2026-03-09T12:00:00Z'),
      category: 'advies',
      rootCause: 'uitleg onvoldoende',
      outcome: 'ongegrond',
    },
    withdrawn: { ...acknowledged, withdrawnAt: at('2026-03-04T09:00:00Z') },
    reclassified: { withdrawnAt: at('2026-03-03T09:00:00Z') },
  };
  return snapshot({ ...byStatus[status], status, ...overrides });
}

export function hearing(
  employeeId: string,
  status: HearingStatus,
  overrides: Partial<HearingSnapshot> = {},
): HearingSnapshot {
  return {
    employeeId,
    requestedAt: status === 'waived' ? null : at('2026-03-05T10:00:00Z'),
    status,
    statementRecordedAt:
      status === 'statement_draft' || status === 'signed' ? at('2026-03-06T10:00:00Z') : null,
    signedAt: status === 'signed' ? at('2026-03-06T15:00:00Z') : null,
    waivedAt: status === 'waived' ? at('2026-03-06T10:00:00Z') : null,
    waivedReason: status === 'waived' ? 'Medewerker is uit dienst.' : null,
    ...overrides,
  };
}

export function env(actor: ActingUser = COORDINATOR, now: Date = NOW): ActionEnvironment {
  return { actor, now, calendar };
}

export function completeLetter(overrides: Partial<DecisionLetterContent> = {}): DecisionLetterContent {
  return {
    receivedDate: day('2026-03-02'),
    complaintSummary: 'U bent ontevreden over het advies over uw inboedelverzekering.',
    investigationResults: 'Wij hebben het dossier en de gespreksnotities nagelopen.',
    judgment: 'Wij achten uw klacht deels gegrond.',
    followUpActions: 'Wij passen de polis aan per 1 april.',
    furtherContact: 'Wilt u over ons standpunt verder praten, bel dan met de behandelaar.',
    disputesBody: {
      name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
      postalAddress: 'Postbus 93257',
      postalCodeCity: '2509 AG Den Haag',
      phone: '070-333 8 999',
      email: 'consumenten@kifid.nl',
      website: 'www.kifid.nl',
      affiliationNumber: AFFILIATION_NUMBER,
      term: 'U kunt zich binnen drie maanden na dit standpunt tot KiFiD wenden.',
    },
    ...overrides,
  };
}

/** The refusals of an evaluation, empty when allowed: lets tests assert without branching. */
export function refusalsOf(result: ActionEvaluation): readonly Refusal[] {
  return result.allowed ? [] : result.refusals;
}

export function codesOf(result: ActionEvaluation): string[] {
  return refusalsOf(result).map((r) => r.code);
}
