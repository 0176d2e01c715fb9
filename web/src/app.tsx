import { useEffect } from 'react';
import { AppShell } from './components/app-shell.tsx';
import { LoadingState } from './components/loading-state.tsx';
import { AppRoutes } from './app-routes.tsx';
import { I18nProvider, useI18n } from './i18n/i18n-context.tsx';
import { useRoute } from './lib/router.ts';
import { LoginPage } from './pages/login/login-page.tsx';
import { PasswordLinkPage } from './pages/invitation/password-link-page.tsx';
import { SessionExpiredDialog } from './pages/login/session-expired-dialog.tsx';
import { OrganisationProvider } from './session/organisation-context.tsx';
import { SessionProvider, useSession } from './session/session-context.tsx';

const TITLES: Record<string, 'queue' | 'intake' | 'dashboard' | 'settings' | 'notifications'> = {
  '': 'queue',
  complaints: 'queue',
  intake: 'intake',
  dashboard: 'dashboard',
  settings: 'settings',
  notifications: 'notifications',
};

/** The document title follows the screen, so tabs and history entries say where they lead. */
function useDocumentTitle(): void {
  const { t } = useI18n();
  const { segments } = useRoute();
  const key = TITLES[segments[0] ?? ''];
  useEffect(() => {
    document.title = key ? `${t.nav[key]} · ${t.app.name}` : t.app.name;
  }, [key, t]);
}

function Root() {
  const { state } = useSession();
  const { segments } = useRoute();
  useDocumentTitle();
  // Invitation and reset links work without a session (and whoever is signed in on this browser).
  if (segments[0] === 'uitnodiging') return <PasswordLinkPage kind="invitation" />;
  if (segments[0] === 'wachtwoord-herstellen') return <PasswordLinkPage kind="reset" />;
  if (state.status === 'loading') {
    return (
      <div className="splash">
        <LoadingState />
      </div>
    );
  }
  if (state.status === 'signed-out') {
    return <LoginPage passwordLogin={state.passwordLogin} pendingStep={state.pendingStep} />;
  }
  return (
    <OrganisationProvider>
      <AppShell>
        <AppRoutes />
      </AppShell>
      {state.expired ? <SessionExpiredDialog passwordLogin={state.passwordLogin} /> : null}
    </OrganisationProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Root />
      </SessionProvider>
    </I18nProvider>
  );
}
