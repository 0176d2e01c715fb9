import type { Kysely } from 'kysely';
import type { AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';

export interface NotificationView {
  id: string;
  complaintId: string | null;
  kind: string;
  message: string;
  createdAt: Date;
  read: boolean;
}

function userOf(context: AccessContext): string {
  if (!context.userId) throw new UnauthenticatedError();
  return context.userId;
}

/** A person's own notifications (deadline warnings and the like), newest first. */
export async function listNotifications(
  db: Kysely<Database>,
  context: AccessContext,
  options: { unreadOnly: boolean; limit: number },
): Promise<NotificationView[]> {
  const userId = userOf(context);
  return withTenant(db, context.organisationId, async (tx) => {
    let query = tx
      .selectFrom('notifications')
      .select(['id', 'complaint_id', 'kind', 'message', 'created_at', 'read_at'])
      .where('organisation_id', '=', context.organisationId)
      .where('user_id', '=', userId);
    if (options.unreadOnly) query = query.where('read_at', 'is', null);
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      complaintId: r.complaint_id,
      kind: r.kind,
      message: r.message,
      createdAt: new Date(r.created_at),
      read: r.read_at !== null,
    }));
  });
}

export async function markNotificationRead(
  db: Kysely<Database>,
  clock: Clock,
  context: AccessContext,
  notificationId: string,
): Promise<void> {
  const userId = userOf(context);
  const updated = await withTenant(db, context.organisationId, (tx) =>
    tx
      .updateTable('notifications')
      .set({ read_at: clock.now() })
      .where('organisation_id', '=', context.organisationId)
      .where('user_id', '=', userId)
      .where('id', '=', notificationId)
      .returning('id')
      .executeTakeFirst(),
  );
  if (!updated) throw new NotFoundError('De melding');
}
