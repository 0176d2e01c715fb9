import {
  COMPLAINT_STATUSES,
  CHANNELS,
  type Channel,
  type ComplaintStatus,
  type User,
} from '../../api/types.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

export interface QueueFilterValues {
  /** "open" (the default), "all", or one status. */
  status: 'open' | 'all' | ComplaintStatus;
  channel: Channel | '';
  handlerId: string;
}

export function QueueFilters({
  values,
  onChange,
  handlers,
  currentUserId,
}: {
  values: QueueFilterValues;
  onChange: (values: QueueFilterValues) => void;
  handlers: User[];
  currentUserId: string | null;
}) {
  const { t } = useI18n();
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
      <Field label={t.queue.handler} className="field-inline">
        {(props) => (
          <select
            {...props}
            value={values.handlerId}
            onChange={(e) => onChange({ ...values, handlerId: e.target.value })}
          >
            <option value="">{t.queue.allHandlers}</option>
            {currentUserId ? <option value={currentUserId}>{t.queue.mine}</option> : null}
            {handlers
              .filter((u) => u.id !== currentUserId)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
          </select>
        )}
      </Field>
    </div>
  );
}
