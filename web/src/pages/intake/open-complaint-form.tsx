import { useState, type FormEvent } from 'react';
import { intake } from '../../api/endpoints.ts';
import type { Complaint, IntakeItem, User } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Registers the arrival as a complaint, received when it arrived (the clocks already run from then). */
export function OpenComplaintForm({
  item,
  handlers,
  onDone,
  onCancel,
}: {
  item: IntakeItem;
  handlers: User[];
  onDone: (complaint: Complaint) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [handlerId, setHandlerId] = useState('');
  const [name, setName] = useState(item.senderName ?? item.senderEmail ?? '');
  const [product, setProduct] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const complaint = await intake.openComplaint(item.id, {
        handlerId: handlerId || null,
        ...(name.trim() ? { complainantName: name.trim() } : {}),
        product: product.trim() || null,
      });
      onDone(complaint);
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
        <Field label={t.intake.product} optional={t.app.optional}>
          {(props) => (
            <input {...props} type="text" value={product} onChange={(e) => setProduct(e.target.value)} />
          )}
        </Field>
        <Field label={t.intake.handler}>
          {(props) => (
            <select {...props} value={handlerId} onChange={(e) => setHandlerId(e.target.value)}>
              <option value="">{t.intake.noHandler}</option>
              {handlers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t.intake.submitComplaint}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
