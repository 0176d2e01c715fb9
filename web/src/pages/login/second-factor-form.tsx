import { useState, type FormEvent } from 'react';
import { submitSecondFactor, type LoginStep } from '../../api/auth.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { explainSignInError } from './explain-sign-in-error.ts';

export function SecondFactorForm({ onStep }: { onStep: (step: LoginStep) => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      onStep(await submitSecondFactor(code));
    } catch (error) {
      setMessage(explainSignInError(error, t));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={(event) => void submit(event)}>
      <h2 className="login-step-title">{t.login.totpTitle}</h2>
      <p className="muted small">{t.login.totpIntro}</p>
      {message ? (
        <div className="notice notice-error" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      <Field label={t.login.code} hint={t.login.codeHint}>
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
        {t.login.submitCode}
      </button>
    </form>
  );
}
