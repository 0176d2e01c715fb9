import { API_BASE, api } from './client.ts';
import { isApiError } from './problem.ts';
import type { Role } from './types.ts';

/**
 * Staff sign-in. People sign in with organisation, e-mail and password (a cookie session, with a
 * CSRF token for every request that changes something) and then take the steps the server asks
 * for: a second-factor code, a new password, setting up an authenticator app. An API token is the
 * fallback for installations whose server has no sessions yet (GET /auth/session answers 404); it is
 * kept in sessionStorage, so it dies with the tab.
 */
export interface StaffSession {
  via: 'session' | 'token';
  userId: string | null;
  displayName: string | null;
  email: string | null;
  /** Null when not known (an older server cannot say whose a token is): the API still decides. */
  roles: Role[] | null;
  organisationSlug: string | null;
}

export type SignInStep = 'active' | 'totp' | 'change_password' | 'enrol_totp';

export interface LoginStep {
  step: SignInStep;
  csrfToken: string;
  expiresAt: string;
}

export interface Enrolment {
  secret: string;
  otpauthUri: string;
}

export type SessionProbe =
  | { kind: 'active'; session: StaffSession; csrfToken: string }
  | { kind: 'pending'; step: Exclude<SignInStep, 'active'>; csrfToken: string }
  | { kind: 'none'; passwordLogin: boolean };

const TOKEN_KEY = 'klachtwijzer.apiToken';
const ORGANISATION_KEY = 'klachtwijzer.organisation';
const ROLES: readonly Role[] = ['coordinator', 'handler', 'employee', 'auditor', 'admin'];
const STEPS: readonly SignInStep[] = ['active', 'totp', 'change_password', 'enrol_totp'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function rolesOf(value: unknown): Role[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
}

function stepOf(value: unknown): SignInStep {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value)
    ? (value as SignInStep)
    : 'active';
}

/** GET /auth/session: who is signed in, at which step, with which CSRF token. */
export function readSessionDocument(body: unknown, via: StaffSession['via']): SessionProbe {
  const doc = record(body);
  const user = record(doc['user']);
  const step = stepOf(doc['step']);
  const csrfToken = text(doc['csrfToken']) ?? '';
  if (step !== 'active') return { kind: 'pending', step, csrfToken };
  return {
    kind: 'active',
    csrfToken,
    session: {
      via,
      userId: text(user['id']),
      displayName: text(user['displayName']),
      email: text(user['email']),
      roles: rolesOf(user['roles']),
      organisationSlug: text(record(doc['organisation'])['slug']),
    },
  };
}

async function getSession(headers: Record<string, string> = {}): Promise<Response | null> {
  try {
    return await fetch(`${API_BASE}/auth/session`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...headers },
    });
  } catch {
    return null;
  }
}

export async function probeCookieSession(): Promise<SessionProbe> {
  const response = await getSession();
  if (response?.ok) return readSessionDocument(await response.json(), 'session');
  // 401: sessions exist, nobody is signed in. 404: this server has no sessions yet.
  return { kind: 'none', passwordLogin: response?.status === 401 };
}

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage switched off: the token lasts until the page is reloaded.
  }
}

/** The organisation's short name from the last sign-in on this browser, to fill in next time. */
export function rememberedOrganisation(): string {
  try {
    return localStorage.getItem(ORGANISATION_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberOrganisation(slug: string): void {
  try {
    localStorage.setItem(ORGANISATION_KEY, slug);
  } catch {
    // Not remembered; the field is simply empty next time.
  }
}

/**
 * Checks the token and learns whose it is: GET /auth/session answers for tokens too. A server
 * without that route still gets the token checked, against an endpoint every role may read.
 */
export async function signInWithToken(token: string): Promise<StaffSession> {
  const trimmed = token.trim();
  const response = await getSession({ authorization: `Bearer ${trimmed}` });
  if (response?.ok) {
    const probe = readSessionDocument(await response.json(), 'token');
    if (probe.kind === 'active') {
      api.setCredentials({ kind: 'token', token: trimmed });
      storeToken(trimmed);
      return probe.session;
    }
  }
  const previous = api.getCredentials();
  api.setCredentials({ kind: 'token', token: trimmed });
  try {
    await api.request<unknown>('GET', '/organisation', { quietUnauthenticated: true });
  } catch (error) {
    api.setCredentials(previous);
    throw error;
  }
  storeToken(trimmed);
  return { via: 'token', userId: null, displayName: null, email: null, roles: null, organisationSlug: null };
}

/** Every step answer carries the session's (possibly new) CSRF token; the next step needs it. */
function adoptStep(step: LoginStep): LoginStep {
  api.setCredentials({ kind: 'session', csrfToken: step.csrfToken });
  return step;
}

export async function signInWithPassword(
  organisation: string,
  email: string,
  password: string,
): Promise<LoginStep> {
  const slug = organisation.trim().toLowerCase();
  // Any token of an earlier sign-in would be sent instead of the cookie: drop it first.
  storeToken(null);
  api.setCredentials(null);
  const step = await api.request<LoginStep>('POST', '/auth/login', {
    json: { organisation: slug, email: email.trim(), password },
    quietUnauthenticated: true,
  });
  rememberOrganisation(slug);
  return adoptStep(step);
}

export async function submitSecondFactor(code: string): Promise<LoginStep> {
  return adoptStep(
    await api.request<LoginStep>('POST', '/auth/totp', {
      json: { code: code.replaceAll(/\s+/g, '') },
      quietUnauthenticated: true,
    }),
  );
}

export async function submitNewPassword(currentPassword: string, newPassword: string): Promise<LoginStep> {
  return adoptStep(
    await api.request<LoginStep>('POST', '/auth/password', {
      json: { currentPassword, newPassword },
      quietUnauthenticated: true,
    }),
  );
}

export async function beginEnrolment(): Promise<Enrolment> {
  return api.request<Enrolment>('POST', '/auth/totp/enrol', { json: {}, quietUnauthenticated: true });
}

export async function confirmEnrolment(code: string): Promise<LoginStep & { recoveryCodes: string[] }> {
  const answer = await api.request<LoginStep & { recoveryCodes: string[] }>(
    'POST',
    '/auth/totp/enrol/confirm',
    {
      json: { code: code.replaceAll(/\s+/g, '') },
      quietUnauthenticated: true,
    },
  );
  adoptStep(answer);
  return answer;
}

/** Used when a pending sign-in is picked up again after a reload. */
export function resumePendingSession(csrfToken: string): void {
  api.setCredentials({ kind: 'session', csrfToken });
}

export async function signOut(session: StaffSession | null): Promise<void> {
  storeToken(null);
  if (session === null || session.via === 'session') {
    try {
      await api.request<void>('POST', '/auth/logout', { quietUnauthenticated: true });
    } catch (error) {
      // Already ended on the server (expired, signed out elsewhere): nothing left to end.
      if (!isApiError(error)) throw error;
    }
  }
  api.setCredentials(null);
}

/** True when the session's roles are unknown (an old server's API token) or include one of `roles`. */
export function mayAct(session: StaffSession | null, ...roles: Role[]): boolean {
  if (!session) return false;
  if (session.roles === null) return true;
  return session.roles.some((role) => roles.includes(role));
}
