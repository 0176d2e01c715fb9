import type { MigrationStatements } from '../migration-statements.ts';
import { migration as foundation } from './0001-foundation.ts';
import { migration as procedure } from './0002-procedure.ts';

/** Every migration in the order it was released. Append only. */
export const MIGRATIONS: readonly MigrationStatements[] = [foundation, procedure];
