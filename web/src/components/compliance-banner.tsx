import { mayAct } from '../api/auth.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useRoute } from '../lib/router.ts';
import { useOrganisation } from '../session/organisation-context.tsx';
import { useSession } from '../session/session-context.tsx';
import { Icon } from './icon.tsx';
import { Link } from './link.tsx';

/** R9: a missing affiliation number (or an unconfirmed KiFiD record) is shown to the administrator on every page. */
export function ComplianceBanner() {
  const { t } = useI18n();
  const { session } = useSession();
  const { organisation } = useOrganisation();
  const { path } = useRoute();
  // The KiFiD settings page shows each gap next to the field that closes it.
  if (path === '/settings/kifid') return null;
  if (!organisation || organisation.complianceGaps.length === 0 || !mayAct(session, 'admin')) return null;
  return (
    <section className="compliance" aria-labelledby="compliance-title">
      <Icon name="alert" size={20} />
      <div className="compliance-body">
        <h2 id="compliance-title">{t.compliance.title}</h2>
        <p>{t.compliance.intro}</p>
        <ul>
          {organisation.complianceGaps.map((gap) => (
            <li key={gap.code}>{gap.message}</li>
          ))}
        </ul>
      </div>
      <Link to="/settings/kifid" className="button button-danger button-small">
        {t.compliance.fix}
      </Link>
    </section>
  );
}
