import type { Complaint, Outcome } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';

function isOutcome(value: string | null): value is Outcome {
  return value === 'gegrond' || value === 'deels_gegrond' || value === 'ongegrond' || value === 'ingetrokken';
}

/** What the complaint is about and who is involved. */
export function ComplaintSummary({ complaint }: { complaint: Complaint }) {
  const { t, locale } = useI18n();
  const c = complaint.complainant;
  const address = [c.street, [c.postalCode, c.city].filter(Boolean).join(' '), c.country]
    .filter(Boolean)
    .join(', ');
  const channel = t.channel[complaint.channel as keyof typeof t.channel] ?? complaint.channel;
  return (
    <section className="card" aria-labelledby="complaint-title">
      <h2 id="complaint-title" className="card-title">
        {t.dossier.description}
      </h2>
      <p className="prose">{complaint.description}</p>
      {complaint.desiredOutcome ? (
        <>
          <h3 className="subheading">{t.dossier.desiredOutcome}</h3>
          <p className="prose">{complaint.desiredOutcome}</p>
        </>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t.dossier.complainant}</dt>
          <dd>{c.name}</dd>
        </div>
        <div>
          <dt>{t.dossier.contact}</dt>
          <dd>
            {[c.email, c.phone].filter(Boolean).join(' · ') || t.app.none}
            {address ? <span className="block muted">{address}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t.dossier.received}</dt>
          <dd>
            {formatDateTime(complaint.receivedAt, locale)} · {channel}
          </dd>
        </div>
        <div>
          <dt>{t.dossier.product}</dt>
          <dd>{complaint.product ?? t.app.none}</dd>
        </div>
        <div>
          <dt>{t.dossier.handler}</dt>
          <dd>{complaint.handler?.name ?? <span className="muted">{t.dossier.noHandler}</span>}</dd>
        </div>
        <div>
          <dt>{t.dossier.involved}</dt>
          <dd>
            {complaint.involvedEmployees.length > 0
              ? complaint.involvedEmployees.map((e) => e.name).join(', ')
              : t.dossier.noneInvolved}
          </dd>
        </div>
        {complaint.category || complaint.rootCause || complaint.outcome ? (
          <>
            <div>
              <dt>{t.dossier.category}</dt>
              <dd>{complaint.category ?? t.app.none}</dd>
            </div>
            <div>
              <dt>{t.dossier.rootCause}</dt>
              <dd>{complaint.rootCause ?? t.app.none}</dd>
            </div>
            <div>
              <dt>{t.dossier.outcome}</dt>
              <dd>
                {isOutcome(complaint.outcome)
                  ? t.outcome[complaint.outcome]
                  : (complaint.outcome ?? t.app.none)}
              </dd>
            </div>
          </>
        ) : null}
      </dl>
    </section>
  );
}
