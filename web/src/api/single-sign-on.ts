import { API_BASE, api } from './client.ts';
import type { ConnectionTest } from './types.ts';

/** Single sign-on with the organisation's own OpenID Connect provider (settings and the login button). */
export interface SsoSettings {
  enabled: boolean;
  issuer: string;
  clientId: string;
  hasClientSecret: boolean;
  allowedEmailDomain: string | null;
  trustIdpMfa: boolean;
  mfaAcr: string | null;
  updatedAt: string;
}

export interface SsoSettingsDocument {
  settings: SsoSettings | null;
  /** The address to register at the provider. */
  redirectUri: string;
  /** The address the provider sends logout tokens to (back-channel logout). */
  backchannelLogoutUri: string;
}

export interface SsoSettingsChange {
  enabled: boolean;
  issuer: string;
  clientId: string;
  /** Left out: the stored secret stays. */
  clientSecret?: string | null;
  allowedEmailDomain: string | null;
  trustIdpMfa: boolean;
  mfaAcr: string | null;
}

/** A user linked to an account at the provider (the subject itself stays on the server). */
export interface SsoIdentity {
  userId: string;
  issuer: string;
  linkedAt: string;
  lastUsedAt: string | null;
}

export const singleSignOn = {
  identities: () => api.request<SsoIdentity[]>('GET', '/organisation/sso/identities'),
  unlink: (userId: string) =>
    api.request<{ unlinked: number; sessionsEnded: number }>(
      'POST',
      `/users/${encodeURIComponent(userId)}/sso/unlink`,
    ),
  settings: () => api.request<SsoSettingsDocument>('GET', '/organisation/sso'),
  save: (body: SsoSettingsChange) =>
    api.request<SsoSettingsDocument>('PUT', '/organisation/sso', { json: body }),
  test: () => api.request<ConnectionTest>('POST', '/organisation/sso/test'),
};

const slugPath = (slug: string) => encodeURIComponent(slug.trim().toLowerCase());

/** Whether the login screen shows the SSO button for this organisation; false on any doubt. */
export async function ssoOffered(slug: string, signal?: AbortSignal): Promise<boolean> {
  if (slug.trim() === '') return false;
  try {
    const response = await fetch(`${API_BASE}/auth/sso/${slugPath(slug)}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) return false;
    return ((await response.json()) as { enabled?: unknown }).enabled === true;
  } catch {
    return false;
  }
}

/** A plain link, not a fetch: the browser itself goes to the provider and back. */
export function ssoStartUrl(slug: string): string {
  return `${API_BASE}/auth/sso/${slugPath(slug)}/start`;
}

export const SSO_ERROR_CODES = [
  'sso_unavailable',
  'sso_failed',
  'sso_cancelled',
  'sso_email_unverified',
  'sso_domain_not_allowed',
  'sso_unknown_account',
  'sso_account_unavailable',
  'sso_identity_mismatch',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

let ssoError: SsoErrorCode | null | undefined;

/**
 * The refusal the server sent the browser back with (?sso_error=…): read once per page load and
 * taken out of the address bar, so a reload does not show it again.
 */
export function takeSsoError(): SsoErrorCode | null {
  if (ssoError !== undefined) return ssoError;
  const params = new URLSearchParams(window.location.search);
  const code = params.get('sso_error');
  ssoError =
    code === null
      ? null
      : (SSO_ERROR_CODES as readonly string[]).includes(code)
        ? (code as SsoErrorCode)
        : 'sso_failed';
  if (code !== null) {
    params.delete('sso_error');
    const rest = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`,
    );
  }
  return ssoError;
}
