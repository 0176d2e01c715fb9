import { useState } from 'react';
import type { LoginStep } from '../../api/auth.ts';
import { takeSsoError } from '../../api/single-sign-on.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession, type PendingStep } from '../../session/session-context.tsx';
import { CredentialsForm } from './credentials-form.tsx';
import { EnrolForm } from './enrol-form.tsx';
import { NewPasswordForm } from './new-password-form.tsx';
import { SecondFactorForm } from './second-factor-form.tsx';
import { TokenForm } from './token-form.tsx';

type Stage = 'credentials' | 'token' | PendingStep;

/** The whole sign-in: credentials, then whatever steps the server asks for, or an API token. */
export function LoginPanel({
  passwordLogin,
  pendingStep,
}: {
  passwordLogin: boolean;
  pendingStep: PendingStep | null;
}) {
  const { t } = useI18n();
  const { completeSignIn } = useSession();
  const [stage, setStage] = useState<Stage>(pendingStep ?? (passwordLogin ? 'credentials' : 'token'));
  // Kept only between the first two steps, to fill in "current password" when a new one is due.
  const [typedPassword, setTypedPassword] = useState<string | null>(null);
  // Back from the identity provider with a refusal: say why, in the reader's language.
  const [message, setMessage] = useState<string | null>(() => {
    const code = takeSsoError();
    return code ? t.sso.errors[code] : null;
  });

  const follow = async (step: LoginStep) => {
    setMessage(null);
    if (step.step !== 'active') {
      setStage(step.step);
      return;
    }
    setTypedPassword(null);
    if (!(await completeSignIn())) {
      setStage('credentials');
      setMessage(t.login.startOver);
    }
  };

  return (
    <>
      {message ? (
        <div className="notice notice-error" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      {stage === 'credentials' ? (
        <CredentialsForm
          onStep={(step, password) => {
            setTypedPassword(password);
            void follow(step);
          }}
        />
      ) : null}
      {stage === 'token' ? <TokenForm passwordLogin={passwordLogin} /> : null}
      {stage === 'totp' ? <SecondFactorForm onStep={(step) => void follow(step)} /> : null}
      {stage === 'change_password' ? (
        <NewPasswordForm currentPassword={typedPassword} onStep={(step) => void follow(step)} />
      ) : null}
      {stage === 'enrol_totp' ? <EnrolForm onStep={(step) => void follow(step)} /> : null}
      {passwordLogin && (stage === 'credentials' || stage === 'token') ? (
        <button
          type="button"
          className="link-button login-switch"
          onClick={() => setStage(stage === 'token' ? 'credentials' : 'token')}
        >
          {stage === 'token' ? t.login.usePassword : t.login.useToken}
        </button>
      ) : null}
      {stage !== 'credentials' && stage !== 'token' ? (
        <button type="button" className="link-button login-switch" onClick={() => setStage('credentials')}>
          {t.login.startAgain}
        </button>
      ) : null}
    </>
  );
}
