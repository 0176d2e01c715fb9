import { formatDutchDate } from '../../domain/calendar/explain.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';

const PERCENT = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export const percent = (share: number | null): string => (share === null ? '–' : PERCENT.format(share));
export const decimal = (value: number | null): string => (value === null ? '–' : DECIMAL.format(value));
export const dutchDate = (date: LocalDate): string => formatDutchDate(date);

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** `2026-03` → `mrt`. */
export const monthAbbreviation = (month: string): string => MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
