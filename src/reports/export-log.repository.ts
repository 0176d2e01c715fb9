import type { AccessContext } from '../auth/access-context.ts';
import type { Tx } from '../db/tenant.ts';
import { newId } from '../ids.ts';

export interface ExportRecord {
  report: 'register' | 'annual_report';
  format: 'csv' | 'xlsx' | 'pdf';
  filters: Record<string, unknown>;
  /** How many complaints the file covers. */
  rowCount: number;
  /** The complaints whose personal data left in the file; each of these dossiers records the read. */
  complaintIds: readonly string[];
  at: Date;
}

/**
 * An export is written down in the export log and, because the file carries names and addresses,
 * as a read of every dossier in it (the same `dossier_reads` the dossier page writes), so "who saw
 * this complaint" also answers "who took it away in a spreadsheet".
 */
export async function recordExport(tx: Tx, context: AccessContext, record: ExportRecord): Promise<string> {
  const id = newId();
  await tx
    .insertInto('report_exports')
    .values({
      organisation_id: context.organisationId,
      id,
      user_id: context.userId,
      actor_kind: context.actor.kind,
      report: record.report,
      format: record.format,
      filters: JSON.stringify(record.filters),
      row_count: record.rowCount,
      exported_at: record.at,
    })
    .execute();
  const what = `export:${record.report}:${record.format}:${id}`;
  for (let i = 0; i < record.complaintIds.length; i += 1000) {
    await tx
      .insertInto('dossier_reads')
      .values(
        record.complaintIds.slice(i, i + 1000).map((complaintId) => ({
          organisation_id: context.organisationId,
          id: newId(),
          complaint_id: complaintId,
          user_id: context.userId,
          actor_kind: context.actor.kind,
          what,
          read_at: record.at,
        })),
      )
      .execute();
  }
  return id;
}

export async function listExports(tx: Tx, organisationId: string, limit: number) {
  const rows = await tx
    .selectFrom('report_exports as e')
    .leftJoin('users as u', (join) =>
      join.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.user_id'),
    )
    .select([
      'e.id',
      'e.user_id',
      'u.display_name as user_name',
      'e.actor_kind',
      'e.report',
      'e.format',
      'e.filters',
      'e.row_count',
      'e.exported_at',
    ])
    .where('e.organisation_id', '=', organisationId)
    .orderBy('e.exported_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    actorKind: r.actor_kind,
    report: r.report,
    format: r.format,
    filters: r.filters as Record<string, unknown>,
    rowCount: r.row_count,
    exportedAt: new Date(r.exported_at),
  }));
}
