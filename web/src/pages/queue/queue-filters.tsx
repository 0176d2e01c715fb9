import { COMPLAINT_STATUSES, CHANNELS, type Channel, type User } from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { QueueFilterValues } from './queue-query.ts';

export function QueueFilters({
  values,
  onChange,
  handlers,
  categories,
  currentUserId,
  ownQueue = false,
}: {
  values: QueueFilterValues;
  onChange: (values: QueueFilterValues) => void;
  handlers: User[];
  categories: readonly string[];
  currentUserId: string | null;
  /** A handler's queue: their own complaints by default, the unassigned ones on request (0015). */
  ownQueue?: boolean;
}) {
  const { t } = useI18n();
  const w = t.workQueue;
  return (
    <div className="filters" role="group" aria-label={t.queue.filters}>
      <Field label={t.queue.status} className="field-inline">
        {(props) => (
          <select
            {...props}
            value={values.status}
            onChange={(e) => onChange({ ...values, status: e.target.value as QueueFilterValues['status'] })}
          >
            <option value="open">{t.queue.allOpen}</option>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
            <option value="all">{t.queue.allStatuses}</option>
          </select>
        )}
      </Field>
      <Field label={t.queue.handler} className="field-inline">
        {(props) => (
          <select
            {...props}
            value={values.handlerId}
            onChange={(e) => onChange({ ...values, handlerId: e.target.value })}
          >
            <option value="">{ownQueue ? t.queue.mine : t.queue.allHandlers}</option>
            {currentUserId && !ownQueue ? <option value={currentUserId}>{t.queue.mine}</option> : null}
            <option value="none">{t.queue.unassigned}</option>
            {ownQueue
              ? null
              : handlers
                  .filter((u) => u.id !== currentUserId)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.displayName}
                    </option>
                  ))}
          </select>
        )}
      </Field>
      <Field label={t.queue.channel} className="field-inline">
        {(props) => (
          <select
            {...props}
            value={values.channel}
            onChange={(e) => onChange({ ...values, channel: e.target.value as Channel | '' })}
          >
            <option value="">{t.queue.allChannels}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t.channel[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={w.category} className="field-inline">
        {(props) => (
          <select
            {...props}
            value={values.category}
            onChange={(e) => onChange({ ...values, category: e.target.value })}
          >
            <option value="">{w.allCategories}</option>
            {/* A category from a saved view or a shared link stays choosable even if no complaint has it. */}
            {[...new Set([...categories, ...(values.category ? [values.category] : [])])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="filter-toggles">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.overdue}
            onChange={(e) => onChange({ ...values, overdue: e.target.checked })}
          />
          <span>{w.overdueOnly}</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.liability}
            onChange={(e) => onChange({ ...values, liability: e.target.checked })}
          />
          <span>{w.liabilityOnly}</span>
        </label>
      </div>
    </div>
  );
}
