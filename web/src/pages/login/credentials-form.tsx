import { useState, type FormEvent } from 'react';
import { rememberedOrganisation, signInWithPassword, type LoginStep } from '../../api/auth.ts';
import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { explainSignInError } from './explain-sign-in-error.ts';
import { SsoButton } from './sso-button.tsx';

/** Step one: organisation, e-mail address and password. */
export function CredentialsForm({ onStep }: { onStep: (step: LoginStep, password: string) => void }) {
  const { t } = useI18n();
  const [organisation, setOrganisation] = useState(rememberedOrganisation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      onStep(await signInWithPassword(organisation, email, password), password);
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
      <Field label={t.login.organisation} hint={t.login.organisationHint}>
        {(props) => (
          <input
            {...props}
            type="text"
            name="organisation"
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            value={organisation}
            onChange={(e) => setOrganisation(e.target.value)}
            required
          />
        )}
      </Field>
      <Field label={t.login.email}>
        {(props) => (
          <input
            {...props}
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        )}
      </Field>
      <Field label={t.login.password}>
        {(props) => (
          <input
            {...props}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        )}
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? t.login.submitting : t.login.submit}
      </button>
      <SsoButton organisation={organisation} />
    </form>
  );
}
