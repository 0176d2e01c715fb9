import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestComplaint, createTestOrganisation } from '../../test/support/factories.ts';
import {
  databaseKinds,
  dropPostgresDatabase,
  openTestDatabase,
  withDatabase,
  type TestDatabase,
} from '../../test/support/test-database.ts';
import { fixedClock } from '../clock.ts';
import { openPGlite, openPostgres, type DatabaseHandle, type DatabaseKind } from '../db/database.ts';
import { fillDemoOrganisation } from '../demo/fill-demo.ts';
import { DEMO_ORGANISATION } from '../demo/demo-organisation.ts';
import { addAttachment } from '../dossier/dossier.service.ts';
import { createOrganisation } from '../organisations/organisation.service.ts';
import { MANIFEST_ENTRY } from './backup-format.ts';
import { readTables } from './catalog.ts';
import { restoreBackup, RestoreRefusedError } from './restore-backup.ts';
import { writeBackup, type BackupSummary } from './write-backup.ts';

const clock = fixedClock(new Date('2026-11-24T09:00:00Z'));
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-backup-'));
/** Every byte value once, behind a PDF signature so the attachment allowlist accepts it. */
const EVERY_BYTE = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
]);

interface EmptyTarget {
  handle: DatabaseHandle;
  close(): Promise<void>;
}

/** A database nothing ever ran in: the restore must build the schema itself. */
async function emptyTarget(kind: DatabaseKind): Promise<EmptyTarget> {
  if (kind === 'pglite') {
    const handle = await openPGlite({ dataDir: '', inMemory: true });
    return { handle, close: () => handle.close() };
  }
  const adminUrl = inject('postgresAdminUrl')!;
  const name = `kw_restore_${Math.random().toString(16).slice(2, 10)}`;
  const admin = await openPostgres(adminUrl, 1);
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  const url = withDatabase(adminUrl, name);
  const handle = await openPostgres(url, 4);
  return {
    handle,
    async close() {
      await handle.close();
      await dropPostgresDatabase(url);
    },
  };
}

