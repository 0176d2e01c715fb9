import { useState } from 'react';
import { intake } from '../../api/endpoints.ts';
import type { IntakeItem, User } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Icon } from '../../components/icon.tsx';
import { Link } from '../../components/link.tsx';
import { TrafficLight } from '../../components/traffic-light.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { AMBER_DAYS } from '../../lib/clocks.ts';
import { amsterdamToday, daysBetween, formatDateTime, formatLocalDate } from '../../lib/dates.ts';
import { navigate } from '../../lib/router.ts';
import { ClassifyForm } from './classify-form.tsx';
import { OpenCancellationForm } from './open-cancellation-form.tsx';
import { OpenComplaintForm } from './open-complaint-form.tsx';

type Mode = 'complaint' | 'cancellation' | 'classify' | null;

function kindLabel(kinds: Record<string, string>, kind: string | null): string | null {
  return kind === null ? null : (kinds[kind] ?? kind);
}

export function IntakeCard({
  item,
  handlers,
  onChanged,
}: {
  item: IntakeItem;
  handlers: User[];
  onChanged: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const today = amsterdamToday();
  const left = daysBetween(today, item.acknowledgeBy);
  const light = left < 0 || left === 0 ? 'red' : left <= AMBER_DAYS ? 'amber' : 'green';
  const isNew = item.status === 'new';
  const headingId = `intake-${item.id}`;
  const kinds = t.intake.kind as Record<string, string>;
  // The suggested way to open it gets the primary button; the other stays one click away.
  const suggestsCancellation =
    (item.kind === 'unclassified' ? item.proposedKind : item.kind) === 'cancellation';

  const confirmComplaint = async () => {
    setBusy(true);
    setError(null);
    try {
      await intake.classify(item.id, { kind: 'complaint', reason: t.intake.confirmReason });
      onChanged(t.intake.classified);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (next: Mode) => setMode((current) => (current === next ? null : next));

  return (
    <article className="card intake-card" aria-labelledby={headingId}>
      <header className="intake-head">
        <div>
          <h2 id={headingId} className="intake-subject">
            {item.subject ?? t.intake.noSubject}
          </h2>
          <p className="intake-from">
            <Icon name={item.channel === 'email' ? 'mail' : 'file'} size={14} />
            <span>
              {item.senderName ?? item.senderEmail ?? t.app.none}
              {item.senderName && item.senderEmail ? (
                <span className="muted"> &lt;{item.senderEmail}&gt;</span>
              ) : null}
            </span>
            <span className="muted">
              · {t.channel[item.channel as keyof typeof t.channel] ?? item.channel}
            </span>
            <span className="muted">· {formatDateTime(item.receivedAt, locale)}</span>
          </p>
        </div>
        <div className="intake-deadline" title={t.intake.acknowledgeRuns}>
          <span className="muted small">{t.intake.acknowledgeBy}</span>
          <span className="intake-deadline-date">
            <TrafficLight light={isNew ? light : 'none'} />
            {formatLocalDate(item.acknowledgeBy, locale)}
          </span>
        </div>
      </header>
      {item.preview ? <p className="intake-preview prose">{item.preview}</p> : null}
      <div className="intake-tags">
        <span className="badge badge-neutral">{kindLabel(kinds, item.kind)}</span>
        {item.proposedKind && item.proposedKind !== item.kind ? (
          <span className="badge badge-outline">
            {t.intake.proposal}: {kindLabel(kinds, item.proposedKind)}
          </span>
        ) : null}
        {!isNew ? (
          <span className="badge badge-muted">
            {t.intake.statusLabel[item.status as 'new'] ?? item.status}
          </span>
        ) : null}
        {item.proposalReason ? <span className="muted small">{item.proposalReason}</span> : null}
      </div>
      {item.history.length > 0 ? (
        <ul className="intake-history" aria-label={t.intake.history}>
          {item.history.map((h) => (
            <li key={`${h.at}-${h.to}`} className="small muted">
              {formatDateTime(h.at, locale)}:{' '}
              {t.intake.historyLine(kindLabel(kinds, h.from) ?? h.from, kindLabel(kinds, h.to) ?? h.to)} —{' '}
              {h.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {isNew ? (
        <div className="intake-actions">
          {item.complaintId ? (
            <>
              <Link to={`/complaints/${item.complaintId}`} className="button button-secondary button-small">
                {t.intake.openDossier}
              </Link>
              <button
                type="button"
                className="button button-primary button-small"
                disabled={busy}
                onClick={() => void confirmComplaint()}
              >
                {t.intake.confirmComplaint}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className={`button button-small ${suggestsCancellation ? 'button-secondary' : 'button-primary'}`}
                aria-expanded={mode === 'complaint'}
                onClick={() => toggle('complaint')}
              >
                {t.intake.openAsComplaint}
              </button>
              <button
                type="button"
                className={`button button-small ${suggestsCancellation ? 'button-primary' : 'button-secondary'}`}
                aria-expanded={mode === 'cancellation'}
                onClick={() => toggle('cancellation')}
              >
                {t.intake.openAsCancellation}
              </button>
            </>
          )}
          <button
            type="button"
            className="button button-ghost button-small"
            aria-expanded={mode === 'classify'}
            onClick={() => toggle('classify')}
          >
            {t.intake.classify}
          </button>
        </div>
      ) : item.complaintId ? (
        <div className="intake-actions">
          <Link to={`/complaints/${item.complaintId}`} className="button button-secondary button-small">
            {t.intake.openDossier}
          </Link>
        </div>
      ) : null}
      {mode === 'complaint' ? (
        <OpenComplaintForm
          item={item}
          handlers={handlers}
          onCancel={() => setMode(null)}
          onDone={(complaint) => {
            onChanged(t.intake.opened(complaint.reference));
            navigate(`/complaints/${complaint.id}`);
          }}
        />
      ) : null}
      {mode === 'cancellation' ? (
        <OpenCancellationForm
          item={item}
          onCancel={() => setMode(null)}
          onDone={(cancellation) => {
            setMode(null);
            onChanged(t.intake.cancellationOpened(cancellation.reference));
          }}
        />
      ) : null}
      {mode === 'classify' ? (
        <ClassifyForm
          item={item}
          onCancel={() => setMode(null)}
          onDone={() => {
            setMode(null);
            onChanged(t.intake.classified);
          }}
        />
      ) : null}
    </article>
  );
}
