import { parseArgs } from 'node:util';
import { systemContext } from '../auth/access-context.ts';
import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { withSystem } from '../db/tenant.ts';
import { isLocalDate } from '../domain/calendar/local-date.ts';
import { columnPolicyMarkdown } from '../domain/privacy/column-policy.ts';
import { anonymiseDueDossiers, previewAnonymisation } from '../privacy/anonymisation.service.ts';
import { UsageError } from './usage-error.ts';

const USAGE = 'Usage: klachtwijzer anonymise <organisation-slug> [--preview [--month YYYY-MM]]';

/**
 * `klachtwijzer anonymise <slug>`: the nightly retention run, now, for one organisation (an
 * operator's tool; the API offers the same to the coordinator). `--preview` only lists what the
 * run will take by the end of the month, held dossiers marked. One JSON object per line.
 */
export async function anonymiseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { preview: { type: 'boolean' }, month: { type: 'string' } },
  });
  const [slug] = positionals;
  if (!slug || positionals.length > 1) throw new UsageError(USAGE);
  const day = values.month === undefined ? undefined : `${values.month}-01`;
  if (day !== undefined && (!values.preview || !isLocalDate(day))) throw new UsageError(USAGE);

  const handle = await openDatabase(loadConfig());
  try {
    await migrateToLatest(handle.db);
    const organisation = await withSystem(handle.db, (tx) =>
      tx.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst(),
    );
    if (!organisation) {
      process.stderr.write(`No organisation with slug "${slug}".\n`);
      return 1;
    }
    const deps = { db: handle.db, clock: systemClock };
    if (values.preview) {
      const preview = await previewAnonymisation(deps, systemContext(organisation.id), day);
      for (const entry of preview.entries) process.stdout.write(`${JSON.stringify(entry)}\n`);
      for (const entry of preview.cancellations) process.stdout.write(`${JSON.stringify(entry)}\n`);
      process.stdout.write(
        `${preview.entries.length} dossier(s) due by ${preview.month.last} (retention ${preview.retentionYears} years).\n` +
          `${preview.cancellations.length} cancellation request(s) without a complaint due ` +
          `(retention ${preview.cancellationRetentionYears} years).\n`,
      );
      return 0;
    }
    const run = await anonymiseDueDossiers(deps, organisation.id, { kind: 'system', id: null });
    for (const reference of run.anonymised)
      process.stdout.write(`${JSON.stringify({ anonymised: reference })}\n`);
    for (const reference of run.held) process.stdout.write(`${JSON.stringify({ held: reference })}\n`);
    process.stdout.write(
      `${run.anonymised.length} anonymised, ${run.held.length} kept under a legal hold.\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

/** `klachtwijzer privacy-columns`: the table in docs/privacy.md, from the code. */
export function privacyColumnsCommand(): number {
  process.stdout.write(`${columnPolicyMarkdown()}\n`);
  return 0;
}
