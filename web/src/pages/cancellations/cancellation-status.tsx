import { useI18n } from '../../i18n/i18n-context.tsx';

const TONE: Record<string, string> = {
  received: 'badge-received',
  confirmed: 'badge-acknowledged',
  processed: 'badge-closed',
  withdrawn: 'badge-withdrawn',
};

export function CancellationStatus({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-status ${TONE[status] ?? 'badge-neutral'}`}>
      {t.cancellations.statusLabel[status] ?? status}
    </span>
  );
}
