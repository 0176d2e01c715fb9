import { useState, type FormEvent } from 'react';
import { submitNewPassword, type LoginStep } from '../../api/auth.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { explainSignInError } from './explain-sign-in-error.ts';

/**
 * A one-time password (or an administrator's reset) must be replaced before anything else. The
 * password typed a moment ago is reused as the current one, so it is not asked for twice.
 */
export function NewPasswordForm({
  currentPassword,
  onStep,
}: {
  currentPassword: string | null;
  onStep: (step: LoginStep) => void;
}) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(currentPassword ?? '');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setMessage(t.login.passwordsDiffer);
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      onStep(await submitNewPassword(current, next));
    } catch (error) {
      setMessage(explainSignInError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={(event) => void submit(event)}>
      <h2 className="login-step-title">{t.login.newPasswordTitle}</h2>
      <p className="muted small">{t.login.newPasswordIntro}</p>
      {message ? (
        <div className="notice notice-error" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      {currentPassword === null ? (
        <Field label={t.login.currentPassword}>
          {(props) => (
            <input
              {...props}
              type="password"
              name="currentPassword"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              required
            />
          )}
        </Field>
      ) : null}
      <Field label={t.login.newPassword} hint={t.login.passwordHint}>
        {(props) => (
          <input
            {...props}
            type="password"
            name="newPassword"
            autoComplete="new-password"
            minLength={12}
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
          />
        )}
      </Field>
      <Field label={t.login.repeatPassword}>
        {(props) => (
          <input
            {...props}
            type="password"
            name="repeatPassword"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
          />
        )}
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {t.login.savePassword}
      </button>
    </form>
  );
}
