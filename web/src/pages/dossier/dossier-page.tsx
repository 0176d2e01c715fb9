import { useMemo } from 'react';
import { complaints } from '../../api/endpoints.ts';
import { isApiError } from '../../api/problem.ts';
import { mayAct } from '../../api/auth.ts';
import { letters } from '../../api/dossier-letters.ts';
import { legalHolds } from '../../api/legal-holds.ts';
import { OPEN_STATUSES, type ProcedureState } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Icon } from '../../components/icon.tsx';
import { Link } from '../../components/link.tsx';
import { isActive, LegalHoldsCard } from '../../components/legal-holds-card.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { NotFoundPage } from '../not-found-page.tsx';
import { AttachmentUploader } from './attachment-uploader.tsx';
import { ClockPanel } from './clock-panel.tsx';
import { ComplaintSummary } from './complaint-summary.tsx';
import { DossierHeader } from './dossier-header.tsx';
import { EventLog } from './event-log.tsx';
import { InvolvedEmployeeForm } from './involved-employee-form.tsx';
import { LettersCard } from './letters-card.tsx';
import { NoteComposer } from './note-composer.tsx';
import type { StepContext } from './step-definitions.ts';
import { StepPanel } from './step-panel.tsx';
import { Timeline } from './timeline.tsx';

export function DossierPage({ complaintId }: { complaintId: string }) {
  const { t, language } = useI18n();
  const { organisation, users } = useOrganisation();
  const { session } = useSession();
  // Holds are read by the coordinator and the auditor only; the export as the brief's roles say.
  const mayReadHolds = mayAct(session, 'coordinator', 'auditor');
  const mayExport = mayAct(session, 'coordinator', 'auditor');
  // Asked again on a language switch: the clocks' explanations and refusals are the server's text.
  const procedure = useAsync(() => complaints.procedure(complaintId, language), [complaintId, language]);
  const items = useAsync(() => complaints.items(complaintId), [complaintId]);
  const events = useAsync(() => complaints.events(complaintId), [complaintId]);
  const letterList = useAsync(() => letters.list(complaintId), [complaintId]);
  const holds = useAsync(
    () => (mayReadHolds ? legalHolds.list(complaintId) : Promise.resolve([])),
    [complaintId, mayReadHolds],
  );
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
  const writeRefusal = noteRight?.refusals.map((r) => r.text).join(' ') ?? '';
  const afterStep = (next: ProcedureState | undefined) => {
    if (next) procedure.setData(next);
    else procedure.reload();
    items.reload();
    events.reload();
    letterList.reload();
  };
  const activeHolds = (holds.data ?? []).filter(isActive).length;

  return (
    <>
      <nav className="crumbs" aria-label={t.dossier.breadcrumb}>
        <Link to="/">
          <Icon name="arrow-left" size={14} />
          {t.dossier.back}
        </Link>
      </nav>
      <DossierHeader state={state} activeHolds={activeHolds} canExport={mayExport} />

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
          <LettersCard
            complaintId={complaintId}
            list={letterList.data}
            error={letterList.error}
            onRetry={letterList.reload}
            canPost={canWrite && mayAct(session, 'coordinator', 'handler')}
            names={names}
            onPosted={() => afterStep(undefined)}
          />
          {mayReadHolds && holds.data ? (
            <LegalHoldsCard
              owner={{ kind: 'complaints', id: complaintId }}
              holds={holds.data}
              intro={t.holds.intro}
              none={t.holds.none}
              canChange={mayAct(session, 'coordinator')}
              names={names}
              onChanged={() => {
                holds.reload();
                events.reload();
              }}
            />
          ) : null}
          {events.data ? <EventLog events={events.data} names={names} /> : null}
        </div>
        <div className="dossier-side">
          <StepPanel state={state} context={context} onChanged={afterStep} onAttempted={events.reload} />
        </div>
      </div>
    </>
  );
}
