import { useState, type FormEvent } from 'react';
import { mayAct } from '../../api/auth.ts';
import { isApiError } from '../../api/problem.ts';
import { cancellations, type CancellationStep } from '../../api/screens.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { Icon } from '../../components/icon.tsx';
import { Link } from '../../components/link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime, formatLocalDate } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useSession } from '../../session/session-context.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { FormStatus } from '../settings/form-status.tsx';
import { CancellationHolds } from './cancellation-holds.tsx';
import { CancellationStatus } from './cancellation-status.tsx';

const STEPS: Record<string, readonly CancellationStep[]> = {
  received: ['confirm', 'process', 'withdraw'],
  confirmed: ['process', 'withdraw'],
};

export function CancellationDetailPage({ cancellationId }: { cancellationId: string }) {
  const { t, locale } = useI18n();
  const c = t.cancellations;
  const { session } = useSession();
  const detail = useAsync(() => cancellations.get(cancellationId), [cancellationId]);
  const step = useSubmit();
  const link = useSubmit();
  const [reference, setReference] = useState('');

  if (detail.error && isApiError(detail.error) && detail.error.status === 404) return <NotFoundPage />;
  const row = detail.data;
  if (!row) {
    return detail.error ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : <LoadingState />;
  }
  const mayHandle = mayAct(session, 'coordinator', 'handler');
  // Holds as the server allows: the coordinator places and lifts, the auditor reads.
  const mayReadHolds = mayAct(session, 'coordinator', 'auditor');
  const steps = STEPS[row.status] ?? [];
  const stepLabel = (name: CancellationStep) => c[name];
  const stepHint = (name: CancellationStep) => c[`${name}Hint`];

  const take = (name: CancellationStep) =>
    void step.run(
      async () => {
        await cancellations.advance(row.id, name);
        detail.reload();
      },
      c.done(stepLabel(name)),
    );

  const submitLink = (event: FormEvent) => {
    event.preventDefault();
    const wanted = reference.trim().toUpperCase();
    void link.run(async () => {
      await cancellations.link(row.id, wanted);
      setReference('');
      detail.reload();
    }, c.linked(wanted));
  };

  const linkedTo =
    row.complaintId && row.complaintReference
      ? { id: row.complaintId, reference: row.complaintReference }
      : null;
  const linkForm = (submitLabel: string) => (
    <form onSubmit={submitLink} aria-label={linkedTo ? c.relinkSummary : c.linkTitle}>
      <Field label={c.linkLabel}>
        {(props) => (
          <input
            {...props}
            type="text"
            value={reference}
            required
            pattern="[Kk][Ll]-\d{4}-\d{4,}"
            placeholder="KL-2026-0001"
            onChange={(event) => setReference(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={link.busy}>
          {submitLabel}
        </button>
      </div>
      <FormStatus submission={link} />
    </form>
  );

  return (
    <>
      <nav className="crumbs" aria-label={c.title}>
        <Link to="/cancellations">
          <Icon name="arrow-left" size={14} />
          {c.back}
        </Link>
      </nav>
      <header className="dossier-header">
        <div className="dossier-heading">
          <h1>{row.reference}</h1>
          <CancellationStatus status={row.status} />
        </div>
        <p className="page-subtitle">
          {row.customerName} · {c.received.toLowerCase()} {formatDateTime(row.receivedAt, locale)}
        </p>
      </header>
      <div className="screen-columns">
        <div className="screen-main">
          <section className="card" aria-labelledby="cancellation-facts">
            <h2 id="cancellation-facts" className="card-title">
              {c.detailTitle(row.reference)}
            </h2>
            <dl className="facts">
              <div>
                <dt>{c.customer}</dt>
                <dd>{row.customerName}</dd>
              </div>
              <div>
                <dt>{c.email}</dt>
                <dd>{row.customerEmail ?? t.app.none}</dd>
              </div>
              <div>
                <dt>{c.policies}</dt>
                <dd className="prose">{row.policies}</dd>
              </div>
              <div>
                <dt>{c.effectiveDate}</dt>
                <dd>{row.effectiveDate ? formatLocalDate(row.effectiveDate, locale) : t.app.none}</dd>
              </div>
              <div>
                <dt>{c.channel}</dt>
                <dd>{t.channel[row.channel as keyof typeof t.channel] ?? row.channel}</dd>
              </div>
              <div>
                <dt>{c.complaint}</dt>
                <dd>
                  {row.complaintId && row.complaintReference ? (
                    <Link to={`/complaints/${row.complaintId}`}>
                      {c.openComplaint(row.complaintReference)}
                    </Link>
                  ) : (
                    <span className="muted">{c.noComplaint}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{c.confirmedAt}</dt>
                <dd>{row.confirmedAt ? formatDateTime(row.confirmedAt, locale) : t.app.none}</dd>
              </div>
              <div>
                <dt>{c.processedAt}</dt>
                <dd>{row.processedAt ? formatDateTime(row.processedAt, locale) : t.app.none}</dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="cancellation-message">
            <h2 id="cancellation-message" className="card-title">
              {c.message}
            </h2>
            {row.message ? (
              <>
                {row.message.subject ? <p className="cell-strong">{row.message.subject}</p> : null}
                {row.message.senderEmail ? <p className="muted small">{row.message.senderEmail}</p> : null}
                <p className="prose">{row.message.text}</p>
              </>
            ) : (
              <p className="muted">{c.noMessage}</p>
            )}
          </section>
          {mayReadHolds ? (
            <CancellationHolds
              cancellationId={row.id}
              complaint={
                row.complaintId && row.complaintReference
                  ? { id: row.complaintId, reference: row.complaintReference }
                  : null
              }
              canChange={mayAct(session, 'coordinator')}
            />
          ) : null}
        </div>
        <div className="screen-side">
          <section className="card" aria-labelledby="cancellation-steps">
            <h2 id="cancellation-steps" className="card-title">
              {c.steps}
            </h2>
            {steps.length === 0 ? <p className="muted">{c.finished}</p> : null}
            {mayHandle && steps.length > 0 ? (
              <ul className="screen-steps">
                {steps.map((name) => (
                  <li key={name}>
                    <button
                      type="button"
                      className={`button ${name === 'withdraw' ? 'button-secondary' : 'button-primary'} button-block`}
                      disabled={step.busy}
                      onClick={() => take(name)}
                    >
                      {stepLabel(name)}
                    </button>
                    <p className="field-hint">{stepHint(name)}</p>
                  </li>
                ))}
              </ul>
            ) : null}
            <FormStatus submission={step} />
          </section>
          {linkedTo ? (
            <section className="card" aria-labelledby="cancellation-linked" data-testid="cancellation-linked">
              <h2 id="cancellation-linked" className="card-title">
                {c.linkedTitle}
              </h2>
              <p>
                <Link to={`/complaints/${linkedTo.id}`}>{c.openDossier(linkedTo.reference)}</Link>
              </p>
              <p className="muted small">{c.linkedHint(linkedTo.reference)}</p>
              {mayHandle ? (
                // The server moves a link on request (a wrong choice must be correctable), so the
                // way to do so stays, folded away behind what is linked now.
                <details className="relink">
                  <summary>{c.relinkSummary}</summary>
                  <p className="muted small">{c.relinkHint(linkedTo.reference)}</p>
                  {linkForm(c.relinkSubmit)}
                </details>
              ) : null}
            </section>
          ) : mayHandle ? (
            <section className="card" aria-labelledby="cancellation-link">
              <h2 id="cancellation-link" className="card-title">
                {c.linkTitle}
              </h2>
              <p className="muted small">{c.linkHint}</p>
              {linkForm(c.linkSubmit)}
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
