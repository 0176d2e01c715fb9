import type { Tx } from '../db/tenant.ts';
import type { UserRow } from '../db/schema.ts';
import { afterFailure } from './lockout-policy.ts';
import { insertSecurityEvent, type SecurityEventType } from './security-event.repository.ts';
import { deleteUserSessions } from './session.repository.ts';
import { updateUserCredentials } from './user-credential.repository.ts';

/**
 * Counts one failed proof of identity (password or second factor) against the account, inside the
 * caller's transaction on a row it locked. The failure that starts a lockout also ends every session
 * of the account, so a half-finished sign-in cannot go on guessing the second factor.
 */
export async function recordSignInFailure(
  tx: Tx,
  now: Date,
  user: UserRow,
  input: { type: SecurityEventType; reason: string; clientAddress: string },
): Promise<{ locked: boolean }> {
  const next = afterFailure(
    {
      failedLoginCount: user.failed_login_count,
      lockoutCount: user.lockout_count,
      lockedUntil: user.locked_until === null ? null : new Date(user.locked_until),
    },
    now,
  );
  await updateUserCredentials(tx, user.organisation_id, user.id, {
    failed_login_count: next.failedLoginCount,
    lockout_count: next.lockoutCount,
    locked_until: next.lockedUntil,
  });
  await insertSecurityEvent(tx, {
    organisationId: user.organisation_id,
    userId: user.id,
    type: input.type,
    at: now,
    clientAddress: input.clientAddress,
    details: { reason: input.reason },
  });
  if (next.locked) {
    await insertSecurityEvent(tx, {
      organisationId: user.organisation_id,
      userId: user.id,
      type: 'account_locked',
      at: now,
      clientAddress: input.clientAddress,
      details: { until: next.lockedUntil!.toISOString(), lockout: next.lockoutCount },
    });
    await deleteUserSessions(tx, user.organisation_id, user.id);
  }
  return { locked: next.locked };
}
