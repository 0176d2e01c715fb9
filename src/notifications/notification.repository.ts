import { sql } from 'kysely';
import type { Tx } from '../db/tenant.ts';
import { newId } from '../ids.ts';

export interface Notice {
  kind: string;
  /** Names the reference, never the content of the dossier. */
  message: string;
  complaintId: string | null;
}

/** The active coordinators of an organisation: they hear about everything nobody else handles. */
export async function coordinatorIds(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`'coordinator' = ANY(roles)`)
    .execute();
  return rows.map((row) => row.id);
}

export async function notifyUsers(
  tx: Tx,
  organisationId: string,
  userIds: Iterable<string>,
  notice: Notice,
  now: Date,
): Promise<void> {
  for (const userId of new Set(userIds)) {
    await tx
      .insertInto('notifications')
      .values({
        organisation_id: organisationId,
        id: newId(),
        user_id: userId,
        complaint_id: notice.complaintId,
        kind: notice.kind,
        message: notice.message,
        created_at: now,
        read_at: null,
      })
      .execute();
  }
}

/** The handler of the complaint, or every coordinator while nobody handles it. */
export async function notifyComplaintStaff(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  handlerId: string | null,
  notice: Omit<Notice, 'complaintId'>,
  now: Date,
): Promise<void> {
  const recipients = handlerId ? [handlerId] : await coordinatorIds(tx, organisationId);
  await notifyUsers(tx, organisationId, recipients, { ...notice, complaintId }, now);
}
