import { useSession } from '../session/session-context.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { Icon } from './icon.tsx';
import { Link } from './link.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';

export function TopBar() {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const who = session?.displayName ?? session?.email ?? t.nav.signedInWithToken;
  const roles = session?.roles?.map((r) => t.role[r]).join(', ');
  return (
    <div className="top-bar">
      <div className="top-bar-spacer" />
      <NotificationBell />
      <LanguageSwitch />
      <div className="who">
        <span className="avatar" aria-hidden="true">
          <Icon name="user" size={14} />
        </span>
        <span className="who-text">
          <span className="who-name">{who}</span>
          {roles ? <span className="who-roles">{roles}</span> : null}
        </span>
      </div>
      {session?.via === 'session' ? (
        <Link to="/sessions" className="button button-ghost button-small">
          <Icon name="user" />
          <span>{t.nav.mySessions}</span>
        </Link>
      ) : null}
      <button type="button" className="button button-ghost button-small" onClick={() => void signOut()}>
        <Icon name="logout" />
        <span>{t.nav.signOut}</span>
      </button>
    </div>
  );
}
