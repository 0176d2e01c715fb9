import { useState } from 'react';
import { accounts, type Invitation, type PendingInvitation } from '../../api/screens.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { InvitationLink } from './invitation-link.tsx';

/** Invitations not yet used: revoke one (wrong address, someone not starting), or issue a new link. */
export function PendingInvitations({
  invitations,
  onChanged,
}: {
  invitations: PendingInvitation[];
  onChanged: (message: string) => void;
}) {
  const { t, locale } = useI18n();
  const a = t.accounts;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<{ name: string; invitation: Invitation } | null>(null);

  const act = async (work: () => Promise<void>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card-flush" aria-labelledby="pending-title">
      <div className="card-pad">
        <h2 id="pending-title" className="card-title">
          {a.pendingTitle}
        </h2>
        {error ? <ErrorNotice error={error} /> : null}
        {issued ? <InvitationLink name={issued.name} invitation={issued.invitation} /> : null}
      </div>
      {invitations.length === 0 ? (
        <div className="card-pad">
          <EmptyState icon="mail">{a.pendingEmpty}</EmptyState>
        </div>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={a.pendingTitle}>
          <table className="table table-invitations">
            <thead>
              <tr>
                <th scope="col">{t.settings.users.name}</th>
                <th scope="col">{t.settings.users.email}</th>
                <th scope="col">{t.settings.users.roles}</th>
                <th scope="col">{a.invitedAt}</th>
                <th scope="col">{a.expiresAt}</th>
                <th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.userId} data-email={invitation.email}>
                  <td className="cell-strong">{invitation.displayName}</td>
                  <td className="muted">{invitation.email}</td>
                  <td>
                    <span className="role-list">
                      {invitation.roles.map((r) => (
                        <span key={r} className="badge badge-neutral">
                          {t.role[r]}
                        </span>
                      ))}
                    </span>
                  </td>
                  <td className="nowrap">{formatDate(invitation.invitedAt, locale)}</td>
                  <td className="nowrap">{formatDateTime(invitation.expiresAt, locale)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      disabled={busy}
                      aria-label={a.reinviteLabel(invitation.displayName)}
                      onClick={() =>
                        void act(async () => {
                          const fresh = await accounts.reinvite(invitation.userId);
                          setIssued({ name: invitation.displayName, invitation: fresh });
                        }, a.invited(invitation.displayName))
                      }
                    >
                      {a.reinvite}
                    </button>
                    <button
                      type="button"
                      className="button button-ghost button-small text-danger"
                      disabled={busy}
                      aria-label={a.revokeLabel(invitation.displayName)}
                      onClick={() =>
                        void act(async () => {
                          await accounts.revoke(invitation.userId);
                          setIssued(null);
                        }, a.revoked(invitation.displayName))
                      }
                    >
                      {a.revoke}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
