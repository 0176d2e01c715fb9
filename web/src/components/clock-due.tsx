import type { Clock } from '../api/types.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { lightOf } from '../lib/clocks.ts';
import { amsterdamToday, daysBetween, formatLocalDate } from '../lib/dates.ts';
import { TrafficLight } from './traffic-light.tsx';

/** "Standpunt · ma 21 dec. 2026 · over 12 dagen", with its traffic light. */
export function ClockDue({ clock, showKind = true }: { clock: Clock | null; showKind?: boolean }) {
  const { t, locale } = useI18n();
  const today = amsterdamToday();
  if (!clock || clock.dueDate === null) {
    return (
      <span className="clock-due clock-due-none">
        <TrafficLight light="none" />
        <span className="muted">{t.clock.noneOpen}</span>
      </span>
    );
  }
  const left = daysBetween(today, clock.dueDate);
  const relative =
    clock.state === 'missed'
      ? left < 0
        ? t.clock.overdue(-left)
        : t.clock.overdueToday
      : left === 0
        ? t.clock.today
        : left === 1
          ? t.clock.tomorrow
          : left > 1
            ? t.clock.inDays(left)
            : t.clock.overdue(-left);
  return (
    <span className="clock-due">
      <TrafficLight light={lightOf(clock, today)} />
      <span className="clock-due-text">
        {showKind ? <span className="clock-due-kind">{t.clock.kind[clock.kind]}</span> : null}
        <span className="clock-due-date">
          {formatLocalDate(clock.dueDate, locale)} · <span className="clock-due-relative">{relative}</span>
        </span>
      </span>
    </span>
  );
}
