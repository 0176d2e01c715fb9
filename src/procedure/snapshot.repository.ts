import type { LocalDate } from '../domain/calendar/local-date.ts';
import type { ProcedureTerms } from '../domain/calendar/procedure-terms.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import { sql } from 'kysely';
import type { ComplaintRow } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import {
  sentMomentFrom,
  snapshotFromRows,
  type ProcedureVersion,
  type SnapshotRows,
} from './snapshot-rows.ts';

export type { ProcedureVersion } from './snapshot-rows.ts';

export async function findProcedureVersion(
  tx: Tx,
  organisationId: string,
  version?: number,
): Promise<ProcedureVersion | undefined> {
  let query = tx
    .selectFrom('procedure_versions')
    .select(['version', 'terms', 'require_consultation_per_step'])
    .where('organisation_id', '=', organisationId);
  query =
    version === undefined ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    version: row.version,
    terms: row.terms as ProcedureTerms,
    requireConsultationPerStep: row.require_consultation_per_step,
  };
}

export interface StoredProcedureVersion extends ProcedureVersion {
  effectiveFrom: Date;
}

export async function listProcedureVersions(
  tx: Tx,
  organisationId: string,
): Promise<StoredProcedureVersion[]> {
  const rows = await tx
    .selectFrom('procedure_versions')
    .select(['version', 'terms', 'require_consultation_per_step', 'effective_from'])
    .where('organisation_id', '=', organisationId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    terms: row.terms as ProcedureTerms,
    requireConsultationPerStep: row.require_consultation_per_step,
    effectiveFrom: new Date(row.effective_from),
  }));
}

export async function findClosingDays(
  tx: Tx,
  organisationId: string,
): Promise<Array<{ date: LocalDate; name: string }>> {
  const rows = await tx
    .selectFrom('organisation_closing_days')
    .select(['day', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ date: r.day as LocalDate, name: r.name }));
}

/** What registering a complaint needs of its organisation's procedure, read in one statement. */
export interface ProcedureContext {
  versions: StoredProcedureVersion[];
  closingDays: Array<{ date: LocalDate; name: string }>;
  kifidAffiliationNumber: string | null;
}

/**
 * The organisation's procedure versions (as listProcedureVersions), closing days (as
 * findClosingDays) and KiFiD affiliation in one statement: a new complaint's snapshot and clocks
 * are computed from them in memory (complaint.service.ts).
 */
export async function loadProcedureContext(tx: Tx, organisationId: string): Promise<ProcedureContext> {
  const { rows } = await sql<{
    versions: Array<{
      version: number;
      terms: unknown;
      require_consultation_per_step: boolean;
      effective_from: string;
    }>;
    closing_days: Array<{ day: string; name: string }>;
    kifid_affiliation_number: string | null;
  }>`
    SELECT
      (SELECT coalesce(json_agg(v ORDER BY v.version), '[]') FROM (
         SELECT version, terms, require_consultation_per_step, effective_from FROM procedure_versions
         WHERE organisation_id = ${organisationId}) v) AS versions,
      (SELECT coalesce(json_agg(d ORDER BY d.day), '[]') FROM (
         SELECT day, name FROM organisation_closing_days WHERE organisation_id = ${organisationId}) d)
        AS closing_days,
      (SELECT kifid_affiliation_number FROM organisations WHERE id = ${organisationId})
        AS kifid_affiliation_number`.execute(tx);
  const row = rows[0]!;
  return {
    versions: row.versions.map((v) => ({
      version: v.version,
      terms: v.terms as ProcedureTerms,
      requireConsultationPerStep: v.require_consultation_per_step,
      effectiveFrom: new Date(v.effective_from),
    })),
    closingDays: row.closing_days.map((d) => ({ date: d.day as LocalDate, name: d.name })),
    kifidAffiliationNumber: row.kifid_affiliation_number,
  };
}

