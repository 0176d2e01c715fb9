import type { Clock, PersonRef } from '../../api/types.ts';
import { TrafficLight } from '../../components/traffic-light.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { lightOf } from '../../lib/clocks.ts';
import { amsterdamToday, daysBetween, formatDateTime, formatLocalDate } from '../../lib/dates.ts';

const STATE_CLASS: Record<string, string> = {
  open: 'badge-neutral',
  met_on_time: 'badge-green',
  met_late: 'badge-amber',
  missed: 'badge-red',
  not_applicable: 'badge-muted',
  elapsed: 'badge-muted',
};

export function ClockRow({ clock, employees }: { clock: Clock; employees: PersonRef[] }) {
  const { t, locale, language: explanationLanguage } = useI18n();
  const today = amsterdamToday();
  const light = clock.informative ? 'none' : lightOf(clock, today);
  const employee = clock.subjectId ? employees.find((e) => e.id === clock.subjectId) : undefined;
  const left = clock.dueDate ? daysBetween(today, clock.dueDate) : null;
  return (
    <li className={`clock clock-${clock.state}`} data-kind={clock.kind}>
      <div className="clock-head">
        <TrafficLight light={light} />
        <span className="clock-name">
          {t.clock.kind[clock.kind]}
          {employee ? <span className="muted"> {t.clock.forEmployee(employee.name)}</span> : null}
        </span>
        <span className={`badge ${STATE_CLASS[clock.state] ?? 'badge-neutral'}`}>
          {t.clock.state[clock.state]}
        </span>
      </div>
      {clock.dueDate ? (
        <p className="clock-date">
          {t.clock.due} <strong>{formatLocalDate(clock.dueDate, locale)}</strong>
          {clock.state === 'open' && left !== null && left >= 0 ? (
            <span className="muted">
              {' '}
              · {left === 0 ? t.clock.today : left === 1 ? t.clock.tomorrow : t.clock.inDays(left)}
            </span>
          ) : null}
          {clock.originalDueDate && clock.originalDueDate !== clock.dueDate ? (
            <span className="muted">
              {' '}
              ({t.clock.originally} {formatLocalDate(clock.originalDueDate, locale)})
            </span>
          ) : null}
          {clock.provisional ? (
            <span className="badge badge-amber badge-inline" title={t.clock.provisionalHint}>
              {t.clock.provisional}
            </span>
          ) : null}
        </p>
      ) : null}
      {clock.metAt ? (
        <p className="clock-date muted">
          {t.clock.met} {formatDateTime(clock.metAt, locale)}
        </p>
      ) : null}
      <p className="clock-explanation" lang={explanationLanguage}>
        {clock.explanationText}
      </p>
    </li>
  );
}
