import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { LoginPanel } from './login-panel.tsx';

/**
 * Shown over the page when a request comes back 401: the page below stays as it is (forms keep
 * what was typed), and after signing in again the user carries on where they were.
 */
export function SessionExpiredDialog({ passwordLogin }: { passwordLogin: boolean }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="expired-title"
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id="expired-title">{t.login.expiredTitle}</h2>
      <p className="muted">{t.login.expiredIntro}</p>
      <LoginPanel passwordLogin={passwordLogin} pendingStep={null} />
    </dialog>
  );
}
