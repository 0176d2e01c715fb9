import { Field } from '../../components/field.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { FieldSpec, StepContext, Values } from './step-definitions.ts';

/** The inputs of one step, drawn from its field specs; values live with the caller (drafts). */
export function StepFields({
  fields,
  values,
  onChange,
  context,
}: {
  fields: FieldSpec[];
  values: Values;
  onChange: (name: string, value: string) => void;
  context: StepContext;
}) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((spec) => (
        <Field
          key={spec.name}
          label={spec.label(t)}
          {...(spec.hint ? { hint: spec.hint(t) } : {})}
          {...(spec.required ? {} : { optional: t.app.optional })}
        >
          {(props) => {
            const common = {
              ...props,
              name: spec.name,
              value: values[spec.name] ?? '',
              required: spec.required ?? false,
            };
            switch (spec.kind) {
              case 'textarea':
                return (
                  <textarea {...common} rows={4} onChange={(e) => onChange(spec.name, e.target.value)} />
                );
              case 'select': {
                const options = spec.options?.(context, t) ?? [];
                return (
                  <select {...common} onChange={(e) => onChange(spec.name, e.target.value)}>
                    {spec.placeholder ? <option value="">{spec.placeholder(t)}</option> : null}
                    {options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                );
              }
              case 'date':
                return (
                  <input {...common} type="date" onChange={(e) => onChange(spec.name, e.target.value)} />
                );
              case 'datetime':
                return (
                  <input
                    {...common}
                    type="datetime-local"
                    onChange={(e) => onChange(spec.name, e.target.value)}
                  />
                );
              default:
                return (
                  <input {...common} type="text" onChange={(e) => onChange(spec.name, e.target.value)} />
                );
            }
          }}
        </Field>
      ))}
    </>
  );
}
