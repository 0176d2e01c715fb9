import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database, Role, UserRow } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseLine } from '../text.ts';
import { findUserByEmail, insertUser, listUsers as selectUsers } from './user.repository.ts';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: Date;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    disabled: row.disabled_at !== null,
    createdAt: new Date(row.created_at),
  };
}

/** Accounts are created without a password; the administrator then sends an invitation link (auth/invitation.service.ts). */
export async function createUser(
  deps: { db: Kysely<Database>; clock: Clock },
  context: AccessContext,
  input: { email: string; displayName: string; roles: Role[] },
): Promise<UserView> {
  requireRole(context, ['admin']);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, (tx) => createUserRow(tx, context, input, now));
}

/** In the caller's transaction (an invitation is made in the same one). */
export async function createUserRow(
  tx: Tx,
  context: AccessContext,
  input: { email: string; displayName: string; roles: readonly Role[] },
  now: Date,
): Promise<UserView> {
  const email = normaliseLine(input.email).toLowerCase();
  const displayName = normaliseLine(input.displayName);
  const roles = [...new Set(input.roles)];
  if (displayName === '' || roles.length === 0) {
    throw new ValidationError('Naam en ten minste één rol zijn verplicht.', [
      ...(displayName === '' ? [{ field: '/displayName', message: 'De naam ontbreekt.' }] : []),
      ...(roles.length === 0 ? [{ field: '/roles', message: 'Kies ten minste één rol.' }] : []),
    ]);
  }
  if (await findUserByEmail(tx, context.organisationId, email)) {
    throw new ConflictError('Er is al een gebruiker met dit e-mailadres.', 'email_taken');
  }
  const row = await insertUser(tx, {
    organisation_id: context.organisationId,
    id: newId(),
    email,
    display_name: displayName,
    roles,
    password_hash: null,
    must_change_password: true,
    disabled_at: null,
    created_at: now,
  });
  return toUserView(row);
}

export async function listUsers(deps: { db: Kysely<Database> }, context: AccessContext): Promise<UserView[]> {
  requireRole(context, ['admin', 'coordinator', 'handler', 'auditor']);
  return withTenant(deps.db, context.organisationId, async (tx) =>
    (await selectUsers(tx, context.organisationId)).map(toUserView),
  );
}