/** One statement's answer: the complaint row, its related rows as JSON beside it. */
interface SnapshotStatementRow extends ComplaintRow {
  procedure: { version: number; terms: unknown; require_consultation_per_step: boolean } | null;
  involved: SnapshotRows['involved'];
  requests: SnapshotRows['requests'];
  hearings: SnapshotRows['hearings'];
  consultations: SnapshotRows['consultations'];
  delays: SnapshotRows['delays'];
  meeting: NonNullable<SnapshotRows['meeting']> | null;
  referral: NonNullable<SnapshotRows['referral']> | null;
  kifid_affiliation_number: string | null;
  posted_letters: Array<{ letter_type: string; issued_at: string; posted_on: string | null }>;
}

/**
 * Reads everything the procedure rules need about one complaint, locking the complaint row so the
 * decision taken on this snapshot cannot race another step on the same dossier. One statement: the
 * related rows travel as JSON arrays beside the row (every step, every swept complaint and every
 * portal or hearing page reads a snapshot, and ten round trips each were most of their time,
 * docs/performance.md). The order of each array is the order the rules were always given; the
 * rows are assembled by the same `snapshotFromRows` the reports use.
 */
export async function loadComplaintSnapshot(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintSnapshot | undefined> {
  const { rows } = await sql<SnapshotStatementRow>`
    SELECT c.*,
      (SELECT to_json(v) FROM (
         SELECT version, terms, require_consultation_per_step FROM procedure_versions
         WHERE organisation_id = c.organisation_id AND version = c.procedure_version) v) AS procedure,
      (SELECT coalesce(json_agg(i ORDER BY i.user_id), '[]') FROM (
         SELECT user_id FROM complaint_involved_employees
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id) i) AS involved,
      (SELECT coalesce(json_agg(r ORDER BY r.sent_at), '[]') FROM (
         SELECT id, sent_at, answered_at, closed_not_needed_at FROM information_requests
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id) r) AS requests,
      (SELECT coalesce(json_agg(h ORDER BY h.employee_id), '[]') FROM (
         SELECT employee_id, requested_at, status, statement_recorded_at, signed_at, waived_at, waived_reason
         FROM hearings
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id) h) AS hearings,
      (SELECT coalesce(json_agg(k ORDER BY k.consulted_at), '[]') FROM (
         SELECT consulted_at, with_whom, agreed FROM insurer_consultations
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id) k) AS consultations,
      (SELECT coalesce(json_agg(d ORDER BY d.sent_at), '[]') FROM (
         SELECT sent_at, reason, new_date FROM delay_notices
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id) d) AS delays,
      (SELECT to_json(m) FROM (
         SELECT invited_at, scheduled_for, confirmed_at FROM meetings
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id
         ORDER BY invited_at DESC LIMIT 1) m) AS meeting,
      (SELECT to_json(f) FROM (
         SELECT recorded_at, case_number, outcome FROM kifid_referrals
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id LIMIT 1) f) AS referral,
      (SELECT kifid_affiliation_number FROM organisations WHERE id = c.organisation_id)
        AS kifid_affiliation_number,
      (SELECT coalesce(json_agg(l), '[]') FROM (
         SELECT letter_type, issued_at, posted_on FROM letters
         WHERE organisation_id = c.organisation_id AND complaint_id = c.id
           AND posted_on IS NOT NULL) l) AS posted_letters
    FROM complaints c
    WHERE c.organisation_id = ${organisationId} AND c.id = ${complaintId}
    FOR NO KEY UPDATE OF c`.execute(tx);
  const row = rows[0];
  if (!row) return undefined;
  const { procedure } = row;
  if (!procedure) throw new Error(`procedure version ${row.procedure_version} missing for ${organisationId}`);
  return snapshotFromRows(
    {
      complaint: row,
      procedure: {
        version: procedure.version,
        terms: procedure.terms as ProcedureTerms,
        requireConsultationPerStep: procedure.require_consultation_per_step,
      },
      involved: row.involved,
      requests: row.requests,
      hearings: row.hearings,
      consultations: row.consultations,
      delays: row.delays,
      meeting: row.meeting ?? undefined,
      referral: row.referral ?? undefined,
      organisation: { kifid_affiliation_number: row.kifid_affiliation_number },
    },
    sentMomentFrom(row.posted_letters),
  );
}
