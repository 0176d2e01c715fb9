import { useEffect, useId, useRef, useState } from 'react';
import { notifications as notificationsApi } from '../api/endpoints.ts';
import type { Notification } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { navigate } from '../lib/router.ts';
import { useAsync } from '../lib/use-async.ts';
import { Icon } from './icon.tsx';
import { Link } from './link.tsx';

const POLL_MS = 60_000;

/** The bell: unread count at a glance, the newest notices one click away. */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const list = useAsync(() => notificationsApi.list({ limit: 50 }).catch(() => [] as Notification[]), []);
  const { reload } = list;

  useEffect(() => {
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);

  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key === 'Escape') setOpen(false);
        return;
      }
      if (wrapper.current && !wrapper.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const items = list.data ?? [];
  const unread = items.filter((n) => !n.read).length;

  const markRead = async (notification: Notification) => {
    await notificationsApi.markRead(notification.id);
    list.setData((previous) =>
      (previous ?? []).map((n) => (n.id === notification.id ? { ...n, read: true } : n)),
    );
  };

  return (
    <div className="bell" ref={wrapper}>
      <button
        type="button"
        className="button button-ghost button-icon"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t.notifications.bell(unread)}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="bell" size={18} />
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className="popover" id={panelId} role="region" aria-label={t.notifications.title}>
          <div className="popover-header">
            <h2>{t.notifications.title}</h2>
            <Link to="/notifications" onClick={() => setOpen(false)}>
              {t.notifications.all}
            </Link>
          </div>
          {items.length === 0 ? (
            <p className="popover-empty">{t.notifications.empty}</p>
          ) : (
            <ul className="notification-list">
              {items.slice(0, 8).map((n) => (
                <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'}>
                  <p className="notification-message">{n.message}</p>
                  <p className="notification-meta">
                    {formatDateTime(n.createdAt, locale)}
                    {n.complaintId ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setOpen(false);
                          if (!n.read) void markRead(n);
                          navigate(`/complaints/${n.complaintId}`);
                        }}
                      >
                        {t.notifications.openDossier}
                      </button>
                    ) : null}
                    {!n.read ? (
                      <button type="button" className="link-button" onClick={() => void markRead(n)}>
                        {t.notifications.markRead}
                      </button>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
