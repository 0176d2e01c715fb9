import type { ProcedureState } from '../../api/types.ts';
import { ClockDue } from '../../components/clock-due.tsx';
import { Icon } from '../../components/icon.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { nearestClock } from '../../lib/clocks.ts';
import { formatDate } from '../../lib/dates.ts';
import { DossierExportButton } from './dossier-export-button.tsx';

/** Reference, status, flags (liability, legal hold), the nearest clock and the dossier's export. */
export function DossierHeader({
  state,
  activeHolds,
  canExport,
}: {
  state: ProcedureState;
  activeHolds: number;
  canExport: boolean;
}) {
  const { t, locale } = useI18n();
  const complaint = state.complaint;
  return (
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
        {activeHolds > 0 ? (
          <a
            href="#legal-holds"
            className="badge badge-red-outline hold-flag"
            title={t.holds.flagTitle(activeHolds)}
          >
            <Icon name="lock" size={12} />
            {t.holds.flag}
            <span className="visually-hidden">: {t.holds.flagTitle(activeHolds)}</span>
          </a>
        ) : null}
        {canExport ? (
          <DossierExportButton complaintId={complaint.id} reference={complaint.reference} />
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
  );
}
