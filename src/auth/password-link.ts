import type { UserTokenPurpose } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { findOrganisation } from '../organisations/organisation.repository.ts';
import { addressKey } from './attempt-limits.ts';
import { linkInvalid, passwordRejected, tooManyAttempts } from './auth-errors.ts';
import type { ClientInfo, IdentityDeps } from './identity-deps.ts';
import { passwordProblems } from './password-policy.ts';
import { parseSecretToken, sha256Hex } from './secret-token.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { deleteUserSessions } from './session.repository.ts';
import { findUserRow, updateUserCredentials } from './user-credential.repository.ts';
import { consumeUserToken, retireUserTokens } from './user-token.repository.ts';

export interface PasswordSetThroughLink {
  organisationId: string;
  organisationSlug: string;
  userId: string;
  email: string;
}

/**
 * Sets a password with an invitation or reset link. The link is looked up first without using it,
 * so a password the policy refuses leaves the link usable; then, in one transaction, the link is
 * used (only an unused, unexpired one matches), the password set, a lockout lifted (the link proves
 * control of the mailbox), every open link of the user retired and every session ended. The user
 * then signs in normally, second factor included: a link never bypasses it (ASVS 6.4.3).
 */
export async function setPasswordThroughLink(
  deps: IdentityDeps,
  purpose: UserTokenPurpose,
  input: { token: string; password: string; client: ClientInfo },
): Promise<PasswordSetThroughLink> {
  const now = deps.clock.now();
  const key = addressKey(input.client.address);
  const wait = await deps.limits.failedLinks.retryAfterMs(key, now);
  if (wait > 0) throw tooManyAttempts(wait);
  const refuse = async (): Promise<never> => {
    await deps.limits.failedLinks.record(key, now);
    throw linkInvalid();
  };

  const parsed = parseSecretToken(purpose, input.token);
  if (!parsed) return refuse();
  const { organisationId } = parsed;
  const digest = sha256Hex(parsed.secret);
  const found = await withTenant(deps.db, organisationId, async (tx) => {
    const link = await tx
      .selectFrom('user_tokens')
      .select(['user_id'])
      .where('organisation_id', '=', organisationId)
      .where('secret_sha256', '=', digest)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    const user = link ? await findUserRow(tx, organisationId, link.user_id) : undefined;
    const organisation = await findOrganisation(tx, organisationId);
    return user && organisation && user.disabled_at === null ? { user, organisation } : undefined;
  });
  if (!found) return refuse();

  const problems = passwordProblems(input.password, {
    email: found.user.email,
    organisationSlug: found.organisation.slug,
    organisationName: found.organisation.name,
  });
  if (problems.length > 0) throw passwordRejected('/password', problems);
  const passwordHash = await deps.passwords.hash(input.password);

  const used = await withTenant(deps.db, organisationId, async (tx) => {
    const userId = await consumeUserToken(tx, organisationId, purpose, digest, now);
    if (userId !== found.user.id) return false;
    await updateUserCredentials(tx, organisationId, userId, {
      password_hash: passwordHash,
      must_change_password: false,
      password_changed_at: now,
      failed_login_count: 0,
      lockout_count: 0,
      locked_until: null,
    });
    await retireUserTokens(tx, organisationId, userId, now);
    const ended = await deleteUserSessions(tx, organisationId, userId);
    await insertSecurityEvent(tx, {
      organisationId,
      userId,
      type: purpose === 'invitation' ? 'invitation_accepted' : 'password_reset_completed',
      at: now,
      clientAddress: input.client.address,
      details: { sessionsEnded: ended },
    });
    return true;
  });
  if (!used) return refuse();
  return {
    organisationId,
    organisationSlug: found.organisation.slug,
    userId: found.user.id,
    email: found.user.email,
  };
}
