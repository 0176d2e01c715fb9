import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { canSeeEveryDossier } from '../auth/complaint-access.ts';
import type { Channel, ComplaintStatus } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { amsterdamDateOf, parseLocalDate } from '../domain/calendar/local-date.ts';
import { clockUrgency, type ClockUrgency } from '../domain/procedure/clock-urgency.ts';
import { ValidationError } from '../errors.ts';
import { loadCalendar } from '../procedure/clock-columns.ts';
import {
  listCategories as selectCategories,
  listComplaints as selectComplaints,
  NO_CLOCK,
  type ComplaintListFilter,
  type ComplaintListRow,
} from './complaint-list.repository.ts';
import type { ComplaintDeps } from './complaint.service.ts';
import { searchText } from './search-text.ts';

const READERS = ['coordinator', 'handler', 'auditor'] as const;

/** The clock the queue can name from the row alone; other clocks show as a plain deadline. */
export type NextClockKind = 'acknowledgment' | 'decision' | null;

export interface ComplaintListItem extends ComplaintListRow {
  next_clock_urgency: ClockUrgency;
  next_clock_kind: NextClockKind;
}

export interface ComplaintPage {
  items: ComplaintListItem[];
  nextCursor: string | null;
}

/** The work-queue filters; saved views store exactly these. */
export interface ComplaintFilters {
  statuses?: readonly ComplaintStatus[];
  channel?: Channel;
  /** A handler's id, or `none` for the unassigned ones. */
  handlerId?: string;
  category?: string;
  liabilityFlag?: boolean;
  overdue?: boolean;
  q?: string;
}

export interface ComplaintListQuery extends ComplaintFilters {
  cursor?: string;
  limit?: number;
  sort?: 'received' | 'deadline';
}

const RUNNING = new Set<ComplaintStatus>(['received', 'acknowledged', 'in_investigation']);

function nextClockKind(row: ComplaintListRow): NextClockKind {
  if (row.next_clock_due === null || !RUNNING.has(row.status)) return null;
  if (row.status === 'received' && row.next_clock_due === row.acknowledge_due) return 'acknowledgment';
  if (row.next_clock_due === row.decision_target) return 'decision';
  return null;
}

export async function listComplaints(
  deps: ComplaintDeps,
  context: AccessContext,
  query: ComplaintListQuery,
): Promise<ComplaintPage> {
  requireRole(context, READERS);
  const limit = Math.min(Math.max(query.limit ?? 25, 1), 100);
  const today = amsterdamDateOf(deps.clock.now());
  const filter: ComplaintListFilter = { limit: limit + 1 };
  if (query.statuses) filter.statuses = query.statuses;
  if (query.channel) filter.channel = query.channel;
  if (query.handlerId) filter.handlerId = query.handlerId === 'none' ? null : query.handlerId;
  if (query.category !== undefined) filter.category = query.category;
  if (query.liabilityFlag !== undefined) filter.liabilityFlag = query.liabilityFlag;
  if (query.overdue) filter.overdueBefore = today;
  const search = query.q === undefined ? null : searchText(query.q);
  if (search !== null) filter.search = search;
  // A handler's queue is their own complaints; the unassigned ones are theirs to triage in the
  // intake queue (`handlerId=none`), and a search still finds both (docs/decisions/0015).
  if (!canSeeEveryDossier(context) && !query.handlerId && search === null) {
    filter.handlerId = context.userId ?? '';
  }
  // A handler sees the complaints assigned to them and the unassigned ones awaiting triage, the
  // same rule as requireDossierAccess, so a search never reveals what the dossier would refuse.
  if (!canSeeEveryDossier(context)) filter.visibleToHandler = context.userId ?? '';
  if (query.sort === 'deadline') {
    filter.sort = 'deadline';
    if (query.cursor) filter.afterDeadline = decodeDeadlineCursor(query.cursor);
  } else if (query.cursor) {
    filter.after = decodeCursor(query.cursor);
  }
  const { rows, calendar } = await withTenant(deps.db, context.organisationId, async (tx) => ({
    rows: await selectComplaints(tx, context.organisationId, filter),
    calendar: await loadCalendar(tx, context.organisationId),
  }));
  const items = rows.slice(0, limit).map((row) => ({
    ...row,
    next_clock_urgency: clockUrgency(
      row.next_clock_due === null ? null : parseLocalDate(row.next_clock_due),
      today,
      calendar,
    ),
    next_clock_kind: nextClockKind(row),
  }));
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? query.sort === 'deadline'
        ? Buffer.from(`d|${last.next_clock_due ?? NO_CLOCK}|${last.id}`).toString('base64url')
        : encodeCursor(new Date(last.received_at), last.id)
      : null;
  return { items, nextCursor };
}

export async function listCategories(deps: ComplaintDeps, context: AccessContext): Promise<string[]> {
  requireRole(context, READERS);
  return withTenant(deps.db, context.organisationId, (tx) => selectCategories(tx, context.organisationId));
}

function encodeCursor(receivedAt: Date, id: string): string {
  return Buffer.from(`${receivedAt.toISOString()}|${id}`).toString('base64url');
}

function invalidCursor(): ValidationError {
  return new ValidationError('De paginacursor is ongeldig.', [
    { field: 'querystring:/cursor', message: 'invalid cursor' },
  ]);
}

function decodeDeadlineCursor(cursor: string): { due: string; id: string } {
  const [kind, due, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (kind !== 'd' || !due || !/^\d{4}-\d{2}-\d{2}$/.test(due) || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    throw invalidCursor();
  }
  return { due, id };
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(iso ?? '');
  if (!id || Number.isNaN(receivedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw invalidCursor();
  return { receivedAt, id };
}
