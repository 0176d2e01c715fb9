import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, Role, SessionStage, SignInMethod } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { ForbiddenError } from '../errors.ts';
import { newId } from '../ids.ts';
import type { AccessContext } from './access-context.ts';
import { summariseUserAgent } from './client-summary.ts';
import { csrfTokenFor } from './csrf.ts';
import type { ClientInfo } from './identity-deps.ts';
import { issueSecretToken, parseSecretToken, sha256Hex } from './secret-token.ts';
import {
  deleteExpiredUserSessions,
  deleteSession,
  findSessionBySecret,
  insertSession,
  touchSession,
} from './session.repository.ts';
import {
  ABSOLUTE_TIMEOUT_MS,
  idleExpiresAt,
  IDLE_TIMEOUT_MS,
  PENDING_TIMEOUT_MS,
  sessionExpired,
  TOUCH_INTERVAL_MS,
} from './session-policy.ts';

/** A valid session as the request sees it; `secret` stays in memory for the CSRF check only. */
export interface ResolvedSession {
  id: string;
  organisationId: string;
  userId: string;
  roles: Role[];
  stage: SessionStage;
  secret: string;
  secondFactorAt: Date | null;
  signInMethod: SignInMethod;
  /** The provider's session id after single sign-on, carried from step to step like the method. */
  ssoSid: string | null;
  clientSummary: string | null;
  createdAt: Date;
  expiresAt: Date;
  idleExpiresAt: Date;
}

export interface StartedSession {
  token: string;
  stage: SessionStage;
  csrfToken: string;
  expiresAt: Date;
}

export function sessionAccess(session: ResolvedSession): AccessContext {
  return {
    organisationId: session.organisationId,
    userId: session.userId,
    roles: session.roles,
    actor: { kind: 'user', id: session.userId },
  };
}

/**
 * Undefined for a missing, malformed, unknown, expired or ended session and for a disabled user,
 * all alike. Roles come from the user row on every request, so a changed role counts at once.
 */
export async function resolveSession(
  deps: { db: Kysely<Database>; clock: Clock },
  token: string | undefined,
): Promise<ResolvedSession | undefined> {
  const parsed = parseSecretToken('session', token);
  if (!parsed) return undefined;
  const now = deps.clock.now();
  return withTenant(deps.db, parsed.organisationId, async (tx) => {
    const row = await findSessionBySecret(tx, parsed.organisationId, sha256Hex(parsed.secret));
    if (!row) return undefined;
    const times = {
      createdAt: new Date(row.created_at),
      lastSeenAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
    };
    if (sessionExpired(times, now) || row.disabled_at !== null) {
      await deleteSession(tx, parsed.organisationId, row.id);
      return undefined;
    }
    if (now.getTime() - times.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      await touchSession(tx, parsed.organisationId, row.id, now);
      times.lastSeenAt = now;
    }
    return {
      id: row.id,
      organisationId: row.organisation_id,
      userId: row.user_id,
      roles: row.roles,
      stage: row.stage,
      secret: parsed.secret,
      secondFactorAt: row.second_factor_at === null ? null : new Date(row.second_factor_at),
      signInMethod: row.sign_in_method,
      ssoSid: row.sso_sid,
      clientSummary: row.client_summary,
      createdAt: times.createdAt,
      expiresAt: times.expiresAt,
      idleExpiresAt: idleExpiresAt(times),
    };
  });
}

/**
 * A new session with a new random secret: every sign-in and every step of one gets a fresh
 * identifier, so a session id known before sign-in is worth nothing after it (no fixation).
 */
export async function startSession(
  tx: Tx,
  now: Date,
  input: {
    organisationId: string;
    userId: string;
    stage: SessionStage;
    secondFactorAt: Date | null;
    clientAddress: string | null;
    /** Carried from step to step of one sign-in; a new sign-in says how it began. */
    signInMethod?: SignInMethod;
    /** The provider's `sid` (single sign-on), carried from step to step. */
    ssoSid?: string | null;
    /** The browser's User-Agent at sign-in, or the summary already made for an earlier step. */
    client?: ClientInfo;
    clientSummary?: string | null;
    /** An active session that is renewed (password change) keeps its absolute end. */
    expiresAt?: Date;
  },
): Promise<StartedSession> {
  const issued = issueSecretToken('session', input.organisationId);
  const lifetime = input.stage === 'active' ? ABSOLUTE_TIMEOUT_MS : PENDING_TIMEOUT_MS;
  const expiresAt = input.expiresAt ?? new Date(now.getTime() + lifetime);
  await deleteExpiredUserSessions(
    tx,
    input.organisationId,
    input.userId,
    new Date(now.getTime() - IDLE_TIMEOUT_MS),
    now,
  );
  await insertSession(tx, {
    organisation_id: input.organisationId,
    id: newId(),
    secret_sha256: issued.secretSha256,
    user_id: input.userId,
    stage: input.stage,
    second_factor_at: input.secondFactorAt,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    client_address: input.clientAddress,
    sign_in_method: input.signInMethod ?? 'password',
    sso_sid: input.ssoSid ?? null,
    client_summary: input.clientSummary ?? summariseUserAgent(input.client?.userAgent),
  });
  return { token: issued.token, stage: input.stage, csrfToken: csrfTokenFor(issued.secret), expiresAt };
}

/** Ends whatever session this cookie names, if any: used at sign-in so the old one cannot linger. */
export async function discardSessionToken(db: Kysely<Database>, token: string | undefined): Promise<void> {
  const parsed = parseSecretToken('session', token);
  if (!parsed) return;
  await withTenant(db, parsed.organisationId, (tx) =>
    tx
      .deleteFrom('sessions')
      .where('organisation_id', '=', parsed.organisationId)
      .where('secret_sha256', '=', sha256Hex(parsed.secret))
      .execute(),
  );
}

/** Only people signed in through the browser have a session; API tokens of other systems do not. */
export function requireSession(session: ResolvedSession | null): ResolvedSession {
  if (!session) {
    throw new ForbiddenError(
      'Dit kan alleen na aanmelden in de browser, niet met een API-sleutel.',
      'session_required',
    );
  }
  return session;
}
