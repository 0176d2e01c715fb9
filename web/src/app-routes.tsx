import { DashboardPage } from './pages/dashboard/dashboard-page.tsx';
import { DossierPage } from './pages/dossier/dossier-page.tsx';
import { IntakePage } from './pages/intake/intake-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NotificationsPage } from './pages/notifications-page.tsx';
import { WorkQueuePage } from './pages/queue/work-queue-page.tsx';
import { SettingsPage } from './pages/settings/settings-page.tsx';
import { useRoute } from './lib/router.ts';

export function AppRoutes() {
  const { segments } = useRoute();
  const [first, second] = segments;
  switch (first) {
    case undefined:
      return <WorkQueuePage />;
    case 'complaints':
      return second ? <DossierPage key={second} complaintId={second} /> : <WorkQueuePage />;
    case 'intake':
      return <IntakePage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'settings':
      return <SettingsPage tab={second} />;
    default:
      return <NotFoundPage />;
  }
}
