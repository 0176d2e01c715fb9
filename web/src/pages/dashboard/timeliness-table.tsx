import type { TimelinessFigures } from '../../api/reports.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** One row per group (month, handler): how many complaints and how often each main term was met. */
export function TimelinessTable({
  title,
  keyLabel,
  groups,
  percent,
  days,
}: {
  title: string;
  keyLabel: string;
  groups: Array<{ key: string | null; label: string | null; figures: TimelinessFigures }>;
  percent: (share: number | null) => string;
  days: (value: number | null) => string;
}) {
  const { t } = useI18n();
  const r = t.reports;
  return (
    <section>
      <h3 className="card-title">{title}</h3>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{keyLabel}</th>
              <th scope="col">{r.count}</th>
              <th scope="col">{r.colAck}</th>
              <th scope="col">{r.colDecision}</th>
              <th scope="col">{r.colMedian}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key ?? ''}>
                <th scope="row">{g.label ?? t.app.none}</th>
                <td>{g.figures.complaints}</td>
                <td>{percent(g.figures.clocks.acknowledgment.share)}</td>
                <td>{percent(g.figures.clocks.decisionWithinTerm.share)}</td>
                <td>{days(g.figures.handlingTime.medianDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
