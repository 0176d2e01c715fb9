import { useState, type FormEvent } from 'react';
import { intake } from '../../api/endpoints.ts';
import { INTAKE_KINDS, type IntakeItem, type IntakeKind } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Says what an arrival is, always with a reason: relabelling a complaint must stay visible. */
export function ClassifyForm({
  item,
  onDone,
  onCancel,
}: {
  item: IntakeItem;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const kinds = INTAKE_KINDS.filter((k) => k !== item.kind);
  const [kind, setKind] = useState<IntakeKind>(
    kinds.includes('question') ? 'question' : (kinds[0] ?? 'other'),
  );
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await intake.classify(item.id, { kind, reason: reason.trim() });
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="form-grid">
        <Field label={t.intake.classifyAs}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value as IntakeKind)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t.intake.kind[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.intake.reason} hint={t.intake.reasonHint} className="field-wide">
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={reason}
              required
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || reason.trim() === ''}>
          {t.intake.submitClassify}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
