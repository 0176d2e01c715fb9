import type { Light } from '../lib/clocks.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** A coloured dot that also says in words what it means (colour alone is not enough, WCAG 1.4.1). */
export function TrafficLight({ light, withLabel = false }: { light: Light; withLabel?: boolean }) {
  const { t } = useI18n();
  const label = t.clock.light[light];
  return (
    <span className={`light light-${light}`} title={label}>
      <span className="light-dot" aria-hidden="true" />
      {withLabel ? (
        <span className="light-label">{label}</span>
      ) : (
        <span className="visually-hidden">{label}</span>
      )}
    </span>
  );
}
