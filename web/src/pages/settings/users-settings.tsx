import { Fragment, useState } from 'react';
import { accounts } from '../../api/screens.ts';
import { singleSignOn } from '../../api/single-sign-on.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDate } from '../../lib/dates.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { InviteUserForm } from './invite-user-form.tsx';
import { PendingInvitations } from './pending-invitations.tsx';
import { EndEveryonesSessions } from './end-everyones-sessions.tsx';
import { UserRowEditor, type EditMode } from './user-row-editor.tsx';

/** Users and roles: who works with Klachtwijzer, open invitations, role changes, disabling. */
export function UsersSettings() {
  const { t, locale } = useI18n();
  const s = t.settings.users;
  const a = t.accounts;
  const { session } = useSession();
  const { users, reloadUsers } = useOrganisation();
  const pending = useAsync(() => accounts.pending(), []);
  const identities = useAsync(() => singleSignOn.identities(), []);
  const [editing, setEditing] = useState<{ userId: string; mode: EditMode } | null>(null);
  const [message, setMessage] = useState('');
  const invited = new Set((pending.data ?? []).map((p) => p.userId));
  const linkedSince = new Map((identities.data ?? []).map((i) => [i.userId, i.linkedAt]));

  const changed = (text: string) => {
    setMessage(text);
    setEditing(null);
    reloadUsers();
    pending.reload();
    identities.reload();
  };
  const toggle = (userId: string, mode: EditMode, open: boolean) =>
    setEditing(open ? null : { userId, mode });

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
                        </span>{' '}
                        {linkedSince.has(u.id) ? (
                          <span
                            className="badge badge-neutral"
                            title={a.ssoLinkedTitle(formatDate(linkedSince.get(u.id)!, locale))}
                          >
                            {a.ssoLinked}
                          </span>
                        ) : null}
                      </td>
                      <td className="row-actions">
                        {u.disabled ? null : (
                          <>
                            <button
                              type="button"
                              className="button button-ghost button-small"
                              aria-label={a.editRolesLabel(u.displayName)}
                              aria-expanded={open?.mode === 'roles'}
                              onClick={() => toggle(u.id, 'roles', open?.mode === 'roles')}
                            >
                              {a.editRoles}
                            </button>
                            {self ? null : (
                              <button
                                type="button"
                                className="button button-ghost button-small"
                                aria-label={a.endSessionsLabel(u.displayName)}
                                aria-expanded={open?.mode === 'sessions'}
                                onClick={() => toggle(u.id, 'sessions', open?.mode === 'sessions')}
                              >
                                {a.endSessions}
                              </button>
                            )}
                            {self ? null : (
                              <button
                                type="button"
                                className="button button-ghost button-small text-danger"
                                aria-label={a.disableLabel(u.displayName)}
                                aria-expanded={open?.mode === 'disable'}
                                onClick={() => toggle(u.id, 'disable', open?.mode === 'disable')}
                              >
                                {a.disable}
                              </button>
                            )}
                          </>
                        )}
                        {linkedSince.has(u.id) ? (
                          <button
                            type="button"
                            className="button button-ghost button-small"
                            aria-label={a.unlinkSsoLabel(u.displayName)}
                            aria-expanded={open?.mode === 'unlink'}
                            onClick={() => toggle(u.id, 'unlink', open?.mode === 'unlink')}
                          >
                            {a.unlinkSso}
                          </button>
                        ) : null}
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
      <EndEveryonesSessions onDone={changed} />
      {pending.error ? <ErrorNotice error={pending.error} onRetry={pending.reload} /> : null}
      {identities.error ? <ErrorNotice error={identities.error} onRetry={identities.reload} /> : null}
      <PendingInvitations invitations={pending.data ?? []} onChanged={changed} />
      <InviteUserForm onInvited={() => changed('')} />
    </>
  );
}
