import { notifications as notificationsApi } from '../api/endpoints.ts';
import { EmptyState } from '../components/empty-state.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Link } from '../components/link.tsx';
import { LoadingState } from '../components/loading-state.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { useAsync } from '../lib/use-async.ts';

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const list = useAsync(() => notificationsApi.list({ limit: 200 }), []);
  const markRead = async (id: string) => {
    await notificationsApi.markRead(id);
    list.setData((previous) => (previous ?? []).map((n) => (n.id === id ? { ...n, read: true } : n)));
  };
  return (
    <>
      <PageHeader title={t.notifications.title} />
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data && list.data.length === 0 ? (
        <EmptyState icon="bell">{t.notifications.empty}</EmptyState>
      ) : null}
      {list.data && list.data.length > 0 ? (
        <ul className="card card-flush notification-page-list">
          {list.data.map((n) => (
            <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
              <p className="notification-message">
                {!n.read ? <span className="badge badge-accent">{t.notifications.unread}</span> : null}{' '}
                {n.message}
              </p>
              <p className="notification-meta">
                {formatDateTime(n.createdAt, locale)}
                {n.complaintId ? (
                  <Link to={`/complaints/${n.complaintId}`}>{t.notifications.openDossier}</Link>
                ) : null}
                {!n.read ? (
                  <button type="button" className="link-button" onClick={() => void markRead(n.id)}>
                    {t.notifications.markRead}
                  </button>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
