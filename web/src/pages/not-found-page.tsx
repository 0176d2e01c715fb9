import { EmptyState } from '../components/empty-state.tsx';
import { Link } from '../components/link.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <EmptyState icon="alert">
      {t.app.notFound} <Link to="/">{t.app.notFoundLink}</Link>
    </EmptyState>
  );
}
