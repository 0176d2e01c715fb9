import pino from 'pino';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { isUuid } from '../ids.ts';
import { reprocessQuarantinedMail } from '../intake/mail-intake.ts';
import { loadSecrets } from '../secrets.ts';
import { UsageError } from './usage-error.ts';

/** `klachtwijzer reprocess-mail <id> [--accept-own-address]`: a quarantined message, processed after all. */
export async function reprocessMailCommand(args: string[]): Promise<number> {
  const id = args.find((a) => !a.startsWith('--'));
  if (!id || !isUuid(id))
    throw new UsageError('Usage: klachtwijzer reprocess-mail <mail-message-id> [--accept-own-address]');
  const config = loadConfig();
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const row = await handle.db
      .selectFrom('mail_messages')
      .select(['organisation_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) {
      process.stderr.write(`No stored message with id ${id}.\n`);
      return 1;
    }
    const classification = await reprocessQuarantinedMail(
      {
        db: handle.db,
        clock: systemClock,
        secrets: loadSecrets(config),
        log: pino({ level: config.logLevel }),
        maxMessageBytes: config.maxMailBytes,
        maxAttachmentBytes: config.maxAttachmentBytes,
      },
      row.organisation_id,
      id,
      { acceptOwnAddress: args.includes('--accept-own-address') },
    );
    process.stdout.write(`Message ${id}: ${classification}\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
