import { sql } from 'kysely';
import type { LegalHoldReason } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { HANDLED_CANCELLATION_STATUSES } from '../domain/privacy/retention.ts';
import type { LegalHoldRow } from './retention.repository.ts';

/**
 * The SQL of the retention run for cancellation requests never linked to a complaint. A linked
 * request is left out everywhere here: it goes with its dossier.
 */
export interface CancellationRetentionCandidate {
  id: string;
  reference: string;
  status: string;
  handledAt: Date | null;
  anonymisedAt: Date | null;
  activeHolds: number;
  holdReasons: LegalHoldReason[];
}

const HANDLED_AT = sql<Date | null>`GREATEST(r.processed_at, r.withdrawn_at)`;

const activeHoldReasons = (organisationId: string) =>
  sql<LegalHoldReason[] | null>`(
    SELECT array_agg(h.reason ORDER BY h.placed_at) FROM legal_holds h
    WHERE h.organisation_id = ${organisationId} AND h.cancellation_request_id = r.id AND h.lifted_at IS NULL
  )`;

function toCandidate(row: {
  id: string;
  reference: string;
  status: string;
  handled_at: Date | string | null;
  anonymised_at: Date | string | null;
  hold_reasons: LegalHoldReason[] | null;
}): CancellationRetentionCandidate {
  const holdReasons = row.hold_reasons ?? [];
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    handledAt: row.handled_at === null ? null : new Date(row.handled_at),
    anonymisedAt: row.anonymised_at === null ? null : new Date(row.anonymised_at),
    activeHolds: holdReasons.length,
    holdReasons,
  };
}

function candidates(tx: Tx, organisationId: string) {
  return tx
    .selectFrom('cancellation_requests as r')
    .select(['r.id', 'r.reference', 'r.status', 'r.anonymised_at'])
    .select(HANDLED_AT.as('handled_at'))
    .select(activeHoldReasons(organisationId).as('hold_reasons'))
    .where('r.organisation_id', '=', organisationId)
    .where('r.complaint_id', 'is', null);
}

/** Handled requests without a complaint, not yet anonymised, handled before `handledBefore`. */
export async function listCancellationRetentionCandidates(
  tx: Tx,
  organisationId: string,
  handledBefore: Date,
  limit: number,
): Promise<CancellationRetentionCandidate[]> {
  const rows = await candidates(tx, organisationId)
    .where('r.anonymised_at', 'is', null)
    .where('r.status', 'in', HANDLED_CANCELLATION_STATUSES)
    .where(HANDLED_AT, '<', handledBefore)
    .orderBy(HANDLED_AT)
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map(toCandidate);
}

/**
 * The facts under a row lock, taken the way the request's own writers take it (linking, a step, a
 * hold): a link or a hold arriving meanwhile waits, or is seen. Undefined once it is linked.
 */
export async function lockCancellationRetentionFacts(
  tx: Tx,
  organisationId: string,
  cancellationId: string,
): Promise<CancellationRetentionCandidate | undefined> {
  const locked = await tx
    .selectFrom('cancellation_requests')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', cancellationId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!locked) return undefined;
  const row = await candidates(tx, organisationId).where('r.id', '=', cancellationId).executeTakeFirst();
  return row ? toCandidate(row) : undefined;
}

export async function markCancellationAnonymised(
  tx: Tx,
  organisationId: string,
  cancellationId: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('cancellation_requests')
    .set({ anonymised_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', cancellationId)
    .execute();
}

export async function listCancellationHolds(
  tx: Tx,
  organisationId: string,
  cancellationId: string,
): Promise<LegalHoldRow[]> {
  return tx
    .selectFrom('legal_holds')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('cancellation_request_id', '=', cancellationId)
    .orderBy('placed_at')
    .orderBy('id')
    .execute();
}

export async function liftCancellationHold(
  tx: Tx,
  organisationId: string,
  cancellationId: string,
  holdId: string,
  lift: { by: string; at: Date; explanation: string },
): Promise<LegalHoldRow | undefined> {
  return tx
    .updateTable('legal_holds')
    .set({ lifted_by: lift.by, lifted_at: lift.at, lift_explanation: lift.explanation })
    .where('organisation_id', '=', organisationId)
    .where('cancellation_request_id', '=', cancellationId)
    .where('id', '=', holdId)
    .where('lifted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
