import fs from 'node:fs';
import path from 'node:path';
import { BackupFormatError, secretFingerprint } from '../backup/backup-format.ts';
import { restoreBackup, RestoreRefusedError } from '../backup/restore-backup.ts';
import { writeBackup } from '../backup/write-backup.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { loadSecrets } from '../secrets.ts';
import { UsageError } from './usage-error.ts';

function fileArgument(args: string[], command: string): string {
  const [file, ...extra] = args;
  if (!file || extra.length > 0) throw new UsageError(`Usage: klachtwijzer ${command} <file>`);
  return path.resolve(file);
}

/** Exit 0 with the backup written; 1 when it could not be made (nothing left under its name). */
export async function backupCommand(args: string[]): Promise<number> {
  const file = fileArgument(args, 'backup');
  if (fs.existsSync(file)) throw new UsageError(`${file} already exists; choose a new file name.`);
  const config = loadConfig();
  const handle = await openDatabase(config);
  try {
    const summary = await writeBackup(handle, file, {
      now: systemClock.now(),
      secretFingerprint: secretFingerprint(loadSecrets(config)),
    });
    const rows = summary.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    process.stdout.write(
      `Backup written to ${file}: ${summary.manifest.tables.length} tables, ${rows} rows, ` +
        `${summary.manifest.chainHeads.dossiers} dossiers, ${summary.manifest.documents.count} documents, ` +
        `${summary.bytes} bytes.\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

/** Exit 0 when restored and verified; 1 when refused or damaged, with the target left as it was. */
export async function restoreCommand(args: string[]): Promise<number> {
  const file = fileArgument(args, 'restore');
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist.`);
  const config = loadConfig();
  const handle = await openDatabase(config);
  try {
    const report = await restoreBackup(handle, file, {
      secretFingerprint: secretFingerprint(loadSecrets(config)),
      onTable: (table, rows) => process.stdout.write(`  ${table}: ${rows}\n`),
    });
    process.stdout.write(
      `Restored from ${file} (made ${report.header.createdAt} on ${report.header.engine}): ` +
        `${report.dossiers} dossiers with ${report.eventsChecked} events, every chain intact; ` +
        `${report.documents} documents, every digest correct.\n`,
    );
    if (report.migratedAfterwards.length > 0) {
      process.stdout.write(`Migrated afterwards: ${report.migratedAfterwards.join(', ')}\n`);
    }
    if (report.sameSecret === false) {
      process.stdout.write(
        'Warning: this installation has another SECRET_KEY than the one that made the backup. ' +
          'Stored mailbox passwords cannot be opened (enter them again in the settings) and replies ' +
          'to earlier letters are not recognised by their Message-ID. Use the old SECRET_KEY to avoid this.\n',
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof RestoreRefusedError || error instanceof BackupFormatError) {
      process.stderr.write(`Restore refused: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
