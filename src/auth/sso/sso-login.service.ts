import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { UserRow } from '../../db/schema.ts';
import { withSystem, withTenant, type Tx } from '../../db/tenant.ts';
import { newId } from '../../ids.ts';
import { findOrganisationBySlug } from '../../organisations/organisation.repository.ts';
import { openSecret, sealSecret } from '../../secrets.ts';
import { findUserByEmail } from '../../users/user.repository.ts';
import type { ClientInfo, IdentityDeps } from '../identity-deps.ts';
import { CLEARED_LOCK_STATE, isLocked } from '../lockout-policy.ts';
import { sha256Hex } from '../secret-token.ts';
import { insertSecurityEvent } from '../security-event.repository.ts';
import { discardSessionToken, startSession, type StartedSession } from '../session.service.ts';
import { nextStage, PENDING_TIMEOUT_MS } from '../session-policy.ts';
import { findUserRowForUpdate, updateUserCredentials } from '../user-credential.repository.ts';
import type { ProviderClients } from './provider-clients.ts';
import { findSsoSettings, providerSettingsOf, type SsoSettingsRow } from './sso-settings.service.ts';
import {
  findIdentityBySubject,
  findIdentityOfUser,
  insertIdentity,
  insertSsoRequest,
  takeSsoRequest,
  touchIdentity,
} from './sso.repository.ts';
import { SsoRefusal } from './sso-refusal.ts';
import { provenClaims, type ProvenClaims } from './sso-claims.ts';

export interface SsoDeps extends IdentityDeps {
  providers: ProviderClients;
}

/** An authorization request lives as long as a half-finished sign-in: ten minutes. */
export const SSO_REQUEST_TIMEOUT_MS = PENDING_TIMEOUT_MS;

async function enabledSettings(
  deps: SsoDeps,
  slug: string,
): Promise<{ organisationId: string; settings: SsoSettingsRow }> {
  const organisation = await withSystem(deps.db, (tx) =>
    findOrganisationBySlug(tx, slug.trim().toLowerCase()),
  );
  const settings = organisation
    ? await withTenant(deps.db, organisation.id, (tx) => findSsoSettings(tx, organisation.id))
    : undefined;
  if (!organisation || !settings?.enabled) throw new SsoRefusal('sso_unavailable', 'not_enabled');
  return { organisationId: organisation.id, settings };
}

/** Whether the login screen offers the button; an unknown organisation looks like one without SSO. */
export async function ssoOffered(deps: SsoDeps, slug: string): Promise<boolean> {
  try {
    await enabledSettings(deps, slug);
    return true;
  } catch (error) {
    if (error instanceof SsoRefusal) return false;
    throw error;
  }
}

export interface StartedSsoRequest {
  authorizationUrl: URL;
  /** Goes into the short-lived binding cookie; the request row holds only its SHA-256. */
  browserSecret: string;
}

/**
 * Step one: state, nonce and PKCE verifier are made here and kept server-side (state and browser
 * secret only as digests, the verifier sealed); the browser carries the state to the provider and
 * back, and the binding cookie, so a callback URL handed to someone else's browser is worth nothing.
 */
export async function startSsoLogin(
  deps: SsoDeps,
  input: { organisation: string; redirectUri: string },
): Promise<StartedSsoRequest> {
  const { organisationId, settings } = await enabledSettings(deps, input.organisation);
  const config = await deps.providers.configFor(organisationId, providerSettingsOf(settings, deps.secrets));
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const verifier = oidc.randomPKCECodeVerifier();
  const browserSecret = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const stored = await withTenant(deps.db, organisationId, (tx) =>
    insertSsoRequest(
      tx,
      {
        organisation_id: organisationId,
        id: newId(),
        state_sha256: sha256Hex(state),
        browser_sha256: sha256Hex(browserSecret),
        nonce,
        code_verifier_encrypted: sealSecret(deps.secrets.storedSecretKey, verifier),
        issuer: settings.issuer,
        redirect_uri: input.redirectUri,
        created_at: now,
        expires_at: new Date(now.getTime() + SSO_REQUEST_TIMEOUT_MS),
      },
      now,
    ),
  );
  if (!stored) throw new SsoRefusal('sso_failed', 'too_many_open_requests');
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...(settings.trust_idp_mfa && settings.mfa_acr ? { acr_values: settings.mfa_acr } : {}),
  });
  return { authorizationUrl, browserSecret };
}

