import { useState, type FormEvent } from 'react';
import { users as usersApi } from '../../api/endpoints.ts';
import type { Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { FormStatus } from './form-status.tsx';
import { TextInput } from './text-input.tsx';

const ROLES: readonly Role[] = ['coordinator', 'handler', 'employee', 'auditor', 'admin'];

export function UsersSettings() {
  const { t } = useI18n();
  const s = t.settings.users;
  const { users, reloadUsers } = useOrganisation();
  const [values, setValues] = useState({ displayName: '', email: '' });
  const [roles, setRoles] = useState<Role[]>(['handler']);
  const submission = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      await usersApi.create({
        displayName: values.displayName.trim(),
        email: values.email.trim(),
        roles,
      });
      setValues({ displayName: '', email: '' });
      setRoles(['handler']);
      reloadUsers();
    }, s.created(values.displayName.trim()));
  };

  const toggleRole = (role: Role) =>
    setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));

  return (
    <>
      <section className="card card-flush" aria-labelledby="users-title">
        <div className="card-pad">
          <h2 id="users-title" className="card-title">
            {s.title}
          </h2>
          <p className="muted small">{s.intro}</p>
        </div>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={s.title}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.email}</th>
                <th scope="col">{s.roles}</th>
                <th scope="col">{s.status}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="cell-strong">{u.displayName}</td>
                  <td className="muted">{u.email}</td>
                  <td>
                    <span className="role-list">
                      {u.roles.map((r) => (
                        <span key={r} className="badge badge-neutral">
                          {t.role[r]}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td>
                    <span className={`badge ${u.disabled ? 'badge-muted' : 'badge-green'}`}>
                      {u.disabled ? s.disabled : s.active}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <form className="card" onSubmit={submit} aria-labelledby="add-user-title">
        <h2 id="add-user-title" className="card-title">
          {s.add}
        </h2>
        <div className="form-grid">
          <TextInput
            name="displayName"
            label={s.name}
            values={values}
            onChange={(name, value) => setValues({ ...values, [name]: value })}
            required
          />
          <TextInput
            name="email"
            label={s.email}
            type="email"
            values={values}
            onChange={(name, value) => setValues({ ...values, [name]: value })}
            required
          />
        </div>
        <fieldset className="role-picker">
          <legend>{s.roles}</legend>
          <p className="field-hint">{s.rolesHint}</p>
          {ROLES.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" checked={roles.includes(role)} onChange={() => toggleRole(role)} />
              {t.role[role]}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={submission.busy || roles.length === 0}
          >
            {s.add}
          </button>
          <FormStatus submission={submission} />
        </div>
      </form>
    </>
  );
}
