import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { recordChainVerification } from '../dossier/chain-verification.ts';
import { systemClock } from '../clock.ts';

const REASONS: Record<string, string> = {
  hash_mismatch: 'the event content does not match its hash (edited)',
  previous_hash_mismatch: 'the event does not point to the hash of the event before it',
  sequence_gap: 'an event is missing at this position',
  head_mismatch: 'the newest event recorded on the complaint is missing or different',
  foreign_event: 'an event of another dossier sits in this chain',
};

/** Exit 0 when every chain is intact, 1 when one is broken (naming the first), for cron and CI. */
export async function verifyLogCommand(): Promise<number> {
  const config = loadConfig();
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const report = await recordChainVerification(handle.db, systemClock);
    const summary = `${report.complaintsChecked} dossiers, ${report.eventsChecked} events checked`;
    const first = report.broken[0];
    if (!first) {
      process.stdout.write(`OK: ${summary}; every event chain is intact.\n`);
      return 0;
    }
    process.stdout.write(
      `BROKEN: ${summary}; ${report.broken.length} dossier(s) with a broken chain.\n` +
        `First broken event: complaint ${first.reference} (${first.complaintId}), ` +
        `organisation ${first.organisationId}, sequence ${first.sequence}` +
        `${first.eventId ? `, event ${first.eventId}` : ''}: ${REASONS[first.reason] ?? first.reason}.\n`,
    );
    for (const broken of report.broken.slice(1)) {
      process.stdout.write(`  also: ${broken.reference} sequence ${broken.sequence}: ${broken.reason}\n`);
    }
    return 1;
  } finally {
    await handle.close();
  }
}
