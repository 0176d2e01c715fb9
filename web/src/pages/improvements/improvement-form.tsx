import { useState, type FormEvent } from 'react';
import {
  IMPROVEMENT_STATUSES,
  type ImprovementAction,
  type ImprovementInput,
  type ImprovementStatus,
} from '../../api/improvement-actions.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { parseReferences, resolveReferences } from './complaint-references.ts';

interface Values {
  title: string;
  description: string;
  rootCause: string;
  ownerId: string;
  dueDate: string;
  status: ImprovementStatus;
  references: string;
}

const valuesOf = (action: ImprovementAction | null): Values => ({
  title: action?.title ?? '',
  description: action?.description ?? '',
  rootCause: action?.rootCause ?? '',
  ownerId: action?.owner.id ?? '',
  dueDate: action?.dueDate ?? '',
  status: action?.status ?? 'open',
  references: action?.complaints.map((c) => c.reference).join(', ') ?? '',
});

/**
 * A new improvement action, or a change to one. Complaints are named by their reference, as staff
 * know them; a reference that is not found is named back and nothing is saved, nothing typed lost.
 */
export function ImprovementForm({
  action,
  onSave,
  onCancel,
}: {
  action: ImprovementAction | null;
  onSave: (input: ImprovementInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const s = t.improvements;
  const { users } = useOrganisation();
  const [values, setValues] = useState<Values>(() => valuesOf(action));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unknown, setUnknown] = useState<string[]>([]);
  const owners = users.filter((u) => !u.disabled);
  const set = (name: keyof Values, value: string) => setValues({ ...values, [name]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setUnknown([]);
    try {
      const found = await resolveReferences(parseReferences(values.references));
      if (found.unknown.length > 0) {
        setUnknown(found.unknown);
        return;
      }
      await onSave({
        title: values.title.trim(),
        description: values.description.trim() || null,
        rootCause: values.rootCause.trim() || null,
        ownerId: values.ownerId,
        dueDate: values.dueDate,
        status: values.status,
        complaintIds: found.ids,
      });
      if (!action) setValues(valuesOf(null));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const text = (name: 'title' | 'rootCause', label: string, required: boolean, max: number) => (
    <Field label={label} {...(required ? {} : { optional: t.app.optional })}>
      {(props) => (
        <input
          {...props}
          type="text"
          required={required}
          maxLength={max}
          value={values[name]}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="composer improvement-form"
      onSubmit={(event) => void submit(event)}
      aria-label={action ? s.editLabel(action.title) : s.new}
    >
      {error ? <ErrorNotice error={error} /> : null}
      {text('title', s.title, true, 200)}
      <Field label={s.description} optional={t.app.optional}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            maxLength={5000}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>
      {text('rootCause', s.rootCause, false, 500)}
      <div className="form-grid">
        <Field label={s.owner}>
          {(props) => (
            <select
              {...props}
              required
              value={values.ownerId}
              onChange={(e) => set('ownerId', e.target.value)}
            >
              <option value="">{s.chooseOwner}</option>
              {owners.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={s.dueDate}>
          {(props) => (
            <input
              {...props}
              type="date"
              required
              value={values.dueDate}
              onChange={(e) => set('dueDate', e.target.value)}
            />
          )}
        </Field>
        {action ? (
          <Field label={s.status}>
            {(props) => (
              <select {...props} value={values.status} onChange={(e) => set('status', e.target.value)}>
                {IMPROVEMENT_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {s.statusName[status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <Field
        label={s.complaints}
        hint={s.complaintsHint}
        optional={t.app.optional}
        {...(unknown.length > 0 ? { error: s.unknownReferences(unknown.join(', ')) } : {})}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={values.references}
            onChange={(e) => set('references', e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.steps.submitting : action ? t.app.save : s.create}
        </button>
        {onCancel ? (
          <button type="button" className="button button-ghost" onClick={onCancel}>
            {t.app.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
