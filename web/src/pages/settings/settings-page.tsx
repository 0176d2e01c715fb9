import { Link } from '../../components/link.tsx';
import { mayAdminister } from '../../lib/role-screens.ts';
import { useSession } from '../../session/session-context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
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
  // A coordinator shapes the letter templates and an auditor reads them; the rest is the
  // administrator's (the server refuses the others those settings).
  const admin = mayAdminister(session);
  const tabs: readonly Tab[] = admin ? TABS : ['letters'];
  const current: Tab = (tabs as readonly string[]).includes(tab ?? '') ? (tab as Tab) : tabs[0]!;
  return (
    <>
      <PageHeader
        title={t.settings.title}
        subtitle={admin ? t.settings.subtitle : t.settings.subtitleLetters}
      />
      <nav className="tabs" aria-label={t.settings.tabs}>
        {tabs.map((name) => (
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
          {admin ? <SsoSettingsSection /> : null}
        </>
      ) : null}
      {current === 'letters' ? (
        <>
          {admin ? <AutoAcknowledgmentSettings /> : null}
          <LetterTemplatesSettings />
        </>
      ) : null}
      {current === 'privacy' ? <RetentionSettings /> : null}
    </>
  );
}
