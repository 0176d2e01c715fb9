import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { toUserView, type UserView } from '../users/user.service.ts';
import { requireRole, type AccessContext } from './access-context.ts';
import type { ClientInfo } from './identity-deps.ts';
import { isLocked } from './lockout-policy.ts';
import { countUnusedRecoveryCodes } from './recovery-code.repository.ts';
import { insertSecurityEvent, listSecurityEvents } from './security-event.repository.ts';
import { countLiveSessions, deleteUserSessions } from './session.repository.ts';
import { IDLE_TIMEOUT_MS } from './session-policy.ts';
import { findUserRow, findUserRowForUpdate, updateUserCredentials } from './user-credential.repository.ts';
import { retireUserTokens } from './user-token.repository.ts';

/**
 * Disabling an account (someone leaves): sign-in stops, every session ends in the same transaction
 * (ASVS 7.4.2), open invitation and reset links stop working, and the account's API tokens are
 * refused from then on (their lookup checks the user). Nothing of the account's history is removed.
 */
export async function disableUser(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  userId: string,
  client: ClientInfo,
): Promise<UserView> {
  requireRole(context, ['admin']);
  if (userId === context.userId) {
    throw new ConflictError('U kunt uw eigen account niet uitschakelen.', 'cannot_disable_self');
  }
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const user = await findUserRowForUpdate(tx, context.organisationId, userId);
    if (!user) throw new NotFoundError('De gebruiker');
    if (user.disabled_at !== null) return toUserView(user);
    await updateUserCredentials(tx, context.organisationId, userId, { disabled_at: now });
    const ended = await deleteUserSessions(tx, context.organisationId, userId);
    await retireUserTokens(tx, context.organisationId, userId, now);
    await insertSecurityEvent(tx, {
      organisationId: context.organisationId,
      userId,
      type: 'user_disabled',
      at: now,
      actorId: context.userId,
      clientAddress: client.address,
      details: { sessionsEnded: ended },
    });
    return toUserView({ ...user, disabled_at: now });
  });
}

export interface SecurityEventView {
  type: string;
  at: Date;
  actorId: string | null;
  clientAddress: string | null;
  details: Record<string, unknown>;
}

export interface AccountSecurityView {
  userId: string;
  disabled: boolean;
  passwordSet: boolean;
  mustChangePassword: boolean;
  secondFactor: boolean;
  unusedRecoveryCodes: number;
  locked: boolean;
  lockedUntil: Date | null;
  failedAttempts: number;
  lastLoginAt: Date | null;
  passwordChangedAt: Date | null;
  activeSessions: number;
  lockouts: SecurityEventView[];
  lastLogins: SecurityEventView[];
  recentEvents: SecurityEventView[];
}

const EVENT_LIMIT = 100;

/** What the administrator sees of an account's sign-ins: lockouts, last logins, recent events. */
export async function getAccountSecurity(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  userId: string,
): Promise<AccountSecurityView> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const user = await findUserRow(tx, context.organisationId, userId);
    if (!user) throw new NotFoundError('De gebruiker');
    const events = (await listSecurityEvents(tx, context.organisationId, userId, EVENT_LIMIT)).map(
      (event): SecurityEventView => ({
        type: event.type,
        at: new Date(event.occurred_at),
        actorId: event.actor_id,
        clientAddress: event.client_address,
        details: event.details,
      }),
    );
    const lockedUntil = user.locked_until === null ? null : new Date(user.locked_until);
    return {
      userId: user.id,
      disabled: user.disabled_at !== null,
      passwordSet: user.password_hash !== null,
      mustChangePassword: user.must_change_password,
      secondFactor: user.totp_enabled_at !== null,
      unusedRecoveryCodes: await countUnusedRecoveryCodes(tx, context.organisationId, userId),
      locked: isLocked({ lockedUntil }, now),
      lockedUntil,
      failedAttempts: user.failed_login_count,
      lastLoginAt: user.last_login_at === null ? null : new Date(user.last_login_at),
      passwordChangedAt: user.password_changed_at === null ? null : new Date(user.password_changed_at),
      activeSessions: await countLiveSessions(
        tx,
        context.organisationId,
        userId,
        new Date(now.getTime() - IDLE_TIMEOUT_MS),
        now,
      ),
      lockouts: events.filter((event) => event.type === 'account_locked'),
      lastLogins: events.filter((event) => event.type === 'login_succeeded').slice(0, 10),
      recentEvents: events,
    };
  });
}
