import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../db/tenant.ts';
import { ANONYMISED_TEXT, type ColumnTreatment, type TablePolicy } from '../domain/privacy/policy-types.ts';
import { TABLE_POLICIES } from '../domain/privacy/table-policies.ts';
import { newId } from '../ids.ts';

/**
 * Carries out TABLE_POLICIES for one dossier. Which rows of a table belong to a dossier is said
 * here, once per table, as a condition next to `organisation_id = …`; what happens to each column
 * comes from the policy. Table and column names only ever come from those constants.
 */
/** Which rows of one table belong to the subject (a dossier, or a cancellation request on its own). */
export type Scope = (organisationId: string, subjectId: string) => RawBuilder<unknown>;
/** Per table the rows of a subject; null says the subject never has rows in that table. */
export type Scopes = Readonly<Record<string, Scope | null>>;

const byComplaint: Scope = (_organisationId, complaintId) => sql`complaint_id = ${complaintId}`;

const intakeItems: Scope = (organisationId, complaintId) =>
  sql`(complaint_id = ${complaintId} OR id IN (
    SELECT intake_item_id FROM cancellation_requests
    WHERE organisation_id = ${organisationId} AND complaint_id = ${complaintId} AND intake_item_id IS NOT NULL))`;

const intakeItemIds = (organisationId: string, complaintId: string) =>
  sql`(SELECT id FROM intake_items
       WHERE organisation_id = ${organisationId} AND ${intakeItems(organisationId, complaintId)})`;

/**
 * A cancellation confirmed before it was linked keeps its letter and the letter's PDF with itself
 * (decision 0005), not in the dossier: they go with the dossier the request was linked to.
 */
const complaintOrLinkedCancellation: Scope = (organisationId, complaintId) =>
  sql`(complaint_id = ${complaintId} OR cancellation_request_id IN (
    SELECT id FROM cancellation_requests WHERE organisation_id = ${organisationId} AND complaint_id = ${complaintId}))`;
const letters = complaintOrLinkedCancellation;

export const DOSSIER_SCOPES: Readonly<Record<string, Scope>> = {
  complaints: (_organisationId, complaintId) => sql`id = ${complaintId}`,
  complainants: (organisationId, complaintId) =>
    sql`id = (SELECT complainant_id FROM complaints WHERE organisation_id = ${organisationId} AND id = ${complaintId})`,
  complaint_involved_employees: byComplaint,
  dossier_items: byComplaint,
  documents: complaintOrLinkedCancellation,
  dossier_events: byComplaint,
  information_requests: byComplaint,
  hearings: byComplaint,
  insurer_consultations: byComplaint,
  delay_notices: byComplaint,
  meetings: byComplaint,
  kifid_referrals: byComplaint,
  clock_notices: byComplaint,
  notifications: byComplaint,
  idempotency_keys: (_organisationId, complaintId) => sql`response_body ->> 'id' = ${complaintId}`,
  mail_messages: (organisationId, complaintId) =>
    sql`(complaint_id = ${complaintId}
         OR intake_item_id IN ${intakeItemIds(organisationId, complaintId)}
         OR id IN (SELECT mail_message_id FROM intake_items
                   WHERE organisation_id = ${organisationId} AND mail_message_id IS NOT NULL
                     AND ${intakeItems(organisationId, complaintId)}))`,
  intake_items: intakeItems,
  intake_classifications: (organisationId, complaintId) =>
    sql`intake_item_id IN ${intakeItemIds(organisationId, complaintId)}`,
  cancellation_requests: byComplaint,
  letters,
  outbox: (organisationId, complaintId) =>
    sql`(complaint_id = ${complaintId} OR letter_id IN (
      SELECT id FROM letters WHERE organisation_id = ${organisationId} AND ${letters(organisationId, complaintId)}))`,
  dossier_reads: byComplaint,
  portal_codes: byComplaint,
  portal_sessions: byComplaint,
  portal_tokens: byComplaint,
  legal_holds: byComplaint,
  acknowledgment_tasks: byComplaint,
  improvement_action_complaints: byComplaint,
  export_records: byComplaint,
  complaint_search: byComplaint,
};

/**
 * How each table with a `rebuilt` column is made again. The search index has its own triggers on
 * its sources, which already rebuild it as they are blanked; doing it once more at the end, from
 * the same database function, makes the result independent of trigger order and of any source
 * added to the function later.
 */
export const REBUILDS: Readonly<Record<string, Scope>> = {
  complaint_search: (organisationId, complaintId) =>
    sql`SELECT refresh_complaint_search(${organisationId}::uuid, ${complaintId}::uuid)`,
};

type Replaced = Exclude<ColumnTreatment, 'keep' | 'rebuilt'>;

