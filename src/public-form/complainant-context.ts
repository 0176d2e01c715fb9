import type { AccessContext } from '../auth/access-context.ts';

/**
 * Who acts when the public form registers a complaint: the complainant themselves, through the
 * system. Like `systemContext`, but the dossier event names the complainant as actor, and only the
 * one role registration needs.
 */
export function complainantContext(organisationId: string): AccessContext {
  return {
    organisationId,
    userId: null,
    roles: ['coordinator'],
    actor: { kind: 'complainant', id: null },
  };
}
