import { api } from './client.ts';

/** The report answers of /api/v1/reports (see docs/reports.md for what each figure counts). */
export interface ClockShare {
  onTime: number;
  late: number;
  missed: number;
  open: number;
  notApplicable: number;
  settled: number;
  share: number | null;
}

export const PROMISES = [
  'acknowledgment',
  'missingInformation',
  'decisionWithinTerm',
  'decisionByTarget',
  'delayNotice',
] as const;
export type ReportPromise = (typeof PROMISES)[number];

export interface TimelinessFigures {
  complaints: number;
  clocks: Record<ReportPromise, ClockShare>;
  handlingTime: { count: number; medianDays: number | null; p90Days: number | null };
}

export interface TimelinessReport {
  from: string;
  to: string;
  computedAt: string;
  overall: TimelinessFigures;
  groups: Record<string, Array<{ key: string | null; label: string | null; figures: TimelinessFigures }>>;
}

export interface KeyedCount {
  key: string | null;
  label: string | null;
  count: number;
}

export interface OutcomesReport {
  from: string;
  to: string;
  complaints: number;
  outcomes: Record<'gegrond' | 'deels_gegrond' | 'ongegrond' | 'ingetrokken' | 'none', number>;
  categories: KeyedCount[];
  rootCauses: KeyedCount[];
  recurrenceRule: { threshold: number; windowDays: number };
  recurringCauses: Array<{
    key: string;
    label: string;
    total: number;
    peak: { count: number; from: string; to: string };
    references: string[];
    recurring: boolean;
  }>;
  kifid: { referred: number; pending: number; byOutcome: Record<string, number> };
}

export interface Period {
  from: string;
  to: string;
}

export const reports = {
  timeliness: (period: Period) =>
    api.request<TimelinessReport>('GET', '/reports/timeliness', {
      query: { ...period, groupBy: ['month', 'handler'] },
    }),
  outcomes: (period: Period) =>
    api.request<OutcomesReport>('GET', '/reports/outcomes', { query: { ...period } }),
  registerPath: (period: Period, format: 'csv' | 'xlsx') =>
    `/reports/register/export?format=${format}&from=${period.from}&to=${period.to}`,
  annualPath: (year: number) => `/reports/annual?year=${year}`,
};
