import { useState } from 'react';
import { mayAct } from '../../api/auth.ts';
import {
  IMPROVEMENT_STATUSES,
  improvementActions,
  type ImprovementStatus,
} from '../../api/improvement-actions.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { Icon } from '../../components/icon.tsx';
import { Link } from '../../components/link.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useSession } from '../../session/session-context.tsx';
import { ImprovementForm } from './improvement-form.tsx';
import { ImprovementItem } from './improvement-item.tsx';

/** What the firm changes because of its complaints (R11), nearest due date first. */
export function ImprovementsPage() {
  const { t } = useI18n();
  const s = t.improvements;
  const { session } = useSession();
  const canChange = mayAct(session, 'coordinator');
  const [status, setStatus] = useState<ImprovementStatus | ''>('open');
  const list = useAsync(() => improvementActions.list(status || undefined), [status]);
  const [announcement, setAnnouncement] = useState('');

  return (
    <>
      <nav className="crumbs" aria-label={t.dossier.breadcrumb}>
        <Link to="/dashboard">
          <Icon name="arrow-left" size={14} />
          {t.nav.dashboard}
        </Link>
      </nav>
      <PageHeader title={s.pageTitle} subtitle={s.subtitle} />
      <p className="announce" role="status">
        {announcement}
      </p>
      {canChange ? (
        <details className="composer-toggle card-like">
          <summary>
            <Icon name="plus" size={14} />
            {s.new}
          </summary>
          <ImprovementForm
            action={null}
            onSave={async (input) => {
              const created = await improvementActions.create(input);
              setAnnouncement(s.created(created.title));
              list.reload();
            }}
          />
        </details>
      ) : null}
      <section className="card" aria-labelledby="improvements-title">
        <h2 id="improvements-title" className="card-title">
          {s.listTitle}
        </h2>
        <Field label={s.show} className="narrow-field">
          {(props) => (
            <select
              {...props}
              value={status}
              onChange={(e) => setStatus(e.target.value as ImprovementStatus | '')}
            >
              <option value="">{s.all}</option>
              {IMPROVEMENT_STATUSES.map((option) => (
                <option key={option} value={option}>
                  {s.statusName[option]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {!list.data ? (
          list.error ? null : (
            <LoadingState />
          )
        ) : list.data.length === 0 ? (
          <p className="muted small">{s.empty}</p>
        ) : (
          <ul className="record-list">
            {list.data.map((action) => (
              <ImprovementItem
                key={action.id}
                action={action}
                canChange={canChange}
                onChange={async (input) => {
                  const changed = await improvementActions.change(action.id, input);
                  setAnnouncement(s.changed(changed.title));
                  list.reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
