import { useState } from 'react';
import { mayAct } from '../../api/auth.ts';
import { quarantine, type QuarantinedMail } from '../../api/screens.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatBytes, formatDateTime } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSession } from '../../session/session-context.tsx';

const STILL_QUARANTINED = new Set(['own_mail', 'unparseable', 'oversized']);

/**
 * Mail the intake could not process on its own, for the coordinator: why, and a button to process it
 * after all. Mail that seems to be our own needs an explicit "process anyway" (a loop is the risk).
 * The auditor reads the same list without the button: processing is the coordinator's.
 */
export function QuarantinePage() {
  const { t, locale } = useI18n();
  const q = t.quarantine;
  const list = useAsync(() => quarantine.list(), []);
  const { session } = useSession();
  const mayReprocess = mayAct(session, 'coordinator');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');

  const reprocess = async (mail: QuarantinedMail) => {
    setBusy(mail.id);
    setError(null);
    setMessage('');
    const subject = mail.subject ?? q.noSubject;
    try {
      const { classification } = await quarantine.reprocess(mail.id, mail.classification === 'own_mail');
      setMessage(
        STILL_QUARANTINED.has(classification)
          ? q.stillQuarantined(subject)
          : q.reprocessed(subject, q.outcome[classification] ?? classification),
      );
      list.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const rows = list.data ?? [];
  return (
    <>
      <PageHeader title={q.title} subtitle={q.subtitle} />
      <p className="announce announce-success" role="status">
        {message}
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <LoadingState /> : null}
      {list.data && rows.length === 0 ? <EmptyState icon="mail">{q.empty}</EmptyState> : null}
      <ul className="quarantine-list">
        {rows.map((mail) => (
          <li key={mail.id} className="card quarantine-item" data-classification={mail.classification}>
            <div className="quarantine-head">
              <h2 className="quarantine-subject">{mail.subject ?? q.noSubject}</h2>
              <span className="badge badge-amber">{q.kind[mail.classification] ?? q.reason}</span>
            </div>
            <p className="quarantine-reason">{mail.explanation}</p>
            <dl className="facts facts-inline">
              <div>
                <dt>{q.from}</dt>
                <dd>{mail.fromAddress ?? q.unknownSender}</dd>
              </div>
              <div>
                <dt>{q.received}</dt>
                <dd>{formatDateTime(mail.receivedAt, locale)}</dd>
              </div>
              <div>
                <dt>{q.mailbox}</dt>
                <dd>{mail.mailboxName}</dd>
              </div>
              <div>
                <dt>{q.size}</dt>
                <dd>{formatBytes(mail.sizeBytes, locale)}</dd>
              </div>
            </dl>
            {mayReprocess ? (
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={busy !== null}
                  onClick={() => void reprocess(mail)}
                >
                  {mail.classification === 'own_mail' ? q.reprocessOwn : q.reprocess}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
