import type { Tx } from '../db/tenant.ts';
import type { AfmComplaintFacts } from '../domain/exports/afm-klachtenuitvraag.ts';

const DAY_MS = 86_400_000;

function date(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** Withdrawn and then closed (or the other way round): finished at the first of the two. */
function earliest(a: Date | null, b: Date | null): Date | null {
  return a === null ? b : b === null || a <= b ? a : b;
}

/**
 * Every complaint that may belong in a year's report. The bounds are a day wider than the year on
 * both sides (Amsterdam is at most two hours from UTC); the domain decides on calendar dates.
 * Arrivals reclassified as something else were never complaints and stay out.
 */
export async function loadAfmFacts(
  tx: Tx,
  organisationId: string,
  year: number,
): Promise<{ licenceNumber: string | null; facts: AfmComplaintFacts[] }> {
  const organisation = await tx
    .selectFrom('organisations')
    .select('afm_number')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const from = new Date(Date.UTC(year, 0, 1) - DAY_MS);
  const until = new Date(Date.UTC(year + 1, 0, 1) + DAY_MS);
  const rows = await tx
    .selectFrom('complaints as c')
    .leftJoin('kifid_referrals as k', (join) =>
      join.onRef('k.organisation_id', '=', 'c.organisation_id').onRef('k.complaint_id', '=', 'c.id'),
    )
    .select([
      'c.id',
      'c.received_at',
      'c.channel',
      'c.product',
      'c.category',
      'c.root_cause',
      'c.outcome',
      'c.closed_at',
      'c.withdrawn_at',
      'c.decision_communicated_at',
      'c.decision_due',
      'k.recorded_at as kifid_recorded_at',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.reclassified_at', 'is', null)
    .where('c.received_at', '<', until)
    .where((eb) =>
      eb.or([
        eb.and([eb('c.closed_at', 'is', null), eb('c.withdrawn_at', 'is', null)]),
        eb('c.closed_at', '>=', from),
        eb('c.withdrawn_at', '>=', from),
      ]),
    )
    .orderBy('c.received_at')
    .orderBy('c.id')
    .execute();
  return {
    licenceNumber: organisation.afm_number,
    facts: rows.map((row) => ({
      organisationId,
      complaintId: row.id,
      receivedAt: new Date(row.received_at),
      channel: row.channel,
      product: row.product,
      category: row.category,
      rootCause: row.root_cause,
      outcome: row.outcome,
      finishedAt: earliest(date(row.closed_at), date(row.withdrawn_at)),
      decisionCommunicatedAt: date(row.decision_communicated_at),
      decisionDue: row.decision_due,
      kifidReferredAt: date(row.kifid_recorded_at),
    })),
  };
}
