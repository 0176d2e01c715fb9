import {
  CHANNELS,
  COMPLAINT_STATUSES,
  OPEN_STATUSES,
  type Channel,
  type ComplaintFilters,
  type ComplaintStatus,
} from '../../api/types.ts';

/** The queue's filters as the page holds them; the address bar carries them, so a view can be shared. */
export interface QueueFilterValues {
  /** "open" (the default), "all", or one status. */
  status: 'open' | 'all' | ComplaintStatus;
  channel: Channel | '';
  /** '' for everyone the user may see, 'none' for the unassigned ones, or a handler's id. */
  handlerId: string;
  category: string;
  liability: boolean;
  overdue: boolean;
  q: string;
}

export const DEFAULT_FILTERS: QueueFilterValues = {
  status: 'open',
  channel: '',
  handlerId: '',
  category: '',
  liability: false,
  overdue: false,
  q: '',
};

function isStatus(value: string): value is ComplaintStatus {
  return (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** Reads the address bar; anything it does not know falls back to the default, never to an error. */
export function filtersFromQuery(query: URLSearchParams): QueueFilterValues {
  const status = query.get('status') ?? 'open';
  const channel = query.get('channel') ?? '';
  return {
    status: status === 'all' || isStatus(status) ? status : 'open',
    channel: isChannel(channel) ? channel : '',
    handlerId: query.get('handler') ?? '',
    category: query.get('category') ?? '',
    liability: query.get('liability') === '1',
    overdue: query.get('overdue') === '1',
    q: query.get('q') ?? '',
  };
}

export function queryFromFilters(values: QueueFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (values.status !== 'open') params.set('status', values.status);
  if (values.channel) params.set('channel', values.channel);
  if (values.handlerId) params.set('handler', values.handlerId);
  if (values.category) params.set('category', values.category);
  if (values.liability) params.set('liability', '1');
  if (values.overdue) params.set('overdue', '1');
  if (values.q.trim()) params.set('q', values.q.trim());
  return params;
}

/** The filters as the API (and a saved view) takes them. */
export function apiFilters(values: QueueFilterValues): ComplaintFilters {
  const filters: ComplaintFilters = {};
  if (values.status === 'open') filters.status = OPEN_STATUSES;
  else if (values.status !== 'all') filters.status = [values.status];
  if (values.channel) filters.channel = values.channel;
  if (values.handlerId) filters.handlerId = values.handlerId;
  if (values.category) filters.category = values.category;
  if (values.liability) filters.liabilityFlag = true;
  if (values.overdue) filters.overdue = true;
  if (values.q.trim()) filters.q = values.q.trim();
  return filters;
}

function statusOf(statuses: readonly ComplaintStatus[] | undefined): QueueFilterValues['status'] {
  if (!statuses || statuses.length === 0) return 'all';
  const sorted = [...statuses].toSorted();
  if (sorted.join() === [...OPEN_STATUSES].toSorted().join()) return 'open';
  // A view saved through the API with another set of statuses shows its first one.
  return sorted.length === 1 ? sorted[0]! : statuses[0]!;
}

export function filtersFromApi(filters: ComplaintFilters): QueueFilterValues {
  return {
    status: statusOf(filters.status),
    channel: filters.channel ?? '',
    handlerId: filters.handlerId ?? '',
    category: filters.category ?? '',
    liability: filters.liabilityFlag === true,
    overdue: filters.overdue === true,
    q: filters.q ?? '',
  };
}

export function sameFilters(a: QueueFilterValues, b: QueueFilterValues): boolean {
  return queryFromFilters(a).toString() === queryFromFilters(b).toString();
}
