import { sql, type Kysely } from 'kysely';
import { systemContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withSystem, withTenant, type Tx } from '../db/tenant.ts';
import { addDays, amsterdamDateOf, type LocalDate } from '../domain/calendar/local-date.ts';
import { formatDutchDate } from '../domain/calendar/explain.ts';
import { clockWarnings, type ClockWarning } from '../domain/procedure/clock-warnings.ts';
import type { ClockKind } from '../domain/procedure/clocks.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { coordinatorIds, notifyUsers } from '../notifications/notification.repository.ts';
import { loadCalendar, refreshClockColumns } from './clock-columns.ts';
import { loadComplaintSnapshot } from './snapshot.repository.ts';

/** Dutch names of the clocks, for the people who are warned. */
export const CLOCK_NAMES: Readonly<Record<ClockKind, string>> = {
  acknowledgment: 'ontvangstbevestiging',
  missing_information: 'bericht over ontbrekende informatie',
  decision: 'standpunt',
  delay_notice: 'bericht termijnoverschrijding',
  hearing_reaction: 'reactie op wederhoor',
  insurer_notification: 'melding aan de beroepsaansprakelijkheidsverzekeraar',
  kifid_no_position: 'KiFiD-termijn zonder standpunt',
  kifid_window: 'KiFiD-termijn na standpunt',
};

/**
 * Long weekends and Christmas put at most a few non-working days between a warning and its clock;
 * a week's margin finds every complaint whose warning may start now without scanning all of them.
 */
const LOOKAHEAD_DAYS = 7;
const BATCH = 500;

export interface SweepReport {
  complaintsChecked: number;
  warnings: number;
  missed: number;
}

/**
 * Finds clocks that end within one working day and clocks that were missed; tells the handler and the
 * coordinators once per clock (recorded in clock_notices), and records a missed clock in the dossier.
 */
export async function sweepDeadlines(db: Kysely<Database>, clock: Clock): Promise<SweepReport> {
  const now = clock.now();
  const horizon = addDays(amsterdamDateOf(now), LOOKAHEAD_DAYS);
  const report: SweepReport = { complaintsChecked: 0, warnings: 0, missed: 0 };
  let after: Candidate | undefined;
  for (;;) {
    const candidates = await withSystem(db, (tx) => findCandidates(tx, horizon, now, after));
    if (candidates.length === 0) break;
    for (const [organisationId, group] of Map.groupBy(candidates, (c) => c.organisation_id)) {
      await withTenant(db, organisationId, async (tx) => {
        const calendar = await loadCalendar(tx, organisationId);
        for (const { id } of group) {
          const snapshot = await loadComplaintSnapshot(tx, organisationId, id);
          if (!snapshot) continue;
          const clocks = await refreshClockColumns(tx, organisationId, id, snapshot, calendar, now, {
            warningsNoticed: true,
          });
          for (const warning of clockWarnings(clocks, calendar, now)) {
            if (await noticeOnce(tx, organisationId, id, warning, now)) {
              await tellPeople(tx, organisationId, id, snapshot.handlerId, warning, now);
              if (warning.kind === 'missed') report.missed++;
              else report.warnings++;
            }
          }
          report.complaintsChecked++;
        }
      });
    }
    after = candidates.at(-1)!;
  }
  return report;
}

/** The sweep's order: never computed first, then by the moment a clock may change (index 0011). */
const QUIET_KEY = sql<Date>`coalesce(clocks_quiet_until, '1970-01-01T00:00:00Z'::timestamptz)`;

interface Candidate {
  organisation_id: string;
  id: string;
  quiet: Date;
}

/**
 * Open complaints with a clock ending soon, except those whose clocks cannot change before a moment
 * still to come (clocks_quiet_until, set whenever the clocks are computed): a sweep every quarter
 * of an hour reads only the complaints a step or the passing of time may have changed, straight
 * from an index ordered by that moment, however many complaints are open.
 */
async function findCandidates(
  tx: Tx,
  horizon: LocalDate,
  now: Date,
  after: Candidate | undefined,
): Promise<Candidate[]> {
  let query = tx
    .selectFrom('complaints')
    .select(['organisation_id', 'id', QUIET_KEY.as('quiet')])
    .where('status', 'not in', ['closed', 'withdrawn'])
    .where(QUIET_KEY, '<=', now)
    .where('next_clock_due', '<=', horizon)
    .orderBy(QUIET_KEY)
    .orderBy('organisation_id')
    .orderBy('id')
    .limit(BATCH);
  if (after) {
    const { quiet, organisation_id: organisationId, id } = after;
    query = query.where(
      sql<boolean>`(${QUIET_KEY}, organisation_id, id) > (${new Date(quiet)}::timestamptz, ${organisationId}::uuid, ${id}::uuid)`,
    );
  }
  return query.execute();
}

function clockKey(warning: ClockWarning): string {
  return warning.clock.subjectId ? `${warning.clock.kind}:${warning.clock.subjectId}` : warning.clock.kind;
}

/** True the first time this warning is given for this clock and due date. */
async function noticeOnce(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  warning: ClockWarning,
  now: Date,
): Promise<boolean> {
  const inserted = await tx
    .insertInto('clock_notices')
    .values({
      organisation_id: organisationId,
      complaint_id: complaintId,
      clock_key: clockKey(warning),
      kind: warning.kind === 'missed' ? 'missed' : 'warning',
      due_date: warning.clock.dueDate!,
      noticed_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('clock_key')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function tellPeople(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  handlerId: string | null,
  warning: ClockWarning,
  now: Date,
): Promise<void> {
  const complaint = await tx
    .selectFrom('complaints')
    .select('reference')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  // Deadlines concern the coordinators always, and the handler of the complaint too.
  const recipients = [...(await coordinatorIds(tx, organisationId)), ...(handlerId ? [handlerId] : [])];
  const name = CLOCK_NAMES[warning.clock.kind];
  const due = formatDutchDate(warning.clock.dueDate!);
  const message =
    warning.kind === 'missed'
      ? `${complaint.reference}: de termijn voor de ${name} is verstreken (uiterlijk ${due}).`
      : `${complaint.reference}: de termijn voor de ${name} loopt af op ${due}.`;
  await notifyUsers(
    tx,
    organisationId,
    recipients,
    { kind: warning.kind === 'missed' ? 'clock_missed' : 'clock_ends_soon', message, complaintId },
    now,
  );
  if (warning.kind === 'missed') {
    await appendDossierEvent(tx, organisationId, complaintId, {
      type: 'complaint.clock_missed',
      actor: systemContext(organisationId).actor,
      occurredAt: now,
      data: {
        clock: warning.clock.kind,
        subjectId: warning.clock.subjectId,
        dueDate: warning.clock.dueDate!,
      },
    });
  }
}
