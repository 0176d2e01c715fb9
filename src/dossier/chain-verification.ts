import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { verifyChain, type ChainBreak } from '../domain/event-chain.ts';
import { newId } from '../ids.ts';
import { toChainedEvent } from './event-log.repository.ts';

export interface ChainVerificationReport {
  complaintsChecked: number;
  eventsChecked: number;
  broken: Array<ChainBreak & { organisationId: string; reference: string }>;
}

const BATCH = 500;

/**
 * Walks every dossier of every organisation in key order, a batch of complaints at a time, so memory
 * stays flat at a million dossiers. Runs as the login role: it must see all organisations.
 */
export async function verifyAllChains(db: Kysely<Database>): Promise<ChainVerificationReport> {
  const report: ChainVerificationReport = { complaintsChecked: 0, eventsChecked: 0, broken: [] };
  let after: { organisationId: string; id: string } | undefined;
  for (;;) {
    let query = db
      .selectFrom('complaints')
      .select(['organisation_id', 'id', 'reference', 'last_event_sequence', 'last_event_hash'])
      .orderBy('organisation_id')
      .orderBy('id')
      .limit(BATCH);
    if (after) {
      const { organisationId, id } = after;
      query = query.where((eb) =>
        eb.or([
          eb('organisation_id', '>', organisationId),
          eb.and([eb('organisation_id', '=', organisationId), eb('id', '>', id)]),
        ]),
      );
    }
    const complaints = await query.execute();
    if (complaints.length === 0) break;

    const byOrganisation = Map.groupBy(complaints, (c) => c.organisation_id);
    for (const [organisationId, group] of byOrganisation) {
      const events = await db
        .selectFrom('dossier_events')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where(
          'complaint_id',
          'in',
          group.map((c) => c.id),
        )
        .orderBy('complaint_id')
        .orderBy('sequence')
        .execute();
      const eventsByComplaint = Map.groupBy(events, (e) => e.complaint_id);
      for (const complaint of group) {
        const chain = (eventsByComplaint.get(complaint.id) ?? []).map(toChainedEvent);
        report.eventsChecked += chain.length;
        const broken = verifyChain(complaint.id, chain, {
          lastSequence: complaint.last_event_sequence,
          lastHash: complaint.last_event_hash,
        });
        if (broken) report.broken.push({ ...broken, organisationId, reference: complaint.reference });
      }
    }
    report.complaintsChecked += complaints.length;
    const last = complaints.at(-1)!;
    after = { organisationId: last.organisation_id, id: last.id };
  }
  return report;
}

export async function recordChainVerification(
  db: Kysely<Database>,
  clock: Clock,
): Promise<ChainVerificationReport> {
  const startedAt = clock.now();
  const report = await verifyAllChains(db);
  await db
    .insertInto('chain_verifications')
    .values({
      id: newId(),
      started_at: startedAt,
      finished_at: clock.now(),
      complaints_checked: report.complaintsChecked,
      events_checked: report.eventsChecked,
      broken_count: report.broken.length,
      first_broken: report.broken[0] ? JSON.stringify(report.broken[0]) : null,
    })
    .execute();
  return report;
}
