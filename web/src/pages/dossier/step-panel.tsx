import { useEffect, useRef, useState } from 'react';
import { complaints } from '../../api/endpoints.ts';
import { isApiError } from '../../api/problem.ts';
import type { ActionAvailability, ActionName, ProcedureState } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import {
  isAnsweredByTheForm,
  isStep,
  STEP_DEFINITIONS,
  type StepContext,
  type Values,
} from './step-definitions.ts';
import { StepItem, type StepOutcome } from './step-item.tsx';
import { choosesDelivery } from './step-letters.ts';

/**
 * Rules that hold a step back until someone does something (the hearing, the insurer, the
 * affiliation number, another person). Any other refusal means the step does not apply now
 * (wrong stage, nothing open to answer, already done); those are folded away, reasons included.
 */
const GATES = new Set([
  'hearing_incomplete',
  'insurer_consultation_required',
  'affiliation_number_missing',
  'handler_missing',
  'self_involvement',
  'role_not_allowed',
  'not_assigned_handler',
  'not_own_hearing',
  'delay_notice_too_late',
]);

function isBlocked(availability: ActionAvailability): boolean {
  return (
    availability.refusals.every((r) => r.code !== 'illegal_transition') &&
    availability.refusals.some((r) => GATES.has(r.code))
  );
}

/**
 * Every step of the procedure for this complaint: those possible now first, then those that are
 * not, each with the server's reasons — shown before anyone tries.
 */
export function StepPanel({
  state,
  context,
  onChanged,
  onAttempted,
}: {
  state: ProcedureState;
  context: StepContext;
  /** After a step went through: the dossier as the server now sees it (undefined: reload it). */
  onChanged: (next: ProcedureState | undefined) => void;
  /** After a refused attempt, which the server also wrote into the dossier's log. */
  onAttempted: () => void;
}) {
  const { t, language } = useI18n();
  const [expanded, setExpanded] = useState<ReadonlySet<ActionName>>(new Set());
  const [drafts, setDrafts] = useState<Partial<Record<ActionName, Values>>>({});
  const [outcomes, setOutcomes] = useState<Partial<Record<ActionName, StepOutcome>>>({});
  const [busy, setBusy] = useState<ActionName | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterRender = useRef<ActionName | null>(null);

  useEffect(() => {
    const target = focusAfterRender.current;
    if (!target) return;
    focusAfterRender.current = null;
    const element = document.querySelector<HTMLElement>(`#step-${target} .step-toggle`);
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    element?.focus({ preventScroll: true });
  });

  const valuesOf = (action: ActionName): Values =>
    drafts[action] ?? STEP_DEFINITIONS[action].initial(context, t);

  const toggle = (action: ActionName) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(action)) next.delete(action);
      else next.add(action);
      return next;
    });
    // The initial values are taken once, when the form is first opened, and then kept.
    setDrafts((current) => (current[action] ? current : { ...current, [action]: valuesOf(action) }));
  };

  const change = (action: ActionName, name: string, value: string) =>
    setDrafts((current) => ({
      ...current,
      [action]: { ...(current[action] ?? STEP_DEFINITIONS[action].initial(context, t)), [name]: value },
    }));

  const submit = async (action: ActionName) => {
    setBusy(action);
    setAnnouncement('');
    setOutcomes((current) => ({ ...current, [action]: undefined }));
    try {
      const values = valuesOf(action);
      const stepBody = STEP_DEFINITIONS[action].toBody(values, context);
      const delivery = choosesDelivery(action) ? values['delivery'] : undefined;
      const body = (delivery ? { ...stepBody, delivery } : stepBody) as never;
      const next = await complaints.act(state.complaint.id, action, body, language);
      setDrafts((current) => ({ ...current, [action]: undefined }));
      setExpanded((current) => {
        const remaining = new Set(current);
        remaining.delete(action);
        return remaining;
      });
      setAnnouncement(t.steps.done(t.steps.label[action]));
      onChanged(next);
    } catch (error) {
      if (isApiError(error) && error.status === 422 && error.refusals.length > 0) {
        setOutcomes((current) => ({ ...current, [action]: { refusals: error.refusals } }));
        onAttempted();
      } else {
        setOutcomes((current) => ({ ...current, [action]: { error } }));
      }
    } finally {
      setBusy(null);
    }
  };

  // Only the procedure's steps; other permissions in the list (add_note) have their own place.
  const steps = state.actions
    .filter((a): a is ActionAvailability<ActionName> => isStep(a.action))
    .map((a) =>
      !a.allowed && a.refusals.every((r) => isAnsweredByTheForm(a.action, r.code))
        ? { ...a, allowed: true, refusals: [] }
        : a,
    );
  const available = new Set(steps.filter((a) => a.allowed).map((a) => a.action));
  const goTo = (action: ActionName) => {
    setExpanded((current) => new Set(current).add(action));
    setDrafts((current) => (current[action] ? current : { ...current, [action]: valuesOf(action) }));
    focusAfterRender.current = action;
  };

  const render = (list: Array<ActionAvailability<ActionName>>) => (
    <ul className="steps">
      {list.map((availability) => (
        <StepItem
          key={availability.action}
          availability={availability}
          context={context}
          expanded={expanded.has(availability.action)}
          values={valuesOf(availability.action)}
          outcome={outcomes[availability.action]}
          busy={busy === availability.action}
          onToggle={() => toggle(availability.action)}
          onChange={(name, value) => change(availability.action, name, value)}
          onSubmit={() => void submit(availability.action)}
          canGoTo={(step) => available.has(step)}
          onGoTo={goTo}
        />
      ))}
    </ul>
  );

  const allowed = steps.filter((a) => a.allowed);
  const blocked = steps.filter((a) => !a.allowed && isBlocked(a));
  const later = steps.filter((a) => !a.allowed && !isBlocked(a));
  return (
    <section className="card" aria-labelledby="steps-title">
      <h2 id="steps-title" className="card-title">
        {t.dossier.steps}
      </h2>
      <p className="muted small">{t.dossier.stepsIntro}</p>
      <p className="announce" role="status">
        {announcement}
      </p>
      {allowed.length > 0 ? (
        <div className="step-group">
          <h3 className="step-group-title">{t.dossier.possibleNow}</h3>
          {render(allowed)}
        </div>
      ) : (
        <p className="muted">{t.dossier.noSteps}</p>
      )}
      {blocked.length > 0 ? (
        <div className="step-group">
          <h3 className="step-group-title">{t.dossier.blocked}</h3>
          {render(blocked)}
        </div>
      ) : null}
      {later.length > 0 ? (
        <details className="step-group step-group-later">
          <summary>
            <h3 className="step-group-title">{t.dossier.later(later.length)}</h3>
          </summary>
          {render(later)}
        </details>
      ) : null}
    </section>
  );
}
