import type { Kysely } from 'kysely';
import { requireRole, type AccessContext, type Actor } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database, LegalHoldReason } from '../db/schema.ts';
import { withSystem, withTenant, type Tx } from '../db/tenant.ts';
import { amsterdamDateOf, startOfAmsterdamDay, type LocalDate } from '../domain/calendar/local-date.ts';
import {
  dueWithin,
  endedBeforeBound,
  monthOf,
  retentionState,
  type MonthWindow,
} from '../domain/privacy/retention.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import {
  applyTablePolicies,
  detachSharedComplainant,
  markAnonymised,
  stopWaitingMail,
} from './anonymise.repository.ts';
import {
  anonymiseDueCancellations,
  previewCancellations,
  type CancellationPreviewEntry,
} from './cancellation-retention.service.ts';
import {
  findRetentionSettings,
  listRetentionCandidates,
  lockRetentionFacts,
} from './retention.repository.ts';

export interface AnonymisationDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export interface PreviewEntry {
  complaintId: string;
  reference: string;
  status: string;
  endedOn: LocalDate;
  keptUntil: LocalDate;
  anonymiseFrom: LocalDate;
  /** Held dossiers are listed too: the coordinator must see what a hold keeps back. */
  heldFor: LegalHoldReason[];
}

export interface AnonymisationPreview {
  month: MonthWindow;
  retentionYears: number;
  entries: PreviewEntry[];
  /** Cancellation requests never linked to a complaint, on their own term. */
  cancellationRetentionYears: number;
  cancellations: CancellationPreviewEntry[];
}

/** A run touches at most this many dossiers per organisation; the next night takes the rest. */
const RUN_LIMIT = 500;
const PREVIEW_LIMIT = 5000;

/** What the run will anonymise by the end of the month that holds `day` (default: today, Amsterdam). */
export async function previewAnonymisation(
  deps: AnonymisationDeps,
  context: AccessContext,
  day?: LocalDate,
): Promise<AnonymisationPreview> {
  requireRole(context, ['coordinator', 'auditor']);
  const month = monthOf(day ?? amsterdamDateOf(deps.clock.now()));
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const { retentionYears, cancellationRetentionYears } = await findRetentionSettings(
      tx,
      context.organisationId,
    );
    const bound = startOfAmsterdamDay(endedBeforeBound(month.last, retentionYears));
    const candidates = await listRetentionCandidates(tx, context.organisationId, bound, PREVIEW_LIMIT);
    const entries = candidates.flatMap((candidate): PreviewEntry[] => {
      const state = dueWithin(candidate, retentionYears, month);
      if (!state) return [];
      return [
        {
          complaintId: candidate.id,
          reference: candidate.reference,
          status: candidate.status,
          ...state.term,
          heldFor: candidate.holdReasons,
        },
      ];
    });
    const cancellations = await previewCancellations(
      tx,
      context.organisationId,
      cancellationRetentionYears,
      month,
      PREVIEW_LIMIT,
    );
    return { month, retentionYears, entries, cancellationRetentionYears, cancellations };
  });
}

export type DossierOutcome = 'anonymised' | 'held' | 'not_due';

/**
 * Anonymises one dossier if its term ended and no hold keeps it, all in the caller's transaction:
 * the rows are blanked, the dossier marked, and the event written, or nothing at all.
 */
async function anonymiseDossier(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  retentionYears: number,
  actor: Actor,
  now: Date,
): Promise<DossierOutcome> {
  const facts = await lockRetentionFacts(tx, organisationId, complaintId);
  if (!facts) return 'not_due';
  const state = retentionState(facts, retentionYears, amsterdamDateOf(now));
  if (state.kind === 'held') return 'held';
  if (state.kind !== 'due') return 'not_due';

  const stoppedMail = await stopWaitingMail(tx, organisationId, complaintId);
  const detached = await detachSharedComplainant(tx, organisationId, complaintId, now);
  const rows = await applyTablePolicies(tx, organisationId, complaintId);
  await markAnonymised(tx, organisationId, complaintId, now);
  await appendDossierEvent(tx, organisationId, complaintId, {
    type: 'privacy.anonymised',
    actor,
    occurredAt: now,
    data: {
      retentionYears,
      endedOn: state.term.endedOn,
      keptUntil: state.term.keptUntil,
      rows,
      stoppedMail,
      complainantDetached: detached,
    },
  });
  return 'anonymised';
}

export interface AnonymisationRun {
  /** References of the dossiers (KL-…) and of unlinked cancellation requests (OP-…) anonymised. */
  anonymised: string[];
  held: string[];
}

/**
 * Anonymises every dossier of one organisation whose term has ended, then every cancellation
 * request never linked to a complaint whose own term has ended; one transaction each.
 */
export async function anonymiseDueDossiers(
  deps: AnonymisationDeps,
  organisationId: string,
  actor: Actor,
): Promise<AnonymisationRun> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  const { retentionYears, candidates } = await withTenant(deps.db, organisationId, async (tx) => {
    const settings = await findRetentionSettings(tx, organisationId);
    const bound = startOfAmsterdamDay(endedBeforeBound(today, settings.retentionYears));
    return {
      retentionYears: settings.retentionYears,
      candidates: await listRetentionCandidates(tx, organisationId, bound, RUN_LIMIT),
    };
  });
  const run: AnonymisationRun = { anonymised: [], held: [] };
  for (const candidate of candidates) {
    // The rule is checked again under the row lock inside: a hold may have come in meanwhile.
    const outcome = await withTenant(deps.db, organisationId, (tx) =>
      anonymiseDossier(tx, organisationId, candidate.id, retentionYears, actor, now),
    );
    if (outcome === 'anonymised') run.anonymised.push(candidate.reference);
    if (outcome === 'held') run.held.push(candidate.reference);
  }
  const cancellations = await anonymiseDueCancellations(deps, organisationId);
  run.anonymised.push(...cancellations.anonymised);
  run.held.push(...cancellations.held);
  return run;
}

/** The coordinator's "run it now" (the API and the CLI): the same run the nightly job does. */
export async function runAnonymisationNow(
  deps: AnonymisationDeps,
  context: AccessContext,
): Promise<AnonymisationRun> {
  requireRole(context, ['coordinator']);
  return anonymiseDueDossiers(deps, context.organisationId, context.actor);
}

/** The nightly job: every organisation in turn. */
export async function anonymiseAllOrganisations(
  deps: AnonymisationDeps,
): Promise<Array<AnonymisationRun & { organisationId: string }>> {
  const organisations = await withSystem(deps.db, (tx) =>
    tx.selectFrom('organisations').select('id').orderBy('id').execute(),
  );
  const runs = [];
  for (const { id } of organisations) {
    runs.push({
      organisationId: id,
      ...(await anonymiseDueDossiers(deps, id, { kind: 'system', id: null })),
    });
  }
  return runs;
}
