import type { DossierEvent } from '../../api/types.ts';
import type { ActionName } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/dates.ts';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The first event whose previousHash is not the hash before it (a quick look; verify-log is the real check). */
function firstBreak(events: DossierEvent[]): number | null {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.previousHash !== events[i - 1]!.hash) return events[i]!.sequence;
  }
  return null;
}

/** The hash-chained log, folded away by default: it is for audits, not for daily work. */
export function EventLog({ events, names }: { events: DossierEvent[]; names: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  const broken = firstBreak(events);
  const describe = (event: DossierEvent): string => {
    const label = t.events[event.type] ?? event.type;
    if (event.type !== 'complaint.action_refused') return label;
    const data = record(event.data);
    const action = typeof data['action'] === 'string' ? (data['action'] as ActionName) : null;
    const codes = Array.isArray(data['refusals'])
      ? (data['refusals'] as unknown[]).map((r) => String(record(r)['code'])).join(', ')
      : '';
    const step = action ? (t.steps.label[action] ?? action) : '';
    return `${label}: ${step}${codes ? ` (${codes})` : ''}`;
  };
  const actorOf = (event: DossierEvent): string => {
    if (event.actor.kind === 'user') return (event.actor.id && names.get(event.actor.id)) || t.app.none;
    if (event.actor.kind === 'complainant') return t.dossier.actorComplainant;
    if (event.actor.kind === 'api') return t.dossier.actorApi;
    return t.dossier.actorSystem;
  };
  return (
    <details className="card event-log">
      <summary>
        <h2 className="card-title">{t.dossier.events}</h2>
        <span className="muted small">{t.dossier.eventsShow(events.length)}</span>
      </summary>
      <p className="muted small">{t.dossier.eventsIntro}</p>
      <p className={broken === null ? 'chain chain-ok' : 'chain chain-broken'}>
        {broken === null ? t.dossier.chainLinked : t.dossier.chainBroken(broken)}
      </p>
      {/* Focusable so the keyboard can scroll it sideways on a narrow screen. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t.dossier.events}>
        <table className="table table-compact table-log">
          <thead>
            <tr>
              <th scope="col">{t.dossier.sequence}</th>
              <th scope="col">{t.dossier.when}</th>
              <th scope="col">{t.dossier.event}</th>
              <th scope="col">{t.dossier.actor}</th>
              <th scope="col">{t.dossier.fingerprint}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr
                key={event.id}
                className={event.type === 'complaint.action_refused' ? 'row-refused' : undefined}
              >
                <td className="nowrap">{event.sequence}</td>
                <td className="nowrap">{formatDateTime(event.occurredAt, locale)}</td>
                <td>{describe(event)}</td>
                <td>{actorOf(event)}</td>
                <td>
                  <code className="hash" title={event.hash}>
                    {event.hash.slice(0, 10)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
