import { useState } from 'react';
import type { ConnectionTest } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** Runs a server-side connection test and shows its Dutch answer next to the button. */
export function ConnectionTestButton({
  test,
  label,
}: {
  test: () => Promise<ConnectionTest>;
  label?: string;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectionTest | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await test());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="connection-test">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => void run()}
      >
        {busy ? t.settings.mail.testing : (label ?? t.settings.mail.test)}
      </button>
      <span role="status" className={result ? (result.ok ? 'test-ok' : 'test-failed') : undefined}>
        {result?.message ?? ''}
      </span>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
