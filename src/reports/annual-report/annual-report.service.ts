import { requireRole, type AccessContext } from '../../auth/access-context.ts';
import { withTenant } from '../../db/tenant.ts';
import { amsterdamDateOf, localDateFromParts, yearOf } from '../../domain/calendar/local-date.ts';
import { DEFAULT_RECURRENCE_RULE, type RecurrenceRule } from '../../domain/reports/outcomes.ts';
import { letterheadFromOrganisation } from '../../letters/render/letterhead.ts';
import { recordExport } from '../export-log.repository.ts';
import { listImprovementActions } from '../improvement-action.service.ts';
import { loadFacts, REPORT_READERS, type ExportedFile, type ReportDeps } from '../reports.service.ts';
import { annualReportData } from './annual-report-data.ts';
import { renderAnnualReportPdf } from './annual-report-pdf.ts';

/**
 * The yearly complaints report as PDF. Its figures come from the same facts as the API's (one
 * `now` for all of them); the download is written in the export log like the register's.
 */
export async function annualReportPdf(
  deps: ReportDeps,
  context: AccessContext,
  year: number,
  rule: RecurrenceRule = DEFAULT_RECURRENCE_RULE,
): Promise<ExportedFile> {
  requireRole(context, REPORT_READERS);
  const now = deps.clock.now();
  const from = localDateFromParts(year, 1, 1);
  const to = localDateFromParts(year, 12, 31);
  const actions = (await listImprovementActions(deps, context)).filter(
    (a) =>
      a.status === 'open' ||
      yearOf(a.dueDate) === year ||
      yearOf(amsterdamDateOf(a.createdAt)) === year ||
      a.complaints.some((c) => c.reference.includes(`-${year}-`)),
  );
  const data = await withTenant(deps.db, context.organisationId, async (tx) => {
    const facts = await loadFacts(tx, context.organisationId, { from, to }, now);
    const organisation = await tx
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', context.organisationId)
      .executeTakeFirstOrThrow();
    await recordExport(tx, context, {
      report: 'annual_report',
      format: 'pdf',
      filters: { year, ...rule },
      rowCount: facts.length,
      complaintIds: [],
      at: now,
    });
    return annualReportData({
      year,
      from,
      to,
      createdOn: amsterdamDateOf(now),
      letterhead: letterheadFromOrganisation(organisation),
      facts,
      rule,
      actions,
    });
  });
  return {
    fileName: `klachtenjaarverslag-${year}.pdf`,
    mediaType: 'application/pdf',
    content: await renderAnnualReportPdf(data),
  };
}
