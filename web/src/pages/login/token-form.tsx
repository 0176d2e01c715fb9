import { useState, type FormEvent } from 'react';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { explainSignInError } from './explain-sign-in-error.ts';

/** Signing in with an API token, for servers without sessions and for integrations testing the app. */
export function TokenForm({ passwordLogin }: { passwordLogin: boolean }) {
  const { t } = useI18n();
  const { signInToken } = useSession();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await signInToken(token);
    } catch (error) {
      setMessage(explainSignInError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={(event) => void submit(event)}>
      {message ? (
        <div className="notice notice-error" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      {!passwordLogin ? <p className="muted small">{t.login.tokenOnly}</p> : null}
      <Field label={t.login.token} hint={t.login.tokenHint}>
        {(props) => (
          <input
            {...props}
            type="password"
            name="token"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
          />
        )}
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t.login.submitting : t.login.tokenSubmit}
      </button>
    </form>
  );
}
