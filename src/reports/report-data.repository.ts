import type { Selectable } from 'kysely';
import type { Channel, ComplaintStatus, Database } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { addDays, startOfAmsterdamDay, type LocalDate } from '../domain/calendar/local-date.ts';
import type { ComplaintSnapshot } from '../domain/procedure/complaint-snapshot.ts';
import { listProcedureVersions } from '../procedure/snapshot.repository.ts';
import { sentMomentFrom, snapshotFromRows, type ProcedureVersion } from '../procedure/snapshot-rows.ts';

/** Which complaints a report covers. The period is inclusive and counted on the receipt date. */
export interface ReportFilter {
  from: LocalDate;
  to: LocalDate;
  statuses?: readonly ComplaintStatus[];
  handlerId?: string;
  category?: string;
  channel?: Channel;
  product?: string;
}

export interface ReportComplaintRow {
  id: string;
  reference: string;
  channel: Channel;
  received_at: Date | string;
  product: string | null;
  description: string;
  status: ComplaintStatus;
  handler_id: string | null;
  handler_name: string | null;
  category: string | null;
  root_cause: string | null;
  outcome: string | null;
  liability_flag: boolean;
  acknowledgment_sent_at: Date | string | null;
  decision_mode: 'meeting' | 'letter' | null;
  decision_communicated_at: Date | string | null;
  withdrawn_at: Date | string | null;
  closed_at: Date | string | null;
  complainant_name: string;
  complainant_street: string | null;
  complainant_postal_code: string | null;
  complainant_city: string | null;
  complainant_country: string | null;
  kifid_case_number: string | null;
  kifid_outcome: string | null;
  kifid_outcome_code: string | null;
}

/** A complaint with everything a report needs: its row and its procedure snapshot. */
export interface ReportComplaint {
  row: ReportComplaintRow;
  snapshot: ComplaintSnapshot;
  informationRequestCount: number;
  hearingCount: number;
  delayNoticeCount: number;
}

// PostgreSQL takes at most 65 535 parameters per statement; children are read in slices of this.
const SLICE = 2000;

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

async function childrenOf<T extends { complaint_id: string }>(
  ids: readonly string[],
  load: (slice: string[]) => Promise<T[]>,
): Promise<Map<string, T[]>> {
  const byComplaint = new Map<string, T[]>();
  for (const slice of slices(ids)) {
    for (const row of await load(slice)) {
      const list = byComplaint.get(row.complaint_id) ?? [];
      list.push(row);
      byComplaint.set(row.complaint_id, list);
    }
  }
  return byComplaint;
}

/**
 * Every complaint received in the period (and matching the filter), oldest first, each with its
 * procedure snapshot. The child rows are read per table for all complaints at once instead of one
 * snapshot at a time; `snapshotFromRows` is the same assembly the procedure steps use.
 */
