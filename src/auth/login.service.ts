import type { UserRow } from '../db/schema.ts';
import { withSystem, withTenant } from '../db/tenant.ts';
import { findOrganisationBySlug } from '../organisations/organisation.repository.ts';
import { findUserByEmail } from '../users/user.repository.ts';
import { addressKey } from './attempt-limits.ts';
import { secondFactorFailed, signInFailed, stepNotExpected, tooManyAttempts } from './auth-errors.ts';
import type { ClientInfo, IdentityDeps } from './identity-deps.ts';
import { CLEARED_LOCK_STATE, isLocked } from './lockout-policy.ts';
import { normaliseRecoveryCode, recoveryCodeDigest } from './recovery-codes.ts';
import { useRecoveryCode } from './recovery-code.repository.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { deleteSession, deleteUserSessions } from './session.repository.ts';
import {
  discardSessionToken,
  startSession,
  type ResolvedSession,
  type StartedSession,
} from './session.service.ts';
import { nextStage } from './session-policy.ts';
import { recordSignInFailure } from './sign-in-failure.ts';
import { matchTotp } from './totp.ts';
import { openTotpSecret } from './totp-secret.ts';
import { acceptTotpStep, findUserRowForUpdate, updateUserCredentials } from './user-credential.repository.ts';

export interface LoginInput {
  organisation: string;
  email: string;
  password: string;
  /** The session cookie the browser sent, if any: it is ended, never continued. */
  previousSessionToken: string | undefined;
  client: ClientInfo;
}

type Outcome = { ok: true; session: StartedSession } | { ok: false; locked?: boolean };

function lockedState(user: UserRow) {
  return { lockedUntil: user.locked_until === null ? null : new Date(user.locked_until) };
}

/**
 * Step one of signing in. Every path does the same work — find the organisation and the user, then
 * exactly one argon2 verification (against a dummy hash when there is no usable account) — and
 * every refusal is the same 401, so neither the answer nor its timing tells which addresses exist.
 */
export async function login(deps: IdentityDeps, input: LoginInput): Promise<StartedSession> {
  const now = deps.clock.now();
  const key = addressKey(input.client.address);
  const wait = await deps.limits.failedSignIns.retryAfterMs(key, now);
  if (wait > 0) throw tooManyAttempts(wait);

  await discardSessionToken(deps.db, input.previousSessionToken);
  const slug = input.organisation.trim().toLowerCase();
  const email = input.email.trim().toLowerCase();
  const organisation = await withSystem(deps.db, (tx) => findOrganisationBySlug(tx, slug));
  const user = organisation
    ? await withTenant(deps.db, organisation.id, (tx) => findUserByEmail(tx, organisation.id, email))
    : undefined;
  const passwordOk = await deps.passwords.verifyOrDummy(user?.password_hash, input.password);
  const rehash =
    passwordOk && user?.password_hash && deps.passwords.needsRehash(user.password_hash)
      ? await deps.passwords.hash(input.password)
      : undefined;

  const outcome: Outcome = !organisation
    ? { ok: false }
    : await withTenant(deps.db, organisation.id, async (tx): Promise<Outcome> => {
        const row = user ? await findUserRowForUpdate(tx, organisation.id, user.id) : undefined;
        const refuse = async (reason: string): Promise<Outcome> => {
          await insertSecurityEvent(tx, {
            organisationId: organisation.id,
            userId: row?.id ?? null,
            type: 'login_failed',
            at: now,
            clientAddress: input.client.address,
            details: { reason },
          });
          return { ok: false };
        };
        if (!row) return refuse('unknown_account');
        if (row.disabled_at !== null) return refuse('disabled');
        if (row.password_hash === null) return refuse('not_activated');
        // While locked even the right password is refused, and not counted: the lock runs its course.
        if (isLocked(lockedState(row), now)) return refuse('locked');
        if (!passwordOk || row.password_hash !== user?.password_hash) {
          const { locked } = await recordSignInFailure(tx, now, row, {
            type: 'login_failed',
            reason: 'wrong_password',
            clientAddress: input.client.address,
          });
          return { ok: false, locked };
        }
        const stage = nextStage({
          roles: row.roles,
          totpEnabled: row.totp_enabled_at !== null,
          mustChangePassword: row.must_change_password,
          secondFactorDone: false,
        });
        await updateUserCredentials(tx, organisation.id, row.id, {
          failed_login_count: CLEARED_LOCK_STATE.failedLoginCount,
          lockout_count: CLEARED_LOCK_STATE.lockoutCount,
          locked_until: CLEARED_LOCK_STATE.lockedUntil,
          ...(rehash ? { password_hash: rehash } : {}),
          ...(stage === 'active' ? { last_login_at: now } : {}),
        });
        await insertSecurityEvent(tx, {
          organisationId: organisation.id,
          userId: row.id,
          type: stage === 'active' ? 'login_succeeded' : 'login_step_passed',
          at: now,
          clientAddress: input.client.address,
          details: stage === 'active' ? { factors: 'password' } : { step: 'password', next: stage },
        });
        const session = await startSession(tx, now, {
          organisationId: organisation.id,
          userId: row.id,
          stage,
          secondFactorAt: null,
          clientAddress: input.client.address,
          client: input.client,
        });
        return { ok: true, session };
      });

  if (!outcome.ok) {
    await deps.limits.failedSignIns.record(key, now);
    throw signInFailed();
  }
  return outcome.session;
}

