import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import { Pool, types } from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import type { Database } from './schema.ts';

/**
 * One handle for both engines. `pglite` is exposed because pg-boss needs the raw instance for
 * multi-statement SQL; every other caller goes through `db`.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  kind: DatabaseKind;
  db: Kysely<Database>;
  pglite: PGlite | undefined;
  connectionString: string | undefined;
  close(): Promise<void>;
}

// timestamptz and bigint come back as text from pg unless told otherwise; dates as Date match PGlite.
types.setTypeParser(types.builtins.INT8, (value) => value);
// A `date` is a calendar day, not an instant: keep it as 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (value) => value);

export interface PGliteOptions {
  dataDir: string;
  /** Lets tests start from a migrated template instead of running initdb (≈3 s) per file. */
  loadDataDir?: Blob | File;
  /** Tests run several in-memory instances per process and need no lock. */
  inMemory?: boolean;
}

export async function openPGlite(options: PGliteOptions): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  if (!options.inMemory) lock = acquireDataDirLock(options.dataDir);
  try {
    const pglite = await PGlite.create({
      ...(options.inMemory ? {} : { dataDir: `${options.dataDir}/pgdata` }),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      // PGlite's default of 128 MB of shared buffers sits on top of its 128 MB WASM memory floor;
      // the embedded workload (one firm, one process) runs as fast with 16 MB and the file
      // system cache behind it, for about 140 MB less resident memory (docs/performance.md).
      postgresqlconf: ['shared_buffers=16MB'],
      // Same as for pg: a `date` stays 'YYYY-MM-DD' text on both engines.
      parsers: { [types.builtins.DATE]: (value: string) => value },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      kind: 'pglite',
      db,
      pglite,
      connectionString: undefined,
      async close() {
        try {
          await db.destroy();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export async function openPostgres(connectionString: string, maxConnections = 10): Promise<DatabaseHandle> {
  const pool = new Pool({ connectionString, max: maxConnections });
  pool.on('error', () => {
    // An idle client lost its connection (server restart); the pool replaces it on next use.
  });
  pool.on('connect', (client) => {
    // A client in use whose connection drops (database restart) emits 'error' besides failing the
    // query in flight; unheard, that event would end the process. The request fails and is answered.
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    db,
    pglite: undefined,
    connectionString,
    async close() {
      await db.destroy();
    },
  };
}

export async function openDatabase(settings: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  return settings.databaseUrl
    ? openPostgres(settings.databaseUrl)
    : openPGlite({ dataDir: settings.dataDir });
}
