import { isApiError } from '../api/problem.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** An error in words a person can act on; server problems already carry a Dutch `detail`. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  let message = t.app.unknownError;
  let fields: Array<{ field: string; message: string }> = [];
  if (isApiError(error)) {
    if (error.status === 0) message = t.app.networkError;
    else if (error.status === 403 && !error.problem.detail) message = t.app.forbidden;
    else message = error.problem.detail ?? error.problem.title;
    fields = error.fieldErrors;
  }
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {fields.length > 0 ? (
        <>
          <p className="notice-sub">{t.app.fieldErrors}</p>
          <ul>
            {fields.map((f) => (
              <li key={`${f.field}:${f.message}`}>
                <code>{f.field}</code>: {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {onRetry ? (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          {t.app.retry}
        </button>
      ) : null}
    </div>
  );
}
