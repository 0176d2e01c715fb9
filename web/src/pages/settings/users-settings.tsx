import { Fragment, useState } from 'react';
import { accounts } from '../../api/screens.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { InviteUserForm } from './invite-user-form.tsx';
import { PendingInvitations } from './pending-invitations.tsx';
import { UserRowEditor } from './user-row-editor.tsx';

/** Users and roles: who works with Klachtwijzer, open invitations, role changes, disabling. */
export function UsersSettings() {
  const { t } = useI18n();
  const s = t.settings.users;
  const a = t.accounts;
  const { session } = useSession();
  const { users, reloadUsers } = useOrganisation();
  const pending = useAsync(() => accounts.pending(), []);
  const [editing, setEditing] = useState<{ userId: string; mode: 'roles' | 'disable' } | null>(null);
  const [message, setMessage] = useState('');
  const invited = new Set((pending.data ?? []).map((p) => p.userId));

  const changed = (text: string) => {
    setMessage(text);
    setEditing(null);
    reloadUsers();
    pending.reload();
  };

  return (
    <>
      <p className="announce announce-success" role="status">
        {message}
      </p>
      <section className="card card-flush" aria-labelledby="users-title">
        <div className="card-pad">
          <h2 id="users-title" className="card-title">
            {s.title}
          </h2>
          <p className="muted small">{s.intro}</p>
        </div>
        <div className="table-wrap" tabIndex={0} role="region" aria-label={s.title}>
          <table className="table table-users">
            <thead>
              <tr>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.email}</th>
                <th scope="col">{s.roles}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const self = u.id === session?.userId;
                const open = editing?.userId === u.id ? editing : null;
                return (
                  <Fragment key={u.id}>
                    <tr data-email={u.email}>
                      <td className="cell-strong">
                        {u.displayName}
                        {self ? <span className="muted"> ({a.you})</span> : null}
                      </td>
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
                        <span
                          className={`badge ${u.disabled ? 'badge-muted' : invited.has(u.id) ? 'badge-amber' : 'badge-green'}`}
                        >
                          {u.disabled ? s.disabled : invited.has(u.id) ? a.invitationPending : s.active}
                        </span>
                      </td>
                      <td className="row-actions">
                        {u.disabled ? null : (
                          <>
                            <button
                              type="button"
                              className="button button-ghost button-small"
                              aria-label={a.editRolesLabel(u.displayName)}
                              aria-expanded={open?.mode === 'roles'}
                              onClick={() =>
                                setEditing(open?.mode === 'roles' ? null : { userId: u.id, mode: 'roles' })
                              }
                            >
                              {a.editRoles}
                            </button>
                            {self ? null : (
                              <button
                                type="button"
                                className="button button-ghost button-small text-danger"
                                aria-label={a.disableLabel(u.displayName)}
                                aria-expanded={open?.mode === 'disable'}
                                onClick={() =>
                                  setEditing(
                                    open?.mode === 'disable' ? null : { userId: u.id, mode: 'disable' },
                                  )
                                }
                              >
                                {a.disable}
                              </button>
                            )}
                          </>
                        )}
                      </td>
                    </tr>
                    {open ? (
                      <tr className="row-editor">
                        <td colSpan={5}>
                          <UserRowEditor
                            user={u}
                            mode={open.mode}
                            onDone={changed}
                            onCancel={() => setEditing(null)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {pending.error ? <ErrorNotice error={pending.error} onRetry={pending.reload} /> : null}
      <PendingInvitations invitations={pending.data ?? []} onChanged={changed} />
      <InviteUserForm onInvited={() => changed('')} />
    </>
  );
}