export async function loadReportComplaints(
  tx: Tx,
  organisationId: string,
  filter: ReportFilter,
): Promise<ReportComplaint[]> {
  let query = tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .leftJoin('users as h', (join) =>
      join.onRef('h.organisation_id', '=', 'c.organisation_id').onRef('h.id', '=', 'c.handler_id'),
    )
    .leftJoin('kifid_referrals as k', (join) =>
      join.onRef('k.organisation_id', '=', 'c.organisation_id').onRef('k.complaint_id', '=', 'c.id'),
    )
    .selectAll('c')
    .select([
      'h.display_name as handler_name',
      'p.name as complainant_name',
      'p.street as complainant_street',
      'p.postal_code as complainant_postal_code',
      'p.city as complainant_city',
      'p.country as complainant_country',
      'k.case_number as kifid_case_number',
      'k.outcome as kifid_outcome',
      'k.outcome_code as kifid_outcome_code',
      'k.recorded_at as kifid_recorded_at',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.received_at', '>=', startOfAmsterdamDay(filter.from))
    .where('c.received_at', '<', startOfAmsterdamDay(addDays(filter.to, 1)));
  if (filter.statuses?.length) query = query.where('c.status', 'in', filter.statuses);
  if (filter.handlerId) query = query.where('c.handler_id', '=', filter.handlerId);
  if (filter.category) query = query.where('c.category', '=', filter.category);
  if (filter.channel) query = query.where('c.channel', '=', filter.channel);
  if (filter.product) query = query.where('c.product', '=', filter.product);
  const complaints = await query.orderBy('c.received_at').orderBy('c.reference').execute();
  if (complaints.length === 0) return [];

  const ids = complaints.map((c) => c.id);
  const org = organisationId;
  const [versions, organisation] = await Promise.all([
    listProcedureVersions(tx, org),
    tx
      .selectFrom('organisations')
      .select('kifid_affiliation_number')
      .where('id', '=', org)
      .executeTakeFirstOrThrow(),
  ]);
  const involved = await childrenOf(ids, (s) =>
    tx
      .selectFrom('complaint_involved_employees')
      .select(['complaint_id', 'user_id'])
      .where('organisation_id', '=', org)
      .where('complaint_id', 'in', s)
      .orderBy('user_id')
      .execute(),
  );
  const requests = await childrenOf(ids, (s) =>
    tx
      .selectFrom('information_requests')
      .select(['complaint_id', 'id', 'sent_at', 'answered_at', 'closed_not_needed_at'])
      .where('organisation_id', '=', org)
      .where('complaint_id', 'in', s)
      .orderBy('sent_at')
      .execute(),
  );
  const hearings = await childrenOf(ids, (s) =>
    tx
      .selectFrom('hearings')
      .selectAll()
      .where('organisation_id', '=', org)
      .where('complaint_id', 'in', s)
      .orderBy('employee_id')
      .execute(),
  );
  const consultations = await childrenOf(ids, (s) =>
    tx
      .selectFrom('insurer_consultations')
      .select(['complaint_id', 'consulted_at', 'with_whom', 'agreed'])
      .where('organisation_id', '=', org)
      .where('complaint_id', 'in', s)
      .orderBy('consulted_at')
      .execute(),
  );
  const delays = await childrenOf(ids, (s) =>
    tx
      .selectFrom('delay_notices')
      .select(['complaint_id', 'sent_at', 'reason', 'new_date'])
      .where('organisation_id', '=', org)
      .where('complaint_id', 'in', s)
      .orderBy('sent_at')
      .execute(),
  );
  const meetings = await childrenOf(ids, (s) =>
    tx
      .selectFrom('meetings')
      .select(['complaint_id', 'invited_at', 'scheduled_for', 'confirmed_at'])
      .where('organisation_id', '=', org)
      .where('complaint_id', 'in', s)
      .orderBy('invited_at', 'desc')
      .execute(),
  );

  // Printed letters count from the day they were posted, as on the dossier page.
  const postedLetters = await childrenOf(ids, (s) =>
    tx
      .selectFrom('letters')
      .select(['complaint_id', 'letter_type', 'issued_at', 'posted_on'])
      .where('organisation_id', '=', org)
      .where('complaint_id', 'in', s)
      .where('posted_on', 'is not', null)
      .$narrowType<{ complaint_id: string }>()
      .execute(),
  );

  const versionOf = new Map<number, ProcedureVersion>(versions.map((v) => [v.version, v]));
  return complaints.map((complaint) => {
    const procedure = versionOf.get(complaint.procedure_version);
    if (!procedure)
      throw new Error(`procedure version ${complaint.procedure_version} missing for ${organisationId}`);
    const row = complaint as Selectable<Database['complaints']> & typeof complaint;
    const snapshot = snapshotFromRows(
      {
        complaint: row,
        procedure,
        involved: involved.get(complaint.id) ?? [],
        requests: requests.get(complaint.id) ?? [],
        hearings: hearings.get(complaint.id) ?? [],
        consultations: consultations.get(complaint.id) ?? [],
        delays: delays.get(complaint.id) ?? [],
        meeting: meetings.get(complaint.id)?.[0],
        referral:
          complaint.kifid_case_number === null || complaint.kifid_recorded_at === null
            ? undefined
            : {
                recorded_at: complaint.kifid_recorded_at,
                case_number: complaint.kifid_case_number,
                outcome: complaint.kifid_outcome,
              },
        organisation,
      },
      sentMomentFrom(postedLetters.get(complaint.id) ?? []),
    );
    return {
      row: complaint,
      snapshot,
      informationRequestCount: requests.get(complaint.id)?.length ?? 0,
      hearingCount: (hearings.get(complaint.id) ?? []).filter((h) => h.requested_at !== null).length,
      delayNoticeCount: delays.get(complaint.id)?.length ?? 0,
    };
  });
}
