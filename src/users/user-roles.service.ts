import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { ClientInfo } from '../auth/identity-deps.ts';
import { insertSecurityEvent } from '../auth/security-event.repository.ts';
import { findUserRowForUpdate } from '../auth/user-credential.repository.ts';
import type { Clock } from '../clock.ts';
import type { Database, Role } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { toUserView, type UserView } from './user.service.ts';

/**
 * Changing what someone may do. Sessions read the roles from the account on every request, so the
 * change applies at once, in every open session. An administrator cannot take their own
 * administrator role away: somebody must be left who can give it back.
 */
export async function changeUserRoles(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  userId: string,
  requested: readonly Role[],
  client: ClientInfo,
): Promise<UserView> {
  requireRole(context, ['admin']);
  const roles = [...new Set(requested)];
  if (roles.length === 0) {
    throw new ValidationError('Kies ten minste één rol.', [
      { field: '/roles', message: 'Kies ten minste één rol.' },
    ]);
  }
  if (userId === context.userId && !roles.includes('admin')) {
    throw new ConflictError('U kunt uw eigen rol van beheerder niet weghalen.', 'cannot_demote_self');
  }
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const user = await findUserRowForUpdate(tx, context.organisationId, userId);
    if (!user) throw new NotFoundError('De gebruiker');
    if (user.disabled_at !== null)
      throw new ConflictError('Deze gebruiker is uitgeschakeld.', 'user_disabled');
    const updated = await tx
      .updateTable('users')
      .set({ roles })
      .where('organisation_id', '=', context.organisationId)
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertSecurityEvent(tx, {
      organisationId: context.organisationId,
      userId,
      type: 'roles_changed',
      at: now,
      actorId: context.userId,
      clientAddress: client.address,
      details: { from: user.roles.join(','), to: roles.join(',') },
    });
    return toUserView(updated);
  });
}
