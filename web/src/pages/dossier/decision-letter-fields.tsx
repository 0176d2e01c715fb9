import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { StepContext, Values } from './step-definitions.ts';

const TEXT_ELEMENTS = [
  'complaintSummary',
  'investigationResults',
  'judgment',
  'followUpActions',
  'furtherContact',
] as const;

function isPlaceholder(value: string | null): boolean {
  return value === null || value.trim() === '' || /^n\.?\s*n\.?\s*b\.?$/i.test(value.trim());
}

/**
 * The written decision with every element R8 asks for, in the letter's order (a–g). The KiFiD
 * block is the organisation's one record, shown here as it will be printed, not retyped per letter.
 */
export function DecisionLetterFields({
  values,
  onChange,
  context,
}: {
  values: Values;
  onChange: (name: string, value: string) => void;
  context: StepContext;
}) {
  const { t } = useI18n();
  const letter = t.steps.letter;
  const org = context.organisation;
  const affiliation = org?.kifidAffiliationNumber ?? null;
  return (
    <div className="letter-form">
      <Field label={letter.receivedDate}>
        {(props) => (
          <input
            {...props}
            type="date"
            name="receivedDate"
            required
            value={values['receivedDate'] ?? ''}
            onChange={(e) => onChange('receivedDate', e.target.value)}
          />
        )}
      </Field>
      {TEXT_ELEMENTS.map((name) => (
        <Field
          key={name}
          label={letter[name]}
          {...(name === 'followUpActions' ? { hint: letter.followUpHint } : {})}
        >
          {(props) => (
            <textarea
              {...props}
              name={name}
              rows={name === 'complaintSummary' || name === 'furtherContact' ? 3 : 5}
              required
              value={values[name] ?? ''}
              onChange={(e) => onChange(name, e.target.value)}
            />
          )}
        </Field>
      ))}
      <fieldset className="kifid-block">
        <legend>{letter.disputesBody}</legend>
        <p className="field-hint">{letter.fromSettings}</p>
        {org ? (
          <dl className="kifid-record">
            <dt>{letter.name}</dt>
            <dd>{org.disputesBody.name}</dd>
            <dt>{letter.postalAddress}</dt>
            <dd>
              {org.disputesBody.postalAddress}, {org.disputesBody.postalCodeCity}
            </dd>
            <dt>{letter.phone}</dt>
            <dd>{org.disputesBody.phone}</dd>
            <dt>{letter.email}</dt>
            <dd>{org.disputesBody.email}</dd>
            <dt>{letter.website}</dt>
            <dd>{org.disputesBody.website}</dd>
            <dt>{letter.affiliationNumber}</dt>
            <dd className={isPlaceholder(affiliation) ? 'text-danger' : undefined}>
              {affiliation ?? t.app.none}
            </dd>
          </dl>
        ) : null}
        <Field label={letter.term}>
          {(props) => (
            <textarea
              {...props}
              name="term"
              rows={3}
              required
              value={values['term'] ?? ''}
              onChange={(e) => onChange('term', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
    </div>
  );
}
