import { useEffect, useId, useRef, useState } from 'react';
import { bulkAssignments, type BulkAssignment } from '../../api/bulk-assignments.ts';
import type { User } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Link } from '../../components/link.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { newIdempotencyKey, outcomeUnknown } from '../../lib/idempotency-key.ts';

const POLL_MS = 500;

/**
 * "Toewijzen aan…" for the complaints ticked in the queue: the server reassigns them one by one in
 * the background; this follows its progress and lists what could not be done, with the reason.
 */
export function BulkAssign({
  selected,
  handlers,
  onFinished,
}: {
  selected: string[];
  handlers: User[];
  onFinished: () => void;
}) {
  const { t } = useI18n();
  const selectId = useId();
  const [handlerId, setHandlerId] = useState('');
  const [job, setJob] = useState<BulkAssignment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // The key of an attempt whose outcome is unknown, kept for a retry of the very same action.
  const unsettled = useRef<{ key: string; action: string } | null>(null);
  const running = job !== null && job.status !== 'finished';

  useEffect(() => {
    if (!job || job.status === 'finished') return undefined;
    const timer = setTimeout(() => {
      bulkAssignments.get(job.id).then((next) => {
        setJob(next);
        if (next.status === 'finished') onFinished();
      }, setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, onFinished]);

  const start = async () => {
    setBusy(true);
    setError(null);
    const action = JSON.stringify([handlerId, selected.toSorted()]);
    const key = unsettled.current?.action === action ? unsettled.current.key : newIdempotencyKey();
    unsettled.current = { key, action };
    try {
      const started = await bulkAssignments.start(selected, handlerId, key);
      unsettled.current = null;
      setJob(started);
      // A retry can get back a job that finished meanwhile: nothing left to poll, the queue is stale.
      if (started.status === 'finished') onFinished();
    } catch (failure) {
      // A clear refusal means nothing was started: a later click is a new action with a new key.
      if (!outcomeUnknown(failure)) unsettled.current = null;
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const settled = job ? job.done + job.failed : 0;
  const percent = job ? Math.round((settled / job.total) * 100) : 0;
  const failures = job?.items.filter((i) => i.status === 'failed') ?? [];
  return (
    <section className="bulk-assign card" aria-label={t.bulk.title}>
      <div className="bulk-assign-bar">
        <span className="bulk-count">{t.bulk.selected(selected.length)}</span>
        <label htmlFor={selectId}>{t.bulk.assignTo}</label>
        <select id={selectId} value={handlerId} onChange={(e) => setHandlerId(e.target.value)}>
          <option value="">{t.bulk.chooseHandler}</option>
          {handlers.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-primary"
          disabled={selected.length === 0 || handlerId === '' || busy || running}
          onClick={() => void start()}
        >
          {t.bulk.run}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {job ? (
        <div className="bulk-progress">
          <div
            className="progress"
            role="progressbar"
            aria-label={t.bulk.progressLabel}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={t.bulk.progressText(settled, job.total)}
          >
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <p className="bulk-status" role="status" aria-live="polite">
            {job.status === 'finished'
              ? t.bulk.finished(job.done, job.failed)
              : t.bulk.progressText(settled, job.total)}
          </p>
          {job.status === 'finished' && failures.length > 0 ? (
            <div className="notice notice-warning">
              <p className="notice-title">{t.bulk.failedTitle}</p>
              <ul className="bulk-failures">
                {failures.map((item) => (
                  <li key={item.complaintId}>
                    <Link to={`/complaints/${item.complaintId}`}>{item.reference}</Link>: {item.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
