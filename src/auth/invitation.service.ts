import { requireRole, type AccessContext } from './access-context.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { ClientInfo, IdentityDeps, IssuedLink } from './identity-deps.ts';
import { setPasswordThroughLink, type PasswordSetThroughLink } from './password-link.ts';
import { issueSecretToken } from './secret-token.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { findUserRowForUpdate } from './user-credential.repository.ts';
import { insertUserToken, retireUserTokens } from './user-token.repository.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
export const INVITATION_PATH = '/uitnodiging';

/**
 * An administrator invites a new colleague: a single-use link, valid for seven days, with which the
 * colleague chooses a password. Only its SHA-256 is stored, so the link is shown once; a new
 * invitation makes the previous one unusable. Accounts that already have a password get no
 * invitation — a forgotten password goes through "wachtwoord vergeten", so an administrator never
 * holds a way into someone's working account.
 */
export async function inviteUser(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  context: AccessContext,
  userId: string,
  client: ClientInfo,
): Promise<IssuedLink> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, (tx) =>
    issueInvitation(tx, context, userId, client, now),
  );
}

/** In the caller's transaction, so creating an account and its invitation is one step. */
export async function issueInvitation(
  tx: Tx,
  context: AccessContext,
  userId: string,
  client: ClientInfo,
  now: Date,
): Promise<IssuedLink> {
  const user = await findUserRowForUpdate(tx, context.organisationId, userId);
  if (!user) throw new NotFoundError('De gebruiker');
  if (user.disabled_at !== null) {
    throw new ConflictError('Deze gebruiker is uitgeschakeld.', 'user_disabled');
  }
  if (user.password_hash !== null) {
    throw new ConflictError(
      'Deze gebruiker heeft al een wachtwoord. Laat hem of haar "wachtwoord vergeten" gebruiken.',
      'user_already_active',
    );
  }
  await retireUserTokens(tx, context.organisationId, userId, now, 'invitation');
  const issued = issueSecretToken('invitation', context.organisationId);
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  await insertUserToken(tx, {
    organisation_id: context.organisationId,
    id: newId(),
    user_id: userId,
    purpose: 'invitation',
    secret_sha256: issued.secretSha256,
    created_at: now,
    created_by: context.userId,
    expires_at: expiresAt,
    used_at: null,
  });
  await insertSecurityEvent(tx, {
    organisationId: context.organisationId,
    userId,
    type: 'invitation_created',
    at: now,
    actorId: context.userId,
    clientAddress: client.address,
    details: { expiresAt: expiresAt.toISOString() },
  });
  return {
    organisationId: context.organisationId,
    userId,
    token: issued.token,
    path: `${INVITATION_PATH}#${issued.token}`,
    expiresAt,
  };
}

export async function acceptInvitation(
  deps: IdentityDeps,
  input: { token: string; password: string; client: ClientInfo },
): Promise<PasswordSetThroughLink> {
  return setPasswordThroughLink(deps, 'invitation', input);
}
