/**
 * Why a single sign-on was refused, as the code the login screen turns into a sentence (Dutch or
 * English) after the redirect back to the application. The reason for the administrator's log is
 * kept apart and may be more precise (which check of the id token failed) than the person is told.
 */
export type SsoRefusalCode =
  | 'sso_unavailable'
  | 'sso_failed'
  | 'sso_cancelled'
  | 'sso_email_unverified'
  | 'sso_domain_not_allowed'
  | 'sso_unknown_account'
  | 'sso_account_unavailable'
  | 'sso_identity_mismatch';

export class SsoRefusal extends Error {
  readonly code: SsoRefusalCode;
  readonly reason: string;

  constructor(code: SsoRefusalCode, reason: string) {
    super(`single sign-on refused: ${code} (${reason})`);
    this.code = code;
    this.reason = reason;
  }
}

/** Where the browser goes after a refusal: the login screen, which explains the code. */
export function refusalLocation(code: SsoRefusalCode): string {
  return `/app/?sso_error=${code}`;
}
