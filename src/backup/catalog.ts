import { sql, type Kysely } from 'kysely';
import { orderByDependencies } from './dependency-order.ts';

/**
 * Kysely keeps its own books; a restore rebuilds them by migrating, never by copying them. The search
 * index is derived: its triggers (migration 0014) write it again as the rows it indexes are restored.
 * Rate-limit hits and used proofs-of-work last minutes to an hour and are hashed under the old
 * installation's secret: a restored installation starts counting afresh. The public form's drafts
 * live 30 minutes and hold personal data nobody has sent yet: a backup must not keep them for months
 * (a form sent meanwhile is still recognised by its idempotency key, which is backed up).
 */
const NOT_BACKED_UP = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'complaint_search',
  'rate_limit_hits',
  'proof_of_work_uses',
  'public_form_drafts',
  'public_form_draft_files',
]);

export interface TableShape {
  name: string;
  /** Columns a row can be inserted with: generated columns are computed again on restore. */
  columns: string[];
}

/** The product's tables (schema public), parents before children. pg-boss keeps its jobs elsewhere. */
export async function readTables(db: Kysely<unknown>): Promise<TableShape[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT c.relname AS table_name, a.attname AS column_name
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY c.relname, a.attnum`.execute(db);
  const edges = await sql<{ child: string; parent: string }>`
    SELECT child.relname AS child, parent.relname AS parent
      FROM pg_catalog.pg_constraint k
      JOIN pg_catalog.pg_class child ON child.oid = k.conrelid
      JOIN pg_catalog.pg_class parent ON parent.oid = k.confrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = child.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public'`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const row of columns.rows) {
    if (NOT_BACKED_UP.has(row.table_name)) continue;
    const list = byTable.get(row.table_name) ?? [];
    list.push(row.column_name);
    byTable.set(row.table_name, list);
  }
  return orderByDependencies([...byTable.keys()], edges.rows).map((name) => ({
    name,
    columns: byTable.get(name)!,
  }));
}

/** The migrations this database has run, in order; empty for a database never migrated. */
export async function readAppliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const exists = await sql<{ present: boolean }>`
    SELECT to_regclass('public.kysely_migration') IS NOT NULL AS present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const rows = await sql<{ name: string }>`
    SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}
