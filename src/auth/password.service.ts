import { withSystem, withTenant } from '../db/tenant.ts';
import { ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { findOrganisation, findOrganisationBySlug } from '../organisations/organisation.repository.ts';
import { findUserByEmail } from '../users/user.repository.ts';
import { addressKey, RESET_LINKS_PER_ACCOUNT_PER_HOUR } from './attempt-limits.ts';
import { passwordRejected, signInFailed, stepNotExpected, tooManyAttempts } from './auth-errors.ts';
import type { ClientInfo, IdentityDeps, IssuedLink } from './identity-deps.ts';
import { setPasswordThroughLink, type PasswordSetThroughLink } from './password-link.ts';
import { passwordProblems } from './password-policy.ts';
import { issueSecretToken } from './secret-token.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { deleteUserSessions } from './session.repository.ts';
import { startSession, type ResolvedSession, type StartedSession } from './session.service.ts';
import { nextStage } from './session-policy.ts';
import { recordSignInFailure } from './sign-in-failure.ts';
import { findUserRow, findUserRowForUpdate, updateUserCredentials } from './user-credential.repository.ts';
import { countTokensSince, insertUserToken, retireUserTokens } from './user-token.repository.ts';

export const RESET_LINK_LIFETIME_MS = 60 * 60_000;
export const RESET_PATH = '/wachtwoord-herstellen';

/**
 * Changing one's password: with the current one (ASVS 6.2.3), against the policy, and then every
 * session of the account ends — on other machines too — while this browser continues in a fresh
 * session (new id). Also the step a sign-in with a one-time password must take.
 */
export async function changePassword(
  deps: IdentityDeps,
  session: ResolvedSession,
  input: { currentPassword: string; newPassword: string; client: ClientInfo },
): Promise<StartedSession> {
  if (session.stage !== 'active' && session.stage !== 'change_password') throw stepNotExpected();
  const now = deps.clock.now();
  const key = addressKey(input.client.address);
  const wait = await deps.limits.failedSignIns.retryAfterMs(key, now);
  if (wait > 0) throw tooManyAttempts(wait);

  const { user, organisation } = await withTenant(deps.db, session.organisationId, async (tx) => ({
    user: await findUserRow(tx, session.organisationId, session.userId),
    organisation: await findOrganisation(tx, session.organisationId),
  }));
  if (!user || !organisation) throw signInFailed();
  const currentOk = await deps.passwords.verifyOrDummy(user.password_hash, input.currentPassword);
  if (!currentOk) {
    // A stolen session must not become a way to guess the password: this counts like a failed sign-in.
    await withTenant(deps.db, session.organisationId, async (tx) => {
      const row = await findUserRowForUpdate(tx, session.organisationId, session.userId);
      if (row) {
        await recordSignInFailure(tx, now, row, {
          type: 'login_failed',
          reason: 'wrong_current_password',
          clientAddress: input.client.address,
        });
      }
    });
    await deps.limits.failedSignIns.record(key, now);
    throw new ValidationError(
      'Het huidige wachtwoord klopt niet.',
      [{ field: '/currentPassword', message: 'Het huidige wachtwoord klopt niet.' }],
      'current_password_wrong',
    );
  }
  if (input.newPassword === input.currentPassword) {
    throw passwordRejected('/newPassword', ['Kies een ander wachtwoord dan het huidige.']);
  }
  const problems = passwordProblems(input.newPassword, {
    email: user.email,
    organisationSlug: organisation.slug,
    organisationName: organisation.name,
  });
  if (problems.length > 0) throw passwordRejected('/newPassword', problems);
  const passwordHash = await deps.passwords.hash(input.newPassword);

  return withTenant(deps.db, session.organisationId, async (tx) => {
    const row = await findUserRowForUpdate(tx, session.organisationId, session.userId);
    if (!row || row.disabled_at !== null || row.password_hash !== user.password_hash) throw signInFailed();
    await updateUserCredentials(tx, row.organisation_id, row.id, {
      password_hash: passwordHash,
      must_change_password: false,
      password_changed_at: now,
    });
    await retireUserTokens(tx, row.organisation_id, row.id, now, 'password_reset');
    const ended = await deleteUserSessions(tx, row.organisation_id, row.id);
    await insertSecurityEvent(tx, {
      organisationId: row.organisation_id,
      userId: row.id,
      type: 'password_changed',
      at: now,
      actorId: row.id,
      clientAddress: input.client.address,
      details: { sessionsEnded: ended },
    });
    const stage = nextStage({
      roles: row.roles,
      totpEnabled: row.totp_enabled_at !== null,
      mustChangePassword: false,
      secondFactorDone: session.stage === 'active' || session.secondFactorAt !== null,
    });
    if (stage === 'active' && session.stage !== 'active') {
      await updateUserCredentials(tx, row.organisation_id, row.id, { last_login_at: now });
      await insertSecurityEvent(tx, {
        organisationId: row.organisation_id,
        userId: row.id,
        type: 'login_succeeded',
        at: now,
        clientAddress: input.client.address,
        details: { factors: session.secondFactorAt ? 'password+totp' : 'password' },
      });
    }
    return startSession(tx, now, {
      organisationId: row.organisation_id,
      userId: row.id,
      stage,
      secondFactorAt: session.secondFactorAt,
      clientAddress: input.client.address,
      signInMethod: session.signInMethod,
      ssoSid: session.ssoSid,
      client: input.client,
      clientSummary: session.clientSummary,
      // Renewing an active session does not stretch its working day.
      ...(session.stage === 'active' ? { expiresAt: session.expiresAt } : {}),
    });
  });
}

/**
 * "Forgot my password": always the same answer, whether the address is known or not. For a known,
 * enabled account a single-use link valid for one hour is made (at most three an hour); only its
 * SHA-256 is stored. Earlier unused reset links of the account stop working.
 */
export async function requestPasswordReset(
  deps: IdentityDeps,
  input: { organisation: string; email: string; client: ClientInfo },
): Promise<void> {
  const now = deps.clock.now();
  const key = addressKey(input.client.address);
  const wait = await deps.limits.resetRequests.takeOrWait(key, now);
  if (wait > 0) throw tooManyAttempts(wait);

  const slug = input.organisation.trim().toLowerCase();
  const email = input.email.trim().toLowerCase();
  const organisation = await withSystem(deps.db, (tx) => findOrganisationBySlug(tx, slug));
  if (!organisation) return;
  const link = await withTenant(deps.db, organisation.id, async (tx): Promise<IssuedLink | undefined> => {
    const user = await findUserByEmail(tx, organisation.id, email);
    if (!user || user.disabled_at !== null) return undefined;
    const recent = await countTokensSince(
      tx,
      organisation.id,
      user.id,
      'password_reset',
      new Date(now.getTime() - 60 * 60_000),
    );
    if (recent >= RESET_LINKS_PER_ACCOUNT_PER_HOUR) return undefined;
    await retireUserTokens(tx, organisation.id, user.id, now, 'password_reset');
    const issued = issueSecretToken('password_reset', organisation.id);
    const expiresAt = new Date(now.getTime() + RESET_LINK_LIFETIME_MS);
    await insertUserToken(tx, {
      organisation_id: organisation.id,
      id: newId(),
      user_id: user.id,
      purpose: 'password_reset',
      secret_sha256: issued.secretSha256,
      created_at: now,
      created_by: null,
      expires_at: expiresAt,
      used_at: null,
    });
    await insertSecurityEvent(tx, {
      organisationId: organisation.id,
      userId: user.id,
      type: 'password_reset_requested',
      at: now,
      clientAddress: input.client.address,
    });
    return {
      organisationId: organisation.id,
      userId: user.id,
      token: issued.token,
      path: `${RESET_PATH}#${issued.token}`,
      expiresAt,
    };
  });
  if (link) deps.resetLinkSink?.(link);
}

export async function completePasswordReset(
  deps: IdentityDeps,
  input: { token: string; password: string; client: ClientInfo },
): Promise<PasswordSetThroughLink> {
  return setPasswordThroughLink(deps, 'password_reset', input);
}