export interface FinishSsoInput {
  organisation: string;
  /** The callback's query string as the provider sent it. */
  query: URLSearchParams;
  browserSecret: string | undefined;
  previousSessionToken: string | undefined;
  client: ClientInfo;
}

function sameDigest(expectedHex: string, secret: string | undefined): boolean {
  if (secret === undefined || secret === '') return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(sha256Hex(secret), 'hex'));
}

/**
 * Step two, the callback. Every refusal is recorded as a failed sign-in with its reason (for the
 * administrator) and answered with a code (for the person). A refusal never counts towards the
 * account's lockout: nobody guessed anything, the provider or the account said no.
 */
export async function finishSsoLogin(deps: SsoDeps, input: FinishSsoInput): Promise<StartedSession> {
  const { organisationId, settings } = await enabledSettings(deps, input.organisation);
  const now = deps.clock.now();
  const refuse = async (refusal: SsoRefusal, userId: string | null = null): Promise<never> => {
    await withTenant(deps.db, organisationId, (tx) =>
      insertSecurityEvent(tx, {
        organisationId,
        userId,
        type: 'login_failed',
        at: now,
        clientAddress: input.client.address,
        details: { method: 'sso', reason: refusal.reason },
      }),
    );
    throw refusal;
  };

  const state = input.query.get('state') ?? '';
  const request =
    state === ''
      ? undefined
      : await withTenant(deps.db, organisationId, (tx) =>
          takeSsoRequest(tx, organisationId, sha256Hex(state)),
        );
  if (!request) return refuse(new SsoRefusal('sso_failed', 'state_unknown_or_used'));
  if (new Date(request.expires_at).getTime() <= now.getTime())
    return refuse(new SsoRefusal('sso_failed', 'state_expired'));
  if (!sameDigest(request.browser_sha256, input.browserSecret))
    return refuse(new SsoRefusal('sso_failed', 'browser_binding_mismatch'));
  if (request.issuer !== settings.issuer) return refuse(new SsoRefusal('sso_failed', 'issuer_changed'));

  let claims: ProvenClaims;
  try {
    const config = await deps.providers.configFor(organisationId, providerSettingsOf(settings, deps.secrets));
    const callbackUrl = new URL(request.redirect_uri);
    callbackUrl.search = input.query.toString();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: openSecret(deps.secrets.storedSecretKey, request.code_verifier_encrypted),
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = provenClaims(tokens.claims());
  } catch (error) {
    return refuse(refusalFromProtocolError(error));
  }

  await discardSessionToken(deps.db, input.previousSessionToken);
  const outcome = await withTenant(deps.db, organisationId, (tx) =>
    signInLinkedUser(tx, { organisationId, settings, claims, now, client: input.client }),
  );
  if (!outcome.ok) return refuse(outcome.refusal, outcome.userId);
  return outcome.session;
}

function refusalFromProtocolError(error: unknown): SsoRefusal {
  if (error instanceof SsoRefusal) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    return error.error === 'access_denied'
      ? new SsoRefusal('sso_cancelled', 'provider_access_denied')
      : new SsoRefusal('sso_failed', `provider_error:${error.error.slice(0, 40)}`);
  }
  const details = (error ?? {}) as { code?: string; name?: string };
  const what = details.code ?? details.name ?? 'unknown';
  return new SsoRefusal('sso_failed', `token_rejected:${what.slice(0, 60)}`);
}

type SignInOutcome =
  { ok: true; session: StartedSession } | { ok: false; refusal: SsoRefusal; userId: string | null };

function no(code: SsoRefusal['code'], reason: string, userId: string | null = null): SignInOutcome {
  return { ok: false, refusal: new SsoRefusal(code, reason), userId };
}

