import { useState, type FormEvent } from 'react';
import { myHearings, type OwnHearing } from '../../api/screens.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { Icon } from '../../components/icon.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatBytes, formatDateTime, formatLocalDate } from '../../lib/dates.ts';
import { downloadFromApi } from '../../lib/download.ts';

const TONE: Record<string, string> = {
  requested: 'badge-amber',
  statement_draft: 'badge-accent',
  signed: 'badge-green',
  waived: 'badge-muted',
};

/** One hearing request as the employee sees it: the request, their reaction, the summary to sign. */
export function HearingCard({
  hearing,
  onChanged,
}: {
  hearing: OwnHearing;
  onChanged: (next: OwnHearing, message: string) => void;
}) {
  const { t, locale } = useI18n();
  const h = t.myHearings;
  // The draft survives a failed send: it is cleared only after the server took it.
  const [text, setText] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const headingId = `hearing-${hearing.complaintId}`;

  const run = async (work: () => Promise<OwnHearing>, message: string, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      const next = await work();
      after?.();
      onChanged(next, message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const react = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => myHearings.react(hearing.complaintId, text),
      h.reactionSent,
      () => setText(''),
    );
  };

  const sign = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () => myHearings.sign(hearing.complaintId),
      h.signedNow,
      () => setAgreed(false),
    );
  };

  return (
    <article className="card hearing-card" aria-labelledby={headingId} data-status={hearing.status}>
      <header className="hearing-head">
        <h2 id={headingId} className="card-title">
          {h.reference(hearing.reference)}
        </h2>
        <span className={`badge ${TONE[hearing.status] ?? 'badge-neutral'}`}>{h.status[hearing.status]}</span>
      </header>
      <dl className="facts facts-inline">
        {hearing.requestedAt ? (
          <div>
            <dt>{h.requestedAt}</dt>
            <dd>{formatDateTime(hearing.requestedAt, locale)}</dd>
          </div>
        ) : null}
        {hearing.reactionDueDate ? (
          <div>
            <dt>{h.dueDate}</dt>
            <dd className="cell-strong">{formatLocalDate(hearing.reactionDueDate, locale)}</dd>
          </div>
        ) : null}
      </dl>

      {hearing.status === 'waived' ? <p className="notice notice-info">{h.waived}</p> : null}

      <h3 className="subheading">{h.request}</h3>
      <p className="prose hearing-request">{hearing.requestText}</p>

      {hearing.documents.length > 0 ? (
        <>
          <h3 className="subheading">{h.documents}</h3>
          <ul className="documents">
            {hearing.documents.map((document) => (
              <li key={document.id}>
                <button
                  type="button"
                  className="document"
                  onClick={() =>
                    void downloadFromApi(
                      myHearings.documentPath(hearing.complaintId, document.id),
                      document.fileName,
                    ).catch(setError)
                  }
                >
                  <Icon name="download" size={14} />
                  <span className="document-name">
                    {h.letterType[document.letterType] ?? document.fileName}
                  </span>
                  <span className="muted small">
                    {formatDateTime(document.issuedAt, locale)} · {formatBytes(document.sizeBytes, locale)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 className="subheading">{h.yourReactions}</h3>
      {hearing.reactions.length === 0 ? <p className="muted">{h.noReaction}</p> : null}
      <ol className="hearing-reactions">
        {hearing.reactions.map((reaction) => (
          <li key={reaction.id}>
            <p className="muted small">{formatDateTime(reaction.at, locale)}</p>
            <p className="prose">{reaction.text}</p>
          </li>
        ))}
      </ol>

      {hearing.statement ? (
        <section className="hearing-statement" aria-labelledby={`${headingId}-statement`}>
          <h3 id={`${headingId}-statement`} className="subheading">
            {h.statement}
          </h3>
          <p className="muted small">{h.recordedAt(formatDateTime(hearing.statement.recordedAt, locale))}</p>
          <blockquote className="prose">{hearing.statement.text}</blockquote>
          {hearing.signedAt ? (
            <p className="hearing-signed">
              <Icon name="check" size={14} />
              {h.signed(formatDateTime(hearing.signedAt, locale))}
            </p>
          ) : null}
          {hearing.maySign ? (
            <form onSubmit={sign} className="hearing-sign">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={agreed}
                  required
                  onChange={(e) => setAgreed(e.target.checked)}
                />
                {h.signConfirm}
              </label>
              <div className="form-actions">
                <button type="submit" className="button button-primary" disabled={busy || !agreed}>
                  {h.sign}
                </button>
              </div>
            </form>
          ) : null}
        </section>
      ) : hearing.status === 'requested' ? (
        <p className="muted small">{h.noStatement}</p>
      ) : null}

      {error ? <ErrorNotice error={error} /> : null}

      {hearing.mayReact ? (
        <form onSubmit={react} className="hearing-react">
          {hearing.status === 'statement_draft' ? <p className="muted small">{h.notRight}</p> : null}
          <Field label={h.reactionLabel} hint={h.reactionHint}>
            {(props) => (
              <textarea
                {...props}
                rows={6}
                value={text}
                required
                onChange={(event) => setText(event.target.value)}
              />
            )}
          </Field>
          <div className="form-actions">
            <button
              type="submit"
              className={`button ${hearing.status === 'statement_draft' ? 'button-secondary' : 'button-primary'}`}
              disabled={busy || text.trim() === ''}
            >
              {hearing.reactions.length > 0 ? h.addReaction : h.sendReaction}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