const REPLACEMENTS: Readonly<Record<Replaced, (ref: RawBuilder<unknown>) => RawBuilder<unknown>>> = {
  marker: (ref) => sql`CASE WHEN ${ref} IS NULL THEN NULL ELSE ${ANONYMISED_TEXT}::text END`,
  null: () => sql`NULL`,
  empty_bytes: (ref) => sql`CASE WHEN ${ref} IS NULL THEN NULL ELSE ''::bytea END`,
  empty_object: (ref) => sql`CASE WHEN ${ref} IS NULL THEN NULL ELSE '{}'::jsonb END`,
  empty_array: (ref) => sql`CASE WHEN ${ref} IS NULL THEN NULL ELSE '[]'::jsonb END`,
  unique_marker: () => sql`${ANONYMISED_TEXT}::text || ':' || id::text`,
};

function replacement(column: string, treatment: Replaced): RawBuilder<unknown> {
  return REPLACEMENTS[treatment](sql.ref(column));
}

/** Mail still waiting to go out for this subject would carry its personal data: it is stopped. */
export async function stopWaitingMail(
  tx: Tx,
  organisationId: string,
  subjectId: string,
  scopes: Scopes = DOSSIER_SCOPES,
): Promise<number> {
  const outbox = scopes['outbox'];
  if (!outbox) return 0;
  const result = await sql`
    UPDATE outbox SET status = 'failed', locked_until = NULL,
      last_error = 'Niet verzonden: het dossier is geanonimiseerd.'
    WHERE organisation_id = ${organisationId} AND status IN ('pending', 'sending')
      AND ${outbox(organisationId, subjectId)}`.execute(tx);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * A complainant row shared with a dossier that is still kept cannot be blanked for this one: this
 * dossier gets a blank complainant of its own instead. (Registration makes one row per complaint
 * today; this keeps anonymisation right if that ever changes.)
 */
export async function detachSharedComplainant(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  now: Date,
): Promise<boolean> {
  const shared = await sql<{ complainant_id: string }>`
    SELECT c.complainant_id FROM complaints c
    WHERE c.organisation_id = ${organisationId} AND c.id = ${complaintId}
      AND EXISTS (SELECT 1 FROM complaints o
                  WHERE o.organisation_id = c.organisation_id AND o.complainant_id = c.complainant_id
                    AND o.id <> c.id AND o.anonymised_at IS NULL)`.execute(tx);
  if (shared.rows.length === 0) return false;
  const id = newId();
  await tx
    .insertInto('complainants')
    .values({ organisation_id: organisationId, id, name: ANONYMISED_TEXT, created_at: now })
    .execute();
  await tx
    .updateTable('complaints')
    .set({ complainant_id: id })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .execute();
  return true;
}

function rowCount(result: { numAffectedRows?: bigint }): number {
  return Number(result.numAffectedRows ?? 0n);
}

/** One table of the subject: rows removed, or columns replaced and derived columns made again. */
async function applyPolicy(
  tx: Tx,
  table: string,
  policy: Exclude<TablePolicy, { kind: 'outside' }>,
  organisationId: string,
  subjectId: string,
  scope: Scope,
): Promise<number> {
  const where = sql`organisation_id = ${organisationId} AND ${scope(organisationId, subjectId)}`;
  if (policy.kind === 'dossier_delete') {
    return rowCount(await sql`DELETE FROM ${sql.table(table)} WHERE ${where}`.execute(tx));
  }
  let affected = 0;
  const changes = Object.entries(policy.columns).flatMap(([column, { treatment }]) =>
    treatment === 'keep' || treatment === 'rebuilt'
      ? []
      : [sql`${sql.ref(column)} = ${replacement(column, treatment)}`],
  );
  if (changes.length > 0) {
    affected = rowCount(
      await sql`UPDATE ${sql.table(table)} SET ${sql.join(changes)} WHERE ${where}`.execute(tx),
    );
  }
  if (Object.values(policy.columns).some(({ treatment }) => treatment === 'rebuilt')) {
    const rebuild = REBUILDS[table];
    if (!rebuild) throw new Error(`no rebuild for table ${table}`);
    await rebuild(organisationId, subjectId).execute(tx);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${where}`.execute(tx);
    affected = Math.max(affected, rows[0]?.n ?? 0);
  }
  return affected;
}

/**
 * Applies every table's policy to the subject's rows (a dossier by default); returns how many rows
 * each table had changed or removed. A table the policy list names must have its scope here: a
 * missing one is an error, never a silent skip.
 */
export async function applyTablePolicies(
  tx: Tx,
  organisationId: string,
  subjectId: string,
  scopes: Scopes = DOSSIER_SCOPES,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, policy] of Object.entries(TABLE_POLICIES)) {
    if (policy.kind === 'outside') continue;
    const scope = scopes[table];
    if (scope === undefined) throw new Error(`no scope for table ${table}`);
    if (scope === null) continue;
    const affected = await applyPolicy(tx, table, policy, organisationId, subjectId, scope);
    if (affected > 0) counts[table] = affected;
  }
  return counts;
}

export async function markAnonymised(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({ anonymised_at: now, updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .execute();
}
