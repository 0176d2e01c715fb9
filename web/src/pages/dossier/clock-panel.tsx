import type { Clock, PersonRef } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ClockRow } from './clock-row.tsx';

/** Every clock of the complaint with the server's own Dutch account of how its date was found. */
export function ClockPanel({ clocks, employees }: { clocks: Clock[]; employees: PersonRef[] }) {
  const { t } = useI18n();
  const ours = clocks.filter((c) => !c.informative);
  const informative = clocks.filter((c) => c.informative);
  return (
    <section className="card" aria-labelledby="clocks-title">
      <h2 id="clocks-title" className="card-title">
        {t.dossier.clocks}
      </h2>
      <ul className="clocks">
        {ours.map((clock) => (
          <ClockRow key={`${clock.kind}:${clock.subjectId ?? ''}`} clock={clock} employees={employees} />
        ))}
      </ul>
      {informative.length > 0 ? (
        <>
          <h3 className="subheading">{t.dossier.informativeClocks}</h3>
          <ul className="clocks">
            {informative.map((clock) => (
              <ClockRow key={`${clock.kind}:${clock.subjectId ?? ''}`} clock={clock} employees={employees} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
