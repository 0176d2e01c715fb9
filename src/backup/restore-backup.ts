import { createHash, type Hash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { migrateToLatest, migrateUpTo } from '../db/migrator.ts';
import { verifyAllChains } from '../dossier/chain-verification.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupFormatError,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  type BackupHeader,
  type BackupManifest,
} from './backup-format.ts';
import { readAppliedMigrations, readTables } from './catalog.ts';
import { chainHeadsDigest, documentsDigest, documentsWithWrongDigest } from './digests.ts';
import { readBackup } from './read-backup.ts';

const INSERT_BATCH = 500;

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreReport {
  header: BackupHeader;
  tables: Array<{ name: string; rows: number }>;
  dossiers: number;
  eventsChecked: number;
  documents: number;
  /** Migrations run after the rows were in, to bring an older backup up to this version. */
  migratedAfterwards: string[];
  /** False when this installation's secret differs: sealed mailbox passwords must be entered again. */
  sameSecret: boolean | null;
}

class HeaderFound extends Error {
  readonly header: BackupHeader;
  constructor(header: BackupHeader) {
    super('header found');
    this.header = header;
  }
}

async function readHeader(file: string): Promise<BackupHeader> {
  try {
    await readBackup(file, async (piece) => {
      if (piece.kind === 'entry' && piece.name === HEADER_ENTRY)
        throw new HeaderFound(parseHeader(piece.text));
      throw new BackupFormatError(`${file} does not start with ${HEADER_ENTRY}: not a Klachtwijzer backup`);
    });
  } catch (error) {
    if (error instanceof HeaderFound) return error.header;
    if (error instanceof BackupFormatError) throw error;
    throw new BackupFormatError(`${file} cannot be read as a backup: ${(error as Error).message}`);
  }
  throw new BackupFormatError(`${file} is empty: not a Klachtwijzer backup`);
}

function parseHeader(text: string): BackupHeader {
  const header = JSON.parse(text) as BackupHeader;
  if (header.format !== BACKUP_FORMAT) throw new BackupFormatError('not a Klachtwijzer backup');
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(`backup format ${header.formatVersion} is not supported by this version`);
  }
  return header;
}

const byName = (a: string, b: string): number => a.localeCompare(b);

function shapeKey(tables: ReadonlyArray<{ name: string; columns: readonly string[] }>): string {
  return JSON.stringify(
    tables.map((t) => [t.name, t.columns.toSorted(byName)] as const).toSorted((a, b) => byName(a[0], b[0])),
  );
}

/** Refuses any target that is not empty, or whose schema cannot be brought to the backup's. */
async function prepareTarget(handle: DatabaseHandle, header: BackupHeader): Promise<void> {
  const known = MIGRATIONS.map((m) => m.name);
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new RestoreRefusedError(
      `the backup was made by a newer version (migrations ${unknown.join(', ')}); install that version first`,
    );
  }
  const applied = await readAppliedMigrations(handle.db as unknown as Kysely<unknown>);
  if (applied.some((name, i) => header.migrations[i] !== name)) {
    throw new RestoreRefusedError(
      'the target database is at a later schema than the backup; restore into a new, empty database',
    );
  }
  const last = header.migrations.at(-1);
  if (last) await migrateUpTo(handle.db, last);
  const target = await readTables(handle.db as unknown as Kysely<unknown>);
  for (const table of target) {
    const rows = await sql<{ present: boolean }>`
      SELECT EXISTS (SELECT 1 FROM ${sql.table(table.name)}) AS present`.execute(handle.db);
    if (rows.rows[0]?.present) {
      throw new RestoreRefusedError(`the target database is not empty (table ${table.name} has rows)`);
    }
  }
  const expected = shapeKey(header.tables);
  const actual = shapeKey(target);
  if (expected !== actual) {
    throw new BackupFormatError("the backup's tables do not match the schema of its own migrations");
  }
}

/**
 * Restores a backup into an empty database in one transaction: every table's rows are checked
 * against the manifest's sums, every event chain and document digest is verified, and only then is
 * anything committed. A damaged or incomplete backup leaves the target as empty as it was.
 */