/**
 * Step two for accounts with a second factor: a TOTP code from the app, or one of the recovery
 * codes. Each code counts once; failures count towards the account's lockout, and the lockout ends
 * this half-finished sign-in.
 */
export async function completeSecondFactor(
  deps: IdentityDeps,
  session: ResolvedSession,
  input: { code: string; client: ClientInfo },
): Promise<StartedSession> {
  if (session.stage !== 'totp') throw stepNotExpected();
  const now = deps.clock.now();
  const key = addressKey(input.client.address);
  const wait = await deps.limits.failedSignIns.retryAfterMs(key, now);
  if (wait > 0) throw tooManyAttempts(wait);
  const code = input.code.replaceAll(/\s/g, '');

  const outcome = await withTenant(
    deps.db,
    session.organisationId,
    async (tx): Promise<Outcome & { method?: string }> => {
      const user = await findUserRowForUpdate(tx, session.organisationId, session.userId);
      if (!user || user.disabled_at !== null || isLocked(lockedState(user), now)) {
        await deleteSession(tx, session.organisationId, session.id);
        return { ok: false, locked: true };
      }
      let method: 'totp' | 'recovery_code' | undefined;
      if (user.totp_secret_encrypted !== null) {
        const secret = openTotpSecret(deps.secrets.storedSecretKey, user.totp_secret_encrypted);
        const last = user.totp_last_step === null ? null : Number(user.totp_last_step);
        const step = matchTotp(secret, code, now, last);
        if (step !== undefined && (await acceptTotpStep(tx, user.organisation_id, user.id, step)))
          method = 'totp';
      }
      const recovery = method ? undefined : normaliseRecoveryCode(code);
      if (
        recovery &&
        (await useRecoveryCode(tx, user.organisation_id, user.id, recoveryCodeDigest(recovery), now))
      ) {
        method = 'recovery_code';
      }
      if (!method) {
        const { locked } = await recordSignInFailure(tx, now, user, {
          type: 'second_factor_failed',
          reason: 'wrong_code',
          clientAddress: input.client.address,
        });
        return { ok: false, locked };
      }
      if (method === 'recovery_code') {
        await insertSecurityEvent(tx, {
          organisationId: user.organisation_id,
          userId: user.id,
          type: 'recovery_code_used',
          at: now,
          clientAddress: input.client.address,
        });
      }
      const stage = nextStage({
        roles: user.roles,
        totpEnabled: true,
        // After single sign-on no password was typed in this sign-in, so none is renewed in it.
        mustChangePassword: session.signInMethod === 'password' && user.must_change_password,
        secondFactorDone: true,
      });
      await updateUserCredentials(tx, user.organisation_id, user.id, {
        failed_login_count: 0,
        lockout_count: 0,
        locked_until: null,
        ...(stage === 'active' ? { last_login_at: now } : {}),
      });
      await insertSecurityEvent(tx, {
        organisationId: user.organisation_id,
        userId: user.id,
        type: stage === 'active' ? 'login_succeeded' : 'login_step_passed',
        at: now,
        clientAddress: input.client.address,
        details:
          stage === 'active'
            ? { factors: `${session.signInMethod}+${method}` }
            : { step: method, next: stage },
      });
      await deleteSession(tx, session.organisationId, session.id);
      const next = await startSession(tx, now, {
        organisationId: session.organisationId,
        userId: user.id,
        stage,
        secondFactorAt: now,
        clientAddress: input.client.address,
        signInMethod: session.signInMethod,
        ssoSid: session.ssoSid,
        client: input.client,
        clientSummary: session.clientSummary,
      });
      return { ok: true, session: next, method };
    },
  );

  if (!outcome.ok) {
    await deps.limits.failedSignIns.record(key, now);
    throw outcome.locked ? signInFailed() : secondFactorFailed();
  }
  return outcome.session;
}

/** Logout ends every session of the account at once, on every machine (the design's rule). */
export async function logout(
  deps: Pick<IdentityDeps, 'db' | 'clock'>,
  session: ResolvedSession,
  client: ClientInfo,
): Promise<void> {
  const now = deps.clock.now();
  await withTenant(deps.db, session.organisationId, async (tx) => {
    const ended = await deleteUserSessions(tx, session.organisationId, session.userId);
    await insertSecurityEvent(tx, {
      organisationId: session.organisationId,
      userId: session.userId,
      type: 'sessions_ended',
      at: now,
      actorId: session.userId,
      clientAddress: client.address,
      details: { reason: 'logout', sessions: ended },
    });
  });
}
