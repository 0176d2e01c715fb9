import type { Kysely } from 'kysely';
import type { AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import { loadComplaintView } from '../complaints/complaint.service.ts';
import type { ComplaintView } from '../complaints/complaint.view.ts';
import type { Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import type { WorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import type { ActingUser } from '../domain/procedure/acting-user.ts';
import type { ActionRequest } from '../domain/procedure/actions.ts';
import { computeClocks, type ComplaintClock } from '../domain/procedure/clocks.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import {
  availableActions,
  evaluateAction,
  type ActionAvailability,
} from '../domain/procedure/decide-action.ts';
import {
  investigationSubstates,
  type InvestigationSubstate,
} from '../domain/procedure/investigation-substates.ts';
import type { ProcedureEvent } from '../domain/procedure/procedure-events.ts';
import type { Refusal } from '../domain/procedure/refusals.ts';
import type { Language } from '../public-form/language.ts';
import { localiseRefusal } from './procedure-language.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { canSeeEveryDossier, requireDossierAccess } from '../auth/complaint-access.ts';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../errors.ts';
import { applyActionEffects } from './action-effects.ts';
import { loadCalendar, reloadAndRefreshClocks } from './clock-columns.ts';
import { loadComplaintSnapshot } from './snapshot.repository.ts';
import type { LetterDeps } from '../letters/complaint-letters.ts';
import { sendLetterOfStep } from './step-letters.ts';

export interface ProcedureDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Without it, steps are recorded but their letters are not made (tests of the rules alone). */
  letters?: LetterDeps;
}

/**
 * A step with its input as the API takes it. Free text (what is missing, the request to the
 * employee, the statement, the minutes) is stored in rows that can be blanked; the domain only
 * sees that it is there, and the event only its digest.
 */
export type ProcedureActionInput = (
  | Exclude<
      ActionRequest,
      {
        action:
          | 'request_information'
          | 'start_hearing'
          | 'record_hearing_statement'
          | 'record_meeting'
          | 'add_note';
      }
    >
  | { action: 'request_information'; whatIsMissing: string }
  | { action: 'start_hearing'; employeeId: string; requestText: string }
  | { action: 'record_hearing_statement'; employeeId: string; statementText: string }
  | { action: 'record_meeting'; heldAt: Date; minutes: string }
) &
  /** For steps that send a letter: how it goes out and the fields staff wrote themselves. */
  LetterOptions;

export interface LetterOptions {
  delivery?: 'email' | 'post';
  letterFields?: Record<string, unknown>;
  /** Nobody looked at the letter before it went out (the automatic acknowledgment). */
  automatic?: boolean;
}

export interface ProcedureState {
  complaint: ComplaintView;
  substates: InvestigationSubstate[];
  clocks: ComplaintClock[];
  actions: ActionAvailability[];
}

export function actingUserOf(context: AccessContext): ActingUser {
  return { id: context.userId ?? `system:${context.actor.kind}`, roles: context.roles };
}

async function appendProcedureEvents(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  events: readonly ProcedureEvent[],
  now: Date,
): Promise<void> {
  for (const event of events) {
    await appendDossierEvent(tx, context.organisationId, complaintId, {
      type: event.type,
      actor: context.actor,
      occurredAt: now,
      data: event.data,
    });
  }
}

async function stateOf(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  snapshot: ComplaintSnapshot,
  clocks: ComplaintClock[],
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<ProcedureState> {
  return {
    complaint: await loadComplaintView(tx, context.organisationId, complaintId),
    substates: investigationSubstates(snapshot),
    clocks,
    actions: availableActions(snapshot, { actor: actingUserOf(context), now, calendar }),
  };
}

/**
 * Takes one step of the procedure. The domain decides; this applies the decision in one transaction
 * with its dossier event. A refused step is itself recorded in the dossier (and committed) before the
 * refusal reaches the caller, so attempts to bypass a gate stay visible.
 */
export async function performAction(
  deps: ProcedureDeps,
  context: AccessContext,
  complaintId: string,
  input: ProcedureActionInput,
  options: StepOptions = {},
): Promise<ProcedureState | null> {
  const now = deps.clock.now();
  const outcome = await withTenant(deps.db, context.organisationId, (tx) =>
    performActionInTransaction(tx, deps.letters, context, complaintId, input, now, options),
  );
  if (outcome.refused) throw refusalError(outcome.refused, options.language ?? 'nl');
  if (outcome.mailQueued) deps.letters?.onMailQueued?.();
  return outcome.state;
}

export interface StepOptions {
  /** The language of the refusals' `text` in a 422; their `message` is always Dutch. */
  language?: Language;
  /**
   * The involved employee signing their own statement through their own hearing screen
   * (/my/hearings, src/hearing/): the one way an employee takes a step on a dossier they do not see.
   * The dossier's step routes never pass it, so they stay closed to the employee.
   */
  asInvolvedEmployee?: boolean;
}

export interface StepOutcome {
  /** The refusals (already recorded in the dossier), or null when the step was taken. */
  refused: Refusal[] | null;
  state: ProcedureState | null;
  mailQueued: boolean;
}

/**
 * The step inside the caller's transaction (a job that settles several things in one commit). A
 * refusal is returned, not thrown, so the caller decides whether its events are kept.
 */
export async function performActionInTransaction(
  tx: Tx,
  letters: LetterDeps | undefined,
  context: AccessContext,
  complaintId: string,
  input: ProcedureActionInput,
  now: Date,
  options: StepOptions = {},
): Promise<StepOutcome> {
  const snapshot = await loadComplaintSnapshot(tx, context.organisationId, complaintId);
  if (!snapshot) throw new NotFoundError('De klacht');
  const seesDossier =
    canSeeEveryDossier(context) ||
    (context.roles.includes('handler') &&
      (snapshot.handlerId === null || snapshot.handlerId === context.userId));
  // Someone who may not see this dossier learns nothing about it — except an involved employee
  // signing their own statement on their own hearing screen, who then gets no dossier back either.
  const signsOwnStatement =
    options.asInvolvedEmployee === true &&
    input.action === 'sign_hearing_statement' &&
    context.userId !== null &&
    snapshot.involvedEmployeeIds.includes(context.userId);
  if (!seesDossier && !signsOwnStatement) throw new NotFoundError('De klacht');
  // An auditor reads and never acts: refused outright (403), like every other change an auditor
  // tries, rather than as a step of the procedure (422 with a refusal on the dossier's record).
  if (!context.roles.some((role) => role === 'coordinator' || role === 'handler' || role === 'employee')) {
    throw new ForbiddenError('Met uw rol kunt u het dossier alleen inzien.', 'role_not_allowed');
  }
  const calendar = await loadCalendar(tx, context.organisationId);
  const evaluation = evaluateAction(snapshot, input, { actor: actingUserOf(context), now, calendar });
  await appendProcedureEvents(tx, context, complaintId, evaluation.events, now);
  if (!evaluation.allowed) return { refused: [...evaluation.refusals], state: null, mailQueued: false };

  await applyActionEffects(tx, context, complaintId, snapshot, input, evaluation.nextStatus, now);
  const mailQueued = letters ? await sendLetterOfStep(tx, context, letters, complaintId, input, now) : false;
  const { snapshot: after, clocks } = await reloadAndRefreshClocks(
    tx,
    context.organisationId,
    complaintId,
    calendar,
    now,
  );
  return {
    refused: null,
    state: seesDossier ? await stateOf(tx, context, complaintId, after, clocks, calendar, now) : null,
    mailQueued,
  };
}

function refusalError(list: readonly Refusal[], language: Language): RuleViolationError {
  const [first] = list;
  return new RuleViolationError(first?.code ?? 'illegal_transition', list.map((r) => r.message).join(' '), {
    refusals: list.map((r) => localiseRefusal(r, language)),
  });
}

/** The complaint's clocks, sub-states and the steps this user may take now (with reasons if not). */
export async function getProcedureState(
  deps: ProcedureDeps,
  context: AccessContext,
  complaintId: string,
): Promise<ProcedureState> {
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, { what: 'procedure', at: now });
    const snapshot = await loadComplaintSnapshot(tx, context.organisationId, complaintId);
    if (!snapshot) throw new NotFoundError('De klacht');
    const calendar = await loadCalendar(tx, context.organisationId);
    // A read computes the clocks afresh but writes nothing: auditors read too.
    const clocks = computeClocks(snapshot, calendar, now);
    return stateOf(tx, context, complaintId, snapshot, clocks, calendar, now);
  });
}

/** For staff who see the dossier: the step, and the dossier's state after it. */
export async function takeStep(
  deps: ProcedureDeps,
  context: AccessContext,
  complaintId: string,
  input: ProcedureActionInput,
): Promise<ProcedureState> {
  const state = await performAction(deps, context, complaintId, input);
  if (!state) throw new NotFoundError('De klacht');
  return state;
}