async function rowCounts(db: Kysely<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await readTables(db)) {
    const result = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table.name)}`.execute(
      db,
    );
    counts[table.name] = Number(result.rows[0]!.n);
  }
  return counts;
}

function rewriteEntry(
  file: string,
  target: string,
  edit: (name: string, text: string) => string | null,
): void {
  const entries = unzipSync(fs.readFileSync(file));
  for (const [name, bytes] of Object.entries(entries)) {
    const edited = edit(name, strFromU8(bytes));
    if (edited === null) delete entries[name];
    else entries[name] = strToU8(edited);
  }
  fs.writeFileSync(target, zipSync(entries));
}

describe.each(databaseKinds())('backup and restore on %s', (kind) => {
  let source: TestDatabase;
  let backupFile: string;
  let attachmentId: string;
  let summary: BackupSummary;

  beforeAll(async () => {
    source = await openTestDatabase(kind);
    const db = source.handle.db;
    const demo = await createOrganisation(db, clock, DEMO_ORGANISATION);
    await fillDemoOrganisation(db, clock, demo.organisation.id);
    const other = await createTestOrganisation(db, clock);
    const complaint = await createTestComplaint(
      db,
      other,
      { description: 'Regel één\nRegel "twee" — € 12,50' },
      clock,
    );
    const item = await addAttachment(
      { db, clock, maxAttachmentBytes: 1_000_000 },
      other.coordinator.context,
      complaint.id,
      {
        fileName: 'polis.pdf',
        content: EVERY_BYTE,
      },
    );
    attachmentId = item.documents[0]!.id;
    backupFile = path.join(workDir, `${kind}.kwbackup`);
    summary = await writeBackup(source.handle, backupFile, { now: clock.now(), secretFingerprint: 'abc' });
  });
  afterAll(async () => source.close());

  it('writes every dossier and document, and leaves no partial file behind', () => {
    expect(summary.manifest.chainHeads.dossiers).toBe(32);
    expect(summary.manifest.documents.count).toBeGreaterThan(0);
    expect(summary.header.tables.map((t) => t.name)).not.toContain('kysely_migration');
    expect(summary.header.tables.findIndex((t) => t.name === 'organisations')).toBeLessThan(
      summary.header.tables.findIndex((t) => t.name === 'complaints'),
    );
    expect(fs.existsSync(backupFile)).toBe(true);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);
  });

  it('restores into an empty database with the same rows, chains and documents', async () => {
    const target = await emptyTarget(kind);
    try {
      const report = await restoreBackup(target.handle, backupFile, { secretFingerprint: 'abc' });
      expect(report.sameSecret).toBe(true);
      expect(report.dossiers).toBeGreaterThan(30);
      expect(report.eventsChecked).toBeGreaterThan(100);
      expect(report.documents).toBeGreaterThan(0);
      expect(await rowCounts(target.handle.db as unknown as Kysely<unknown>)).toEqual(
        await rowCounts(source.handle.db as unknown as Kysely<unknown>),
      );
      // The search index is not in the backup: its triggers wrote it again from the restored rows.
      const searchable = async (db: Kysely<unknown>) =>
        (await sql<{ n: string }>`SELECT count(*)::text AS n FROM complaint_search`.execute(db)).rows[0]!.n;
      expect(await searchable(target.handle.db as unknown as Kysely<unknown>)).toBe(
        await searchable(source.handle.db as unknown as Kysely<unknown>),
      );
      const restored = await sql<{ content: Uint8Array }>`
        SELECT content FROM documents WHERE id = ${attachmentId}::uuid`.execute(target.handle.db);
      expect(Buffer.from(restored.rows[0]!.content).equals(EVERY_BYTE)).toBe(true);
      const text = await sql<{ description: string }>`
        SELECT description FROM complaints WHERE description LIKE 'Regel één%'`.execute(target.handle.db);
      expect(text.rows[0]!.description).toBe('Regel één\nRegel "twee" — € 12,50');
    } finally {
      await target.close();
    }
  });

  it('refuses a database that already holds data, and changes nothing there', async () => {
    const before = await rowCounts(source.handle.db as unknown as Kysely<unknown>);
    await expect(restoreBackup(source.handle, backupFile, { secretFingerprint: null })).rejects.toThrow(
      RestoreRefusedError,
    );
    expect(await rowCounts(source.handle.db as unknown as Kysely<unknown>)).toEqual(before);
  });

  it('refuses a backup whose rows were changed, leaving the target empty', async () => {
    const tampered = path.join(workDir, `${kind}-tampered.kwbackup`);
    rewriteEntry(backupFile, tampered, (name, text) =>
      name.endsWith('-complaints.ndjson') ? text.replace('Regel één', 'Regel drie') : text,
    );
    const target = await emptyTarget(kind);
    try {
      await expect(restoreBackup(target.handle, tampered, { secretFingerprint: null })).rejects.toThrow(
        /complaints\.ndjson does not match its sum/,
      );
      const counts = await rowCounts(target.handle.db as unknown as Kysely<unknown>);
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a backup without its manifest (cut off while writing)', async () => {
    const cut = path.join(workDir, `${kind}-cut.kwbackup`);
    rewriteEntry(backupFile, cut, (name, text) => (name === MANIFEST_ENTRY ? null : text));
    const target = await emptyTarget(kind);
    try {
      await expect(restoreBackup(target.handle, cut, { secretFingerprint: null })).rejects.toThrow(
        /incomplete/,
      );
      const counts = await rowCounts(target.handle.db as unknown as Kysely<unknown>);
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a file that is not a backup', async () => {
    const junk = path.join(workDir, `${kind}-junk.kwbackup`);
    fs.writeFileSync(junk, 'dit is geen backup');
    const target = await emptyTarget(kind);
    try {
      await expect(restoreBackup(target.handle, junk, { secretFingerprint: null })).rejects.toThrow(/backup/);
    } finally {
      await target.close();
    }
  });

  it.runIf(kind === 'pglite' && databaseKinds().includes('postgres'))(
    'moves an embedded installation to PostgreSQL',
    async () => {
      const target = await emptyTarget('postgres');
      try {
        const report = await restoreBackup(target.handle, backupFile, { secretFingerprint: 'other' });
        expect(report.sameSecret).toBe(false);
        expect(await rowCounts(target.handle.db as unknown as Kysely<unknown>)).toEqual(
          await rowCounts(source.handle.db as unknown as Kysely<unknown>),
        );
      } finally {
        await target.close();
      }
    },
  );
});
