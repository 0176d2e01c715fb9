import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

const BATCH = 5000;

/**
 * Digests of what must survive a backup unchanged: each dossier's chain head and each document's
 * recorded SHA-256. Walked in key order, a batch at a time, so a million dossiers fit in memory.
 */
export async function chainHeadsDigest(db: Kysely<unknown>): Promise<{ dossiers: number; sha256: string }> {
  const hash = createHash('sha256');
  let dossiers = 0;
  let after: [string, string] | null = null;
  for (;;) {
    const page: { rows: Array<{ organisation_id: string; id: string; seq: number; head: string | null }> } =
      await sql<{ organisation_id: string; id: string; seq: number; head: string | null }>`
        SELECT organisation_id::text, id::text, last_event_sequence AS seq, last_event_hash AS head
          FROM complaints
         WHERE ${after ? sql`(organisation_id, id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql`true`}
         ORDER BY organisation_id, id
         LIMIT ${BATCH}`.execute(db);
    for (const row of page.rows)
      hash.update(`${row.organisation_id} ${row.id} ${row.seq} ${row.head ?? '-'}\n`);
    dossiers += page.rows.length;
    const last = page.rows.at(-1);
    if (!last || page.rows.length < BATCH) break;
    after = [last.organisation_id, last.id];
  }
  return { dossiers, sha256: hash.digest('hex') };
}

export async function documentsDigest(db: Kysely<unknown>): Promise<{ count: number; sha256: string }> {
  const hash = createHash('sha256');
  let count = 0;
  let after: [string, string] | null = null;
  for (;;) {
    const page: { rows: Array<{ organisation_id: string; id: string; sha256: string }> } = await sql<{
      organisation_id: string;
      id: string;
      sha256: string;
    }>`
        SELECT organisation_id::text, id::text, sha256
          FROM documents
         WHERE ${after ? sql`(organisation_id, id) > (${after[0]}::uuid, ${after[1]}::uuid)` : sql`true`}
         ORDER BY organisation_id, id
         LIMIT ${BATCH}`.execute(db);
    for (const row of page.rows) hash.update(`${row.organisation_id} ${row.id} ${row.sha256}\n`);
    count += page.rows.length;
    const last = page.rows.at(-1);
    if (!last || page.rows.length < BATCH) break;
    after = [last.organisation_id, last.id];
  }
  return { count, sha256: hash.digest('hex') };
}

/** Documents whose stored bytes no longer match the SHA-256 recorded when they were filed. */
export async function documentsWithWrongDigest(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT id::text FROM documents
     WHERE content IS NOT NULL AND encode(sha256(content), 'hex') <> sha256
     ORDER BY organisation_id, id`.execute(db);
  return rows.rows.map((r) => r.id);
}
