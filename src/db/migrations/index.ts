import type { MigrationStatements } from '../migration-statements.ts';
import { migration as foundation } from './0001-foundation.ts';
import { migration as procedure } from './0002-procedure.ts';
import { migration as intake } from './0003-intake.ts';
import { migration as letters } from './0004-letters.ts';
import { migration as access } from './0005-access.ts';
import { migration as identity } from './0006-identity.ts';
import { migration as portal } from './0007-portal.ts';
import { migration as letterFiling } from './0008-letter-filing.ts';
import { migration as reports } from './0009-reports.ts';
import { migration as privacy } from './0010-privacy.ts';
import { migration as performance } from './0011-performance.ts';
import { migration as letterWorkflow } from './0012-letter-workflow.ts';
import { migration as exportsLog } from './0013-exports.ts';
import { migration as search } from './0014-search.ts';
import { migration as singleSignOn } from './0015-single-sign-on.ts';
import { migration as sharedLimits } from './0016-shared-limits.ts';
import { migration as bulkAssignments } from './0017-bulk-assignments.ts';
import { migration as employeeAndCancellationRetention } from './0018-employee-and-cancellation-retention.ts';
import { migration as publicFormDrafts } from './0019-public-form-drafts.ts';
import { migration as ownSessionsAndSsoLogout } from './0020-own-sessions-and-sso-logout.ts';

/** Every migration in the order it was released. Append only. */
export const MIGRATIONS: readonly MigrationStatements[] = [
  foundation,
  procedure,
  intake,
  letters,
  access,
  identity,
  portal,
  letterFiling,
  reports,
  privacy,
  performance,
  letterWorkflow,
  exportsLog,
  search,
  singleSignOn,
  sharedLimits,
  bulkAssignments,
  employeeAndCancellationRetention,
  publicFormDrafts,
  ownSessionsAndSsoLogout,
];
