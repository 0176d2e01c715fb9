import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { withSystem, withTenant } from '../../db/tenant.ts';
import { ValidationError } from '../../errors.ts';
import { findOrganisationBySlug } from '../../organisations/organisation.repository.ts';
import { sha256Hex } from '../secret-token.ts';
import { insertSecurityEvent } from '../security-event.repository.ts';
import type { SsoDeps } from './sso-login.service.ts';
import { findSsoSettings, providerSettingsOf } from './sso-settings.service.ts';
import { deleteSsoSessionsFor, findIdentityBySubject, rememberLogoutToken } from './sso.repository.ts';

/** The event a logout token must carry (OpenID Connect Back-Channel Logout 1.0, 2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** A logout token is sent at once; one older than this is not accepted (and its jti not kept longer). */
const MAX_TOKEN_AGE_SECONDS = 5 * 60;
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Every refusal is the same 400 with code `logout_token_invalid` (the provider only needs to know it
 * failed; the reason is in the log for the administrator), except a `jti` seen before:
 * `logout_token_replayed`.
 */
export class LogoutTokenRefusal extends ValidationError {
  readonly reason: string;
  constructor(
    reason: string,
    code: 'logout_token_invalid' | 'logout_token_replayed' = 'logout_token_invalid',
  ) {
    super(
      code === 'logout_token_replayed'
        ? 'Dit afmeldbericht is al eerder ontvangen.'
        : 'Het afmeldbericht van de identiteitsprovider is ongeldig.',
      [],
      code,
    );
    this.reason = reason;
  }
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** One key set per JWKS address: jose caches the keys and fetches again at most every 30 s on an unknown kid. */
function keySetFor(jwksUri: string) {
  let keySet = keySets.get(jwksUri);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: 10_000 });
    keySets.set(jwksUri, keySet);
  }
  return keySet;
}

interface LogoutClaims {
  jti: string;
  sub: string | null;
  sid: string | null;
  expiresAt: Date;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' && value.length <= 255 ? value : null;
}

function logoutClaimsOf(payload: JWTPayload, now: Date): LogoutClaims {
  const events = payload['events'];
  const event =
    events !== null && typeof events === 'object' && !Array.isArray(events)
      ? (events as Record<string, unknown>)[BACKCHANNEL_LOGOUT_EVENT]
      : undefined;
  if (event === null || typeof event !== 'object' || Array.isArray(event))
    throw new LogoutTokenRefusal('events_missing');
  // A logout token that could pass for an id token is refused (2.6 step 6).
  if ('nonce' in payload) throw new LogoutTokenRefusal('nonce_present');
  const sub = text(payload.sub);
  const sid = text(payload['sid']);
  if (sub === null && sid === null) throw new LogoutTokenRefusal('sub_and_sid_missing');
  const jti = text(payload.jti);
  if (jti === null) throw new LogoutTokenRefusal('jti_missing');
  if (typeof payload.iat !== 'number') throw new LogoutTokenRefusal('iat_missing');
  const keepUntil = new Date((payload.iat + MAX_TOKEN_AGE_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000);
  return { jti, sub, sid, expiresAt: keepUntil > now ? keepUntil : now };
}

function reasonOf(error: unknown): string {
  if (error instanceof LogoutTokenRefusal) return error.reason;
  if (error instanceof joseErrors.JOSEError) return `jose:${error.code}`;
  return 'unreadable';
}

/**
 * OpenID Connect Back-Channel Logout 1.0: the organisation's provider says a person signed out there.
 * The token is checked like an id token (signature from the provider's published keys, issuer,
 * audience = our client id, iat recent) plus the rules of 2.6: the logout event, sub and/or sid, no
 * nonce, and a jti accepted once. Then the sessions that came through that provider account (sub)
 * or that provider session (sid) end; password sessions of the same person stay.
 */
export async function acceptBackchannelLogout(
  deps: SsoDeps,
  input: { organisation: string; logoutToken: string },
): Promise<{ sessionsEnded: number }> {
  const now = deps.clock.now();
  const organisation = await withSystem(deps.db, (tx) =>
    findOrganisationBySlug(tx, input.organisation.trim().toLowerCase()),
  );
  const settings = organisation
    ? await withTenant(deps.db, organisation.id, (tx) => findSsoSettings(tx, organisation.id))
    : undefined;
  // Unknown organisation and one without single sign-on look the same as a bad token.
  if (!organisation || !settings?.enabled) throw new LogoutTokenRefusal('sso_not_enabled');

  let claims: LogoutClaims;
  try {
    const config = await deps.providers.configFor(
      organisation.id,
      providerSettingsOf(settings, deps.secrets),
    );
    const metadata = config.serverMetadata();
    if (!metadata.jwks_uri) throw new LogoutTokenRefusal('provider_without_jwks');
    const { payload } = await jwtVerify(input.logoutToken, keySetFor(metadata.jwks_uri), {
      issuer: metadata.issuer,
      audience: config.clientMetadata().client_id,
      currentDate: now,
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['iat', 'jti'],
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
    });
    claims = logoutClaimsOf(payload, now);
  } catch (error) {
    const refusal = error instanceof LogoutTokenRefusal ? error : new LogoutTokenRefusal(reasonOf(error));
    await recordRefusal(deps, organisation.id, refusal.reason, now);
    throw refusal;
  }

  const outcome = await withTenant(deps.db, organisation.id, async (tx) => {
    const fresh = await rememberLogoutToken(
      tx,
      {
        organisation_id: organisation.id,
        jti_sha256: sha256Hex(claims.jti),
        expires_at: claims.expiresAt,
      },
      now,
    );
    if (!fresh) return { replayed: true as const };
    const identity =
      claims.sub === null
        ? undefined
        : await findIdentityBySubject(tx, organisation.id, settings.issuer, claims.sub);
    // A sub that names nobody here ends nothing, not even with a sid: both must fit when both are sent.
    if (claims.sub !== null && !identity) return { replayed: false as const, ended: [] };
    const ended = await deleteSsoSessionsFor(tx, organisation.id, {
      userId: identity?.user_id ?? null,
      sid: claims.sid,
    });
    for (const userId of new Set(ended)) {
      await insertSecurityEvent(tx, {
        organisationId: organisation.id,
        userId,
        type: 'sso_logout',
        at: now,
        details: {
          by: claims.sid === null ? 'sub' : claims.sub === null ? 'sid' : 'sub+sid',
          sessionsEnded: ended.filter((id) => id === userId).length,
        },
      });
    }
    return { replayed: false as const, ended };
  });
  if (outcome.replayed) {
    await recordRefusal(deps, organisation.id, 'jti_replayed', now);
    throw new LogoutTokenRefusal('jti_replayed', 'logout_token_replayed');
  }
  return { sessionsEnded: outcome.ended.length };
}

async function recordRefusal(
  deps: SsoDeps,
  organisationId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await withTenant(deps.db, organisationId, (tx) =>
    insertSecurityEvent(tx, {
      organisationId,
      userId: null,
      type: 'sso_logout',
      at: now,
      details: { refused: reason.slice(0, 80) },
    }),
  );
}
