import { useState, type FormEvent } from 'react';
import { organisation as organisationApi } from '../../api/endpoints.ts';
import type { SmtpSettings } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { FormStatus } from './form-status.tsx';
import { TextInput } from './text-input.tsx';

function valuesOf(smtp: SmtpSettings | null) {
  return {
    host: smtp?.host ?? '',
    port: String(smtp?.port ?? 587),
    username: smtp?.username ?? '',
    password: '',
    fromAddress: smtp?.fromAddress ?? '',
    fromName: smtp?.fromName ?? '',
    replyTo: smtp?.replyTo ?? '',
  };
}

export function SmtpForm({
  smtp,
  onSaved,
}: {
  smtp: SmtpSettings | null;
  onSaved: (smtp: SmtpSettings) => void;
}) {
  const { t } = useI18n();
  const s = t.settings.mail;
  const [values, setValues] = useState(() => valuesOf(smtp));
  const [secure, setSecure] = useState(smtp?.secure ?? false);
  const submission = useSubmit();
  const change = (name: keyof typeof values, value: string) => setValues({ ...values, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const saved = await organisationApi.saveSmtp({
        host: values.host.trim(),
        port: Number(values.port),
        secure,
        username: values.username.trim() || null,
        ...(values.password ? { password: values.password } : {}),
        fromAddress: values.fromAddress.trim(),
        fromName: values.fromName.trim(),
        replyTo: values.replyTo.trim() || null,
      });
      setValues(valuesOf(saved));
      onSaved(saved);
    }, t.app.saved);
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={s.smtpTitle}>
      <div className="form-grid">
        <TextInput name="host" label={s.host} values={values} onChange={change} required />
        <TextInput name="port" label={s.port} type="number" values={values} onChange={change} required />
        <TextInput
          name="username"
          label={s.username}
          values={values}
          onChange={change}
          optional={t.app.optional}
        />
        <TextInput
          name="password"
          label={s.password}
          type="password"
          autoComplete="new-password"
          values={values}
          onChange={change}
          optional={t.app.optional}
          {...(smtp?.hasPassword ? { hint: s.passwordKeep } : {})}
        />
        <TextInput
          name="fromAddress"
          label={s.fromAddress}
          type="email"
          values={values}
          onChange={change}
          required
        />
        <TextInput name="fromName" label={s.fromName} values={values} onChange={change} required />
        <TextInput
          name="replyTo"
          label={s.replyTo}
          type="email"
          values={values}
          onChange={change}
          optional={t.app.optional}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} />
        {s.secure}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {s.saveSmtp}
        </button>
        <FormStatus submission={submission} />
      </div>
    </form>
  );
}
