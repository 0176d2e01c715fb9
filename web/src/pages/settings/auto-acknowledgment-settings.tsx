import { useState, type FormEvent } from 'react';
import { organisation as organisationApi } from '../../api/endpoints.ts';
import type { AutoAcknowledgment } from '../../api/types.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { FormStatus } from './form-status.tsx';

const CHOICES: readonly AutoAcknowledgment[] = ['draft', 'send'];

/** Whether a new complaint's acknowledgment goes out by itself or waits, ready, for a person. */
export function AutoAcknowledgmentSettings() {
  const { t } = useI18n();
  const s = t.autoAcknowledgment;
  const { organisation, setOrganisation } = useOrganisation();
  const [choice, setChoice] = useState<AutoAcknowledgment | null>(null);
  const submission = useSubmit();
  if (!organisation) return <LoadingState />;
  const value = choice ?? organisation.autoAcknowledgment;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      setOrganisation(await organisationApi.change({ autoAcknowledgment: value }));
      setChoice(null);
    }, t.app.saved);
  };

  return (
    <form className="settings-form" onSubmit={save}>
      <section className="card" aria-labelledby="auto-ack-title">
        <h2 id="auto-ack-title" className="card-title">
          {s.title}
        </h2>
        <p className="muted small">{s.intro}</p>
        <fieldset className="choice-list">
          <legend className="visually-hidden">{s.title}</legend>
          {CHOICES.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="autoAcknowledgment"
                value={option}
                checked={value === option}
                onChange={() => setChoice(option)}
              />
              <span>
                <strong>{s.choice[option]}</strong>
                <br />
                <span className="muted small">{s.explain[option]}</span>
              </span>
            </label>
          ))}
        </fieldset>
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
