import { useState } from 'react';
import { legalHolds } from '../../api/legal-holds.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Icon } from '../../components/icon.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { downloadFromApi } from '../../lib/download.ts';

/**
 * The whole dossier as one ZIP (for KiFiD, a court or an auditor). The server streams it; the
 * button says it is busy until the last byte is in, since a large dossier takes a while.
 */
export function DossierExportButton({ complaintId, reference }: { complaintId: string; reference: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const start = async () => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await downloadFromApi(legalHolds.exportPath(complaintId), `${reference}.zip`);
      setDone(t.dossierExport.done);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="dossier-export">
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        aria-busy={busy}
        title={t.dossierExport.hint}
        onClick={() => void start()}
      >
        <Icon name="download" size={14} />
        {busy ? t.dossierExport.busy : t.dossierExport.button}
      </button>
      <span className="announce" role="status">
        {done}
      </span>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
