import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { MIGRATIONS } from './migrations/index.ts';
import type { MigrationStatements } from './migration-statements.ts';

function toKyselyMigration(definition: MigrationStatements): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const statement of definition.statements) {
        await sql.raw(statement).execute(db);
      }
    },
  };
}

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(MIGRATIONS.map((m) => [m.name, toKyselyMigration(m)]));
  }
}

function createMigrator(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider: new StaticMigrationProvider() });
}

export interface MigrationOutcome {
  applied: string[];
}

export async function migrateToLatest<T>(database: Kysely<T>): Promise<MigrationOutcome> {
  const db = database as unknown as Kysely<unknown>;
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** Brings a database to exactly the given migration: a restore rebuilds the schema its backup had. */
export async function migrateUpTo<T>(database: Kysely<T>, name: string): Promise<void> {
  const db = database as unknown as Kysely<unknown>;
  const { error } = await createMigrator(db).migrateTo(name);
  if (error) {
    throw new Error(
      `Migration to ${name} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      {
        cause: error,
      },
    );
  }
}

export interface MigrationState {
  current: boolean;
  pending: string[];
  unknown: string[];
}

/** For /ready: a process must not serve a schema it does not know, nor one that is behind. */
export async function readMigrationState<T>(database: Kysely<T>): Promise<MigrationState> {
  const db = database as unknown as Kysely<unknown>;
  const migrations = await createMigrator(db).getMigrations();
  const pending = migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const tableExists = await sql<{ exists: boolean }>`
    SELECT to_regclass('kysely_migration') IS NOT NULL AS exists`.execute(db);
  let unknown: string[] = [];
  if (tableExists.rows[0]?.exists) {
    const executed = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
    unknown = executed.rows.map((r) => r.name).filter((name) => !known.has(name));
  }
  return { current: pending.length === 0 && unknown.length === 0, pending, unknown };
}
