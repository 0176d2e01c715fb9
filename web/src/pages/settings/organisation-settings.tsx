import { useEffect, useState, type FormEvent } from 'react';
import { organisation as organisationApi } from '../../api/endpoints.ts';
import type { Organisation } from '../../api/types.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { FormStatus } from './form-status.tsx';
import { TextInput } from './text-input.tsx';

const FIELDS = [
  'name',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
  'website',
  'kvkNumber',
  'afmNumber',
] as const;
const INSURER = ['insurerName', 'insurerContact', 'insurerEmail', 'insurerPhone', 'insurerPolicy'] as const;
type Key = (typeof FIELDS)[number] | (typeof INSURER)[number];

function valuesOf(o: Organisation): Record<Key, string> {
  return {
    name: o.name,
    email: o.email ?? '',
    phone: o.phone ?? '',
    street: o.street ?? '',
    postalCode: o.postalCode ?? '',
    city: o.city ?? '',
    website: o.website ?? '',
    kvkNumber: o.kvkNumber ?? '',
    afmNumber: o.afmNumber ?? '',
    insurerName: o.liabilityInsurer.name ?? '',
    insurerContact: o.liabilityInsurer.contact ?? '',
    insurerEmail: o.liabilityInsurer.email ?? '',
    insurerPhone: o.liabilityInsurer.phone ?? '',
    insurerPolicy: o.liabilityInsurer.policyNumber ?? '',
  };
}

const orNull = (value: string) => value.trim() || null;

export function OrganisationSettings() {
  const { t } = useI18n();
  const s = t.settings.organisation;
  const { organisation, setOrganisation } = useOrganisation();
  const [values, setValues] = useState<Record<Key, string> | null>(
    organisation ? valuesOf(organisation) : null,
  );
  const submission = useSubmit();
  useEffect(() => {
    if (organisation && values === null) setValues(valuesOf(organisation));
  }, [organisation, values]);
  if (!values) return <LoadingState />;

  const change = (name: Key, value: string) => setValues({ ...values, [name]: value });
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submission.run(async () => {
      const saved = await organisationApi.change({
        name: values.name.trim(),
        email: orNull(values.email),
        phone: orNull(values.phone),
        street: orNull(values.street),
        postalCode: orNull(values.postalCode),
        city: orNull(values.city),
        website: orNull(values.website),
        kvkNumber: orNull(values.kvkNumber),
        afmNumber: orNull(values.afmNumber),
        liabilityInsurer: {
          name: orNull(values.insurerName),
          contact: orNull(values.insurerContact),
          email: orNull(values.insurerEmail),
          phone: orNull(values.insurerPhone),
          policyNumber: orNull(values.insurerPolicy),
        },
      });
      setOrganisation(saved);
      setValues(valuesOf(saved));
    }, t.app.saved);
  };

  const input = (
    name: Key,
    label: string,
    type: 'text' | 'email' | 'tel' | 'url' = 'text',
    required = false,
  ) => (
    <TextInput
      name={name}
      label={label}
      type={type}
      values={values}
      onChange={change}
      required={required}
      {...(required ? {} : { optional: t.app.optional })}
    />
  );

  return (
    <form className="settings-form" onSubmit={save}>
      <section className="card" aria-labelledby="org-title">
        <h2 id="org-title" className="card-title">
          {s.title}
        </h2>
        <p className="muted small">{s.intro}</p>
        <div className="form-grid">
          {input('name', s.name, 'text', true)}
          {input('email', s.email, 'email')}
          {input('phone', s.phone, 'tel')}
          {input('website', s.website)}
          {input('street', s.street)}
          {input('postalCode', s.postalCode)}
          {input('city', s.city)}
          {input('kvkNumber', s.kvkNumber)}
          {input('afmNumber', s.afmNumber)}
        </div>
      </section>
      <section className="card" aria-labelledby="insurer-title">
        <h2 id="insurer-title" className="card-title">
          {s.insurerTitle}
        </h2>
        <p className="muted small">{s.insurerIntro}</p>
        <div className="form-grid">
          {input('insurerName', s.insurerName)}
          {input('insurerContact', s.insurerContact)}
          {input('insurerEmail', s.insurerEmail, 'email')}
          {input('insurerPhone', s.insurerPhone, 'tel')}
          {input('insurerPolicy', s.insurerPolicy)}
        </div>
      </section>
      <div className="form-actions sticky-actions">
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {t.app.save}
        </button>
        <FormStatus submission={submission} />
      </div>
    </form>
  );
}
