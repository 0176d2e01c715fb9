import { useState } from 'react';
import { PROMISES, reports, type OutcomesReport, type TimelinessReport } from '../../api/reports.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { amsterdamToday, formatLocalDate } from '../../lib/dates.ts';
import { downloadFromApi } from '../../lib/download.ts';
import { useAsync } from '../../lib/use-async.ts';
import { BarList } from './bar-list.tsx';
import { TimelinessTable } from './timeliness-table.tsx';

/** Whole years, this one up to today; the register and the figures cover the same period. */
function periodOf(year: number, today: string) {
  const thisYear = Number(today.slice(0, 4));
  return { from: `${year}-01-01`, to: year === thisYear ? today : `${year}-12-31` };
}

/**
 * Timeliness and outcomes for coordinators and auditors, from /api/v1/reports: the share of each
 * promise kept, handling time, outcomes and causes (recurring ones marked), and the downloads.
 */
export function ReportsSection() {
  const { t, locale } = useI18n();
  const today = amsterdamToday();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const period = periodOf(year, today);
  const state = useAsync(async (): Promise<{ timeliness: TimelinessReport; outcomes: OutcomesReport }> => {
    const [timeliness, outcomes] = await Promise.all([reports.timeliness(period), reports.outcomes(period)]);
    return { timeliness, outcomes };
  }, [period.from, period.to]);
  const percent = (share: number | null) =>
    share === null
      ? t.app.none
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const days = (value: number | null) =>
    value === null ? t.app.none : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  const data = state.data;
  const r = t.reports;

  return (
    <section className="card card-pad" aria-labelledby="reports-title">
      <h2 id="reports-title" className="card-title">
        {r.title}
      </h2>
      <div className="filters" role="group" aria-label={r.title}>
        <Field label={r.year} className="field-inline">
          {(props) => (
            <select {...props} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {[0, 1, 2, 3].map((back) => (
                <option key={back} value={thisYear - back}>
                  {thisYear - back}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div role="group" aria-label={r.downloads} className="filters">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void downloadFromApi(reports.registerPath(period, 'csv'), 'klachtenregister.csv')}
          >
            {r.registerCsv}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              void downloadFromApi(reports.registerPath(period, 'xlsx'), 'klachtenregister.xlsx')
            }
          >
            {r.registerXlsx}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void downloadFromApi(reports.annualPath(year), `klachtenjaarverslag-${year}.pdf`)}
          >
            {r.annualPdf(year)}
          </button>
        </div>
      </div>
      <p className="muted small">
        {r.intro(formatLocalDate(period.from, locale, false), formatLocalDate(period.to, locale, false))}{' '}
        {r.downloadNote}
      </p>
      {state.error ? <ErrorNotice error={state.error} onRetry={state.reload} /> : null}
      {!data ? (
        state.error ? null : (
          <LoadingState />
        )
      ) : data.timeliness.overall.complaints === 0 ? (
        <p className="muted">{r.empty}</p>
      ) : (
        <>
          <div className="kpis">
            <div className="kpi">
              <span className="kpi-value">{data.timeliness.overall.complaints}</span>
              <span className="kpi-label">{r.complaints}</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">
                {percent(data.timeliness.overall.clocks.decisionWithinTerm.share)}
              </span>
              <span className="kpi-label">{r.promise.decisionWithinTerm}</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{days(data.timeliness.overall.handlingTime.medianDays)}</span>
              <span className="kpi-label">{r.median}</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{days(data.timeliness.overall.handlingTime.p90Days)}</span>
              <span className="kpi-label">{r.p90}</span>
            </div>
          </div>
          <div className="grid-2">
            <section aria-labelledby="promises-title">
              <h3 id="promises-title" className="card-title">
                {r.promises}
              </h3>
              <BarList
                label={r.promises}
                max={1}
                rows={PROMISES.map((p) => {
                  const share = data.timeliness.overall.clocks[p];
                  return {
                    key: p,
                    label: `${r.promise[p]} (${r.settled(share.onTime, share.settled)})`,
                    value: share.share ?? 0,
                    display: percent(share.share),
                  };
                })}
              />
            </section>
            <section aria-labelledby="outcomes-title">
              <h3 id="outcomes-title" className="card-title">
                {r.outcomes}
              </h3>
              <BarList
                label={r.outcomes}
                rows={(['gegrond', 'deels_gegrond', 'ongegrond', 'ingetrokken', 'none'] as const).map(
                  (o) => ({
                    key: o,
                    label: r.outcome[o],
                    value: data.outcomes.outcomes[o],
                  }),
                )}
              />
              <p className="muted small">
                {r.kifid(data.outcomes.kifid.referred, data.outcomes.kifid.pending)}
              </p>
            </section>
            <section aria-labelledby="categories-title">
              <h3 id="categories-title" className="card-title">
                {r.categories}
              </h3>
              <BarList
                label={r.categories}
                rows={data.outcomes.categories.slice(0, 8).map((c) => ({
                  key: c.key ?? '',
                  label: c.label ?? r.notFilled,
                  value: c.count,
                }))}
              />
            </section>
            <section aria-labelledby="causes-title">
              <h3 id="causes-title" className="card-title">
                {r.rootCauses}
              </h3>
              <BarList
                label={r.rootCauses}
                rows={data.outcomes.rootCauses.slice(0, 8).map((c) => {
                  const recurring = data.outcomes.recurringCauses.some(
                    (rc) => rc.key === c.key && rc.recurring,
                  );
                  return {
                    key: c.key ?? '',
                    label: `${c.label ?? r.notFilled}${recurring ? ` · ${r.recurring}` : ''}`,
                    value: c.count,
                  };
                })}
              />
              <p className="muted small">
                {r.recurringRule(
                  data.outcomes.recurrenceRule.threshold,
                  data.outcomes.recurrenceRule.windowDays,
                )}
              </p>
            </section>
          </div>
          <div className="grid-2">
            <TimelinessTable
              title={r.perMonth}
              keyLabel={r.month}
              groups={data.timeliness.groups['month'] ?? []}
              percent={percent}
              days={days}
            />
            <TimelinessTable
              title={r.perHandler}
              keyLabel={r.handler}
              groups={(data.timeliness.groups['handler'] ?? []).map((g) => ({
                ...g,
                label: g.label ?? r.noHandler,
              }))}
              percent={percent}
              days={days}
            />
          </div>
        </>
      )}
    </section>
  );
}
