import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openPGlite, openPostgres, type DatabaseHandle, type DatabaseKind } from '../../src/db/database.ts';

export interface TestDatabase {
  kind: DatabaseKind;
  handle: DatabaseHandle;
  /** For PostgreSQL: the connection string of this file's own database. */
  url: string | undefined;
  close(): Promise<void>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as in CI). */
export function databaseKinds(): DatabaseKind[] {
  return inject('postgresAdminUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function pgliteTemplate(): Promise<Blob> {
  return new Blob([fs.readFileSync(inject('pgliteTemplatePath'))]);
}

/** A fresh, migrated database of the given kind, copied from the run's template. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const handle = await openPGlite({ dataDir: '', inMemory: true, loadDataDir: await pgliteTemplate() });
    return { kind, handle, url: undefined, close: () => handle.close() };
  }
  const url = await createPostgresDatabase();
  const handle = await openPostgres(url, 10);
  return {
    kind,
    handle,
    url,
    async close() {
      await handle.close();
      await dropPostgresDatabase(url);
    },
  };
}

export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const template = inject('postgresTemplateName');
  if (!adminUrl || !template) throw new Error('PostgreSQL tests need TEST_DATABASE_URL');
  const name = `kw_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl, 1);
  try {
    // Two files copying the template at the same moment can collide; the copy is cheap to retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await sql`CREATE DATABASE ${sql.id(name)} TEMPLATE ${sql.id(template)}`.execute(admin.db);
        break;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.close();
  }
  return withDatabase(adminUrl, name);
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) return;
  const name = new URL(url).pathname.slice(1);
  const admin = await openPostgres(adminUrl, 1);
  try {
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
  } finally {
    await admin.close();
  }
}
