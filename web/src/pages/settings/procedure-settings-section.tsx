import { useEffect, useState, type FormEvent } from 'react';
import { organisation as organisationApi } from '../../api/endpoints.ts';
import { TERM_KEYS, type ProcedureSettings, type ProcedureTerms, type TermUnit } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { amsterdamToday, formatDate, formatLocalDate } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { FormStatus } from './form-status.tsx';

const UNITS: readonly TermUnit[] = ['working-days', 'weeks', 'months'];

/** Terms (a new version for complaints from now on) and the office's own closing days. */
export function ProcedureSettingsSection() {
  const { t, locale } = useI18n();
  const s = t.settings.procedure;
  const settings = useAsync(() => organisationApi.procedure(), []);
  const [terms, setTerms] = useState<ProcedureTerms | null>(null);
  const [perStep, setPerStep] = useState(true);
  const [day, setDay] = useState({ date: '', name: '' });
  const termsSubmission = useSubmit();
  const daySubmission = useSubmit();
  const [removeError, setRemoveError] = useState<unknown>(null);

  useEffect(() => {
    if (settings.data && terms === null) {
      setTerms(settings.data.current.terms);
      setPerStep(settings.data.current.requireConsultationPerStep);
    }
  }, [settings.data, terms]);

  if (settings.error) return <ErrorNotice error={settings.error} onRetry={settings.reload} />;
  if (!settings.data || !terms) return <LoadingState />;
  const data: ProcedureSettings = settings.data;

  const saveTerms = (event: FormEvent) => {
    event.preventDefault();
    void termsSubmission.run(async () => {
      settings.setData(await organisationApi.reviseProcedure({ terms, requireConsultationPerStep: perStep }));
    }, t.app.saved);
  };
  const addDay = (event: FormEvent) => {
    event.preventDefault();
    void daySubmission.run(async () => {
      settings.setData(await organisationApi.addClosingDay({ date: day.date, name: day.name.trim() }));
      setDay({ date: '', name: '' });
    }, t.app.saved);
  };
  const removeDay = async (date: string) => {
    setRemoveError(null);
    try {
      settings.setData(await organisationApi.removeClosingDay(date));
    } catch (error) {
      setRemoveError(error);
    }
  };

  return (
    <>
      <form className="card" onSubmit={saveTerms} aria-labelledby="terms-title">
        <h2 id="terms-title" className="card-title">
          {s.title}
        </h2>
        <p className="muted small">{s.intro}</p>
        <p className="small">
          {s.version(data.current.version, formatDate(data.current.effectiveFrom, locale))}
        </p>
        <table className="table table-terms">
          <caption className="visually-hidden">{s.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.dossier.clocks}</th>
              <th scope="col">{s.amount}</th>
              <th scope="col">{s.unitLabel}</th>
            </tr>
          </thead>
          <tbody>
            {TERM_KEYS.map((key) => (
              <tr key={key}>
                <th scope="row">{s.term[key]}</th>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={365}
                    className="input-narrow"
                    aria-label={`${s.term[key]}: ${s.amount}`}
                    value={terms[key].amount}
                    onChange={(e) =>
                      setTerms({ ...terms, [key]: { ...terms[key], amount: Number(e.target.value) } })
                    }
                  />
                </td>
                <td>
                  <select
                    aria-label={`${s.term[key]}: ${s.unitLabel}`}
                    value={terms[key].unit}
                    onChange={(e) =>
                      setTerms({ ...terms, [key]: { ...terms[key], unit: e.target.value as TermUnit } })
                    }
                  >
                    {UNITS.map((u) => (
                      <option key={u} value={u}>
                        {s.unit[u]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <label className="checkbox">
          <input type="checkbox" checked={perStep} onChange={(e) => setPerStep(e.target.checked)} />
          <span>
            {s.perStep}
            <span className="block muted small">{s.perStepHint}</span>
          </span>
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={termsSubmission.busy}>
            {s.saveTerms}
          </button>
          <FormStatus submission={termsSubmission} />
        </div>
        {data.versions.length > 1 ? (
          <details className="versions">
            <summary>{s.versions}</summary>
            <ul>
              {data.versions.map((v) => (
                <li key={v.version} className="small">
                  {s.version(v.version, formatDate(v.effectiveFrom, locale))}:{' '}
                  {TERM_KEYS.map((k) => `${s.term[k]} ${v.terms[k].amount} ${s.unit[v.terms[k].unit]}`).join(
                    ' · ',
                  )}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </form>

      <section className="card" aria-labelledby="closing-title">
        <h2 id="closing-title" className="card-title">
          {s.closingTitle}
        </h2>
        <p className="muted small">{s.closingIntro}</p>
        {removeError ? <ErrorNotice error={removeError} /> : null}
        {data.closingDays.length === 0 ? (
          <p className="muted">{s.closingEmpty}</p>
        ) : (
          <ul className="plain-list">
            {data.closingDays.map((d) => (
              <li key={d.date} className="plain-row">
                <span>
                  <strong>{formatLocalDate(d.date, locale)}</strong> · {d.name}
                </span>
                <button
                  type="button"
                  className="button button-ghost button-small"
                  aria-label={s.remove(formatLocalDate(d.date, locale))}
                  onClick={() => void removeDay(d.date)}
                >
                  {s.removeShort}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="inline-form" onSubmit={addDay}>
          <div className="form-grid">
            <Field label={s.date}>
              {(props) => (
                <input
                  {...props}
                  type="date"
                  required
                  min={amsterdamToday()}
                  value={day.date}
                  onChange={(e) => setDay({ ...day, date: e.target.value })}
                />
              )}
            </Field>
            <Field label={s.closingName}>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  required
                  maxLength={100}
                  value={day.name}
                  onChange={(e) => setDay({ ...day, name: e.target.value })}
                />
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={daySubmission.busy}>
              {s.addClosingDay}
            </button>
            <FormStatus submission={daySubmission} />
          </div>
        </form>
      </section>
    </>
  );
}
