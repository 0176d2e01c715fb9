import { useState } from 'react';
import type { ImprovementAction, ImprovementInput } from '../../api/improvement-actions.ts';
import { Link } from '../../components/link.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { amsterdamToday, formatLocalDate } from '../../lib/dates.ts';
import { ImprovementForm } from './improvement-form.tsx';

const STATUS_BADGE = { open: 'badge-accent', done: 'badge-green', cancelled: 'badge-muted' } as const;

/** One improvement action: what, who, by when, which complaints led to it; the coordinator edits it in place. */
export function ImprovementItem({
  action,
  canChange,
  onChange,
}: {
  action: ImprovementAction;
  canChange: boolean;
  onChange: (input: ImprovementInput) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const s = t.improvements;
  const [editing, setEditing] = useState(false);
  const overdue = action.status === 'open' && action.dueDate < amsterdamToday();
  return (
    <li className="letter-row improvement" data-improvement={action.id}>
      <div className="letter-row-head">
        <h3 className="letter-row-title">{action.title}</h3>
        <span className={`badge ${STATUS_BADGE[action.status]}`}>{s.statusName[action.status]}</span>
      </div>
      <p className="letter-row-meta muted small">
        {s.ownerIs(action.owner.name)} ·{' '}
        <span className={overdue ? 'text-danger' : undefined}>
          {overdue
            ? s.overdue(formatLocalDate(action.dueDate, locale))
            : s.due(formatLocalDate(action.dueDate, locale))}
        </span>
      </p>
      {action.rootCause ? <p className="small">{s.causeIs(action.rootCause)}</p> : null}
      {action.description ? <p className="prose small">{action.description}</p> : null}
      {action.complaints.length > 0 ? (
        <p className="small inline-links">
          {s.ledBy}{' '}
          {action.complaints.map((c, i) => (
            <span key={c.id}>
              {i > 0 ? ', ' : ''}
              <Link to={`/complaints/${c.id}`}>{c.reference}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {canChange && !editing ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => setEditing(true)}
        >
          {s.edit}
          <span className="visually-hidden">: {action.title}</span>
        </button>
      ) : null}
      {editing ? (
        <ImprovementForm
          action={action}
          onCancel={() => setEditing(false)}
          onSave={async (input) => {
            await onChange(input);
            setEditing(false);
          }}
        />
      ) : null}
    </li>
  );
}
