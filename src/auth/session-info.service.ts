import type { Kysely } from 'kysely';
import type { Database, Role, SessionStage } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { UnauthenticatedError } from '../errors.ts';
import { findOrganisation } from '../organisations/organisation.repository.ts';
import type { AccessContext } from './access-context.ts';
import { csrfTokenFor } from './csrf.ts';
import type { ResolvedSession } from './session.service.ts';
import { findUserRow } from './user-credential.repository.ts';

export interface SessionInfo {
  step: SessionStage;
  via: 'session' | 'api_token';
  user: { id: string; email: string; displayName: string; roles: Role[]; secondFactor: boolean };
  organisation: { id: string; slug: string; name: string };
  /** For X-CSRF-Token; null for API tokens, which need none. */
  csrfToken: string | null;
  expiresAt: Date | null;
  idleExpiresAt: Date | null;
}

/** "Who am I": for the web client after a reload, and the CSRF token it sends with every change. */
export async function describeSession(
  db: Kysely<Database>,
  session: ResolvedSession | null,
  access: AccessContext | null,
): Promise<SessionInfo> {
  const organisationId = session?.organisationId ?? access?.organisationId;
  const userId = session?.userId ?? access?.userId;
  if (!organisationId || !userId) throw new UnauthenticatedError();
  const { user, organisation } = await withTenant(db, organisationId, async (tx) => ({
    user: await findUserRow(tx, organisationId, userId),
    organisation: await findOrganisation(tx, organisationId),
  }));
  if (!user || !organisation) throw new UnauthenticatedError();
  return {
    step: session?.stage ?? 'active',
    via: session ? 'session' : 'api_token',
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      roles: user.roles,
      secondFactor: user.totp_enabled_at !== null,
    },
    organisation: { id: organisation.id, slug: organisation.slug, name: organisation.name },
    csrfToken: session ? csrfTokenFor(session.secret) : null,
    expiresAt: session?.expiresAt ?? null,
    idleExpiresAt: session?.idleExpiresAt ?? null,
  };
}
