import { sql, type Kysely } from 'kysely';

/**
 * Looks for strings in every column of every table in every schema of the database (pg-boss's
 * too), read from the catalog, so a table added later is searched without anyone remembering to.
 * Text-like values are compared case-insensitively as text (json, arrays and generated columns
 * included); bytes are searched for the UTF-8 bytes of each needle; full-text vectors are matched
 * with the needle as a query in the usual configurations.
 */
export interface Finding {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

interface CatalogColumn {
  schema: string;
  table: string;
  column: string;
  type: string;
}

export async function catalogColumns(db: Kysely<unknown>): Promise<CatalogColumn[]> {
  const result = await sql<CatalogColumn>`
    SELECT n.nspname AS schema, c.relname AS table, a.attname AS column, t.typname AS type
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY n.nspname, c.relname, a.attnum`.execute(db);
  return result.rows;
}

function matchExpression(column: CatalogColumn, needle: string) {
  const ref = sql.ref(column.column);
  if (column.type === 'bytea') return sql`position(${Buffer.from(needle, 'utf8')}::bytea in ${ref}) > 0`;
  if (column.type === 'tsvector') {
    return sql`(${ref} @@ plainto_tsquery('simple', ${needle}) OR ${ref} @@ plainto_tsquery('dutch', ${needle})
               OR ${ref} @@ plainto_tsquery('english', ${needle}))`;
  }
  return sql`strpos(lower(${ref}::text), ${needle.toLowerCase()}) > 0`;
}

export async function findStrings(db: Kysely<unknown>, needles: readonly string[]): Promise<Finding[]> {
  const byTable = Map.groupBy(await catalogColumns(db), (c) => `${c.schema}.${c.table}`);
  const findings: Finding[] = [];
  for (const columns of byTable.values()) {
    const probes = columns.flatMap((column) => needles.map((needle) => ({ column, needle })));
    const counts = probes.map(
      ({ column, needle }, index) =>
        sql`count(*) FILTER (WHERE ${matchExpression(column, needle)}) AS ${sql.id(`p${index}`)}`,
    );
    const { schema, table } = columns[0]!;
    const result = await sql<Record<string, string | number>>`
      SELECT ${sql.join(counts)} FROM ${sql.table(`${schema}.${table}`)}`.execute(db);
    const row = result.rows[0] ?? {};
    probes.forEach(({ column, needle }, index) => {
      const rows = Number(row[`p${index}`] ?? 0);
      if (rows > 0) findings.push({ table: `${schema}.${table}`, column: column.column, needle, rows });
    });
  }
  return findings;
}
