import type { MigrationStatements } from '../migration-statements.ts';
import { migration as foundation } from './0001-foundation.ts';
import { migration as procedure } from './0002-procedure.ts';
import { migration as intake } from './0003-intake.ts';
import { migration as letters } from './0004-letters.ts';
import { migration as access } from './0005-access.ts';
import { migration as identity } from './0006-identity.ts';
import { migration as portal } from './0007-portal.ts';
import { migration as performance } from './0011-performance.ts';

/** Every migration in the order it was released. Append only. */
export const MIGRATIONS: readonly MigrationStatements[] = [
  foundation,
  procedure,
  intake,
  letters,
  access,
  identity,
  portal,
  performance,
];
