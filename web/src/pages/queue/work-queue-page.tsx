import { useEffect, useMemo, useState } from 'react';
import { complaints } from '../../api/endpoints.ts';
import { OPEN_STATUSES, type Channel, type Clock, type ComplaintStatus } from '../../api/types.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { nearestClock } from '../../lib/clocks.ts';
import { mapWithLimit } from '../../lib/pool.ts';
import { replaceQuery, useRoute } from '../../lib/router.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { QueueFilters, type QueueFilterValues } from './queue-filters.tsx';
import { QueueTable } from './queue-table.tsx';

const PAGE_SIZE = 25;

function filtersFrom(query: URLSearchParams): QueueFilterValues {
  return {
    status: (query.get('status') as QueueFilterValues['status'] | null) ?? 'open',
    channel: (query.get('channel') as Channel | null) ?? '',
    handlerId: query.get('handler') ?? '',
  };
}

function statusesOf(filter: QueueFilterValues['status']): readonly ComplaintStatus[] | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'open') return OPEN_STATUSES;
  return [filter];
}

export function WorkQueuePage() {
  const { t } = useI18n();
  const route = useRoute();
  const { session } = useSession();
  const { users } = useOrganisation();
  const filters = filtersFrom(route.query);
  const filterKey = `${filters.status}|${filters.channel}|${filters.handlerId}`;
  // Cursors of the pages before this one, so "previous" works with cursor paging.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);

  const page = useAsync(
    () =>
      complaints.list({
        status: statusesOf(filters.status),
        ...(filters.channel ? { channel: filters.channel } : {}),
        ...(filters.handlerId ? { handlerId: filters.handlerId } : {}),
        ...(cursor ? { cursor } : {}),
        limit: PAGE_SIZE,
      }),
    [filterKey, cursor],
  );

  // The nearest clock of each complaint on this page (and only this page).
  const [clocks, setClocks] = useState<ReadonlyMap<string, Clock | null>>(new Map());
  useEffect(() => {
    const items = page.data?.items;
    if (!items) return undefined;
    let cancelled = false;
    setClocks(new Map());
    void mapWithLimit(items, 6, async (item) => {
      try {
        const state = await complaints.procedure(item.id);
        return [item.id, nearestClock(state.clocks)] as const;
      } catch {
        return [item.id, null] as const;
      }
    }).then((pairs) => {
      if (!cancelled) setClocks(new Map(pairs));
    });
    return () => {
      cancelled = true;
    };
  }, [page.data]);

  const handlerNames = useMemo(() => new Map(users.map((u) => [u.id, u.displayName])), [users]);
  const handlers = useMemo(
    () => users.filter((u) => !u.disabled && u.roles.some((r) => r === 'handler' || r === 'coordinator')),
    [users],
  );

  const changeFilters = (next: QueueFilterValues) => {
    const params = new URLSearchParams();
    if (next.status !== 'open') params.set('status', next.status);
    if (next.channel) params.set('channel', next.channel);
    if (next.handlerId) params.set('handler', next.handlerId);
    setCursors([]);
    replaceQuery(params);
  };

  const items = page.data?.items ?? [];
  return (
    <>
      <PageHeader title={t.queue.title} subtitle={t.queue.subtitle} />
      <QueueFilters
        values={filters}
        onChange={changeFilters}
        handlers={handlers}
        currentUserId={session?.userId ?? null}
      />
      {page.error ? <ErrorNotice error={page.error} onRetry={page.reload} /> : null}
      {page.loading && !page.data ? <LoadingState /> : null}
      {page.data && items.length === 0 ? <EmptyState icon="queue">{t.queue.empty}</EmptyState> : null}
      {items.length > 0 ? (
        <section className="card card-flush" aria-busy={page.loading}>
          <QueueTable items={items} clocks={clocks} handlerNames={handlerNames} />
          <footer className="table-footer">
            <span className="muted" id="queue-keys">
              {t.queue.count(items.length)} · {t.queue.keyboardHint}
            </span>
            <span className="pager">
              {cursors.length > 0 ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setCursors((list) => list.slice(0, -1))}
                >
                  {t.queue.previous}
                </button>
              ) : null}
              {page.data?.nextCursor ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    const next = page.data?.nextCursor;
                    if (next) setCursors((list) => [...list, next]);
                  }}
                >
                  {t.queue.more}
                </button>
              ) : null}
            </span>
          </footer>
        </section>
      ) : null}
    </>
  );
}
