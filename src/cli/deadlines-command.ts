import {
  computeDeadlines,
  createWorkingDayCalendar,
  DEFAULT_PROCEDURE_TERMS,
} from '../domain/calendar/index.ts';
import { parseIsoTimestamp } from '../domain/iso-timestamp.ts';
import { UsageError } from './usage-error.ts';

/**
 * `klachtwijzer deadlines <received>...`: one JSON line per moment of receipt, default calendar and
 * default procedure. All arguments are checked before anything is printed, so a script never gets
 * half an answer.
 */
export async function deadlinesCommand(args: string[]): Promise<number> {
  if (args.length === 0) {
    throw new UsageError(
      'Usage: klachtwijzer deadlines <received-timestamp>...  (ISO 8601 with offset or Z)',
    );
  }
  const instants = args.map((arg) => {
    const parsed = parseIsoTimestamp(arg);
    if (!parsed.ok) throw new UsageError(`Not a valid ISO 8601 timestamp: "${arg}" (${parsed.reason})`);
    return parsed.instant;
  });
  const calendar = createWorkingDayCalendar();
  const lines = instants.map((instant) => {
    const d = computeDeadlines(instant, DEFAULT_PROCEDURE_TERMS, calendar);
    return JSON.stringify({
      received: d.received,
      acknowledgeBy: d.acknowledgeBy,
      missingInformationBy: d.missingInformationBy,
      decisionBy: d.decisionBy,
    });
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
