import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database, SignInMethod } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { NotFoundError } from '../errors.ts';
import type { ClientInfo } from './identity-deps.ts';
import { insertSecurityEvent } from './security-event.repository.ts';
import { deleteSessionsByIds, listUserSessions } from './session.repository.ts';
import { sessionExpired } from './session-policy.ts';
import type { ResolvedSession } from './session.service.ts';

/** One of my sessions as the list shows it: no secret, no row id, a handle only good for ending it. */
export interface OwnSessionView {
  id: string;
  current: boolean;
  signInMethod: SignInMethod;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  client: string | null;
  network: string | null;
}

/**
 * The handle of a session in the list: derived from the row id, so it is stable while the session
 * lives, says nothing about the secret, and is not the id security events and logs carry.
 */
export function sessionHandle(rowId: string): string {
  return createHash('sha256').update(`own-session:${rowId}`).digest('hex').slice(0, 32);
}

/** Enough of the address to recognise "at the office" or "at home", not the whole address. */
export function coarseAddress(address: string | null): string | null {
  if (!address) return null;
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/.exec(address);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.x`;
  if (address.includes(':')) return `${address.split(':').slice(0, 3).join(':')}:…`;
  return null;
}

type Deps = { db: Kysely<Database>; clock: Clock };

async function liveSessions(deps: Deps, session: ResolvedSession) {
  const now = deps.clock.now();
  const rows = await withTenant(deps.db, session.organisationId, (tx) =>
    listUserSessions(tx, session.organisationId, session.userId),
  );
  return rows.filter(
    (row) =>
      row.stage === 'active' &&
      !sessionExpired(
        {
          createdAt: new Date(row.created_at),
          lastSeenAt: new Date(row.last_seen_at),
          expiresAt: new Date(row.expires_at),
        },
        now,
      ),
  );
}

/** ASVS 7.5.2: the signed-in person's own active sessions, the current one first. */
export async function listOwnSessions(deps: Deps, session: ResolvedSession): Promise<OwnSessionView[]> {
  const rows = await liveSessions(deps, session);
  return rows
    .map((row) => ({
      id: sessionHandle(row.id),
      current: row.id === session.id,
      signInMethod: row.sign_in_method,
      createdAt: new Date(row.created_at),
      lastUsedAt: new Date(row.last_seen_at),
      expiresAt: new Date(row.expires_at),
      client: row.client_summary,
      network: coarseAddress(row.client_address),
    }))
    .toSorted(
      (a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.getTime() - a.lastUsedAt.getTime(),
    );
}

/**
 * Ends one of my sessions by its handle, or all but the current one. Someone else's handle, an
 * ended session and nonsense are all "not found": a handle proves nothing about anyone else.
 */
export async function endOwnSessions(
  deps: Deps,
  session: ResolvedSession,
  which: { handle: string } | 'others',
  client: ClientInfo,
): Promise<{ count: number; includesCurrent: boolean }> {
  const now = deps.clock.now();
  return withTenant(deps.db, session.organisationId, async (tx) => {
    const candidates = await listUserSessions(tx, session.organisationId, session.userId);
    const ids =
      which === 'others'
        ? candidates.filter((row) => row.id !== session.id).map((row) => row.id)
        : candidates.filter((row) => sessionHandle(row.id) === which.handle).map((row) => row.id);
    if (which !== 'others' && ids.length === 0) throw new NotFoundError('De sessie', 'session_not_found');
    const ended = await deleteSessionsByIds(tx, session.organisationId, session.userId, ids);
    await insertSecurityEvent(tx, {
      organisationId: session.organisationId,
      userId: session.userId,
      type: 'sessions_ended',
      at: now,
      actorId: session.userId,
      clientAddress: client.address,
      details: {
        reason: which === 'others' ? 'own_other_sessions' : 'own_session',
        count: ended,
        includesCurrent: ids.includes(session.id),
      },
    });
    return { count: ended, includesCurrent: ids.includes(session.id) };
  });
}
