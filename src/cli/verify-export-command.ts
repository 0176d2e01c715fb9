import { verifyExportFile } from '../exports/verify-export.ts';
import { UsageError } from './usage-error.ts';

/**
 * `klachtwijzer verify-export <zip>`: recomputes every SHA-256 of a dossier export, checks its event
 * chain up to the recorded head and that every document the chain names is there. Needs no
 * database. Exit 0 when complete and unchanged, 1 naming the first mismatch.
 */
export async function verifyExportCommand(args: readonly string[]): Promise<number> {
  const [path] = args;
  if (path === undefined || args.length !== 1)
    throw new UsageError('Usage: klachtwijzer verify-export <zip>');
  const report = await verifyExportFile(path);
  const first = report.problems[0];
  if (!first) {
    process.stdout.write(
      `OK: ${report.reference}: ${report.filesChecked} files match the manifest; ` +
        `${report.eventsChecked} events chain up to sequence ${report.chainHead?.sequence} ` +
        `(${report.chainHead?.hash ?? 'no events'}).\n`,
    );
    return 0;
  }
  process.stdout.write(
    `MISMATCH: ${report.reference ?? path}: ${report.problems.length} problem(s).\n` +
      `First: ${first.path ?? '(export)'}: ${first.message}\n`,
  );
  for (const problem of report.problems.slice(1)) {
    process.stdout.write(`  also: ${problem.path ?? '(export)'}: ${problem.message}\n`);
  }
  return 1;
}
