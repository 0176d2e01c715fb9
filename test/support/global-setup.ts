import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPGlite, openPostgres } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';
import { sql } from 'kysely';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresAdminUrl: string | null;
    postgresTemplateName: string | null;
  }
}

/**
 * Migrates one template per run — a PGlite data folder dumped to a file, and on PostgreSQL a
 * template database — so each test file starts from a copy in a fraction of a second instead of
 * running initdb and every migration again.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klachtwijzer-test-'));
  const templatePath = path.join(workDir, 'pglite-template.tar');
  const pglite = await openPGlite({ dataDir: workDir, inMemory: true });
  await migrateToLatest(pglite.db);
  const dump = await pglite.pglite!.dumpDataDir('none');
  fs.writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplatePath', templatePath);

  const adminUrl = process.env['TEST_DATABASE_URL']?.trim() || null;
  let templateName: string | null = null;
  if (adminUrl) {
    templateName = `kw_template_${process.pid}_${Date.now()}`;
    const admin = await openPostgres(adminUrl, 1);
    await sql`CREATE DATABASE ${sql.id(templateName)}`.execute(admin.db);
    await admin.close();
    const template = await openPostgres(withDatabase(adminUrl, templateName), 1);
    await migrateToLatest(template.db);
    await template.close();
  }
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplateName', templateName);

  return async () => {
    fs.rmSync(workDir, { recursive: true, force: true });
    if (adminUrl && templateName) {
      const admin = await openPostgres(adminUrl, 1);
      await sql`DROP DATABASE IF EXISTS ${sql.id(templateName)} WITH (FORCE)`.execute(admin.db);
      await admin.close();
    }
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
