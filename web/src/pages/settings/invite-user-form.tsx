import { useState, type FormEvent } from 'react';
import { accounts, type Invitation } from '../../api/screens.ts';
import type { Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { FormStatus } from './form-status.tsx';
import { InvitationLink } from './invitation-link.tsx';
import { RolePicker } from './role-picker.tsx';
import { TextInput } from './text-input.tsx';

/** The administrator invites a colleague: account and single-use link in one step. */
export function InviteUserForm({ onInvited }: { onInvited: () => void }) {
  const { t } = useI18n();
  const a = t.accounts;
  const [values, setValues] = useState({ displayName: '', email: '' });
  const [roles, setRoles] = useState<Role[]>(['handler']);
  const [issued, setIssued] = useState<{ name: string; invitation: Invitation } | null>(null);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = values.displayName.trim();
    setIssued(null);
    void submission.run(async () => {
      const answer = await accounts.invite({ displayName: name, email: values.email.trim(), roles });
      setIssued({ name, invitation: answer.invitation });
      setValues({ displayName: '', email: '' });
      setRoles(['handler']);
      onInvited();
    }, a.invited(name));
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="invite-user-title">
      <h2 id="invite-user-title" className="card-title">
        {a.inviteTitle}
      </h2>
      <p className="muted small">{a.inviteIntro}</p>
      <div className="form-grid">
        <TextInput
          name="displayName"
          label={t.settings.users.name}
          values={values}
          onChange={(name, value) => setValues({ ...values, [name]: value })}
          required
        />
        <TextInput
          name="email"
          label={t.settings.users.email}
          type="email"
          values={values}
          onChange={(name, value) => setValues({ ...values, [name]: value })}
          required
        />
      </div>
      <RolePicker roles={roles} onChange={setRoles} legend={t.settings.users.roles} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={submission.busy || roles.length === 0}
        >
          {a.invite}
        </button>
        <FormStatus submission={submission} />
      </div>
      {issued ? <InvitationLink name={issued.name} invitation={issued.invitation} /> : null}
    </form>
  );
}
