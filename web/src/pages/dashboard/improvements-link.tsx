import { improvementActions } from '../../api/improvement-actions.ts';
import { Icon } from '../../components/icon.tsx';
import { Link } from '../../components/link.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { amsterdamToday } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';

/** The way from the figures to what the firm does about them: open improvement actions, overdue ones counted. */
export function ImprovementsLink() {
  const { t } = useI18n();
  const s = t.improvements;
  const open = useAsync(() => improvementActions.list('open'), []);
  const today = amsterdamToday();
  const overdue = (open.data ?? []).filter((a) => a.dueDate < today).length;
  return (
    <section className="card improvements-link" aria-labelledby="improvements-link-title">
      <h2 id="improvements-link-title" className="card-title">
        {s.pageTitle}
      </h2>
      <p className="muted small">{open.data ? s.summary(open.data.length, overdue) : s.subtitle}</p>
      <Link to="/improvements" className="button button-secondary">
        <Icon name="chevron-right" size={14} />
        {s.open}
      </Link>
    </section>
  );
}
