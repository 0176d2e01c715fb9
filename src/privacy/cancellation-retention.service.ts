import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { amsterdamDateOf, startOfAmsterdamDay, type LocalDate } from '../domain/calendar/local-date.ts';
import type { LegalHoldReason } from '../domain/privacy/legal-hold.ts';
import {
  cancellationRetentionState,
  endedBeforeBound,
  type MonthWindow,
} from '../domain/privacy/retention.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { applyTablePolicies, stopWaitingMail } from './anonymise.repository.ts';
import type { AnonymisationDeps } from './anonymisation.service.ts';
import { CANCELLATION_SCOPES } from './cancellation-scopes.ts';
import {
  liftCancellationHold,
  listCancellationHolds,
  listCancellationRetentionCandidates,
  lockCancellationRetentionFacts,
  markCancellationAnonymised,
} from './cancellation-retention.repository.ts';
import { explanationOf, personOf, toView, type LegalHoldView } from './legal-hold.service.ts';
import { findRetentionSettings, insertLegalHold } from './retention.repository.ts';

/**
 * Retention of a cancellation request that was never linked to a complaint (R10): it has no dossier,
 * so it has its own term (`cancellationRetentionYears`, counted from when it was processed or
 * withdrawn), its own legal holds (a dispute about when a policy ended can reach a court), and is
 * anonymised by the same table policies as a dossier, through CANCELLATION_SCOPES. There is no event
 * chain to write to: the hold rows and the request's `anonymised_at` are the record.
 */
const RUN_LIMIT = 500;

/** A hold belongs on the request only while no complaint holds it; linked, the dossier's holds apply. */
async function lockUnlinked(tx: Tx, organisationId: string, cancellationId: string) {
  const facts = await lockCancellationRetentionFacts(tx, organisationId, cancellationId);
  if (!facts) {
    const exists = await tx
      .selectFrom('cancellation_requests')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', cancellationId)
      .executeTakeFirst();
    if (!exists) throw new NotFoundError('De opzegging');
    throw new ConflictError(
      'Deze opzegging is aan een klacht gekoppeld; een bewaarplicht leg je op het klachtdossier.',
      'cancellation_linked',
    );
  }
  return facts;
}

export async function listHoldsOfCancellation(
  deps: AnonymisationDeps,
  context: AccessContext,
  cancellationId: string,
): Promise<LegalHoldView[]> {
  requireRole(context, ['coordinator', 'auditor']);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const exists = await tx
      .selectFrom('cancellation_requests')
      .select('id')
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', cancellationId)
      .executeTakeFirst();
    if (!exists) throw new NotFoundError('De opzegging');
    return (await listCancellationHolds(tx, context.organisationId, cancellationId)).map(toView);
  });
}

export async function placeCancellationHold(
  deps: AnonymisationDeps,
  context: AccessContext,
  cancellationId: string,
  input: { reason: LegalHoldReason; explanation: string },
): Promise<LegalHoldView> {
  requireRole(context, ['coordinator']);
  const placedBy = personOf(context);
  const explanation = explanationOf(input.explanation, '/explanation');
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    // Locked first, so an anonymisation running now either finishes before or sees this hold.
    const facts = await lockUnlinked(tx, context.organisationId, cancellationId);
    if (facts.anonymisedAt !== null) {
      throw new ConflictError(
        'Deze opzegging is al geanonimiseerd; er valt niets meer vast te houden.',
        'cancellation_anonymised',
      );
    }
    const row = await insertLegalHold(tx, {
      organisationId: context.organisationId,
      id: newId(),
      complaintId: null,
      cancellationRequestId: cancellationId,
      reason: input.reason,
      explanation,
      placedBy,
      placedAt: now,
    });
    return toView(row);
  });
}

