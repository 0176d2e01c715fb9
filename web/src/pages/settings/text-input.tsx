import { Field } from '../../components/field.tsx';

/** A labelled text input bound to one key of a string record: the settings forms are mostly these. */
export function TextInput<K extends string>({
  name,
  label,
  values,
  onChange,
  type = 'text',
  required = false,
  optional,
  hint,
  autoComplete = 'off',
  wide = false,
}: {
  name: K;
  label: string;
  values: Record<K, string>;
  onChange: (name: K, value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number' | 'password' | 'date';
  required?: boolean;
  optional?: string;
  hint?: string;
  autoComplete?: string;
  wide?: boolean;
}) {
  return (
    <Field
      label={label}
      {...(optional ? { optional } : {})}
      {...(hint ? { hint } : {})}
      {...(wide ? { className: 'field-wide' } : {})}
    >
      {(props) => (
        <input
          {...props}
          name={name}
          type={type}
          required={required}
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(e) => onChange(name, e.target.value)}
        />
      )}
    </Field>
  );
}
