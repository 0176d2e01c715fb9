import { useRef, useState, type FormEvent } from 'react';
import { complaints } from '../../api/endpoints.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function AttachmentUploader({ complaintId, onAdded }: { complaintId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await complaints.addAttachment(complaintId, file);
      setFile(null);
      if (input.current) input.current.value = '';
      setDone(t.dossier.attachmentAdded);
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="composer composer-inline"
      onSubmit={(event) => void submit(event)}
      aria-label={t.dossier.addAttachment}
    >
      {error ? <ErrorNotice error={error} /> : null}
      <Field label={t.dossier.attachmentFile}>
        {(props) => (
          <input {...props} ref={input} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={busy || !file}>
          {t.dossier.attachmentSubmit}
        </button>
        <span className="announce" role="status">
          {done}
        </span>
      </div>
    </form>
  );
}
