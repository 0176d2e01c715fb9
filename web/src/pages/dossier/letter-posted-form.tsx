import { useState, type FormEvent } from 'react';
import { letters, type Letter } from '../../api/dossier-letters.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { amsterdamToday } from '../../lib/dates.ts';

/**
 * "Per post verstuurd op…": the day a printed letter went into the post. The server checks the day
 * (not in the future, not before the letter was issued) and says so in Dutch; the day typed stays.
 */
export function LetterPostedForm({
  complaintId,
  letter,
  label,
  onPosted,
}: {
  complaintId: string;
  letter: Letter;
  label: string;
  onPosted: (letter: Letter) => void;
}) {
  const { t } = useI18n();
  const [day, setDay] = useState(amsterdamToday());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onPosted(await letters.markPosted(complaintId, letter.id, day));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="posted-toggle">
      <summary>{t.letters.markPosted}</summary>
      <form className="posted-form" onSubmit={(event) => void submit(event)} aria-label={label}>
        {error ? <ErrorNotice error={error} /> : null}
        <Field label={t.letters.postedDate} hint={t.letters.postedDateHint}>
          {(props) => (
            <input
              {...props}
              type="date"
              required
              max={amsterdamToday()}
              value={day}
              onChange={(e) => setDay(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || day === ''}>
            {t.letters.markPostedSubmit}
          </button>
        </div>
      </form>
    </details>
  );
}
