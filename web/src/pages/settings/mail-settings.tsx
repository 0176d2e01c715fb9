import { mailboxes, organisation as organisationApi } from '../../api/endpoints.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ConnectionTestButton } from './connection-test-button.tsx';
import { MailboxForm } from './mailbox-form.tsx';
import { SmtpForm } from './smtp-form.tsx';

export function MailSettings() {
  const { t, locale } = useI18n();
  const s = t.settings.mail;
  const boxes = useAsync(() => mailboxes.list(), []);
  const smtp = useAsync(() => organisationApi.smtp(), []);
  return (
    <>
      <section className="card" aria-labelledby="mailboxes-title">
        <h2 id="mailboxes-title" className="card-title">
          {s.mailboxesTitle}
        </h2>
        <p className="muted small">{s.mailboxesIntro}</p>
        {boxes.error ? <ErrorNotice error={boxes.error} onRetry={boxes.reload} /> : null}
        {boxes.data && boxes.data.length === 0 ? (
          <p className="notice notice-info">{s.mailboxesEmpty}</p>
        ) : null}
        {boxes.data && boxes.data.length > 0 ? (
          <ul className="plain-list">
            {boxes.data.map((box) => (
              <li key={box.id} className="mailbox">
                <div>
                  <p className="cell-strong">
                    {box.name}{' '}
                    <span className={`badge ${box.enabled ? 'badge-green' : 'badge-muted'}`}>
                      {box.enabled ? s.enabled : s.disabled}
                    </span>
                  </p>
                  <p className="muted small">
                    {box.username} @ {box.host}:{box.port} · {box.folder} · {s.lastPolled}:{' '}
                    {box.lastPolledAt ? formatDateTime(box.lastPolledAt, locale) : s.never}
                  </p>
                  {box.lastError ? (
                    <p className="small text-danger">
                      {s.lastError}: {box.lastError}
                    </p>
                  ) : null}
                </div>
                <ConnectionTestButton test={() => mailboxes.test(box.id)} />
              </li>
            ))}
          </ul>
        ) : null}
        {!boxes.data && !boxes.error ? <LoadingState /> : null}
        <details className="composer-toggle">
          <summary>{s.addMailbox}</summary>
          <MailboxForm onCreated={() => boxes.reload()} />
        </details>
      </section>

      <section className="card" aria-labelledby="smtp-title">
        <h2 id="smtp-title" className="card-title">
          {s.smtpTitle}
        </h2>
        <p className="muted small">{s.smtpIntro}</p>
        {smtp.error ? <ErrorNotice error={smtp.error} onRetry={smtp.reload} /> : null}
        {smtp.loading && smtp.data === undefined ? <LoadingState /> : null}
        {smtp.data === null ? <p className="notice notice-info">{s.smtpMissing}</p> : null}
        {smtp.data ? (
          <div className="smtp-status small">
            {smtp.data.lastSuccessAt ? (
              <span>
                {s.lastSuccess}: {formatDateTime(smtp.data.lastSuccessAt, locale)}
              </span>
            ) : null}
            {smtp.data.lastError ? (
              <span className="text-danger">
                {s.lastError}: {smtp.data.lastError}
              </span>
            ) : null}
            <ConnectionTestButton test={() => organisationApi.testSmtp()} />
          </div>
        ) : null}
        {smtp.data !== undefined ? (
          <SmtpForm smtp={smtp.data} onSaved={(saved) => smtp.setData(saved)} />
        ) : null}
      </section>
    </>
  );
}
