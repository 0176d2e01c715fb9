import { useEffect, useState, type FormEvent } from 'react';
import { passwordLinks } from '../../api/screens.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../lib/router.ts';

/**
 * Where an invitation or reset link lands (/uitnodiging#…, /wachtwoord-herstellen#…, sent on to
 * the app by the server). The secret is in the fragment, so it never reaches a server log; it is
 * wiped from the address bar as soon as it is read.
 */
export function PasswordLinkPage({ kind }: { kind: 'invitation' | 'reset' }) {
  const { t } = useI18n();
  const p = t.passwordLink;
  const [token] = useState(() => window.location.hash.slice(1));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, []);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [doneFor, setDoneFor] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setBusy(true);
    setError(null);
    try {
      const done =
        kind === 'invitation'
          ? await passwordLinks.acceptInvitation(token, password)
          : await passwordLinks.completeReset(token, password);
      try {
        localStorage.setItem('klachtwijzer.organisation', done.organisation);
      } catch {
        // Not remembered: the sign-in form then asks for the organisation.
      }
      setDoneFor(done.email);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <main className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            K
          </span>
          <span className="brand-name">{t.app.name}</span>
        </div>
        <h1>{kind === 'invitation' ? p.invitationTitle : p.resetTitle}</h1>
        <p className="muted">{kind === 'invitation' ? p.invitationIntro : p.resetIntro}</p>
        {doneFor !== null ? (
          <div className="login-form">
            <p className="notice notice-info" role="status">
              {p.done(doneFor)}
            </p>
            <button
              type="button"
              className="button button-primary button-block"
              onClick={() => navigate('/')}
            >
              {p.toSignIn}
            </button>
          </div>
        ) : token === '' ? (
          <p className="notice notice-error" role="alert">
            {p.missing}
          </p>
        ) : (
          <form className="login-form" onSubmit={(event) => void submit(event)}>
            {error ? <ErrorNotice error={error} /> : null}
            <Field label={p.password} hint={p.hint}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  required
                  minLength={12}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
            <Field label={p.repeat} error={mismatch ? p.mismatch : undefined}>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  value={repeat}
                  required
                  onChange={(event) => setRepeat(event.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {p.submit}
            </button>
          </form>
        )}
      </main>
    </div>
  );
}
