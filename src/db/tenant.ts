import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Tx = Transaction<Database>;

/**
 * Runs `work` in one transaction as role klachtwijzer_app with the organisation set, so row-level
 * security hides every other organisation's rows. Repositories still filter on organisation_id
 * themselves: the policy is the second wall, not the first.
 */
export async function withTenant<T>(
  db: Kysely<Database>,
  organisationId: string,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('role', 'klachtwijzer_app', true),
                     set_config('app.organisation_id', ${organisationId}, true)`.execute(tx);
    return work(tx);
  });
}

/** Cross-organisation work (start-up, token lookup, chain verification): runs as the login role. */
export async function withSystem<T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
