import type { IDToken } from 'openid-client';
import { SsoRefusal } from './sso-refusal.ts';

/** What the id token proves, after openid-client checked its signature, issuer, audience, time and nonce. */
export interface ProvenClaims {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  amr: string[];
  acr: string | null;
  /** The provider's session id, for back-channel logout by `sid`. */
  sid: string | null;
}

export function provenClaims(claims: IDToken | undefined): ProvenClaims {
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '')
    throw new SsoRefusal('sso_failed', 'id_token_missing');
  const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : null;
  return {
    subject: claims.sub,
    email: email !== null && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null,
    // Only the boolean true counts; some providers send the string "true", which we do not guess at.
    emailVerified: claims['email_verified'] === true,
    amr: Array.isArray(claims.amr)
      ? claims.amr.filter((value): value is string => typeof value === 'string')
      : [],
    acr: typeof claims.acr === 'string' ? claims.acr : null,
    sid:
      typeof claims['sid'] === 'string' && claims['sid'] !== '' && claims['sid'].length <= 255
        ? claims['sid']
        : null,
  };
}
