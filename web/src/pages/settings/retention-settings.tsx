import { useState, type FormEvent } from 'react';
import { retention } from '../../api/settings-records.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { FormStatus } from './form-status.tsx';

const MIN_YEARS = 1;
const MAX_YEARS = 30;

/**
 * How many years a dossier is kept after it ended, and a cancellation request without a complaint
 * after it was handled, before the nightly job anonymises them.
 */
export function RetentionSettings() {
  const { t, locale } = useI18n();
  const s = t.retention;
  const current = useAsync(() => retention.get(), []);
  const [years, setYears] = useState<string | null>(null);
  const [cancellationYears, setCancellationYears] = useState<string | null>(null);
  const submission = useSubmit();
  if (current.error) return <ErrorNotice error={current.error} onRetry={current.reload} />;
  if (!current.data) return <LoadingState />;
  const settings = current.data;
  const value = years ?? String(settings.retentionYears);
  const cancellationValue = cancellationYears ?? String(settings.cancellationRetentionYears);

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const saved = await retention.change({
        retentionYears: Number(value),
        cancellationRetentionYears: Number(cancellationValue),
      });
      current.setData(saved);
      setYears(null);
      setCancellationYears(null);
    }, t.app.saved);
  };

  return (
    <form className="settings-form" onSubmit={save}>
      <section className="card" aria-labelledby="retention-title">
        <h2 id="retention-title" className="card-title">
          {s.title}
        </h2>
        <p className="muted small">{s.intro}</p>
        <Field label={s.years} hint={s.hint(settings.defaultYears, MIN_YEARS, MAX_YEARS)}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={MIN_YEARS}
              max={MAX_YEARS}
              step={1}
              required
              value={value}
              onChange={(e) => setYears(e.target.value)}
            />
          )}
        </Field>
        <Field
          label={s.cancellationYears}
          hint={s.cancellationHint(settings.defaultCancellationYears, MIN_YEARS, MAX_YEARS)}
        >
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              min={MIN_YEARS}
              max={MAX_YEARS}
              step={1}
              required
              value={cancellationValue}
              onChange={(e) => setCancellationYears(e.target.value)}
            />
          )}
        </Field>
        <p className="muted small">
          {settings.updatedAt ? s.changedAt(formatDateTime(settings.updatedAt, locale)) : s.isDefault}
        </p>
      </section>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {t.app.save}
        </button>
        <FormStatus submission={submission} />
      </div>
    </form>
  );
}
