import { useState, type FormEvent, type ReactNode } from 'react';
import {
  LEGAL_HOLD_REASONS,
  holdsOf,
  type HoldOwner,
  type LegalHold,
  type LegalHoldReason,
} from '../api/legal-holds.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatDate } from '../lib/dates.ts';
import { useSubmit } from '../lib/use-submit.ts';
import { ErrorNotice } from './error-notice.tsx';
import { Field } from './field.tsx';
import { Icon } from './icon.tsx';

/** A hold that still keeps the dossier (or the cancellation request) whole. */
export const isActive = (hold: LegalHold) => hold.lifted === null;

function LiftForm({
  owner,
  hold,
  onChanged,
}: {
  owner: HoldOwner;
  hold: LegalHold;
  onChanged: (hold: LegalHold, message: string) => void;
}) {
  const { t } = useI18n();
  const [explanation, setExplanation] = useState('');
  const submission = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      onChanged(await holdsOf(owner).lift(hold.id, explanation.trim()), t.holds.lifted);
    }, t.holds.lifted);
  };
  return (
    <details className="hold-lift">
      <summary>{t.holds.lift}</summary>
      <form onSubmit={submit} aria-label={t.holds.liftLabel(t.holds.reasons[hold.reason])}>
        {submission.error ? <ErrorNotice error={submission.error} /> : null}
        <Field label={t.holds.liftExplanation}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              required
              maxLength={2000}
              value={explanation}
              onChange={(e) => setExplanation(e.target.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button button-secondary"
          disabled={submission.busy || explanation.trim() === ''}
        >
          {t.holds.liftSubmit}
        </button>
      </form>
    </details>
  );
}

function PlaceForm({
  owner,
  onChanged,
}: {
  owner: HoldOwner;
  onChanged: (hold: LegalHold, message: string) => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState<LegalHoldReason>('kifid_case');
  const [explanation, setExplanation] = useState('');
  const submission = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      onChanged(await holdsOf(owner).place({ reason, explanation: explanation.trim() }), t.holds.placed);
      setExplanation('');
    }, t.holds.placed);
  };
  return (
    <details className="composer-toggle">
      <summary>
        <Icon name="plus" size={14} />
        {t.holds.place}
      </summary>
      <form className="composer" onSubmit={submit} aria-label={t.holds.place}>
        {submission.error ? <ErrorNotice error={submission.error} /> : null}
        <Field label={t.holds.reason}>
          {(props) => (
            <select {...props} value={reason} onChange={(e) => setReason(e.target.value as LegalHoldReason)}>
              {LEGAL_HOLD_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t.holds.reasons[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.holds.explanation} hint={t.holds.explanationHint}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              required
              maxLength={2000}
              value={explanation}
              onChange={(e) => setExplanation(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={submission.busy || explanation.trim() === ''}
          >
            {t.holds.place}
          </button>
        </div>
      </form>
    </details>
  );
}

/**
 * The legal holds on a dossier or on a cancellation request without a complaint: read by coordinator
 * and auditor, placed and lifted by the coordinator. `canPlace` false with a `notice` is the linked
 * request: nothing new goes on it (its complaint holds it), a hold from before the link can still end.
 */
export function LegalHoldsCard({
  owner,
  holds,
  canChange,
  canPlace = true,
  intro,
  none,
  notice,
  names,
  onChanged,
}: {
  owner: HoldOwner;
  holds: LegalHold[];
  canChange: boolean;
  canPlace?: boolean;
  intro: string;
  none: string;
  notice?: ReactNode;
  names: ReadonlyMap<string, string>;
  onChanged: (hold: LegalHold) => void;
}) {
  const { t, locale } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const changed = (hold: LegalHold, message: string) => {
    setAnnouncement(message);
    onChanged(hold);
  };
  const sorted = holds.toSorted((a, b) => Number(isActive(b)) - Number(isActive(a)));
  const nameOf = (id: string) => names.get(id) ?? t.app.none;
  return (
    <section className="card" aria-labelledby="holds-title" id="legal-holds">
      <h2 id="holds-title" className="card-title">
        {t.holds.title}
      </h2>
      <p className="muted small">{intro}</p>
      {notice}
      <p className="announce" role="status">
        {announcement}
      </p>
      {sorted.length === 0 && !notice ? <p className="muted small">{none}</p> : null}
      <ul className="hold-list">
        {sorted.map((hold) => (
          <li key={hold.id} className={`hold ${isActive(hold) ? 'hold-active' : 'hold-ended'}`}>
            <div className="letter-row-head">
              <h3 className="letter-row-title">{t.holds.reasons[hold.reason]}</h3>
              <span className={`badge ${isActive(hold) ? 'badge-red-outline' : 'badge-muted'}`}>
                {isActive(hold) ? t.holds.active : t.holds.ended}
              </span>
            </div>
            <p className="prose small">{hold.explanation}</p>
            <p className="muted small">
              {t.holds.placedBy(nameOf(hold.placedBy), formatDate(hold.placedAt, locale))}
            </p>
            {hold.lifted ? (
              <p className="muted small">
                {t.holds.liftedBy(nameOf(hold.lifted.by), formatDate(hold.lifted.at, locale))}
                {hold.lifted.explanation ? ` — ${hold.lifted.explanation}` : ''}
              </p>
            ) : canChange ? (
              <LiftForm owner={owner} hold={hold} onChanged={changed} />
            ) : null}
          </li>
        ))}
      </ul>
      {canChange && canPlace ? <PlaceForm owner={owner} onChanged={changed} /> : null}
    </section>
  );
}
