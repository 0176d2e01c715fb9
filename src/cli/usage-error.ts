/** A command line the program cannot run: exit code 2, message on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}
