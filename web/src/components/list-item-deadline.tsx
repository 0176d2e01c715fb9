import type { ClockUrgency, ComplaintListItem } from '../api/types.ts';
import type { Light } from '../lib/clocks.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { amsterdamToday, daysBetween, formatLocalDate } from '../lib/dates.ts';

const LIGHTS: Record<ClockUrgency, Light> = {
  missed: 'red',
  due_soon: 'amber',
  on_track: 'green',
  none: 'none',
};

/**
 * The nearest clock of a list item (work queue, overview), from the item itself (no dossier is opened, so listing
 * records no dossier read): its traffic light as the server decided it with the working-day
 * calendar, what is due when the server can tell, the date and how far off it is.
 */
export function QueueDeadline({ item }: { item: ComplaintListItem }) {
  const { t, locale } = useI18n();
  const w = t.workQueue;
  const light = LIGHTS[item.nextClockUrgency];
  const label = w.light[light];
  const due = item.nextClockDue;
  if (due === null) {
    return (
      <span className="clock-due clock-due-none">
        <span className="light light-none" title={label}>
          <span className="light-dot" aria-hidden="true" />
          <span className="visually-hidden">{label}</span>
        </span>
        <span className="muted">{t.clock.noneOpen}</span>
      </span>
    );
  }
  const left = daysBetween(amsterdamToday(), due);
  const relative =
    left < 0
      ? t.clock.overdue(-left)
      : left === 0
        ? t.clock.today
        : left === 1
          ? t.clock.tomorrow
          : t.clock.inDays(left);
  return (
    <span className="clock-due">
      <span className={`light light-${light}`} title={label}>
        <span className="light-dot" aria-hidden="true" />
        <span className="visually-hidden">{label}</span>
      </span>
      <span className="clock-due-text">
        <span className="clock-due-kind">
          {item.nextClockKind ? t.clock.kind[item.nextClockKind] : w.deadline}
        </span>
        <span className="clock-due-date">
          {formatLocalDate(due, locale)} · <span className="clock-due-relative">{relative}</span>
        </span>
      </span>
    </span>
  );
}
