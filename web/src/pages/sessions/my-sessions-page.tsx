import { useState } from 'react';
import { ownSessions, type OwnSession } from '../../api/own-sessions.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSession } from '../../session/session-context.tsx';

/** My sessions (ASVS 7.5.2): where I am signed in, and ending one or all the others. */
export function MySessionsPage() {
  const { t, locale } = useI18n();
  const m = t.mySessions;
  const { session, signOut } = useSession();
  const list = useAsync(() => ownSessions.list(), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  if (session?.via === 'token') {
    return (
      <>
        <PageHeader title={m.title} />
        <p className="card card-pad muted">{m.tokenOnly}</p>
      </>
    );
  }

  const run = async (work: () => Promise<{ ended: number; current: boolean }>) => {
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      const result = await work();
      if (result.current) {
        await signOut();
        return;
      }
      setMessage(m.ended(result.ended));
      list.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const describe = (s: OwnSession) => [s.client ?? m.unknownClient, s.network].filter(Boolean).join(' · ');
  const others = (list.data ?? []).filter((s) => !s.current).length;

  return (
    <>
      <PageHeader title={m.title} subtitle={m.intro} />
      <p className="announce announce-success" role="status">
        {message}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingState /> : null}
      {list.data ? (
        <section className="card card-flush" aria-labelledby="sessions-title">
          <div className="card-pad sessions-head">
            <h2 id="sessions-title" className="card-title">
              {m.listTitle(list.data.length)}
            </h2>
            <button
              type="button"
              className="button button-danger button-small"
              disabled={busy || others === 0}
              onClick={() => void run(() => ownSessions.endOthers())}
            >
              {m.endOthers}
            </button>
          </div>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={m.listTitle(list.data.length)}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{m.client}</th>
                  <th scope="col">{m.method}</th>
                  <th scope="col">{m.started}</th>
                  <th scope="col">{m.lastUsed}</th>
                  <th scope="col">{t.accounts.actions}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((s) => (
                  <tr key={s.id} data-current={s.current}>
                    <td className="cell-strong">
                      {describe(s)}{' '}
                      {s.current ? <span className="badge badge-green">{m.thisSession}</span> : null}
                    </td>
                    <td>{m.methods[s.signInMethod]}</td>
                    <td className="muted">{formatDateTime(s.createdAt, locale)}</td>
                    <td className="muted">{formatDateTime(s.lastUsedAt, locale)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button button-ghost button-small text-danger"
                        disabled={busy}
                        aria-label={s.current ? m.endCurrentLabel : m.endLabel(describe(s))}
                        onClick={() => void run(() => ownSessions.end(s.id))}
                      >
                        {s.current ? m.endCurrent : m.end}
                      </button>
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
