import { useI18n } from '../i18n/i18n-context.tsx';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t.app.loading}</span>
    </div>
  );
}
