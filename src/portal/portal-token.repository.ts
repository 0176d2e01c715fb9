import type { Insertable } from 'kysely';
import type { PortalTokensTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import type { ComplaintEnd } from './portal-policy.ts';

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export async function insertPortalToken(tx: Tx, row: Insertable<PortalTokensTable>): Promise<void> {
  await tx.insertInto('portal_tokens').values(row).execute();
}

export interface PortalTokenRecord {
  id: string;
  complaintId: string;
  firstUsedAt: Date | null;
  revokedAt: Date | null;
  end: ComplaintEnd;
}

/** The link with the moments its dossier ended, which decide whether it still works. */
export async function findPortalTokenBySecret(
  tx: Tx,
  organisationId: string,
  secretSha256: string,
): Promise<PortalTokenRecord | undefined> {
  const row = await tx
    .selectFrom('portal_tokens as t')
    .innerJoin('complaints as c', (join) =>
      join.onRef('c.organisation_id', '=', 't.organisation_id').onRef('c.id', '=', 't.complaint_id'),
    )
    .select([
      't.id',
      't.complaint_id',
      't.first_used_at',
      't.revoked_at',
      'c.closed_at',
      'c.withdrawn_at',
      'c.reclassified_at',
    ])
    .where('t.organisation_id', '=', organisationId)
    .where('t.secret_sha256', '=', secretSha256)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    complaintId: row.complaint_id,
    firstUsedAt: toDate(row.first_used_at),
    revokedAt: toDate(row.revoked_at),
    end: {
      closedAt: toDate(row.closed_at),
      withdrawnAt: toDate(row.withdrawn_at),
      reclassifiedAt: toDate(row.reclassified_at),
    },
  };
}

/** True for exactly one caller, however many use the link at the same moment. */
export async function claimFirstUse(
  tx: Tx,
  organisationId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const claimed = await tx
    .updateTable('portal_tokens')
    .set({ first_used_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', tokenId)
    .where('first_used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** The end moments of a complaint, for a link about to be issued. */
export async function findComplaintEnd(
  tx: Tx,
  organisationId: string,
  complaintId: string,
): Promise<ComplaintEnd | undefined> {
  const row = await tx
    .selectFrom('complaints')
    .select(['closed_at', 'withdrawn_at', 'reclassified_at'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    closedAt: toDate(row.closed_at),
    withdrawnAt: toDate(row.withdrawn_at),
    reclassifiedAt: toDate(row.reclassified_at),
  };
}
