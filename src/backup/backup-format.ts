import { createHash } from 'node:crypto';
import type { Secrets } from '../secrets.ts';
import type { DatabaseKind } from '../db/database.ts';

export const BACKUP_FORMAT = 'klachtwijzer-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** First entry of the archive: what a restore needs before it reads a single row. */
export const HEADER_ENTRY = 'backup.json';
/** Last entry: the sums, known only after every row was written. */
export const MANIFEST_ENTRY = 'manifest.json';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: DatabaseKind;
  /** The schema the rows fit: a restore migrates the empty target to exactly this point first. */
  migrations: string[];
  /** Tables in restore order (parents first), with the columns each row file holds. */
  tables: Array<{ name: string; file: string; columns: string[] }>;
  /** Which master secret sealed the mailbox passwords and signed Message-IDs (not the secret). */
  secretFingerprint: string | null;
}

export interface BackupManifest {
  tables: Array<{ name: string; file: string; rows: number; sha256: string }>;
  /** SHA-256 over "organisation complaint sequence hash" lines of every dossier, in key order. */
  chainHeads: { dossiers: number; sha256: string };
  /** SHA-256 over "organisation document sha256" lines of every stored document, in key order. */
  documents: { count: number; sha256: string };
}

export function tableFileName(position: number, table: string): string {
  return `tables/${String(position + 1).padStart(3, '0')}-${table}.ndjson`;
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

/** Tells two installations' master secrets apart without revealing anything about them. */
export function secretFingerprint(secrets: Secrets): string {
  return createHash('sha256')
    .update('klachtwijzer backup fingerprint v1\n')
    .update(secrets.storedSecretKey)
    .digest('hex')
    .slice(0, 16);
}
