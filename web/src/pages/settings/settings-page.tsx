import { Link } from '../../components/link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { mayAct } from '../../api/auth.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { AutoAcknowledgmentSettings } from './auto-acknowledgment-settings.tsx';
import { KifidSettings } from './kifid-settings.tsx';
import { LetterTemplatesSettings } from './letter-templates-settings.tsx';
import { MailSettings } from './mail-settings.tsx';
import { OrganisationSettings } from './organisation-settings.tsx';
import { ProcedureSettingsSection } from './procedure-settings-section.tsx';
import { RetentionSettings } from './retention-settings.tsx';
import { SsoSettingsSection } from './sso-settings.tsx';
import { UsersSettings } from './users-settings.tsx';

const TABS = ['organisation', 'kifid', 'procedure', 'mail', 'users', 'letters', 'privacy'] as const;
type Tab = (typeof TABS)[number];

export function SettingsPage({ tab }: { tab: string | undefined }) {
  const { t } = useI18n();
  const { session } = useSession();
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'organisation';
  return (
    <>
      <PageHeader title={t.settings.title} subtitle={t.settings.subtitle} />
      <nav className="tabs" aria-label={t.settings.tabs}>
        {TABS.map((name) => (
          <Link
            key={name}
            to={`/settings/${name}`}
            className={`tab${name === current ? ' tab-active' : ''}`}
            {...(name === current ? { 'aria-current': 'page' as const } : {})}
          >
            {t.settings.tab[name]}
          </Link>
        ))}
      </nav>
      {current === 'organisation' ? <OrganisationSettings /> : null}
      {current === 'kifid' ? <KifidSettings /> : null}
      {current === 'procedure' ? <ProcedureSettingsSection /> : null}
      {current === 'mail' ? <MailSettings /> : null}
      {current === 'users' ? (
        <>
          <UsersSettings />
          {mayAct(session, 'admin') ? <SsoSettingsSection /> : null}
        </>
      ) : null}
      {current === 'letters' ? (
        <>
          <AutoAcknowledgmentSettings />
          <LetterTemplatesSettings />
        </>
      ) : null}
      {current === 'privacy' ? <RetentionSettings /> : null}
    </>
  );
}
