import { useMemo } from 'react';
import { complaints } from '../../api/endpoints.ts';
import { isApiError } from '../../api/problem.ts';
import { OPEN_STATUSES, type ProcedureState } from '../../api/types.ts';
import { ClockDue } from '../../components/clock-due.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Icon } from '../../components/icon.tsx';
import { Link } from '../../components/link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { nearestClock } from '../../lib/clocks.ts';
import { formatDate } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { AttachmentUploader } from './attachment-uploader.tsx';
import { ClockPanel } from './clock-panel.tsx';
import { ComplaintSummary } from './complaint-summary.tsx';
import { EventLog } from './event-log.tsx';
import { InvolvedEmployeeForm } from './involved-employee-form.tsx';
import { NoteComposer } from './note-composer.tsx';
import type { StepContext } from './step-definitions.ts';
import { StepPanel } from './step-panel.tsx';
import { Timeline } from './timeline.tsx';

export function DossierPage({ complaintId }: { complaintId: string }) {
  const { t, locale } = useI18n();
  const { organisation, users } = useOrganisation();
  const procedure = useAsync(() => complaints.procedure(complaintId), [complaintId]);
  const items = useAsync(() => complaints.items(complaintId), [complaintId]);
  const events = useAsync(() => complaints.events(complaintId), [complaintId]);
  const names = useMemo(() => new Map(users.map((u) => [u.id, u.displayName])), [users]);

  const state = procedure.data;
  const context = useMemo<StepContext | null>(
    () => (state ? { complaint: state.complaint, users, organisation } : null),
    [state, users, organisation],
  );

  if (procedure.error && isApiError(procedure.error) && procedure.error.status === 404)
    return <NotFoundPage />;
  if (!state || !context) {
    return procedure.error ? (
      <ErrorNotice error={procedure.error} onRetry={procedure.reload} />
    ) : (
      <LoadingState label={t.dossier.loading} />
    );
  }

  const complaint = state.complaint;
  // Notes and files follow the server's own add_note permission (auditors only read).
  const noteRight = state.actions.find((a) => a.action === 'add_note');
  const canWrite = noteRight?.allowed ?? true;
  const writeRefusal = noteRight?.refusals.map((r) => r.message).join(' ') ?? '';
  const afterStep = (next: ProcedureState | undefined) => {
    if (next) procedure.setData(next);
    else procedure.reload();
    items.reload();
    events.reload();
  };

  return (
    <>
      <nav className="crumbs" aria-label={t.dossier.breadcrumb}>
        <Link to="/">
          <Icon name="arrow-left" size={14} />
          {t.dossier.back}
        </Link>
      </nav>
      <header className="dossier-header">
        <div className="dossier-heading">
          <h1>{complaint.reference}</h1>
          <StatusBadge status={complaint.status} />
          {state.substates.map((s) => (
            <span key={s} className="badge badge-outline">
              {t.substate[s]}
            </span>
          ))}
          {complaint.liabilityFlag ? (
            <span className="badge badge-red-outline">
              <Icon name="shield" size={12} />
              {t.dossier.liability}
            </span>
          ) : null}
        </div>
        <p className="page-subtitle">
          {complaint.complainant.name}
          {complaint.product ? ` · ${complaint.product}` : ''} · {t.dossier.received.toLowerCase()}{' '}
          {formatDate(complaint.receivedAt, locale)}
        </p>
        <div className="dossier-next">
          <span className="muted small">{t.queue.nextDeadline}</span>
          <ClockDue clock={nearestClock(state.clocks)} />
        </div>
      </header>

      <div className="dossier">
        <div className="dossier-main">
          <ComplaintSummary complaint={complaint} />
          {canWrite && OPEN_STATUSES.includes(complaint.status) ? (
            <InvolvedEmployeeForm complaint={complaint} users={users} onAdded={() => afterStep(undefined)} />
          ) : null}
          <ClockPanel clocks={state.clocks} employees={complaint.involvedEmployees} />
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="card-title">
              {t.dossier.timeline}
            </h2>
            {canWrite ? (
              <>
                <details className="composer-toggle">
                  <summary>
                    <Icon name="note" size={14} />
                    {t.dossier.addNote}
                  </summary>
                  <NoteComposer complaintId={complaintId} onAdded={() => afterStep(undefined)} />
                </details>
                <details className="composer-toggle">
                  <summary>
                    <Icon name="paperclip" size={14} />
                    {t.dossier.addAttachment}
                  </summary>
                  <AttachmentUploader complaintId={complaintId} onAdded={() => afterStep(undefined)} />
                </details>
              </>
            ) : (
              <p className="muted small">{writeRefusal}</p>
            )}
            {items.error ? <ErrorNotice error={items.error} onRetry={items.reload} /> : null}
            {items.data ? (
              <Timeline complaintId={complaintId} items={items.data} names={names} />
            ) : (
              <LoadingState />
            )}
          </section>
          {events.data ? <EventLog events={events.data} names={names} /> : null}
        </div>
        <div className="dossier-side">
          <StepPanel state={state} context={context} onChanged={afterStep} onAttempted={events.reload} />
        </div>
      </div>
    </>
  );
}
