import type { Tx } from '../db/tenant.ts';

export async function updateDecisionPreference(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  preference: 'meeting' | 'letter',
  now: Date,
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({ decision_preference: preference, decision_preference_at: now, updated_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .execute();
}
