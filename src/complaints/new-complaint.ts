import { createWorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import { linkEvent, type LinkedEvent, type NewDossierEvent } from '../dossier/event-log.repository.ts';
import { clockColumns } from '../procedure/clock-columns.ts';
import { snapshotFromRows, type SnapshotComplaintColumns } from '../procedure/snapshot-rows.ts';
import type { ProcedureContext } from '../procedure/snapshot.repository.ts';
import type { StoredProcedureVersion } from '../procedure/snapshot.repository.ts';

/** Every procedure moment of a complaint that has just arrived: none yet. */
export function freshProcedureColumns(receivedAt: Date, handlerId: string | null): SnapshotComplaintColumns {
  return {
    status: 'received',
    received_at: receivedAt,
    handler_id: handlerId,
    acknowledgment_sent_at: null,
    information_not_needed_at: null,
    liability_flagged_at: null,
    insurer_notified_at: null,
    decision_mode: null,
    decision_communicated_at: null,
    withdrawn_at: null,
    reclassified_at: null,
    closed_at: null,
    category: null,
    root_cause: null,
    outcome: null,
  };
}

/**
 * What a new complaint's row carries besides what was entered: its clock dates and the head of its
 * event chain, with the first event. Everything a snapshot is made of is known before the row is
 * written (no information requests, hearings, letters, ... yet), so the snapshot is assembled from
 * these values by the same `snapshotFromRows` every reader uses, and the first event is linked to
 * the empty chain — nothing is read back. Nobody else can see the row before the commit, so the
 * chain needs no lock beyond the insert's own.
 */
export function newComplaintRow(input: {
  organisationId: string;
  complaintId: string;
  procedure: StoredProcedureVersion;
  context: ProcedureContext;
  columns: SnapshotComplaintColumns;
  involvedEmployeeIds: readonly string[];
  now: Date;
  firstEvent: NewDossierEvent;
}) {
  const snapshot = snapshotFromRows({
    complaint: input.columns,
    procedure: input.procedure,
    // In the order the snapshot reader gives them (ORDER BY user_id: uuids sort as their text).
    involved: input.involvedEmployeeIds.toSorted().map((user_id) => ({ user_id })),
    requests: [],
    hearings: [],
    consultations: [],
    delays: [],
    meeting: undefined,
    referral: undefined,
    organisation: { kifid_affiliation_number: input.context.kifidAffiliationNumber },
  });
  const calendar = createWorkingDayCalendar({ closingDays: input.context.closingDays });
  const { columns } = clockColumns(snapshot, calendar, input.now);
  const first: LinkedEvent = linkEvent(
    input.organisationId,
    input.complaintId,
    { sequence: 0, hash: null },
    input.firstEvent,
  );
  return {
    values: {
      ...input.columns,
      ...columns,
      procedure_version: input.procedure.version,
      last_event_sequence: first.chained.sequence,
      last_event_hash: first.hash,
    },
    first,
  };
}
