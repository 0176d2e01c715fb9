import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import { withTenant } from '../../db/tenant.ts';
import { NotFoundError } from '../../errors.ts';
import { requireRole, type AccessContext } from '../access-context.ts';
import type { ClientInfo } from '../identity-deps.ts';
import { insertSecurityEvent } from '../security-event.repository.ts';
import { deleteUserSsoSessions } from '../session.repository.ts';
import { findUserRowForUpdate } from '../user-credential.repository.ts';
import { deleteIdentitiesOfUser, listIdentities } from './sso.repository.ts';

export interface SsoIdentityView {
  userId: string;
  issuer: string;
  linkedAt: Date;
  lastUsedAt: Date | null;
}

type Deps = { db: Kysely<Database>; clock: Clock };

/** Which users are linked to an account at the identity provider (administrator). The subject stays inside. */
export async function listSsoIdentities(deps: Deps, context: AccessContext): Promise<SsoIdentityView[]> {
  requireRole(context, ['admin']);
  const rows = await withTenant(deps.db, context.organisationId, (tx) =>
    listIdentities(tx, context.organisationId),
  );
  return rows.map((row) => ({
    userId: row.user_id,
    issuer: row.issuer,
    linkedAt: new Date(row.linked_at),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
  }));
}

/**
 * Unlinking: the next single sign-on finds the account again by verified e-mail address (and links
 * it anew), so this is how an administrator repairs a link to the wrong provider account. The
 * sessions that came through the old link end in the same transaction; password sessions stay.
 */
export async function unlinkSsoIdentity(
  deps: Deps,
  context: AccessContext,
  userId: string,
  client: ClientInfo,
): Promise<{ unlinked: number; sessionsEnded: number }> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const user = await findUserRowForUpdate(tx, context.organisationId, userId);
    if (!user) throw new NotFoundError('De gebruiker');
    const removed = await deleteIdentitiesOfUser(tx, context.organisationId, userId);
    if (removed.length === 0)
      throw new NotFoundError('De koppeling met de identiteitsprovider', 'sso_identity_not_found');
    const sessionsEnded = await deleteUserSsoSessions(tx, context.organisationId, userId);
    await insertSecurityEvent(tx, {
      organisationId: context.organisationId,
      userId,
      type: 'sso_unlinked',
      at: now,
      actorId: context.userId,
      clientAddress: client.address,
      details: { issuer: removed.join(' '), sessionsEnded },
    });
    return { unlinked: removed.length, sessionsEnded };
  });
}