export async function liftHoldOfCancellation(
  deps: AnonymisationDeps,
  context: AccessContext,
  cancellationId: string,
  holdId: string,
  input: { explanation: string },
): Promise<LegalHoldView> {
  requireRole(context, ['coordinator']);
  const liftedBy = personOf(context);
  const explanation = explanationOf(input.explanation, '/explanation');
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const holds = await listCancellationHolds(tx, context.organisationId, cancellationId);
    if (!holds.some((h) => h.id === holdId)) throw new NotFoundError('De bewaarplicht');
    const row = await liftCancellationHold(tx, context.organisationId, cancellationId, holdId, {
      by: liftedBy,
      at: now,
      explanation,
    });
    if (!row) throw new ConflictError('Deze bewaarplicht is al opgeheven.', 'legal_hold_already_lifted');
    return toView(row);
  });
}

export interface CancellationPreviewEntry {
  cancellationRequestId: string;
  reference: string;
  status: string;
  endedOn: LocalDate;
  keptUntil: LocalDate;
  anonymiseFrom: LocalDate;
  heldFor: LegalHoldReason[];
}

/** The unlinked requests the run will anonymise by the end of `month`, held ones included (marked). */
export async function previewCancellations(
  tx: Tx,
  organisationId: string,
  years: number,
  month: MonthWindow,
  limit: number,
): Promise<CancellationPreviewEntry[]> {
  const bound = startOfAmsterdamDay(endedBeforeBound(month.last, years));
  const candidates = await listCancellationRetentionCandidates(tx, organisationId, bound, limit);
  return candidates.flatMap((candidate): CancellationPreviewEntry[] => {
    const state = cancellationRetentionState(candidate, years, month.last);
    if (state.kind !== 'due' && state.kind !== 'held') return [];
    return [
      {
        cancellationRequestId: candidate.id,
        reference: candidate.reference,
        status: candidate.status,
        ...state.term,
        heldFor: candidate.holdReasons,
      },
    ];
  });
}

export type CancellationOutcome = 'anonymised' | 'held' | 'not_due';

/** One request, all in the caller's transaction; the rule is checked again under the row lock. */
async function anonymiseCancellation(
  tx: Tx,
  organisationId: string,
  cancellationId: string,
  years: number,
  now: Date,
): Promise<CancellationOutcome> {
  // Linked meanwhile (undefined): it follows its dossier now.
  const facts = await lockCancellationRetentionFacts(tx, organisationId, cancellationId);
  if (!facts) return 'not_due';
  const state = cancellationRetentionState(facts, years, amsterdamDateOf(now));
  if (state.kind === 'held') return 'held';
  if (state.kind !== 'due') return 'not_due';
  await stopWaitingMail(tx, organisationId, cancellationId, CANCELLATION_SCOPES);
  await applyTablePolicies(tx, organisationId, cancellationId, CANCELLATION_SCOPES);
  await markCancellationAnonymised(tx, organisationId, cancellationId, now);
  return 'anonymised';
}

/** Every unlinked request of one organisation whose term has ended, one transaction each. */
export async function anonymiseDueCancellations(
  deps: AnonymisationDeps,
  organisationId: string,
): Promise<{ anonymised: string[]; held: string[] }> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  const { years, candidates } = await withTenant(deps.db, organisationId, async (tx) => {
    const settings = await findRetentionSettings(tx, organisationId);
    const bound = startOfAmsterdamDay(endedBeforeBound(today, settings.cancellationRetentionYears));
    return {
      years: settings.cancellationRetentionYears,
      candidates: await listCancellationRetentionCandidates(tx, organisationId, bound, RUN_LIMIT),
    };
  });
  const run = { anonymised: [] as string[], held: [] as string[] };
  for (const candidate of candidates) {
    const outcome = await withTenant(deps.db, organisationId, (tx) =>
      anonymiseCancellation(tx, organisationId, candidate.id, years, now),
    );
    if (outcome === 'anonymised') run.anonymised.push(candidate.reference);
    if (outcome === 'held') run.held.push(candidate.reference);
  }
  return run;
}
