import { useEffect, useState } from 'react';
import { rememberOrganisation } from '../../api/auth.ts';
import { ssoOffered, ssoStartUrl } from '../../api/single-sign-on.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * "Sign in with your organisation account", shown once the organisation typed (or remembered)
 * offers single sign-on. A plain link: the browser goes to the identity provider and comes back.
 */
export function SsoButton({ organisation }: { organisation: string }) {
  const { t } = useI18n();
  const [offered, setOffered] = useState<string | null>(null);
  useEffect(() => {
    const slug = organisation.trim().toLowerCase();
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void (slug === '' ? Promise.resolve(false) : ssoOffered(slug, controller.signal)).then((yes) => {
        if (!controller.signal.aborted) setOffered(yes ? slug : null);
      });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [organisation]);
  if (offered === null || offered !== organisation.trim().toLowerCase()) return null;
  // Remembered on the way out, so the field is filled in again when the provider sends the browser back.
  return (
    <div className="login-sso">
      <p className="login-or" aria-hidden="true">
        {t.sso.or}
      </p>
      <a
        className="button button-secondary button-block"
        href={ssoStartUrl(offered)}
        onClick={() => rememberOrganisation(offered)}
      >
        {t.sso.button}
      </a>
      <p className="muted small">{t.sso.buttonHint}</p>
    </div>
  );
}
