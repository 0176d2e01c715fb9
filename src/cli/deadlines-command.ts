import { UsageError } from './usage-error.ts';

export async function deadlinesCommand(args: string[]): Promise<number> {
  throw new UsageError(`deadlines: ${args.length} argument(s); the calendar module is still being built`);
}
