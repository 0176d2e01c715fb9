import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { NotFoundError } from '../errors.ts';
import { requireRole, type AccessContext } from './access-context.ts';
import type { ClientInfo } from './identity-deps.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { deleteUserSessions } from './session.repository.ts';
import { findUserRowForUpdate } from './user-credential.repository.ts';

type Deps = { db: Kysely<Database>; clock: Clock };

/**
 * ASVS 7.4.5: the administrator ends a user's sessions without disabling the account (a lost
 * laptop, a suspicion). The user can sign in again at once; API tokens are not sessions and stay.
 */
export async function endUserSessions(
  deps: Deps,
  context: AccessContext,
  userId: string,
  client: ClientInfo,
): Promise<{ ended: number }> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const user = await findUserRowForUpdate(tx, context.organisationId, userId);
    if (!user) throw new NotFoundError('De gebruiker');
    const ended = await deleteUserSessions(tx, context.organisationId, userId);
    await insertSecurityEvent(tx, {
      organisationId: context.organisationId,
      userId,
      type: 'sessions_ended',
      at: now,
      actorId: context.userId,
      clientAddress: client.address,
      details: { reason: 'administrator', count: ended },
    });
    return { ended };
  });
}

/**
 * ASVS 7.4.5, everyone at once (a suspected breach): every session of the organisation ends except
 * the administrator's own, which would otherwise cut off the person acting on it.
 */
export async function endAllSessions(
  deps: Deps,
  context: AccessContext,
  currentSessionId: string | null,
  client: ClientInfo,
): Promise<{ ended: number }> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    let query = tx.deleteFrom('sessions').where('organisation_id', '=', context.organisationId);
    if (currentSessionId !== null) query = query.where('id', '!=', currentSessionId);
    const result = await query.executeTakeFirst();
    const ended = Number(result.numDeletedRows);
    await insertSecurityEvent(tx, {
      organisationId: context.organisationId,
      userId: null,
      type: 'sessions_ended',
      at: now,
      actorId: context.userId,
      clientAddress: client.address,
      details: { reason: 'administrator_everyone', count: ended },
    });
    return { ended };
  });
}
