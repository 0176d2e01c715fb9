import { sql } from 'kysely';
import type { Channel, ComplaintRow, ComplaintStatus } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';

export interface ComplaintListFilter {
  statuses?: readonly ComplaintStatus[];
  channel?: Channel;
  /** A handler's id, or `null` for the complaints nobody handles yet. */
  handlerId?: string | null;
  category?: string;
  liabilityFlag?: boolean;
  /** Only complaints with a clock missed before this date (today, in Amsterdam). */
  overdueBefore?: string;
  /** Dutch full-text search, in websearch syntax ("quotes", or, -not). */
  search?: string;
  /** Only what this handler may see: assigned to them, or to nobody yet. */
  visibleToHandler?: string;
  /** `deadline`: the nearest running clock first (the work queue); default: newest receipt first. */
  sort?: 'received' | 'deadline';
  afterDeadline?: { due: string; id: string };
  /** Keyset cursor: the last row of the previous page. */
  after?: { receivedAt: Date; id: string };
  limit: number;
}

export type ComplaintListRow = Pick<
  ComplaintRow,
  | 'id'
  | 'reference'
  | 'channel'
  | 'received_at'
  | 'status'
  | 'handler_id'
  | 'liability_flag'
  | 'product'
  | 'category'
  | 'next_clock_due'
  | 'acknowledge_due'
  | 'decision_target'
> & { complainant_name: string };

/** Complaints without a running clock sort after every date. */
export const NO_CLOCK = '9999-12-31';

/**
 * The queue's sort key, written exactly as the expression indexes of migration 0014 are, with the
 * date as a literal (a bound parameter would not match the index expression in a generic plan).
 */
const DUE_KEY = sql<string>`coalesce(c.next_clock_due, '9999-12-31'::date)`;

export async function listComplaints(
  tx: Tx,
  organisationId: string,
  filter: ComplaintListFilter,
): Promise<ComplaintListRow[]> {
  let query = tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .select([
      'c.id',
      'c.reference',
      'c.channel',
      'c.received_at',
      'c.status',
      'c.handler_id',
      'c.liability_flag',
      'c.product',
      'c.category',
      'c.next_clock_due',
      'c.acknowledge_due',
      'c.decision_target',
      'p.name as complainant_name',
    ])
    .where('c.organisation_id', '=', organisationId);
  if (filter.search !== undefined) {
    const search = filter.search;
    query = query
      .innerJoin('complaint_search as s', (join) =>
        join.onRef('s.organisation_id', '=', 'c.organisation_id').onRef('s.complaint_id', '=', 'c.id'),
      )
      .where(sql<boolean>`s.document @@ websearch_to_tsquery('dutch'::regconfig, ${search})`);
  }
  if (filter.statuses?.length) query = query.where('c.status', 'in', filter.statuses);
  if (filter.channel) query = query.where('c.channel', '=', filter.channel);
  if (filter.handlerId !== undefined) {
    query =
      filter.handlerId === null
        ? query.where('c.handler_id', 'is', null)
        : query.where('c.handler_id', '=', filter.handlerId);
  }
  if (filter.category !== undefined) query = query.where('c.category', '=', filter.category);
  if (filter.liabilityFlag !== undefined) query = query.where('c.liability_flag', '=', filter.liabilityFlag);
  if (filter.overdueBefore !== undefined)
    query = query.where(sql<boolean>`${DUE_KEY} < ${filter.overdueBefore}::date`);
  if (filter.visibleToHandler !== undefined) {
    const handler = filter.visibleToHandler;
    query = query.where((eb) => eb.or([eb('c.handler_id', '=', handler), eb('c.handler_id', 'is', null)]));
  }
  if (filter.sort === 'deadline') {
    if (filter.afterDeadline) {
      const { due, id } = filter.afterDeadline;
      query = query.where(sql<boolean>`(${DUE_KEY}, c.id) > (${due}::date, ${id}::uuid)`);
    }
    return query.orderBy(DUE_KEY).orderBy('c.id').limit(filter.limit).execute();
  }
  if (filter.after) {
    const { receivedAt, id } = filter.after;
    query = query.where((eb) =>
      eb.or([
        eb('c.received_at', '<', receivedAt),
        eb.and([eb('c.received_at', '=', receivedAt), eb('c.id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('c.received_at', 'desc').orderBy('c.id', 'desc').limit(filter.limit).execute();
}

/** The categories closed complaints were given, for the queue's filter. */
export async function listCategories(tx: Tx, organisationId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('complaints')
    .select('category')
    .distinct()
    .where('organisation_id', '=', organisationId)
    .where('category', 'is not', null)
    .orderBy('category')
    .limit(500)
    .execute();
  return rows.flatMap((r) => (r.category === null ? [] : [r.category]));
}
