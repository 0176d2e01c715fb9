import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { PendingStep } from '../../session/session-context.tsx';
import { LoginPanel } from './login-panel.tsx';

export function LoginPage({
  passwordLogin,
  pendingStep,
}: {
  passwordLogin: boolean;
  pendingStep: PendingStep | null;
}) {
  const { t } = useI18n();
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
        <h1>{t.login.title}</h1>
        <p className="muted">{t.login.intro}</p>
        <LoginPanel passwordLogin={passwordLogin} pendingStep={pendingStep} />
      </main>
    </div>
  );
}
