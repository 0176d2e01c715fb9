import { sql } from 'kysely';
import type { Tx } from '../db/tenant.ts';
import { newId } from '../ids.ts';

/**
 * Tells staff that the complainant did something in the portal: the handler of the complaint, or
 * every coordinator while nobody handles it. The message names the reference, never the content.
 */
export async function notifyComplaintStaff(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  handlerId: string | null,
  notice: { kind: string; message: string },
  now: Date,
): Promise<void> {
  const recipients = handlerId
    ? [handlerId]
    : (
        await tx
          .selectFrom('users')
          .select('id')
          .where('organisation_id', '=', organisationId)
          .where('disabled_at', 'is', null)
          .where(sql<boolean>`'coordinator' = ANY(roles)`)
          .execute()
      ).map((u) => u.id);
  for (const userId of recipients) {
    await tx
      .insertInto('notifications')
      .values({
        organisation_id: organisationId,
        id: newId(),
        user_id: userId,
        complaint_id: complaintId,
        kind: notice.kind,
        message: notice.message,
        created_at: now,
        read_at: null,
      })
      .execute();
  }
}
