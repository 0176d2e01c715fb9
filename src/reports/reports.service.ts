import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database, Role } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { amsterdamDateOf, compareLocalDates, type LocalDate } from '../domain/calendar/local-date.ts';
import { complaintFacts, type ComplaintFacts } from '../domain/reports/complaint-facts.ts';
import {
  countsPerMonth,
  DEFAULT_RECURRENCE_RULE,
  kifidFigures,
  KIFID_OUTCOME_LABELS,
  outcomeCounts,
  recurringCauses,
  totalsOf,
  type KifidOutcomeCode,
  type RecurrenceRule,
} from '../domain/reports/outcomes.ts';
import type { RegisterEntry } from '../domain/reports/register.ts';
import {
  timelinessBy,
  timelinessFigures,
  TIMELINESS_GROUPINGS,
  type TimelinessGrouping,
} from '../domain/reports/timeliness.ts';
import { ValidationError } from '../errors.ts';
import { loadCalendar } from '../procedure/clock-columns.ts';
import { listExports, recordExport } from './export-log.repository.ts';
import { registerCsv, registerXlsx } from './register-files.ts';
import { loadReportComplaints, type ReportComplaint, type ReportFilter } from './report-data.repository.ts';

export interface ReportDeps {
  db: Kysely<Database>;
  clock: Clock;
}

/** Reports show every complaint of the organisation (the register with names and addresses). */
export const REPORT_READERS: readonly Role[] = ['coordinator', 'auditor'];

function checkPeriod(filter: ReportFilter): void {
  if (compareLocalDates(filter.from, filter.to) > 0) {
    throw new ValidationError(
      'De begindatum ligt na de einddatum.',
      [{ field: 'querystring:/from', message: 'after to' }],
      'invalid_period',
    );
  }
}

const dateOf = (value: Date | string | null): LocalDate | null =>
  value === null ? null : amsterdamDateOf(new Date(value));

function entryOf(complaint: ReportComplaint): RegisterEntry {
  const { row } = complaint;
  const kifidLabel = row.kifid_outcome_code
    ? KIFID_OUTCOME_LABELS[row.kifid_outcome_code as KifidOutcomeCode]
    : row.kifid_outcome;
  return {
    id: row.id,
    reference: row.reference,
    receivedDate: amsterdamDateOf(new Date(row.received_at)),
    channel: row.channel,
    complainantName: row.complainant_name,
    street: row.complainant_street,
    postalCode: row.complainant_postal_code,
    city: row.complainant_city,
    country: row.complainant_country,
    product: row.product,
    description: row.description,
    category: row.category,
    rootCause: row.root_cause,
    handlerName: row.handler_name,
    status: row.status,
    acknowledgedDate: dateOf(row.acknowledgment_sent_at),
    informationRequests: complaint.informationRequestCount,
    hearings: complaint.hearingCount,
    liabilityFlag: row.liability_flag,
    delayNotices: complaint.delayNoticeCount,
    replyMode: row.decision_mode,
    replyDate: dateOf(row.decision_communicated_at),
    outcome: row.outcome,
    closedDate: dateOf(row.closed_at),
    withdrawnDate: dateOf(row.withdrawn_at),
    kifidCaseNumber: row.kifid_case_number,
    kifidOutcome: kifidLabel ?? null,
  };
}

/**
 * The complaints the figures are about: everything received in the period except what turned out
 * not to be a complaint (reclassified as a question, claim or cancellation). The register still
 * lists those, so a relabelling stays visible.
 */
export async function loadFacts(
  tx: Tx,
  organisationId: string,
  filter: ReportFilter,
  now: Date,
): Promise<ComplaintFacts[]> {
  const complaints = await loadReportComplaints(tx, organisationId, filter);
  const calendar = await loadCalendar(tx, organisationId);
  return complaints
    .filter((c) => c.row.status !== 'reclassified')
    .map((c) =>
      complaintFacts(
        c.snapshot,
        {
          id: c.row.id,
          reference: c.row.reference,
          channel: c.row.channel,
          product: c.row.product,
          handlerName: c.row.handler_name,
          kifidOutcomeCode: c.row.kifid_outcome_code,
        },
        calendar,
        now,
      ),
    );
}

export async function getRegister(
  deps: ReportDeps,
  context: AccessContext,
  filter: ReportFilter,
): Promise<RegisterEntry[]> {
  requireRole(context, REPORT_READERS);
  checkPeriod(filter);
  return withTenant(deps.db, context.organisationId, async (tx) =>
    (await loadReportComplaints(tx, context.organisationId, filter)).map(entryOf),
  );
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The register as a file; the export is logged in the same transaction that read the data. */
export async function exportRegister(
  deps: ReportDeps,
  context: AccessContext,
  filter: ReportFilter,
  format: 'csv' | 'xlsx',
): Promise<ExportedFile> {
  requireRole(context, REPORT_READERS);
  checkPeriod(filter);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const entries = (await loadReportComplaints(tx, context.organisationId, filter)).map(entryOf);
    const organisation = await tx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', context.organisationId)
      .executeTakeFirstOrThrow();
    await recordExport(tx, context, {
      report: 'register',
      format,
      filters: { ...filter },
      rowCount: entries.length,
      complaintIds: entries.map((e) => e.id),
      at: now,
    });
    const content =
      format === 'csv'
        ? registerCsv(entries)
        : await registerXlsx(entries, { organisationName: organisation.name, createdAt: now });
    return {
      fileName: `klachtenregister-${filter.from}-${filter.to}.${format}`,
      mediaType: MEDIA_TYPES[format],
      content,
    };
  });
}

export async function getTimeliness(
  deps: ReportDeps,
  context: AccessContext,
  filter: ReportFilter,
  groupings: readonly TimelinessGrouping[] = TIMELINESS_GROUPINGS,
) {
  requireRole(context, REPORT_READERS);
  checkPeriod(filter);
  const now = deps.clock.now();
  const facts = await withTenant(deps.db, context.organisationId, (tx) =>
    loadFacts(tx, context.organisationId, filter, now),
  );
  return {
    from: filter.from,
    to: filter.to,
    computedAt: now,
    overall: timelinessFigures(facts),
    groups: Object.fromEntries(groupings.map((g) => [g, timelinessBy(facts, g)])),
  };
}

export function outcomeFigures(facts: readonly ComplaintFacts[], rule: RecurrenceRule) {
  return {
    complaints: facts.length,
    outcomes: outcomeCounts(facts),
    categories: totalsOf(facts, 'category'),
    rootCauses: totalsOf(facts, 'rootCause'),
    categoriesPerMonth: countsPerMonth(facts, 'category'),
    rootCausesPerMonth: countsPerMonth(facts, 'rootCause'),
    recurrenceRule: rule,
    recurringCauses: recurringCauses(facts, rule),
    kifid: kifidFigures(facts),
  };
}

export async function getOutcomes(
  deps: ReportDeps,
  context: AccessContext,
  filter: ReportFilter,
  rule: RecurrenceRule = DEFAULT_RECURRENCE_RULE,
) {
  requireRole(context, REPORT_READERS);
  checkPeriod(filter);
  const now = deps.clock.now();
  const facts = await withTenant(deps.db, context.organisationId, (tx) =>
    loadFacts(tx, context.organisationId, filter, now),
  );
  return { from: filter.from, to: filter.to, computedAt: now, ...outcomeFigures(facts, rule) };
}

export async function getExportLog(deps: ReportDeps, context: AccessContext, limit = 100) {
  requireRole(context, REPORT_READERS);
  return withTenant(deps.db, context.organisationId, (tx) => listExports(tx, context.organisationId, limit));
}