/**
 * The account behind the provider's subject: the one linked to it, or — the first time — the
 * active account of this organisation with the provider's verified e-mail address, which is then
 * linked. No account is ever created here.
 */
async function signInLinkedUser(
  tx: Tx,
  input: {
    organisationId: string;
    settings: SsoSettingsRow;
    claims: ProvenClaims;
    now: Date;
    client: ClientInfo;
  },
): Promise<SignInOutcome> {
  const { organisationId, settings, claims, now } = input;
  const linked = await findIdentityBySubject(tx, organisationId, settings.issuer, claims.subject);
  let user: UserRow | undefined;
  if (linked) {
    user = await findUserRowForUpdate(tx, organisationId, linked.user_id);
  } else {
    if (claims.email === null) return no('sso_email_unverified', 'email_missing');
    if (!claims.emailVerified) return no('sso_email_unverified', 'email_not_verified');
    const domain = claims.email.slice(claims.email.lastIndexOf('@') + 1);
    if (settings.allowed_email_domain !== null && domain !== settings.allowed_email_domain)
      return no('sso_domain_not_allowed', 'email_domain_not_allowed');
    const byEmail = await findUserByEmail(tx, organisationId, claims.email);
    if (!byEmail) return no('sso_unknown_account', 'unknown_account');
    user = await findUserRowForUpdate(tx, organisationId, byEmail.id);
    // Linked to another subject already: someone else now holds this address at the provider.
    const other = user ? await findIdentityOfUser(tx, organisationId, user.id, settings.issuer) : undefined;
    if (other) return no('sso_identity_mismatch', 'linked_to_other_subject', user?.id ?? null);
  }
  if (!user) return no('sso_unknown_account', 'unknown_account');
  if (user.disabled_at !== null) return no('sso_account_unavailable', 'disabled', user.id);
  if (isLocked({ lockedUntil: user.locked_until === null ? null : new Date(user.locked_until) }, now))
    return no('sso_account_unavailable', 'locked', user.id);

  if (linked) {
    await touchIdentity(tx, organisationId, settings.issuer, claims.subject, now);
  } else {
    await insertIdentity(tx, {
      organisation_id: organisationId,
      user_id: user.id,
      issuer: settings.issuer,
      subject: claims.subject,
      linked_at: now,
      last_used_at: now,
    });
    await insertSecurityEvent(tx, {
      organisationId,
      userId: user.id,
      type: 'sso_linked',
      at: now,
      clientAddress: input.client.address,
      details: { issuer: settings.issuer },
    });
  }

  const providerMfa =
    settings.trust_idp_mfa &&
    (claims.amr.includes('mfa') || (settings.mfa_acr !== null && claims.acr === settings.mfa_acr));
  // The provider vouched for the password; a password that must change here is not in play.
  const stage = providerMfa
    ? 'active'
    : nextStage({
        roles: user.roles,
        totpEnabled: user.totp_enabled_at !== null,
        mustChangePassword: false,
        secondFactorDone: false,
      });
  await updateUserCredentials(tx, organisationId, user.id, {
    failed_login_count: CLEARED_LOCK_STATE.failedLoginCount,
    lockout_count: CLEARED_LOCK_STATE.lockoutCount,
    locked_until: CLEARED_LOCK_STATE.lockedUntil,
    ...(stage === 'active' ? { last_login_at: now } : {}),
  });
  const factors = providerMfa ? 'sso+provider_mfa' : 'sso';
  await insertSecurityEvent(tx, {
    organisationId,
    userId: user.id,
    type: stage === 'active' ? 'login_succeeded' : 'login_step_passed',
    at: now,
    clientAddress: input.client.address,
    details: stage === 'active' ? { factors } : { step: 'sso', next: stage },
  });
  const session = await startSession(tx, now, {
    organisationId,
    userId: user.id,
    stage,
    secondFactorAt: providerMfa ? now : null,
    clientAddress: input.client.address,
    client: input.client,
    signInMethod: 'sso',
    ssoSid: claims.sid,
  });
  return { ok: true, session };
}
