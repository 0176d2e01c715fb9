import { useState, type FormEvent } from 'react';
import { intake } from '../../api/endpoints.ts';
import type { Cancellation, IntakeItem } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** R10: a cancellation is its own request type, confirmed in writing, never a complaint. */
export function OpenCancellationForm({
  item,
  onDone,
  onCancel,
}: {
  item: IntakeItem;
  onDone: (cancellation: Cancellation) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(item.senderName ?? item.senderEmail ?? '');
  const [policies, setPolicies] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const cancellation = await intake.openCancellation(item.id, {
        ...(name.trim() ? { customerName: name.trim() } : {}),
        policies: policies.trim(),
        effectiveDate: effectiveDate || null,
      });
      onDone(cancellation);
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
        <Field label={t.intake.complainantName}>
          {(props) => (
            <input {...props} type="text" value={name} required onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label={t.intake.policies}>
          {(props) => (
            <input
              {...props}
              type="text"
              value={policies}
              required
              onChange={(e) => setPolicies(e.target.value)}
            />
          )}
        </Field>
        <Field label={t.intake.effectiveDate} optional={t.app.optional}>
          {(props) => (
            <input
              {...props}
              type="date"
              value={effectiveDate}
              onChange={(e) => setEffectiveDate(e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t.intake.submitCancellation}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
