import type { Selectable } from 'kysely';
import type { SecurityEventsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { newId } from '../ids.ts';

export type SecurityEventRow = Selectable<SecurityEventsTable>;

/**
 * What the administrator reads about sign-ins (ASVS 16.3.1): successes, failures with their reason,
 * lockouts, factor and password changes, disabling. Ids, codes, moments and the client address —
 * never a password, a code, a token or the e-mail address someone typed.
 */
export type SecurityEventType =
  | 'login_succeeded'
  | 'login_step_passed'
  | 'login_failed'
  | 'account_locked'
  | 'second_factor_failed'
  | 'recovery_code_used'
  | 'totp_enrolled'
  | 'password_changed'
  | 'password_reset_requested'
  | 'password_reset_completed'
  | 'invitation_created'
  | 'invitation_accepted'
  | 'sessions_ended'
  | 'user_disabled'
  | 'invitation_revoked'
  | 'roles_changed'
  | 'sso_linked'
  | 'sso_settings_changed'
  | 'sso_unlinked'
  | 'sso_logout';

export interface NewSecurityEvent {
  organisationId: string;
  userId: string | null;
  type: SecurityEventType;
  at: Date;
  actorId?: string | null;
  clientAddress?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export async function insertSecurityEvent(tx: Tx, event: NewSecurityEvent): Promise<void> {
  await tx
    .insertInto('security_events')
    .values({
      organisation_id: event.organisationId,
      id: newId(),
      user_id: event.userId,
      type: event.type,
      occurred_at: event.at,
      actor_id: event.actorId ?? null,
      client_address: event.clientAddress ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export async function listSecurityEvents(
  tx: Tx,
  organisationId: string,
  userId: string,
  limit: number,
): Promise<SecurityEventRow[]> {
  return tx
    .selectFrom('security_events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
