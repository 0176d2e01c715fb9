import type { Tx } from '../db/tenant.ts';
import { findUsers } from '../users/user.repository.ts';

/** How the acting staff member signs what they wrote down or confirmed; null for a system step. */
export async function displayNameOf(
  tx: Tx,
  organisationId: string,
  userId: string | null,
): Promise<string | null> {
  if (userId === null) return null;
  const [user] = await findUsers(tx, organisationId, [userId]);
  return user?.display_name ?? null;
}