export async function restoreBackup(
  handle: DatabaseHandle,
  file: string,
  options: { secretFingerprint: string | null; onTable?: (table: string, rows: number) => void },
): Promise<RestoreReport> {
  const header = await readHeader(file);
  await prepareTarget(handle, header);
  const files = new Map(header.tables.map((t) => [t.file, t]));
  const done: Array<{ name: string; file: string; rows: number; sha256: string }> = [];
  const verified = await handle.db.transaction().execute(async (trx) => {
    const tx = trx as unknown as Kysely<unknown>;
    let current: {
      file: string;
      name: string;
      columns: string[];
      rows: number;
      hash: Hash;
      batch: string[];
    } | null = null;
    let manifest: BackupManifest | null = null;
    const flush = async (): Promise<void> => {
      if (!current || current.batch.length === 0) return;
      const columns = sql.join(current.columns.map((c) => sql.id(c)));
      await sql`
        INSERT INTO ${sql.table(current.name)} (${columns})
        SELECT ${columns} FROM json_populate_recordset(NULL::${sql.table(current.name)}, ${`[${current.batch.join(',')}]`}::json)`.execute(
        tx,
      );
      current.batch = [];
    };
    await readBackup(file, async (piece) => {
      if (piece.kind === 'entry') {
        if (piece.name === MANIFEST_ENTRY) manifest = JSON.parse(piece.text) as BackupManifest;
        else if (piece.name !== HEADER_ENTRY) throw new BackupFormatError(`unexpected entry ${piece.name}`);
        return;
      }
      const table = files.get(piece.name);
      if (!table) throw new BackupFormatError(`unexpected entry ${piece.name}`);
      if (!current || current.file !== piece.name) {
        current = {
          file: table.file,
          name: table.name,
          columns: table.columns,
          rows: 0,
          hash: createHash('sha256'),
          batch: [],
        };
      }
      if (piece.kind === 'lines') {
        for (const line of piece.lines) {
          current.hash.update(`${line}\n`);
          current.batch.push(line);
          current.rows++;
          if (current.batch.length >= INSERT_BATCH) await flush();
        }
        return;
      }
      await flush();
      done.push({
        name: current.name,
        file: current.file,
        rows: current.rows,
        sha256: current.hash.digest('hex'),
      });
      options.onTable?.(current.name, current.rows);
      current = null;
    });
    const expected = manifest as BackupManifest | null;
    if (!expected) throw new BackupFormatError(`the backup has no ${MANIFEST_ENTRY}: it is incomplete`);
    for (const table of expected.tables) {
      const got = done.find((d) => d.file === table.file);
      if (!got) throw new BackupFormatError(`${table.file} is missing from the backup`);
      if (got.rows !== table.rows || got.sha256 !== table.sha256) {
        throw new BackupFormatError(
          `${table.file} does not match its sum in the manifest: the backup is damaged`,
        );
      }
    }
    const heads = await chainHeadsDigest(tx);
    if (heads.sha256 !== expected.chainHeads.sha256) {
      throw new BackupFormatError('the restored dossiers do not have the chain heads the manifest records');
    }
    const documents = await documentsDigest(tx);
    if (documents.sha256 !== expected.documents.sha256) {
      throw new BackupFormatError('the restored documents do not have the digests the manifest records');
    }
    const damaged = await documentsWithWrongDigest(tx);
    if (damaged.length > 0) {
      throw new BackupFormatError(
        `document ${damaged[0]} does not match its SHA-256 (${damaged.length} in all)`,
      );
    }
    const chains = await verifyAllChains(trx);
    const broken = chains.broken[0];
    if (broken) {
      throw new BackupFormatError(
        `the event chain of ${broken.reference} is broken at sequence ${broken.sequence} (${broken.reason})`,
      );
    }
    return { dossiers: heads.dossiers, eventsChecked: chains.eventsChecked, documents: documents.count };
  });
  const { applied } = await migrateToLatest(handle.db);
  return {
    header,
    tables: done.map(({ name, rows }) => ({ name, rows })),
    ...verified,
    migratedAfterwards: applied,
    sameSecret:
      header.secretFingerprint && options.secretFingerprint
        ? header.secretFingerprint === options.secretFingerprint
        : null,
  };
}
