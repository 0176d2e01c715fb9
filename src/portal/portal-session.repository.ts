import type { Insertable } from 'kysely';
import type { PortalSessionStage, PortalSessionsTable } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import type { ComplaintEnd } from './portal-policy.ts';

const toDate = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

export async function insertPortalSession(tx: Tx, row: Insertable<PortalSessionsTable>): Promise<void> {
  await tx.insertInto('portal_sessions').values(row).execute();
}

export interface PortalSessionRecord {
  id: string;
  tokenId: string;
  complaintId: string;
  stage: PortalSessionStage;
  lastSeenAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  tokenRevokedAt: Date | null;
  end: ComplaintEnd;
}

/** The session with its link and dossier, because a session lives no longer than its link. */
export async function findPortalSessionBySecret(
  tx: Tx,
  organisationId: string,
  secretSha256: string,
): Promise<PortalSessionRecord | undefined> {
  const row = await tx
    .selectFrom('portal_sessions as s')
    .innerJoin('portal_tokens as t', (join) =>
      join.onRef('t.organisation_id', '=', 's.organisation_id').onRef('t.id', '=', 's.token_id'),
    )
    .innerJoin('complaints as c', (join) =>
      join.onRef('c.organisation_id', '=', 's.organisation_id').onRef('c.id', '=', 's.complaint_id'),
    )
    .select([
      's.id',
      's.token_id',
      's.complaint_id',
      's.stage',
      's.last_seen_at',
      's.expires_at',
      's.ended_at',
      't.revoked_at',
      'c.closed_at',
      'c.withdrawn_at',
      'c.reclassified_at',
    ])
    .where('s.organisation_id', '=', organisationId)
    .where('s.secret_sha256', '=', secretSha256)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    tokenId: row.token_id,
    complaintId: row.complaint_id,
    stage: row.stage,
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    endedAt: toDate(row.ended_at),
    tokenRevokedAt: toDate(row.revoked_at),
    end: {
      closedAt: toDate(row.closed_at),
      withdrawnAt: toDate(row.withdrawn_at),
      reclassifiedAt: toDate(row.reclassified_at),
    },
  };
}

export async function touchPortalSession(
  tx: Tx,
  organisationId: string,
  sessionId: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('portal_sessions')
    .set({ last_seen_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', sessionId)
    .execute();
}

export async function endPortalSession(
  tx: Tx,
  organisationId: string,
  sessionId: string,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('portal_sessions')
    .set({ ended_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute();
}
