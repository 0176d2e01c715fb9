import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  tableFileName,
  type BackupHeader,
  type BackupManifest,
} from './backup-format.ts';
import { readAppliedMigrations, readTables } from './catalog.ts';
import { chainHeadsDigest, documentsDigest } from './digests.ts';

const FETCH = 500;

export interface BackupOptions {
  now: Date;
  secretFingerprint: string | null;
  onTable?: (table: string, rows: number) => void;
}

export interface BackupSummary {
  file: string;
  bytes: number;
  header: BackupHeader;
  manifest: BackupManifest;
}

/**
 * Writes every row of the product's tables, as one consistent snapshot, to a ZIP of
 * newline-delimited JSON. The file appears under its name only when complete and on disk: a crash
 * leaves at most a `.partial` next to it, never a backup that looks whole and is not.
 */
export async function writeBackup(
  handle: DatabaseHandle,
  file: string,
  options: BackupOptions,
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const fd = fs.openSync(partial, 'w', 0o600);
  let failure: Error | null = null;
  let bytes = 0;
  // Synchronous writes: the zip streams out as it is made, so memory stays flat at any size.
  const zip = new Zip((error, chunk) => {
    if (error) {
      failure = error;
      return;
    }
    fs.writeSync(fd, chunk);
    bytes += chunk.length;
  });
  const addEntry = (name: string, content: string): void => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(new TextEncoder().encode(content), true);
  };
  try {
    const result = await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tx = trx as unknown as Kysely<unknown>;
        await sql`SET LOCAL bytea_output = 'hex'`.execute(tx);
        const tables = await readTables(tx);
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: options.now.toISOString(),
          engine: handle.kind,
          migrations: await readAppliedMigrations(tx),
          tables: tables.map((t, i) => ({
            name: t.name,
            file: tableFileName(i, t.name),
            columns: t.columns,
          })),
          secretFingerprint: options.secretFingerprint,
        };
        addEntry(HEADER_ENTRY, `${JSON.stringify(header, null, 2)}\n`);
        const manifestTables: BackupManifest['tables'] = [];
        for (const table of header.tables) {
          manifestTables.push(await writeTable(tx, zip, table.name, table.file));
          options.onTable?.(table.name, manifestTables.at(-1)!.rows);
        }
        const manifest: BackupManifest = {
          tables: manifestTables,
          chainHeads: await chainHeadsDigest(tx),
          documents: await documentsDigest(tx),
        };
        addEntry(MANIFEST_ENTRY, `${JSON.stringify(manifest, null, 2)}\n`);
        return { header, manifest };
      });
    zip.end();
    if (failure) throw failure;
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(partial, file);
    return { file, bytes, ...result };
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

async function writeTable(
  tx: Kysely<unknown>,
  zip: Zip,
  table: string,
  file: string,
): Promise<BackupManifest['tables'][number]> {
  const entry = new ZipDeflate(file, { level: 6 });
  zip.add(entry);
  const hash = createHash('sha256');
  const encoder = new TextEncoder();
  let rows = 0;
  // A cursor, not OFFSET paging: one pass over the table, in the snapshot of this transaction.
  await sql`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM ${sql.table(table)} t`.execute(
    tx,
  );
  try {
    for (;;) {
      const batch = await sql<{ line: string }>`FETCH ${sql.raw(String(FETCH))} FROM backup_rows`.execute(tx);
      if (batch.rows.length === 0) break;
      const text = batch.rows.map((r) => `${r.line}\n`).join('');
      const bytes = encoder.encode(text);
      hash.update(bytes);
      entry.push(bytes);
      rows += batch.rows.length;
    }
  } finally {
    await sql`CLOSE backup_rows`.execute(tx);
  }
  entry.push(new Uint8Array(0), true);
  return { name: table, file, rows, sha256: hash.digest('hex') };
}
