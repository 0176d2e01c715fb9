import { useEffect, useState, type FormEvent } from 'react';
import { beginEnrolment, confirmEnrolment, type Enrolment, type LoginStep } from '../../api/auth.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { explainSignInError } from './explain-sign-in-error.ts';

function grouped(secret: string): string {
  return secret.replaceAll(/(.{4})/g, '$1 ').trim();
}

/**
 * Coordinators and administrators always sign in with a second factor: set up an authenticator
 * app with the seed, confirm one code, then keep the recovery codes (shown this once).
 */
export function EnrolForm({ onStep }: { onStep: (step: LoginStep) => void }) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<(LoginStep & { recoveryCodes: string[] }) | null>(null);

  useEffect(() => {
    let cancelled = false;
    beginEnrolment().then(
      (value) => {
        if (!cancelled) setEnrolment(value);
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      setDone(await confirmEnrolment(code));
    } catch (error) {
      setMessage(explainSignInError(error, t));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="login-form">
        <h2 className="login-step-title">{t.login.recoveryTitle}</h2>
        <p className="muted small">{t.login.recoveryIntro}</p>
        <ul className="recovery-codes" aria-label={t.login.recoveryTitle}>
          {done.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="button button-primary button-block" onClick={() => onStep(done)}>
          {t.login.recoveryDone}
        </button>
      </div>
    );
  }
  if (loadError) return <ErrorNotice error={loadError} />;
  if (!enrolment) return <LoadingState />;
  return (
    <form className="login-form" onSubmit={(event) => void submit(event)}>
      <h2 className="login-step-title">{t.login.enrolTitle}</h2>
      <p className="muted small">{t.login.enrolIntro}</p>
      <div className="enrol-secret">
        <span className="field-label">{t.login.enrolSecret}</span>
        <code className="secret" data-secret={enrolment.secret}>
          {grouped(enrolment.secret)}
        </code>
        <a className="small" href={enrolment.otpauthUri}>
          {t.login.enrolOpenApp}
        </a>
      </div>
      {message ? (
        <div className="notice notice-error" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      <Field label={t.login.code} hint={t.login.enrolCodeHint}>
        {(props) => (
          <input
            {...props}
            type="text"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            required
          />
        )}
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {t.login.enrolSubmit}
      </button>
    </form>
  );
}
