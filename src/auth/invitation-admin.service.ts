import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, Role } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { createUserRow } from '../users/user.service.ts';
import type { UserView } from '../users/user.service.ts';
import { requireRole, type AccessContext } from './access-context.ts';
import type { ClientInfo, IssuedLink } from './identity-deps.ts';
import { issueInvitation } from './invitation.service.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { findUserRowForUpdate } from './user-credential.repository.ts';
import { retireUserTokens } from './user-token.repository.ts';

/**
 * The administrator's invitations as a list to manage: invite someone new in one step (account and
 * link together, so no account is left without a way in), see which invitations are still open,
 * and revoke one (a link sent to the wrong address, someone who will not start after all).
 */
export async function inviteNewUser(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  input: { email: string; displayName: string; roles: Role[] },
  client: ClientInfo,
): Promise<{ user: UserView; invitation: IssuedLink }> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const user = await createUserRow(tx, context, input, now);
    const invitation = await issueInvitation(tx, context, user.id, client, now);
    return { user, invitation };
  });
}

export interface PendingInvitationView {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  invitedAt: Date;
  invitedBy: string | null;
  expiresAt: Date;
}

/** Unused, unexpired invitation links of accounts that are not disabled, newest first. */
export async function listPendingInvitations(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
): Promise<PendingInvitationView[]> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  const rows = await withTenant(deps.db, context.organisationId, (tx) =>
    tx
      .selectFrom('user_tokens as t')
      .innerJoin('users as u', (join) =>
        join.onRef('u.organisation_id', '=', 't.organisation_id').onRef('u.id', '=', 't.user_id'),
      )
      .select([
        't.user_id',
        'u.email',
        'u.display_name',
        'u.roles',
        't.created_at',
        't.created_by',
        't.expires_at',
      ])
      .where('t.organisation_id', '=', context.organisationId)
      .where('t.purpose', '=', 'invitation')
      .where('t.used_at', 'is', null)
      .where('t.expires_at', '>', now)
      .where('u.disabled_at', 'is', null)
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id')
      .execute(),
  );
  return rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    invitedAt: new Date(row.created_at),
    invitedBy: row.created_by,
    expiresAt: new Date(row.expires_at),
  }));
}

/** The open link stops working; the account stays (without a password) until invited again. */
export async function revokeInvitation(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  userId: string,
  client: ClientInfo,
): Promise<void> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  await withTenant(deps.db, context.organisationId, async (tx) => {
    const user = await findUserRowForUpdate(tx, context.organisationId, userId);
    if (!user) throw new NotFoundError('De gebruiker');
    const open = await tx
      .selectFrom('user_tokens')
      .select('id')
      .where('organisation_id', '=', context.organisationId)
      .where('user_id', '=', userId)
      .where('purpose', '=', 'invitation')
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!open)
      throw new ConflictError('Deze gebruiker heeft geen openstaande uitnodiging.', 'no_open_invitation');
    await retireUserTokens(tx, context.organisationId, userId, now, 'invitation');
    await insertSecurityEvent(tx, {
      organisationId: context.organisationId,
      userId,
      type: 'invitation_revoked',
      at: now,
      actorId: context.userId,
      clientAddress: client.address,
    });
  });
}
