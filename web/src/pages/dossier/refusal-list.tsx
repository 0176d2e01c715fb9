import type { ActionName, Refusal } from '../../api/types.ts';
import { Link } from '../../components/link.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { remedyOf } from './step-definitions.ts';

/**
 * Why a step cannot be taken, in the server's words (in the app's language), each with what to do about it — and, where
 * another step resolves it, a button that goes there.
 */
export function RefusalList({
  refusals,
  canGoTo,
  onGoTo,
}: {
  refusals: Refusal[];
  canGoTo: (step: ActionName) => boolean;
  onGoTo: (step: ActionName) => void;
}) {
  const { t, language } = useI18n();
  // Several refusals can share one remedy (three missing closing fields): say it once.
  const said = new Set<string>();
  return (
    <ul className="refusals">
      {refusals.map((refusal) => {
        const remedy = said.has(refusal.code) ? null : remedyOf(refusal.code, refusal.details);
        const next = said.has(refusal.code) ? undefined : t.refusalNext[refusal.code];
        said.add(refusal.code);
        const goTo = remedy && 'step' in remedy && canGoTo(remedy.step) ? remedy.step : null;
        const settings = remedy && 'settings' in remedy ? remedy.settings : null;
        return (
          <li key={`${refusal.code}|${JSON.stringify(refusal.details ?? {})}`} data-code={refusal.code}>
            <p className="refusal-message" lang={language}>
              {refusal.text}
            </p>
            {next || goTo || settings ? (
              <p className="refusal-next">
                <span className="refusal-next-label">{t.steps.whatNext}:</span> {next}
                {goTo ? (
                  <button type="button" className="link-button" onClick={() => onGoTo(goTo)}>
                    {t.steps.goToStep(t.steps.label[goTo])}
                  </button>
                ) : null}
                {settings ? <Link to={settings}>{t.steps.goToSettings}</Link> : null}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
