import { useState, type FormEvent } from 'react';
import { singleSignOn, type SsoSettingsDocument } from '../../api/single-sign-on.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ConnectionTestButton } from './connection-test-button.tsx';
import { FormStatus } from './form-status.tsx';
import { TextInput } from './text-input.tsx';

function valuesOf(document: SsoSettingsDocument) {
  const settings = document.settings;
  return {
    issuer: settings?.issuer ?? '',
    clientId: settings?.clientId ?? '',
    clientSecret: '',
    allowedEmailDomain: settings?.allowedEmailDomain ?? '',
    mfaAcr: settings?.mfaAcr ?? '',
  };
}

/** The organisation's OpenID Connect provider: administrators only (the API says so too). */
export function SsoSettingsSection() {
  const { t } = useI18n();
  const document = useAsync(() => singleSignOn.settings(), []);
  return (
    <section className="card" aria-labelledby="sso-title">
      <h2 id="sso-title" className="card-title">
        {t.sso.settings.title}
      </h2>
      <p className="muted small">{t.sso.settings.intro}</p>
      {document.error ? <ErrorNotice error={document.error} onRetry={document.reload} /> : null}
      {document.data ? <SsoForm document={document.data} /> : null}
      {!document.data && !document.error ? <LoadingState /> : null}
    </section>
  );
}

function SsoForm({ document: initial }: { document: SsoSettingsDocument }) {
  const { t } = useI18n();
  const s = t.sso.settings;
  const [document, setDocument] = useState(initial);
  const [values, setValues] = useState(() => valuesOf(initial));
  const [enabled, setEnabled] = useState(initial.settings?.enabled ?? false);
  const [trustIdpMfa, setTrustIdpMfa] = useState(initial.settings?.trustIdpMfa ?? false);
  const submission = useSubmit();
  const change = (name: keyof typeof values, value: string) => setValues({ ...values, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const saved = await singleSignOn.save({
        enabled,
        issuer: values.issuer.trim(),
        clientId: values.clientId.trim(),
        ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
        allowedEmailDomain: values.allowedEmailDomain.trim() || null,
        trustIdpMfa,
        mfaAcr: values.mfaAcr.trim() || null,
      });
      setDocument(saved);
      setValues(valuesOf(saved));
    }, t.app.saved);
  };
  return (
    <>
      {document.settings === null ? <p className="notice notice-info">{s.notConfigured}</p> : null}
      <div className="field sso-redirect">
        <span className="field-label">{s.redirectUri}</span>
        <code className="sso-redirect-uri">{document.redirectUri}</code>
      </div>
      <div className="field sso-redirect">
        <span className="field-label">{s.backchannelLogoutUri}</span>
        <code className="sso-redirect-uri">{document.backchannelLogoutUri}</code>
        <span className="field-hint">{s.backchannelLogoutHint}</span>
      </div>
      <form className="inline-form" onSubmit={submit} aria-label={s.title}>
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {s.enabled}
        </label>
        <div className="form-grid">
          <TextInput
            name="issuer"
            label={s.issuer}
            type="url"
            hint={s.issuerHint}
            values={values}
            onChange={change}
            required
            wide
          />
          <TextInput name="clientId" label={s.clientId} values={values} onChange={change} required />
          <TextInput
            name="clientSecret"
            label={s.clientSecret}
            type="password"
            autoComplete="new-password"
            values={values}
            onChange={change}
            optional={t.app.optional}
            {...(document.settings?.hasClientSecret ? { hint: s.clientSecretKeep } : {})}
          />
          <TextInput
            name="allowedEmailDomain"
            label={s.domain}
            hint={s.domainHint}
            values={values}
            onChange={change}
            optional={t.app.optional}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={trustIdpMfa} onChange={(e) => setTrustIdpMfa(e.target.checked)} />
          {s.trustMfa}
        </label>
        <p className="muted small sso-trust-hint">{s.trustMfaHint}</p>
        <div className="form-grid">
          <TextInput
            name="mfaAcr"
            label={s.mfaAcr}
            hint={s.mfaAcrHint}
            values={values}
            onChange={change}
            optional={t.app.optional}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={submission.busy}>
            {s.save}
          </button>
          <FormStatus submission={submission} />
        </div>
      </form>
      {document.settings ? <ConnectionTestButton test={() => singleSignOn.test()} label={s.test} /> : null}
    </>
  );
}
