export {
  addCalendarMonths,
  addDays,
  amsterdamDateOf,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  endOfAmsterdamDay,
  fromEpochDay,
  isLeapYear,
  isLocalDate,
  localDateFromParts,
  localDateParts,
  maxLocalDate,
  MAX_YEAR,
  MIN_YEAR,
  parseLocalDate,
  startOfAmsterdamDay,
  toEpochDay,
  yearOf,
} from './local-date.ts';
export type { IsoWeekday, LocalDate, LocalDateParts } from './local-date.ts';
export { easterSunday, FIRST_GREGORIAN_EASTER_YEAR } from './easter.ts';
export { ATW_ART_3_LID_1, ATW_ART_3_LID_2, koningsdagOf, legalHolidaysOf } from './legal-holidays.ts';
export type { LegalHoliday, LegalHolidayKey } from './legal-holidays.ts';
export {
  ATW_ART_3_LID_3,
  DECREES,
  decreeCovering,
  decreeDaysOf,
  isYearCoveredByDecree,
} from './decree-days.ts';
export type { Decree, DecreeDay } from './decree-days.ts';
export { createWorkingDayCalendar } from './working-day-calendar.ts';
export type {
  ClosingDay,
  NonWorkingDay,
  NonWorkingKind,
  NonWorkingReason,
  WorkingDayCalendar,
  WorkingDayCalendarOptions,
} from './working-day-calendar.ts';
export { addCalendarWeeks, addMonths, addTerm, addWeeks, addWorkingDays } from './terms.ts';
export type {
  AddTermOptions,
  CalendarTermResult,
  SkippedDay,
  Term,
  TermResult,
  TermUnit,
  WorkingDaysTermResult,
} from './terms.ts';
export {
  explainTerm,
  FINAL_POSITION_WORDING,
  formatDayList,
  formatDutchDate,
  HEARING_REQUEST_WORDING,
  joinDutch,
  MONTH_NAMES,
  RECEIPT_WORDING,
  WEEKDAY_ABBREVIATIONS,
} from './explain.ts';
export type { ExplainWording } from './explain.ts';
export {
  approximateCalendarDays,
  DEFAULT_PROCEDURE_TERMS,
  MAX_TERM_AMOUNT,
  PROCEDURE_TERM_KEYS,
  TERM_LABELS,
  TERM_UNITS,
  validateProcedureTerms,
} from './procedure-terms.ts';
export type {
  ProcedureTermKey,
  ProcedureTerms,
  ProcedureTermsIssue,
  ProcedureTermsIssueCode,
  ProcedureTermsValidation,
} from './procedure-terms.ts';
export {
  computeDeadline,
  computeDeadlines,
  computeHearingReactionDue,
  computeKifidWindowEnd,
} from './deadlines.ts';
export type { ComputedDeadlines, ComputeDeadlineOptions, Deadline, ReceiptDeadlineKey } from './deadlines.ts';
