import { withTenant } from '../db/tenant.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { findOrganisation } from '../organisations/organisation.repository.ts';
import { addressKey } from './attempt-limits.ts';
import { signInFailed, stepNotExpected, tooManyAttempts } from './auth-errors.ts';
import { encodeBase32 } from './base32.ts';
import type { ClientInfo, IdentityDeps } from './identity-deps.ts';
import { newRecoveryCodes, normaliseRecoveryCode, recoveryCodeDigest } from './recovery-codes.ts';
import { replaceRecoveryCodes } from './recovery-code.repository.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { deleteUserSessions } from './session.repository.ts';
import { startSession, type ResolvedSession, type StartedSession } from './session.service.ts';
import { nextStage } from './session-policy.ts';
import { recordSignInFailure } from './sign-in-failure.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';
import { openTotpSecret, sealTotpSecret } from './totp-secret.ts';
import { findUserRow, findUserRowForUpdate, updateUserCredentials } from './user-credential.repository.ts';

export const TOTP_ISSUER = 'Klachtwijzer';

export interface TotpEnrolment {
  /** Base32, for typing into the app by hand; shown once. */
  secret: string;
  otpauthUri: string;
}

/**
 * Starts (or, from an active session, replaces) the second factor. A fresh seed is kept aside,
 * encrypted, until a code from the app confirms it; the current factor stays in force until then.
 * From an active session the password is asked again first (ASVS 7.5.1): a session left open on
 * someone's desk must not be enough to take over the second factor.
 */
export async function beginTotpEnrolment(
  deps: IdentityDeps,
  session: ResolvedSession,
  input: { password?: string | undefined; client: ClientInfo },
): Promise<TotpEnrolment> {
  if (session.stage !== 'enrol_totp' && session.stage !== 'active') throw stepNotExpected();
  const now = deps.clock.now();
  const { user, organisation } = await withTenant(deps.db, session.organisationId, async (tx) => ({
    user: await findUserRow(tx, session.organisationId, session.userId),
    organisation: await findOrganisation(tx, session.organisationId),
  }));
  if (!user || !organisation) throw signInFailed();
  if (session.stage === 'active') {
    const key = addressKey(input.client.address);
    const wait = await deps.limits.failedSignIns.retryAfterMs(key, now);
    if (wait > 0) throw tooManyAttempts(wait);
    if (!(await deps.passwords.verifyOrDummy(user.password_hash, input.password ?? ''))) {
      await withTenant(deps.db, session.organisationId, async (tx) => {
        const row = await findUserRowForUpdate(tx, session.organisationId, session.userId);
        if (row) {
          await recordSignInFailure(tx, now, row, {
            type: 'login_failed',
            reason: 'wrong_password_for_enrolment',
            clientAddress: input.client.address,
          });
        }
      });
      await deps.limits.failedSignIns.record(key, now);
      throw new ValidationError(
        'Het wachtwoord klopt niet.',
        [{ field: '/password', message: 'Vul uw huidige wachtwoord in.' }],
        'current_password_wrong',
      );
    }
  }
  const secret = newTotpSecret();
  await withTenant(deps.db, session.organisationId, (tx) =>
    updateUserCredentials(tx, session.organisationId, session.userId, {
      totp_pending_secret_encrypted: sealTotpSecret(deps.secrets.storedSecretKey, secret),
    }),
  );
  return {
    secret: encodeBase32(secret),
    otpauthUri: otpauthUri(secret, TOTP_ISSUER, `${user.email} (${organisation.slug})`),
  };
}

export interface ConfirmedTotp {
  session: StartedSession;
  /** Shown once; only their SHA-256 is stored. */
  recoveryCodes: string[];
}

/**
 * A code from the app proves it holds the new seed. Then the seed becomes the factor, new recovery
 * codes replace the old ones, and every session of the account ends (ASVS 7.4.3) while this browser
 * continues in a fresh one.
 */
export async function confirmTotpEnrolment(
  deps: IdentityDeps,
  session: ResolvedSession,
  input: { code: string; client: ClientInfo },
): Promise<ConfirmedTotp> {
  if (session.stage !== 'enrol_totp' && session.stage !== 'active') throw stepNotExpected();
  const now = deps.clock.now();
  const recoveryCodes = newRecoveryCodes();
  return withTenant(deps.db, session.organisationId, async (tx) => {
    const user = await findUserRowForUpdate(tx, session.organisationId, session.userId);
    if (!user || user.disabled_at !== null) throw signInFailed();
    if (user.totp_pending_secret_encrypted === null) {
      throw new ConflictError('Start eerst het instellen van de authenticator-app.', 'enrolment_not_started');
    }
    const secret = openTotpSecret(deps.secrets.storedSecretKey, user.totp_pending_secret_encrypted);
    const step = matchTotp(secret, input.code.replaceAll(/\s/g, ''), now, null);
    if (step === undefined) {
      throw new ValidationError(
        'De code klopt niet. Controleer of de tijd op uw telefoon juist staat en probeer de volgende code.',
        [{ field: '/code', message: 'De code klopt niet.' }],
        'totp_code_wrong',
      );
    }
    await updateUserCredentials(tx, user.organisation_id, user.id, {
      totp_secret_encrypted: user.totp_pending_secret_encrypted,
      totp_pending_secret_encrypted: null,
      totp_enabled_at: now,
      totp_last_step: step,
    });
    await replaceRecoveryCodes(
      tx,
      user.organisation_id,
      user.id,
      recoveryCodes.map((code) => recoveryCodeDigest(normaliseRecoveryCode(code)!)),
      now,
    );
    const ended = await deleteUserSessions(tx, user.organisation_id, user.id);
    await insertSecurityEvent(tx, {
      organisationId: user.organisation_id,
      userId: user.id,
      type: 'totp_enrolled',
      at: now,
      actorId: user.id,
      clientAddress: input.client.address,
      details: { sessionsEnded: ended, replaced: user.totp_enabled_at !== null },
    });
    const stage = nextStage({
      roles: user.roles,
      totpEnabled: true,
      mustChangePassword: session.signInMethod === 'password' && user.must_change_password,
      secondFactorDone: true,
    });
    if (stage === 'active' && session.stage !== 'active') {
      await updateUserCredentials(tx, user.organisation_id, user.id, { last_login_at: now });
      await insertSecurityEvent(tx, {
        organisationId: user.organisation_id,
        userId: user.id,
        type: 'login_succeeded',
        at: now,
        clientAddress: input.client.address,
        details: { factors: `${session.signInMethod}+totp` },
      });
    }
    const next = await startSession(tx, now, {
      organisationId: user.organisation_id,
      userId: user.id,
      stage,
      secondFactorAt: now,
      clientAddress: input.client.address,
      signInMethod: session.signInMethod,
      ssoSid: session.ssoSid,
      client: input.client,
      clientSummary: session.clientSummary,
      ...(session.stage === 'active' ? { expiresAt: session.expiresAt } : {}),
    });
    return { session: next, recoveryCodes };
  });
}
