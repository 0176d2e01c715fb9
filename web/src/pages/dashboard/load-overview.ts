import { complaints } from '../../api/endpoints.ts';
import { OPEN_STATUSES, type ComplaintListItem } from '../../api/types.ts';

/** Enough for a first overview of a firm's open work without paging through years of history. */
export const MAX_COMPLAINTS = 500;

export interface Overview {
  complaints: ComplaintListItem[];
  capped: boolean;
  byStatus: Map<string, number>;
  byChannel: Map<string, number>;
  open: number;
  overdue: ComplaintListItem[];
  dueSoon: ComplaintListItem[];
}

const byDue = (a: ComplaintListItem, b: ComplaintListItem) =>
  (a.nextClockDue ?? '').localeCompare(b.nextClockDue ?? '');

/**
 * The overview from the list pages alone: each item carries its nearest clock and the traffic light
 * the server decided, so no dossier is opened (which would record a dossier read per complaint).
 */
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
  return {
    complaints: all,
    capped: cursor !== undefined,
    byStatus: count((c) => c.status),
    byChannel: count((c) => c.channel),
    open: open.length,
    overdue: open.filter((c) => c.nextClockUrgency === 'missed').toSorted(byDue),
    dueSoon: open.filter((c) => c.nextClockUrgency === 'due_soon').toSorted(byDue),
  };
}
