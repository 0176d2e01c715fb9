import { useState } from 'react';
import { accounts } from '../../api/screens.ts';
import { singleSignOn } from '../../api/single-sign-on.ts';
import type { Role, User } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { RolePicker } from './role-picker.tsx';

export type EditMode = 'roles' | 'disable' | 'unlink' | 'sessions';

/**
 * Under a user's row: change their roles, disable the account (which ends every session), end their
 * sessions while the account stays active (a lost device), or unlink their identity-provider account
 * (which ends the sessions that began through it).
 */
export function UserRowEditor({
  user,
  mode,
  onDone,
  onCancel,
}: {
  user: User;
  mode: EditMode;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const a = t.accounts;
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (work: () => Promise<unknown>, message: string | ((result: unknown) => string)) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      onDone(typeof message === 'string' ? message : message(result));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const name = user.displayName;
  const confirmations: Record<Exclude<EditMode, 'roles'>, Confirmation> = {
    disable: {
      warning: a.disableConfirm(name),
      yes: a.disableYes,
      work: () => accounts.disable(user.id),
      done: () => a.disabledDone(name),
    },
    unlink: {
      warning: a.unlinkSsoConfirm(name),
      yes: a.unlinkSsoYes,
      work: () => singleSignOn.unlink(user.id),
      done: () => a.unlinkedSso(name),
    },
    sessions: {
      warning: a.endSessionsConfirm(name),
      yes: a.endSessionsYes,
      work: () => accounts.endSessions(user.id),
      done: (result) => a.sessionsEnded(name, (result as { ended: number }).ended),
    },
  };
  const confirmation = mode === 'roles' ? null : confirmations[mode];

  return (
    <div className="user-editor">
      {error ? <ErrorNotice error={error} /> : null}
      {mode === 'roles' ? (
        <>
          <RolePicker roles={roles} onChange={setRoles} legend={a.editRolesLabel(user.displayName)} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={busy || roles.length === 0}
              onClick={() =>
                void run(() => accounts.changeRoles(user.id, roles), a.rolesSaved(user.displayName))
              }
            >
              {a.saveRoles}
            </button>
            <button type="button" className="button button-ghost button-small" onClick={onCancel}>
              {t.app.cancel}
            </button>
          </div>
        </>
      ) : confirmation ? (
        <ConfirmStep
          warning={confirmation.warning}
          yes={confirmation.yes}
          busy={busy}
          onYes={() => void run(confirmation.work, confirmation.done)}
          onCancel={onCancel}
          cancel={t.app.cancel}
        />
      ) : null}
    </div>
  );
}

interface Confirmation {
  warning: string;
  yes: string;
  work: () => Promise<unknown>;
  done: (result: unknown) => string;
}

/** A consequential change is said in words first and needs a second, explicit click. */
export function ConfirmStep({
  warning,
  yes,
  cancel,
  busy,
  onYes,
  onCancel,
}: {
  warning: string;
  yes: string;
  cancel: string;
  busy: boolean;
  onYes: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <p role="alert" className="user-editor-warning">
        {warning}
      </p>
      <div className="form-actions">
        <button type="button" className="button button-danger button-small" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="button button-ghost button-small" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </>
  );
}
