import { useState } from 'react';
import { myHearings } from '../../api/screens.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { HearingCard } from './hearing-card.tsx';

/**
 * The involved employee's own screen (R4). It calls /my/hearings and nothing else of a complaint:
 * the employee never sees the complainant, the description or the rest of the dossier.
 */
export function MyHearingsPage() {
  const { t } = useI18n();
  const h = t.myHearings;
  const list = useAsync(() => myHearings.list(), []);
  const [message, setMessage] = useState('');
  const hearings = list.data ?? [];
  return (
    <>
      <PageHeader title={h.title} subtitle={h.subtitle} />
      <p className="announce announce-success" role="status">
        {message}
      </p>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <LoadingState /> : null}
      {list.data && hearings.length === 0 ? <EmptyState icon="user">{h.empty}</EmptyState> : null}
      <div className="hearing-list">
        {hearings.map((hearing) => (
          <HearingCard
            key={hearing.complaintId}
            hearing={hearing}
            onChanged={(next, text) => {
              list.setData((previous) =>
                (previous ?? []).map((item) => (item.complaintId === next.complaintId ? next : item)),
              );
              setMessage(text);
            }}
          />
        ))}
      </div>
    </>
  );
}
