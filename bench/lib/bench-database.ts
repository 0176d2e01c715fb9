import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openPGlite, openPostgres, type DatabaseHandle, type DatabaseKind } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';

export interface BenchDatabase {
  kind: DatabaseKind;
  name: string;
  /** For PostgreSQL, what the server process gets as DATABASE_URL; for PGlite, its DATA_DIR. */
  env: Record<string, string>;
  /** True when an earlier run's data was found and kept (`--reuse`). */
  reused: boolean;
  open(maxConnections?: number): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Where PGlite benchmark folders live (same disk as /tmp unless BENCH_DATA_DIR says otherwise). */
export function benchDataRoot(): string {
  return process.env['BENCH_DATA_DIR'] ?? join(tmpdir(), 'klachtwijzer-bench');
}

/**
 * A migrated database for one scale: `kw_bench_<name>` on PostgreSQL, a folder on PGlite. With
 * `reuse`, an existing one is kept (and migrated to the latest schema), so the 1M scale is generated
 * once and measured many times.
 */
export async function openBenchDatabase(
  kind: DatabaseKind,
  name: string,
  adminUrl: string | undefined,
  reuse: boolean,
): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    if (!adminUrl) throw new Error('PostgreSQL benchmarks need BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
    const database = `kw_bench_${name}`;
    const admin = await openPostgres(adminUrl, 1);
    const found = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${database}`.execute(admin.db);
    const exists = (found.rows[0]?.n ?? 0) > 0;
    if (exists && !reuse) await sql`DROP DATABASE ${sql.id(database)} WITH (FORCE)`.execute(admin.db);
    if (!exists || !reuse) await sql`CREATE DATABASE ${sql.id(database)}`.execute(admin.db);
    await admin.close();
    const url = withDatabase(adminUrl, database);
    const handle = await openPostgres(url, 1);
    await migrateToLatest(handle.db);
    await handle.close();
    return {
      kind,
      name,
      env: { DATABASE_URL: url },
      reused: exists && reuse,
      open: (maxConnections = 10) => openPostgres(url, maxConnections),
      async drop() {
        const again = await openPostgres(adminUrl, 1);
        await sql`DROP DATABASE IF EXISTS ${sql.id(database)} WITH (FORCE)`.execute(again.db);
        await again.close();
      },
    };
  }
  const dataDir = join(benchDataRoot(), name);
  const exists = existsSync(join(dataDir, 'pgdata'));
  if (exists && !reuse) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const handle = await openPGlite({ dataDir });
  await migrateToLatest(handle.db);
  await handle.close();
  return {
    kind,
    name,
    env: { DATA_DIR: dataDir },
    reused: exists && reuse,
    open: () => openPGlite({ dataDir }),
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
