import { useEffect, useState, type FormEvent } from 'react';
import { organisation as organisationApi } from '../../api/endpoints.ts';
import type { DisputesBodyChange, Organisation } from '../../api/types.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { useOrganisation } from '../../session/organisation-context.tsx';
import { FormStatus } from './form-status.tsx';
import { TextInput } from './text-input.tsx';

const RECORD_FIELDS = ['name', 'postalAddress', 'postalCodeCity', 'phone', 'email', 'website'] as const;

function recordOf(o: Organisation): DisputesBodyChange {
  const { confirmedAt: _confirmed, ...rest } = o.disputesBody;
  return rest;
}

/** R8 g and R9: the affiliation number and the one KiFiD record every decision letter prints. */
export function KifidSettings() {
  const { t, locale } = useI18n();
  const s = t.settings.kifid;
  const { organisation, setOrganisation } = useOrganisation();
  const [affiliation, setAffiliation] = useState<{ number: string } | null>(null);
  const [record, setRecord] = useState<DisputesBodyChange | null>(null);
  const numberSubmission = useSubmit();
  const recordSubmission = useSubmit();

  useEffect(() => {
    if (!organisation) return;
    setAffiliation((current) => current ?? { number: organisation.kifidAffiliationNumber ?? '' });
    setRecord((current) => current ?? recordOf(organisation));
  }, [organisation]);
  if (!organisation || !affiliation || !record) return <LoadingState />;

  const gap = organisation.complianceGaps.find((g) => g.code.includes('affiliation'));

  const saveNumber = (event: FormEvent) => {
    event.preventDefault();
    void numberSubmission.run(async () => {
      const saved = await organisationApi.change({
        kifidAffiliationNumber: affiliation.number.trim() || null,
      });
      setOrganisation(saved);
    }, t.app.saved);
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void recordSubmission.run(async () => {
      const saved = await organisationApi.confirmDisputesBody({
        name: record.name.trim(),
        postalAddress: record.postalAddress.trim(),
        postalCodeCity: record.postalCodeCity.trim(),
        phone: record.phone.trim(),
        email: record.email.trim(),
        website: record.website.trim(),
      });
      setOrganisation(saved);
      setRecord(recordOf(saved));
    }, t.app.saved);
  };

  return (
    <>
      <form className="card" onSubmit={saveNumber} aria-labelledby="affiliation-title">
        <h2 id="affiliation-title" className="card-title">
          {s.affiliationTitle}
        </h2>
        <p className="muted small">{s.affiliationIntro}</p>
        {gap ? (
          <div className="notice notice-error" role="note">
            <p>{gap.message}</p>
          </div>
        ) : null}
        <div className="form-grid">
          <TextInput
            name="number"
            label={s.affiliationNumber}
            values={affiliation}
            onChange={(_name, value) => setAffiliation({ number: value })}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={numberSubmission.busy}>
            {s.saveAffiliation}
          </button>
          <FormStatus submission={numberSubmission} />
        </div>
      </form>
      <form className="card" onSubmit={confirm} aria-labelledby="kifid-title">
        <h2 id="kifid-title" className="card-title">
          {s.recordTitle}
        </h2>
        <p className="muted small">{s.intro}</p>
        <p className={organisation.disputesBody.confirmedAt ? 'small' : 'small text-danger'}>
          {organisation.disputesBody.confirmedAt
            ? s.confirmedAt(formatDateTime(organisation.disputesBody.confirmedAt, locale))
            : s.notConfirmed}
        </p>
        <div className="form-grid">
          {RECORD_FIELDS.map((name) => (
            <TextInput
              key={name}
              name={name}
              label={s[name]}
              type={name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'}
              required
              wide={name === 'name'}
              values={record}
              onChange={(field, value) => setRecord({ ...record, [field]: value })}
            />
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={recordSubmission.busy}>
            {s.confirm}
          </button>
          <FormStatus submission={recordSubmission} />
        </div>
      </form>
    </>
  );
}
