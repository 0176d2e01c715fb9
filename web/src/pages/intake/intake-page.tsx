import { useMemo, useState } from 'react';
import { intake } from '../../api/endpoints.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { IntakeCard } from './intake-card.tsx';

export function IntakePage() {
  const { t } = useI18n();
  const { users } = useOrganisation();
  const [includeDone, setIncludeDone] = useState(false);
  const [message, setMessage] = useState('');
  const list = useAsync(() => intake.list(includeDone), [includeDone]);
  const handlers = useMemo(
    () => users.filter((u) => !u.disabled && u.roles.some((r) => r === 'handler' || r === 'coordinator')),
    [users],
  );
  const items = list.data ?? [];
  return (
    <>
      <PageHeader
        title={t.intake.title}
        subtitle={t.intake.subtitle}
        actions={
          <label className="checkbox">
            <input type="checkbox" checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)} />
            {t.intake.showDone}
          </label>
        }
      />
      <p className="announce" role="status">
        {message}
      </p>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data ? <LoadingState /> : null}
      {list.data && items.length === 0 ? <EmptyState icon="inbox">{t.intake.empty}</EmptyState> : null}
      <div className="intake-list">
        {items.map((item) => (
          <IntakeCard
            key={item.id}
            item={item}
            handlers={handlers}
            onChanged={(text) => {
              setMessage(text);
              list.reload();
            }}
          />
        ))}
      </div>
    </>
  );
}
