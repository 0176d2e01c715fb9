import { mayAct } from '../api/auth.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useRoute } from '../lib/router.ts';
import { useOrganisation } from '../session/organisation-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { Icon, type IconName } from './icon.tsx';
import { Link } from './link.tsx';
import { isEmployeeOnly } from '../lib/employee-only.ts';

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
  const employeeOnly = isEmployeeOnly(session);
  const items: NavItem[] = employeeOnly
    ? [
        {
          to: '/',
          label: t.screensNav.myHearings,
          icon: 'user',
          active: first === '' || first === 'hearings',
        },
      ]
    : [{ to: '/', label: t.nav.queue, icon: 'queue', active: first === '' || first === 'complaints' }];
  if (mayAct(session, 'coordinator', 'handler', 'auditor')) {
    items.push({ to: '/intake', label: t.nav.intake, icon: 'inbox', active: first === 'intake' });
    items.push({
      to: '/cancellations',
      label: t.screensNav.cancellations,
      icon: 'file',
      active: first === 'cancellations',
    });
  }
  if (mayAct(session, 'coordinator')) {
    items.push({
      to: '/quarantine',
      label: t.screensNav.quarantine,
      icon: 'alert',
      active: first === 'quarantine',
    });
  }
  if (!employeeOnly && mayAct(session, 'employee', 'handler', 'coordinator')) {
    items.push({
      to: '/hearings',
      label: t.screensNav.myHearings,
      icon: 'user',
      active: first === 'hearings',
    });
  }
  if (!employeeOnly)
    items.push({ to: '/dashboard', label: t.nav.dashboard, icon: 'chart', active: first === 'dashboard' });
  items.push({
    to: '/notifications',
    label: t.nav.notifications,
    icon: 'bell',
    active: first === 'notifications',
  });
  if (mayAct(session, 'admin')) {
    items.push({ to: '/settings', label: t.nav.settings, icon: 'settings', active: first === 'settings' });
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
