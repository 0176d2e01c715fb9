import type { ReactElement } from 'react';
import { DashboardPage } from './pages/dashboard/dashboard-page.tsx';
import { DossierPage } from './pages/dossier/dossier-page.tsx';
import { IntakePage } from './pages/intake/intake-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { NotificationsPage } from './pages/notifications-page.tsx';
import { WorkQueuePage } from './pages/queue/work-queue-page.tsx';
import { SettingsPage } from './pages/settings/settings-page.tsx';
import { useRoute } from './lib/router.ts';
import { homeScreen, type HomeScreen } from './lib/role-screens.ts';
import { useSession } from './session/session-context.tsx';
import { CancellationDetailPage } from './pages/cancellations/cancellation-detail-page.tsx';
import { CancellationsPage } from './pages/cancellations/cancellations-page.tsx';
import { MyHearingsPage } from './pages/hearings/my-hearings-page.tsx';
import { QuarantinePage } from './pages/quarantine/quarantine-page.tsx';
import { ImprovementsPage } from './pages/improvements/improvements-page.tsx';
import { MySessionsPage } from './pages/sessions/my-sessions-page.tsx';

const HOME: Record<HomeScreen, () => ReactElement> = {
  queue: () => <WorkQueuePage />,
  hearings: () => <MyHearingsPage />,
  settings: () => <SettingsPage tab={undefined} />,
};

export function AppRoutes() {
  const { segments } = useRoute();
  const [first, second] = segments;
  const { session } = useSession();
  switch (first) {
    case undefined:
      return HOME[homeScreen(session)]();
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
    case 'cancellations':
      return second ? <CancellationDetailPage key={second} cancellationId={second} /> : <CancellationsPage />;
    case 'quarantine':
      return <QuarantinePage />;
    case 'hearings':
      return <MyHearingsPage />;
    case 'improvements':
      return <ImprovementsPage />;
    case 'sessions':
      return <MySessionsPage />;
    default:
      return <NotFoundPage />;
  }
}
