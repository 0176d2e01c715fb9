import { mayAct } from '../api/auth.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useRoute } from '../lib/router.ts';
import { useOrganisation } from '../session/organisation-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { Icon, type IconName } from './icon.tsx';
import { Link } from './link.tsx';
import {
  homeScreen,
  mayHaveHearings,
  mayListComplaints,
  mayOpenSettings,
  mayReadQuarantine,
} from '../lib/role-screens.ts';

interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  active: boolean;
}

export function Sidebar() {
  const { t } = useI18n();
  const { session } = useSession();
  const { organisation } = useOrganisation();
  const route = useRoute();
  const first = route.segments[0] ?? '';
  const home = homeScreen(session);
  const items: NavItem[] = [];
  if (home === 'queue') {
    items.push({
      to: '/',
      label: t.nav.queue,
      icon: 'queue',
      active: first === '' || first === 'complaints',
    });
  }
  if (mayAct(session, 'coordinator', 'handler', 'auditor')) {
    items.push({ to: '/intake', label: t.nav.intake, icon: 'inbox', active: first === 'intake' });
    items.push({
      to: '/cancellations',
      label: t.screensNav.cancellations,
      icon: 'file',
      active: first === 'cancellations',
    });
  }
  if (mayReadQuarantine(session)) {
    items.push({
      to: '/quarantine',
      label: t.screensNav.quarantine,
      icon: 'alert',
      active: first === 'quarantine',
    });
  }
  if (mayHaveHearings(session)) {
    items.push({
      to: home === 'hearings' ? '/' : '/hearings',
      label: t.screensNav.myHearings,
      icon: 'user',
      active: first === 'hearings' || (home === 'hearings' && first === ''),
    });
  }
  if (mayListComplaints(session)) {
    items.push({ to: '/dashboard', label: t.nav.dashboard, icon: 'chart', active: first === 'dashboard' });
  }
  items.push({
    to: '/notifications',
    label: t.nav.notifications,
    icon: 'bell',
    active: first === 'notifications',
  });
  if (mayOpenSettings(session)) {
    items.push({
      to: '/settings',
      label: t.nav.settings,
      icon: 'settings',
      active: first === 'settings' || (home === 'settings' && first === ''),
    });
  }
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          K
        </span>
        <span className="brand-text">
          <span className="brand-name">{t.app.name}</span>
          {organisation ? <span className="brand-org">{organisation.name}</span> : null}
        </span>
      </div>
      <nav aria-label={t.nav.main}>
        <ul className="nav-list">
          {items.map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                className={`nav-link${item.active ? ' nav-link-active' : ''}`}
                {...(item.active ? { 'aria-current': 'page' as const } : {})}
              >
                <Icon name={item.icon} size={18} />
                <span className="nav-label">{item.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
