import { sql, type Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { canonicalJson, sha256Hex, type JsonValue } from '../domain/event-chain.ts';
import { AppError, ConflictError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';

/**
 * Idempotency-Key for intake by other systems. The key is claimed in a short transaction of its own
 * (so a concurrent retry sees "in progress" and gets 409), and the answer is stored in the SAME
 * transaction as the complaint, so a crash leaves either both or neither: a key still "in progress"
 * after its lease ran out means no complaint was made, and a retry may take it over.
 */
const LEASE_MS = 60_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

export type IdempotencyClaim =
  { kind: 'owned'; lease: string } | { kind: 'replay'; status: number; body: unknown };

export function requestDigest(body: unknown): string {
  return sha256Hex(canonicalJson((body ?? null) as JsonValue));
}

export function checkIdempotencyKey(key: string): string {
  if (!KEY.test(key)) {
    throw new ValidationError(
      'De Idempotency-Key moet 1 tot 200 zichtbare ASCII-tekens zijn.',
      [{ field: 'header:/idempotency-key', message: 'must be 1-200 visible ASCII characters' }],
      'idempotency_key_invalid',
    );
  }
  return key;
}

export async function claimIdempotencyKey(
  db: Kysely<Database>,
  clock: Clock,
  organisationId: string,
  key: string,
  requestSha256: string,
): Promise<IdempotencyClaim> {
  const now = clock.now();
  const lease = newId();
  return withTenant(db, organisationId, async (tx) => {
    const claimed = await tx
      .insertInto('idempotency_keys')
      .values({
        organisation_id: organisationId,
        key,
        request_sha256: requestSha256,
        lease,
        state: 'in_progress',
        locked_until: new Date(now.getTime() + LEASE_MS),
        response_status: null,
        response_body: null,
        created_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['organisation_id', 'key'])
          .doUpdateSet({ lease, locked_until: new Date(now.getTime() + LEASE_MS) })
          .where('idempotency_keys.state', '=', 'in_progress')
          .where('idempotency_keys.locked_until', '<', now)
          .where('idempotency_keys.request_sha256', '=', requestSha256),
      )
      .returning('lease')
      .executeTakeFirst();
    if (claimed?.lease === lease) return { kind: 'owned', lease };

    const existing = await tx
      .selectFrom('idempotency_keys')
      .select(['request_sha256', 'state', 'response_status', 'response_body'])
      .where('organisation_id', '=', organisationId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (existing.request_sha256 !== requestSha256) {
      throw new AppError(
        422,
        'idempotency_key_reused',
        'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.',
      );
    }
    if (existing.state !== 'done' || existing.response_status === null) {
      throw new ConflictError(
        'Een verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer het zo opnieuw.',
        'idempotency_request_in_progress',
      );
    }
    return { kind: 'replay', status: existing.response_status, body: existing.response_body };
  });
}

/** In the caller's transaction: store the answer; if the lease was taken over meanwhile, roll back. */
export async function completeIdempotencyKey(
  tx: Tx,
  organisationId: string,
  key: string,
  lease: string,
  status: number,
  body: unknown,
): Promise<void> {
  const updated = await tx
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: status, response_body: JSON.stringify(body) })
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .where('lease', '=', lease)
    .returning('key')
    .executeTakeFirst();
  if (!updated) {
    throw new ConflictError(
      'Een verzoek met deze Idempotency-Key werd intussen door een ander proces verwerkt.',
      'idempotency_request_in_progress',
    );
  }
}

/** After a failed attempt, free the key so the client's retry is processed, not refused. */
export async function releaseIdempotencyKey(
  db: Kysely<Database>,
  organisationId: string,
  key: string,
  lease: string,
): Promise<void> {
  await withTenant(db, organisationId, (tx) =>
    sql`DELETE FROM idempotency_keys
        WHERE organisation_id = ${organisationId} AND key = ${key} AND lease = ${lease} AND state = 'in_progress'`.execute(
      tx,
    ),
  );
}
