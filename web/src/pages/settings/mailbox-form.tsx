import { useState, type FormEvent } from 'react';
import { mailboxes } from '../../api/endpoints.ts';
import type { Mailbox } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { FormStatus } from './form-status.tsx';
import { TextInput } from './text-input.tsx';

const EMPTY = {
  name: '',
  host: '',
  port: '993',
  username: '',
  password: '',
  folder: 'INBOX',
  ourAddresses: '',
};

export function MailboxForm({ onCreated }: { onCreated: (mailbox: Mailbox) => void }) {
  const { t } = useI18n();
  const s = t.settings.mail;
  const [values, setValues] = useState(EMPTY);
  const [secure, setSecure] = useState(true);
  const submission = useSubmit();
  const change = (name: keyof typeof EMPTY, value: string) => setValues({ ...values, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const created = await mailboxes.create({
        name: values.name.trim(),
        host: values.host.trim(),
        port: Number(values.port),
        secure,
        username: values.username.trim(),
        password: values.password,
        folder: values.folder.trim() || 'INBOX',
        ourAddresses: values.ourAddresses
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      });
      setValues(EMPTY);
      onCreated(created);
    }, t.app.saved);
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={s.addMailbox}>
      <div className="form-grid">
        <TextInput name="name" label={s.name} values={values} onChange={change} required />
        <TextInput name="host" label={s.host} values={values} onChange={change} required />
        <TextInput name="port" label={s.port} type="number" values={values} onChange={change} required />
        <TextInput name="folder" label={s.folder} values={values} onChange={change} />
        <TextInput name="username" label={s.username} values={values} onChange={change} required />
        <TextInput
          name="password"
          label={s.password}
          type="password"
          autoComplete="new-password"
          values={values}
          onChange={change}
          required
        />
        <TextInput
          name="ourAddresses"
          label={s.ourAddresses}
          hint={s.ourAddressesHint}
          values={values}
          onChange={change}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={secure} onChange={(e) => setSecure(e.target.checked)} />
        {s.secure}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={submission.busy}>
          {s.addMailbox}
        </button>
        <FormStatus submission={submission} />
      </div>
    </form>
  );
}
