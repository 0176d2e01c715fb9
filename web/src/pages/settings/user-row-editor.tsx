import { useState } from 'react';
import { accounts } from '../../api/screens.ts';
import { singleSignOn } from '../../api/single-sign-on.ts';
import type { Role, User } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { RolePicker } from './role-picker.tsx';

export type EditMode = 'roles' | 'disable' | 'unlink';

/**
 * Under a user's row: change their roles, disable the account (which ends every session), or
 * unlink their identity-provider account (which ends the sessions that began through it).
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

  const run = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone(message);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

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
      ) : mode === 'unlink' ? (
        <>
          <p role="alert" className="user-editor-warning">
            {a.unlinkSsoConfirm(user.displayName)}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger button-small"
              disabled={busy}
              onClick={() => void run(() => singleSignOn.unlink(user.id), a.unlinkedSso(user.displayName))}
            >
              {a.unlinkSsoYes}
            </button>
            <button type="button" className="button button-ghost button-small" onClick={onCancel}>
              {t.app.cancel}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="alert" className="user-editor-warning">
            {a.disableConfirm(user.displayName)}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-danger button-small"
              disabled={busy}
              onClick={() => void run(() => accounts.disable(user.id), a.disabledDone(user.displayName))}
            >
              {a.disableYes}
            </button>
            <button type="button" className="button button-ghost button-small" onClick={onCancel}>
              {t.app.cancel}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
