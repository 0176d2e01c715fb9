import { mayAct } from '../../api/auth.ts';
import { CHANNELS, COMPLAINT_STATUSES } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Link } from '../../components/link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { BarList } from './bar-list.tsx';
import { DeadlineList } from './deadline-list.tsx';
import { loadOverview, MAX_COMPLAINTS } from './load-overview.ts';
import { ImprovementsLink } from './improvements-link.tsx';
import { ReportsSection } from './reports-section.tsx';
import { useSession } from '../../session/session-context.tsx';

export function DashboardPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const overview = useAsync(loadOverview, []);
  const data = overview.data;
  return (
    <>
      <PageHeader title={t.dashboard.title} subtitle={t.dashboard.subtitle} />
      {overview.error ? <ErrorNotice error={overview.error} onRetry={overview.reload} /> : null}
      {!data ? (
        overview.error ? null : (
          <LoadingState />
        )
      ) : (
        <>
          <section className="kpis" aria-label={t.dashboard.title}>
            <Link to="/" className="kpi">
              <span className="kpi-value">{data.open}</span>
              <span className="kpi-label">{t.dashboard.open}</span>
            </Link>
            <div className={`kpi${data.overdue.length > 0 ? ' kpi-red' : ''}`}>
              <span className="kpi-value">{data.overdue.length}</span>
              <span className="kpi-label">{t.dashboard.overdue}</span>
            </div>
            <div className={`kpi${data.dueSoon.length > 0 ? ' kpi-amber' : ''}`}>
              <span className="kpi-value">{data.dueSoon.length}</span>
              <span className="kpi-label">{t.dashboard.dueSoon}</span>
            </div>
            <Link to="/?status=received" className="kpi">
              <span className="kpi-value">{data.byStatus.get('received') ?? 0}</span>
              <span className="kpi-label">{t.dashboard.received}</span>
            </Link>
          </section>
          <div className="grid-2">
            <section className="card" aria-labelledby="overdue-title">
              <h2 id="overdue-title" className="card-title">
                {t.dashboard.overdueList}
              </h2>
              <DeadlineList entries={data.overdue} empty={t.dashboard.overdueEmpty} />
            </section>
            <section className="card" aria-labelledby="soon-title">
              <h2 id="soon-title" className="card-title">
                {t.dashboard.dueSoonList}
              </h2>
              <DeadlineList entries={data.dueSoon} empty={t.dashboard.dueSoonEmpty} />
            </section>
            <section className="card" aria-labelledby="status-title">
              <h2 id="status-title" className="card-title">
                {t.dashboard.perStatus}
              </h2>
              <BarList
                label={t.dashboard.perStatus}
                rows={COMPLAINT_STATUSES.map((s) => ({
                  key: s,
                  label: t.status[s],
                  value: data.byStatus.get(s) ?? 0,
                }))}
              />
            </section>
            <section className="card" aria-labelledby="channel-title">
              <h2 id="channel-title" className="card-title">
                {t.dashboard.perChannel}
              </h2>
              <BarList
                label={t.dashboard.perChannel}
                rows={CHANNELS.map((c) => ({
                  key: c,
                  label: t.channel[c],
                  value: data.byChannel.get(c) ?? 0,
                }))}
              />
            </section>
          </div>
          <p className="muted small">
            {t.dashboard.total(data.complaints.length)}
            {data.capped ? ` ${t.dashboard.capped(MAX_COMPLAINTS)}` : ''}
          </p>
        </>
      )}
      {mayAct(session, 'coordinator', 'auditor') ? <ImprovementsLink /> : null}
      {mayAct(session, 'coordinator', 'auditor') ? <ReportsSection /> : null}
    </>
  );
}
