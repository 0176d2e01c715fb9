import type { ActorKind, Role } from '../db/schema.ts';
import { ForbiddenError } from '../errors.ts';

/** Who is acting, for which organisation. Every service call takes one; nothing reads it globally. */
export interface Actor {
  kind: ActorKind;
  id: string | null;
}

export interface AccessContext {
  organisationId: string;
  userId: string | null;
  roles: readonly Role[];
  actor: Actor;
}

export function requireRole(context: AccessContext, allowed: readonly Role[]): void {
  if (!context.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(`Deze handeling vraagt een van de rollen: ${allowed.join(', ')}.`);
  }
}

export function systemContext(organisationId: string): AccessContext {
  return {
    organisationId,
    userId: null,
    roles: ['coordinator', 'admin'],
    actor: { kind: 'system', id: null },
  };
}
