import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Where the rate limits count: the `rate_limit_hits` table, shared by every app process on the same
 * database (migration 0016). A counted key (an address, an e-mail address, a link) is stored only as
 * an HMAC under the installation's secret, so the table holds no personal data in the clear and the
 * same key hashes alike in every process that shares SECRET_KEY.
 */
export interface RateLimitStore {
  db: Kysely<Database>;
  /** HMAC-SHA256 of the key within its limit's scope, as hex. */
  hashKey(scope: string, key: string): string;
}

/** Without the installation's key the hashes are this process's own: counts are then not shared. */
export function createRateLimitStore(db: Kysely<Database>, key: Buffer = randomBytes(32)): RateLimitStore {
  return {
    db,
    hashKey: (scope, value) => createHmac('sha256', key).update(`${scope}\0${value}`).digest('hex'),
  };
}

export interface HitRow {
  scope: string;
  keyHex: string;
  limit: number;
  windowMs: number;
}

function inputRows(rows: readonly HitRow[]): RawBuilder<unknown> {
  return sql.join(
    rows.map(
      (row) =>
        sql`(${row.scope}::text, decode(${row.keyHex}::text, 'hex'), ${row.limit}::integer, ${row.windowMs}::integer)`,
    ),
  );
}

/**
 * One statement: the longest wait any of the limits asks for (0 when each allows one more), and with
 * `take`, the hit counted on every limit when all allow it. Existing rows are locked first (in key
 * order, so two statements never wait on each other crosswise); under READ COMMITTED the lock hands
 * back the newest committed version, so two processes checking the same address at the same moment
 * see each other's hit. A row that did not exist yet is merged by ON CONFLICT, keeping both hits.
 */
export async function checkHits(
  store: RateLimitStore,
  rows: readonly HitRow[],
  now: Date,
  take: boolean,
): Promise<number> {
  if (rows.length === 0) return 0;
  const at = now.getTime();
  const lock = take ? sql`FOR UPDATE OF r` : sql``;
  const write = take
    ? sql`, written AS (
        INSERT INTO rate_limit_hits (scope, key, hits, window_ms, expires_at)
        SELECT live.scope, live.key, live.hits || ${at}::bigint, live.window_ms,
               to_timestamp((${at}::bigint + live.window_ms) / 1000.0)
          FROM live, verdict
         WHERE verdict.wait = 0
        ON CONFLICT (scope, key) DO UPDATE SET
          hits = ARRAY(SELECT h FROM unnest(rate_limit_hits.hits) AS h
                        WHERE h > ${at}::bigint - excluded.window_ms ORDER BY h) || ${at}::bigint,
          window_ms = excluded.window_ms,
          expires_at = excluded.expires_at
        RETURNING 1)`
    : sql``;
  const result = await sql<{ wait: number }>`
    WITH input (scope, key, hit_limit, window_ms) AS (VALUES ${inputRows(rows)}),
    locked AS (
      SELECT r.scope, r.key, r.hits
        FROM rate_limit_hits r
        JOIN input i ON i.scope = r.scope AND i.key = r.key
       ORDER BY r.scope, r.key
       ${lock}),
    live AS (
      SELECT i.scope, i.key, i.hit_limit, i.window_ms,
             ARRAY(SELECT h FROM unnest(l.hits) AS h WHERE h > ${at}::bigint - i.window_ms ORDER BY h) AS hits
        FROM input i
        LEFT JOIN locked l ON l.scope = i.scope AND l.key = i.key),
    verdict AS (
      SELECT coalesce(max(CASE WHEN cardinality(hits) >= hit_limit
                               THEN hits[cardinality(hits) - hit_limit + 1] + window_ms - ${at}::bigint
                               ELSE 0 END), 0) AS wait
        FROM live)
    ${write}
    SELECT wait::float8 AS wait FROM verdict`.execute(store.db);
  return Math.max(0, result.rows[0]?.wait ?? 0);
}

/** Counts a hit without asking (a failed sign-in after the check that let it through): one statement. */
export async function recordHit(store: RateLimitStore, row: HitRow, now: Date): Promise<void> {
  const at = now.getTime();
  await sql`
    INSERT INTO rate_limit_hits (scope, key, hits, window_ms, expires_at)
    VALUES (${row.scope}, decode(${row.keyHex}::text, 'hex'), ARRAY[${at}::bigint], ${row.windowMs}::integer,
            to_timestamp((${at}::bigint + ${row.windowMs}::integer) / 1000.0))
    ON CONFLICT (scope, key) DO UPDATE SET
      -- Only the newest hits matter for the sliding window; the limit's count of them is kept.
      hits = ARRAY(SELECT h FROM (SELECT h FROM unnest(rate_limit_hits.hits) AS h
                                   WHERE h > ${at}::bigint - excluded.window_ms
                                   ORDER BY h DESC LIMIT ${Math.max(0, row.limit - 1)}::integer) AS newest
                    ORDER BY h) || ${at}::bigint,
      window_ms = excluded.window_ms,
      expires_at = excluded.expires_at`.execute(store.db);
}

/** Rows that no longer hold a hit inside their window; the purge job removes them. */
export async function purgeExpiredHits(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limit_hits').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
