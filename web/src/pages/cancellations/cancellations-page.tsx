import { useState } from 'react';
import { cancellations } from '../../api/screens.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Link } from '../../components/link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDate, formatLocalDate } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { CancellationStatus } from './cancellation-status.tsx';

const OPEN = new Set(['received', 'confirmed']);

/** R10: cancellation requests (opzeggingen), their own series, newest first; open ones by default. */
export function CancellationsPage() {
  const { t, locale } = useI18n();
  const c = t.cancellations;
  const [showFinished, setShowFinished] = useState(false);
  const list = useAsync(() => cancellations.list(), []);
  const rows = (list.data ?? []).filter((row) => showFinished || OPEN.has(row.status));
  return (
    <>
      <PageHeader
        title={c.title}
        subtitle={c.subtitle}
        actions={
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showFinished}
              onChange={(event) => setShowFinished(event.target.checked)}
            />
            {c.showFinished}
          </label>
        }
      />
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <LoadingState /> : null}
      {list.data && rows.length === 0 ? <EmptyState icon="file">{c.empty}</EmptyState> : null}
      {rows.length > 0 ? (
        <section className="card card-flush">
          <div className="table-wrap" tabIndex={0} role="region" aria-label={c.title}>
            <table className="table table-cancellations">
              <thead>
                <tr>
                  <th scope="col">{c.reference}</th>
                  <th scope="col">{c.customer}</th>
                  <th scope="col">{c.policies}</th>
                  <th scope="col">{c.received}</th>
                  <th scope="col">{c.effectiveDate}</th>
                  <th scope="col">{c.complaint}</th>
                  <th scope="col">{c.status}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-reference={row.reference}>
                    <td className="cell-reference">
                      <Link to={`/cancellations/${row.id}`}>{row.reference}</Link>
                    </td>
                    <td className="cell-strong">{row.customerName}</td>
                    <td className="cell-policies">{row.policies}</td>
                    <td className="nowrap">{formatDate(row.receivedAt, locale)}</td>
                    <td className="nowrap">
                      {row.effectiveDate ? formatLocalDate(row.effectiveDate, locale, false) : t.app.none}
                    </td>
                    <td>
                      {row.complaintId ? (
                        <span className="badge badge-outline">{c.complaint}</span>
                      ) : (
                        <span className="muted">{c.noComplaint}</span>
                      )}
                    </td>
                    <td>
                      <CancellationStatus status={row.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
