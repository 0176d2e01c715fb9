import { useState } from 'react';
import { accounts } from '../../api/screens.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ConfirmStep } from './user-row-editor.tsx';

/** When misuse is suspected: everybody of the firm signs in again, the administrator keeps working. */
export function EndEveryonesSessions({ onDone }: { onDone: (message: string) => void }) {
  const { t } = useI18n();
  const a = t.accounts;
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const endAll = async () => {
    setBusy(true);
    setError(null);
    try {
      const { ended } = await accounts.endEveryonesSessions();
      setAsking(false);
      onDone(a.everyoneEnded(ended));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="user-editor end-everyone">
      {error ? <ErrorNotice error={error} /> : null}
      {asking ? (
        <ConfirmStep
          warning={a.endEveryoneConfirm}
          yes={a.endEveryoneYes}
          cancel={t.app.cancel}
          busy={busy}
          onYes={() => void endAll()}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <button
          type="button"
          className="button button-ghost button-small"
          aria-expanded={false}
          onClick={() => setAsking(true)}
        >
          {a.endEveryone}
        </button>
      )}
    </div>
  );
}
