import { useCallback, useMemo, useState } from 'react';
import { complaints } from '../../api/endpoints.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { replaceQuery, useRoute } from '../../lib/router.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { mayAct } from '../../api/auth.ts';
import { useSession } from '../../session/session-context.tsx';
import { QueueFilters } from './queue-filters.tsx';
import { apiFilters, filtersFromQuery, queryFromFilters, type QueueFilterValues } from './queue-query.ts';
import { QueueSearch } from './queue-search.tsx';
import { QueueTable, type QueueSelection } from './queue-table.tsx';
import { BulkAssign } from './bulk-assign.tsx';
import { SavedViews } from './saved-views.tsx';

const PAGE_SIZE = 25;

/**
 * The work queue: one server call per page, nearest clock first (keyset paging, so it stays fast
 * however many dossiers there are), with the filters and search in the address bar. Rows carry
 * their own clock dates and traffic light, so listing opens no dossier.
 */
export function WorkQueuePage() {
  const { t } = useI18n();
  const route = useRoute();
  const { session } = useSession();
  const { users } = useOrganisation();
  const filters = filtersFromQuery(route.query);
  // A handler's queue is their own complaints (docs/decisions/0015-handler-queue.md).
  const ownQueue = !mayAct(session, 'coordinator', 'auditor');
  const filterKey = queryFromFilters(filters).toString();
  // Cursors of the pages before this one, so "previous" works with cursor paging.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);

  const page = useAsync(
    () =>
      complaints.list({
        ...apiFilters(filters),
        sort: 'deadline',
        ...(cursor ? { cursor } : {}),
        limit: PAGE_SIZE,
      }),
    [filterKey, cursor],
  );
  const categories = useAsync(() => complaints.categories(), []);

  const handlerNames = useMemo(() => new Map(users.map((u) => [u.id, u.displayName])), [users]);
  const handlers = useMemo(
    () => users.filter((u) => !u.disabled && u.roles.some((r) => r === 'handler' || r === 'coordinator')),
    [users],
  );

  // Only a coordinator reassigns; the server checks it again.
  const coordinator = session?.roles?.includes('coordinator') ?? false;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection: QueueSelection = {
    selected,
    toggle: (id) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    setAll: (ids, on) =>
      setSelected((current) => {
        const next = new Set(current);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
  };
  const reloadPage = page.reload;
  const afterBulk = useCallback(() => {
    setSelected(new Set());
    reloadPage();
  }, [reloadPage]);

  const changeFilters = (next: QueueFilterValues) => {
    setCursors([]);
    replaceQuery(queryFromFilters(next));
  };

  const items = page.data?.items ?? [];
  const pageNumber = cursors.length + 1;
  return (
    <>
      <PageHeader
        title={t.queue.title}
        subtitle={ownQueue ? t.workQueue.subtitleOwn : t.workQueue.subtitle}
      />
      <div className="queue-tools">
        <QueueSearch value={filters.q} onSearch={(q) => changeFilters({ ...filters, q })} />
        <SavedViews current={filters} onApply={changeFilters} />
      </div>
      <QueueFilters
        values={filters}
        onChange={changeFilters}
        handlers={handlers}
        categories={categories.data ?? []}
        currentUserId={session?.userId ?? null}
        ownQueue={ownQueue}
      />
      {coordinator && (selected.size > 0 || items.length > 0) ? (
        <BulkAssign selected={[...selected]} handlers={handlers} onFinished={afterBulk} />
      ) : null}
      {page.error ? <ErrorNotice error={page.error} onRetry={page.reload} /> : null}
      {page.loading && !page.data ? <LoadingState /> : null}
      {page.data && items.length === 0 ? (
        <EmptyState icon="queue">{filters.q ? t.workQueue.noResults(filters.q) : t.queue.empty}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <section className="card card-flush" aria-busy={page.loading}>
          <QueueTable items={items} handlerNames={handlerNames} {...(coordinator ? { selection } : {})} />
          <footer className="table-footer">
            <span className="muted" id="queue-keys">
              {t.queue.page(pageNumber)} · {t.queue.count(items.length)} · {t.workQueue.keyboardHint}
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
