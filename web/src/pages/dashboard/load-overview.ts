import { complaints } from '../../api/endpoints.ts';
import { OPEN_STATUSES, type Clock, type ComplaintListItem } from '../../api/types.ts';
import { AMBER_DAYS, nearestClock } from '../../lib/clocks.ts';
import { amsterdamToday, daysBetween } from '../../lib/dates.ts';
import { mapWithLimit } from '../../lib/pool.ts';

/** Enough for a first overview of a firm's open work without paging through years of history. */
export const MAX_COMPLAINTS = 500;
const MAX_CLOCK_LOOKUPS = 150;

export interface DeadlineEntry {
  complaint: ComplaintListItem;
  clock: Clock;
}

export interface Overview {
  complaints: ComplaintListItem[];
  capped: boolean;
  byStatus: Map<string, number>;
  byChannel: Map<string, number>;
  open: number;
  overdue: DeadlineEntry[];
  dueSoon: DeadlineEntry[];
}

const byDate = (a: DeadlineEntry, b: DeadlineEntry) =>
  (a.clock.dueDate ?? '').localeCompare(b.clock.dueDate ?? '');

export async function loadOverview(): Promise<Overview> {
  const all: ComplaintListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await complaints.list({ limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < MAX_COMPLAINTS);

  const count = (key: (c: ComplaintListItem) => string) => {
    const map = new Map<string, number>();
    for (const c of all) map.set(key(c), (map.get(key(c)) ?? 0) + 1);
    return map;
  };
  const open = all.filter((c) => OPEN_STATUSES.includes(c.status));
  const today = amsterdamToday();
  const nearest = await mapWithLimit(open.slice(0, MAX_CLOCK_LOOKUPS), 6, async (complaint) => {
    try {
      return { complaint, clock: nearestClock((await complaints.procedure(complaint.id)).clocks) };
    } catch {
      return { complaint, clock: null };
    }
  });
  const withClock = nearest.filter((e): e is DeadlineEntry => e.clock !== null);
  return {
    complaints: all,
    capped: cursor !== undefined,
    byStatus: count((c) => c.status),
    byChannel: count((c) => c.channel),
    open: open.length,
    overdue: withClock.filter((e) => e.clock.state === 'missed').toSorted(byDate),
    dueSoon: withClock
      .filter((e) => e.clock.state === 'open' && daysBetween(today, e.clock.dueDate ?? today) <= AMBER_DAYS)
      .toSorted(byDate),
  };
}
