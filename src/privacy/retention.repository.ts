import { sql, type Selectable } from 'kysely';
import type { LegalHoldReason, LegalHoldsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import {
  DEFAULT_CANCELLATION_RETENTION_YEARS,
  DEFAULT_RETENTION_YEARS,
  ENDED_STATUSES,
  type RetentionFacts,
} from '../domain/privacy/retention.ts';

export type LegalHoldRow = Selectable<LegalHoldsTable>;

export interface RetentionSettingsRow {
  retentionYears: number;
  /** For a cancellation request never linked to a complaint, after it was handled. */
  cancellationRetentionYears: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function findRetentionSettings(tx: Tx, organisationId: string): Promise<RetentionSettingsRow> {
  const row = await tx
    .selectFrom('retention_settings')
    .select(['retention_years', 'cancellation_retention_years', 'updated_at', 'updated_by'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) {
    return {
      retentionYears: DEFAULT_RETENTION_YEARS,
      cancellationRetentionYears: DEFAULT_CANCELLATION_RETENTION_YEARS,
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    retentionYears: row.retention_years,
    cancellationRetentionYears: row.cancellation_retention_years,
    updatedAt: new Date(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export async function saveRetentionYears(
  tx: Tx,
  organisationId: string,
  years: { retentionYears: number; cancellationRetentionYears: number },
  userId: string | null,
  now: Date,
): Promise<void> {
  const values = {
    retention_years: years.retentionYears,
    cancellation_retention_years: years.cancellationRetentionYears,
    updated_at: now,
    updated_by: userId,
  };
  await tx
    .insertInto('retention_settings')
    .values({ organisation_id: organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

export async function listLegalHolds(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<LegalHoldRow[]> {
  return tx
    .selectFrom('legal_holds')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .orderBy('placed_at')
    .orderBy('id')
    .execute();
}

export async function insertLegalHold(
  tx: Tx,
  row: {
    organisationId: string;
    id: string;
    /** Exactly one of the two: the hold is on a dossier or on a cancellation request without one. */
    complaintId: string | null;
    cancellationRequestId?: string;
    reason: LegalHoldReason;
    explanation: string;
    placedBy: string;
    placedAt: Date;
  },
): Promise<LegalHoldRow> {
  return tx
    .insertInto('legal_holds')
    .values({
      organisation_id: row.organisationId,
      id: row.id,
      complaint_id: row.complaintId,
      cancellation_request_id: row.cancellationRequestId ?? null,
      reason: row.reason,
      explanation: row.explanation,
      placed_by: row.placedBy,
      placed_at: row.placedAt,
      lifted_by: null,
      lifted_at: null,
      lift_explanation: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Lifts a hold that is still active; undefined when there is none (unknown, or lifted already). */
export async function liftLegalHold(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  holdId: string,
  lift: { by: string; at: Date; explanation: string },
): Promise<LegalHoldRow | undefined> {
  return tx
    .updateTable('legal_holds')
    .set({ lifted_by: lift.by, lifted_at: lift.at, lift_explanation: lift.explanation })
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('id', '=', holdId)
    .where('lifted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export interface RetentionCandidate extends RetentionFacts {
  id: string;
  reference: string;
  holdReasons: LegalHoldReason[];
}

const ENDED_AT = sql<Date | null>`GREATEST(c.closed_at, c.withdrawn_at, c.reclassified_at)`;

function toCandidate(row: {
  id: string;
  reference: string;
  status: string;
  ended_at: Date | string | null;
  anonymised_at: Date | string | null;
  hold_reasons: LegalHoldReason[] | null;
}): RetentionCandidate {
  const holdReasons = row.hold_reasons ?? [];
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    endedAt: row.ended_at === null ? null : new Date(row.ended_at),
    anonymisedAt: row.anonymised_at === null ? null : new Date(row.anonymised_at),
    activeHolds: holdReasons.length,
    holdReasons,
  };
}

const activeHoldReasons = (organisationId: string) =>
  sql<LegalHoldReason[] | null>`(
    SELECT array_agg(h.reason ORDER BY h.placed_at) FROM legal_holds h
    WHERE h.organisation_id = ${organisationId} AND h.complaint_id = c.id AND h.lifted_at IS NULL
  )`;

/** Ended dossiers not yet anonymised that ended before `endedBefore`, oldest first. */
export async function listRetentionCandidates(
  tx: Tx,
  organisationId: string,
  endedBefore: Date,
  limit: number,
): Promise<RetentionCandidate[]> {
  const rows = await tx
    .selectFrom('complaints as c')
    .select(['c.id', 'c.reference', 'c.status', 'c.anonymised_at'])
    .select(ENDED_AT.as('ended_at'))
    .select(activeHoldReasons(organisationId).as('hold_reasons'))
    .where('c.organisation_id', '=', organisationId)
    .where('c.anonymised_at', 'is', null)
    .where('c.status', 'in', ENDED_STATUSES)
    .where(ENDED_AT, '<', endedBefore)
    .orderBy(ENDED_AT)
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map(toCandidate);
}

/**
 * The facts the retention rule needs, with the complaint row locked the way every dossier writer
 * locks it: a hold placed at the same moment waits for this transaction, or this one for it.
 */
export async function lockRetentionFacts(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<RetentionCandidate | undefined> {
  const locked = await tx
    .selectFrom('complaints')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!locked) return undefined;
  const row = await tx
    .selectFrom('complaints as c')
    .select(['c.id', 'c.reference', 'c.status', 'c.anonymised_at'])
    .select(ENDED_AT.as('ended_at'))
    .select(activeHoldReasons(organisationId).as('hold_reasons'))
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return toCandidate(row);
}
