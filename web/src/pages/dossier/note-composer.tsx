import { useState, type FormEvent } from 'react';
import { complaints } from '../../api/endpoints.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function NoteComposer({ complaintId, onAdded }: { complaintId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await complaints.addNote(complaintId, {
        text: text.trim(),
        ...(title.trim() ? { title: title.trim() } : {}),
      });
      setTitle('');
      setText('');
      setDone(t.dossier.noteAdded);
      onAdded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="composer" onSubmit={(event) => void submit(event)} aria-label={t.dossier.addNote}>
      {error ? <ErrorNotice error={error} /> : null}
      <Field label={t.dossier.noteTitle} optional={t.app.optional}>
        {(props) => (
          <input
            {...props}
            type="text"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
        )}
      </Field>
      <Field label={t.dossier.noteText}>
        {(props) => (
          <textarea {...props} rows={3} value={text} required onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || text.trim() === ''}>
          {t.dossier.noteSubmit}
        </button>
        <span className="announce" role="status">
          {done}
        </span>
      </div>
    </form>
  );
}
