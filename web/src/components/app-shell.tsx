import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ComplianceBanner } from './compliance-banner.tsx';
import { Sidebar } from './sidebar.tsx';
import { TopBar } from './top-bar.tsx';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Sidebar />
      <div className="shell-main">
        <header className="shell-header">
          <TopBar />
        </header>
        <main id="main" tabIndex={-1}>
          <ComplianceBanner />
          {children}
        </main>
      </div>
    </div>
  );
}
