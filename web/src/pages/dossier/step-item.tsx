import type { FormEvent } from 'react';
import type { ActionAvailability, ActionName, Refusal } from '../../api/types.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Icon } from '../../components/icon.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { DecisionLetterFields } from './decision-letter-fields.tsx';
import { DeliveryChoice, PreviewButton, PreviewResult, useLetterPreview } from './letter-preview.tsx';
import { RefusalList } from './refusal-list.tsx';
import { STEP_DEFINITIONS, type StepContext, type Values } from './step-definitions.ts';
import { StepFields } from './step-fields.tsx';
import { choosesDelivery, previewOf } from './step-letters.ts';

export type StepOutcome = { refusals: Refusal[] } | { error: unknown };

/**
 * One step of the procedure as an accordion item: its name, why it cannot be taken now (if so),
 * and its form. The form's values belong to the panel, so a refusal, a reload or collapsing the
 * item never loses what was typed.
 */
export function StepItem({
  availability,
  context,
  expanded,
  values,
  outcome,
  busy,
  onToggle,
  onChange,
  onSubmit,
  canGoTo,
  onGoTo,
}: {
  availability: ActionAvailability<ActionName>;
  context: StepContext;
  expanded: boolean;
  values: Values;
  outcome: StepOutcome | undefined;
  busy: boolean;
  onToggle: () => void;
  onChange: (name: string, value: string) => void;
  onSubmit: () => void;
  canGoTo: (step: ActionName) => boolean;
  onGoTo: (step: ActionName) => void;
}) {
  const { t } = useI18n();
  const { action, allowed, refusals } = availability;
  const definition = STEP_DEFINITIONS[action];
  const hasInput = definition.fields.length > 0 || definition.custom !== undefined;
  const expandable = allowed || hasInput;
  const label = t.steps.label[action];
  const formId = `step-form-${action}`;
  const letterPreview = useLetterPreview(context.complaint.id);
  const preview = previewOf(action);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <li
      id={`step-${action}`}
      className={`step ${allowed ? 'step-allowed' : 'step-refused'}`}
      data-action={action}
    >
      <div className="step-head">
        {allowed ? null : (
          <span className="step-icon" aria-hidden="true">
            <Icon name="lock" size={12} />
          </span>
        )}
        <div className="step-head-text">
          <h4 className="step-title">
            {expandable ? (
              <button
                type="button"
                className="step-toggle"
                aria-expanded={expanded}
                aria-controls={formId}
                onClick={onToggle}
              >
                {label}
                <Icon name="chevron-down" size={14} />
              </button>
            ) : (
              <span>{label}</span>
            )}
          </h4>
          {!allowed ? <RefusalList refusals={refusals} canGoTo={canGoTo} onGoTo={onGoTo} /> : null}
        </div>
      </div>
      {expandable && expanded ? (
        <form id={formId} className="step-form" onSubmit={submit} noValidate={false}>
          <p className="step-help">{t.steps.help[action]}</p>
          {outcome && 'refusals' in outcome ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">{t.steps.refusedAfterTry}</p>
              <RefusalList refusals={outcome.refusals} canGoTo={canGoTo} onGoTo={onGoTo} />
            </div>
          ) : null}
          {outcome && 'error' in outcome ? <ErrorNotice error={outcome.error} /> : null}
          {definition.custom === 'decision_letter' ? (
            <DecisionLetterFields values={values} onChange={onChange} context={context} />
          ) : definition.fields.length > 0 ? (
            <StepFields fields={definition.fields} values={values} onChange={onChange} context={context} />
          ) : preview ? null : (
            <p className="muted small">{t.steps.confirmPrompt}</p>
          )}
          {choosesDelivery(action) ? (
            <DeliveryChoice
              value={values['delivery'] ?? ''}
              onChange={(value) => onChange('delivery', value)}
            />
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={!allowed || busy}>
              {busy ? t.steps.submitting : label}
            </button>
            {preview ? (
              <PreviewButton
                state={letterPreview}
                onClick={() => void letterPreview.show(preview(values, context))}
              />
            ) : null}
            <button type="button" className="button button-ghost" onClick={onToggle}>
              {t.steps.hide}
            </button>
          </div>
          {preview ? <PreviewResult state={letterPreview} /> : null}
        </form>
      ) : null}
    </li>
  );
}
