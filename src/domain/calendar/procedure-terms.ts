import type { Term, TermUnit } from './terms.ts';

/** The terms of one version of an organisation's complaints procedure. */
export interface ProcedureTerms {
  /** Ontvangstbevestiging, counted from receipt. */
  readonly acknowledgment: Term;
  /** Bericht over ontbrekende informatie, counted from receipt. */
  readonly missingInformation: Term;
  /** Standpunt, counted from receipt. */
  readonly decision: Term;
  /** Reactie van een betrokkene bij wederhoor, counted from the request. */
  readonly hearingReaction: Term;
  /** Window for going to KiFiD, counted from the final position. */
  readonly kifidWindow: Term;
  /** Point after which KiFiD takes the complaint without a final position; informative. */
  readonly kifidNoPosition: Term;
}

export type ProcedureTermKey = keyof ProcedureTerms;

export const PROCEDURE_TERM_KEYS: readonly ProcedureTermKey[] = [
  'acknowledgment',
  'missingInformation',
  'decision',
  'hearingReaction',
  'kifidWindow',
  'kifidNoPosition',
];

const defaultTerm = (unit: TermUnit, amount: number): Term => Object.freeze({ unit, amount });

/** The defaults of the seed procedure (design §3, R2, R6, R7, R12). */
export const DEFAULT_PROCEDURE_TERMS: ProcedureTerms = Object.freeze({
  acknowledgment: defaultTerm('working-days', 3),
  missingInformation: defaultTerm('working-days', 10),
  decision: defaultTerm('months', 1),
  hearingReaction: defaultTerm('working-days', 5),
  kifidWindow: defaultTerm('months', 3),
  kifidNoPosition: defaultTerm('weeks', 8),
});

export const TERM_UNITS: readonly TermUnit[] = ['working-days', 'months', 'weeks'];

/** Upper bounds per unit: each is about a year, far beyond any complaints term in use. */
export const MAX_TERM_AMOUNT: Readonly<Record<TermUnit, number>> = Object.freeze({
  'working-days': 260,
  weeks: 52,
  months: 12,
});

export const TERM_LABELS: Readonly<Record<ProcedureTermKey, string>> = Object.freeze({
  acknowledgment: 'de ontvangstbevestiging',
  missingInformation: 'het bericht over ontbrekende informatie',
  decision: 'het standpunt',
  hearingReaction: 'de reactie bij wederhoor',
  kifidWindow: 'een klacht bij KiFiD na ons standpunt',
  kifidNoPosition: 'een klacht bij KiFiD zonder ons standpunt',
});

export type ProcedureTermsIssueCode =
  | 'terms.not-an-object'
  | 'terms.unknown-term'
  | 'term.missing'
  | 'term.not-an-object'
  | 'term.unknown-field'
  | 'term.unit-invalid'
  | 'term.amount-not-integer'
  | 'term.amount-too-small'
  | 'term.amount-too-large'
  | 'terms.acknowledgment-after-decision'
  | 'terms.missing-information-after-decision'
  | 'terms.decision-after-kifid-no-position';

export interface ProcedureTermsIssue {
  readonly code: ProcedureTermsIssueCode;
  /** Where the problem is, e.g. "decision.amount"; empty for the whole object. */
  readonly path: string;
  /** Dutch, for the administrator. */
  readonly message: string;
}

export type ProcedureTermsValidation =
  | { readonly ok: true; readonly terms: ProcedureTerms }
  | { readonly ok: false; readonly issues: readonly ProcedureTermsIssue[] };

const UNIT_WORDS: Readonly<Record<TermUnit, string>> = {
  'working-days': 'werkdagen',
  weeks: 'weken',
  months: 'maanden',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTermUnit(value: unknown): value is TermUnit {
  return typeof value === 'string' && (TERM_UNITS as readonly string[]).includes(value);
}

/**
 * A rough length in calendar days, only to compare terms of different units: a working week is
 * seven calendar days, a month the average Gregorian month. Near the border the comparison may go
 * either way; that is acceptable for refusing configurations that make no sense.
 */
export function approximateCalendarDays(term: Term): number {
  switch (term.unit) {
    case 'working-days':
      return (term.amount * 7) / 5;
    case 'weeks':
      return term.amount * 7;
    case 'months':
      return (term.amount * 365.2425) / 12;
    default:
      return Number.NaN;
  }
}

function describe(term: Term): string {
  if (term.amount === 1) {
    return term.unit === 'working-days' ? '1 werkdag' : term.unit === 'weeks' ? '1 week' : '1 maand';
  }
  return `${term.amount} ${UNIT_WORDS[term.unit]}`;
}

function checkTerm(key: ProcedureTermKey, value: unknown, issues: ProcedureTermsIssue[]): Term | null {
  const label = TERM_LABELS[key];
  if (value === undefined) {
    issues.push({ code: 'term.missing', path: key, message: `De termijn voor ${label} ontbreekt.` });
    return null;
  }
  if (!isRecord(value)) {
    issues.push({
      code: 'term.not-an-object',
      path: key,
      message: `De termijn voor ${label} moet een eenheid en een aantal hebben.`,
    });
    return null;
  }
  for (const field of Object.keys(value)) {
    if (field !== 'unit' && field !== 'amount') {
      issues.push({
        code: 'term.unknown-field',
        path: `${key}.${field}`,
        message: `De termijn voor ${label} kent het veld "${field}" niet.`,
      });
    }
  }
  const { unit, amount } = value;
  if (!isTermUnit(unit)) {
    issues.push({
      code: 'term.unit-invalid',
      path: `${key}.unit`,
      message: `De eenheid van de termijn voor ${label} moet werkdagen, weken of maanden zijn.`,
    });
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    issues.push({
      code: 'term.amount-not-integer',
      path: `${key}.amount`,
      message: `Het aantal voor ${label} moet een geheel getal zijn.`,
    });
    return null;
  }
  if (amount < 1) {
    issues.push({
      code: 'term.amount-too-small',
      path: `${key}.amount`,
      message: `Het aantal voor ${label} moet minstens 1 zijn.`,
    });
    return null;
  }
  if (!isTermUnit(unit)) return null;
  const max = MAX_TERM_AMOUNT[unit];
  if (amount > max) {
    issues.push({
      code: 'term.amount-too-large',
      path: `${key}.amount`,
      message: `De termijn voor ${label} mag hoogstens ${max} ${UNIT_WORDS[unit]} zijn.`,
    });
    return null;
  }
  return { unit, amount };
}

function checkOrder(
  earlierKey: ProcedureTermKey,
  earlier: Term | null,
  laterKey: ProcedureTermKey,
  later: Term | null,
  code: ProcedureTermsIssueCode,
  issues: ProcedureTermsIssue[],
): void {
  if (earlier === null || later === null) return;
  if (approximateCalendarDays(earlier) <= approximateCalendarDays(later)) return;
  issues.push({
    code,
    path: earlierKey,
    message: `De termijn voor ${TERM_LABELS[earlierKey]} (${describe(earlier)}) mag niet langer zijn dan de termijn voor ${TERM_LABELS[laterKey]} (${describe(later)}).`,
  });
}

/**
 * Checks an organisation's own terms (from configuration or a form) and returns them typed, or
 * every problem found, each with a stable code and a Dutch message.
 */
export function validateProcedureTerms(input: unknown): ProcedureTermsValidation {
  const issues: ProcedureTermsIssue[] = [];
  if (!isRecord(input)) {
    return {
      ok: false,
      issues: [
        {
          code: 'terms.not-an-object',
          path: '',
          message: 'De termijnen moeten als één geheel worden opgegeven.',
        },
      ],
    };
  }
  for (const key of Object.keys(input)) {
    if (!(PROCEDURE_TERM_KEYS as readonly string[]).includes(key)) {
      issues.push({ code: 'terms.unknown-term', path: key, message: `Onbekende termijn "${key}".` });
    }
  }
  const checked = {
    acknowledgment: checkTerm('acknowledgment', input['acknowledgment'], issues),
    missingInformation: checkTerm('missingInformation', input['missingInformation'], issues),
    decision: checkTerm('decision', input['decision'], issues),
    hearingReaction: checkTerm('hearingReaction', input['hearingReaction'], issues),
    kifidWindow: checkTerm('kifidWindow', input['kifidWindow'], issues),
    kifidNoPosition: checkTerm('kifidNoPosition', input['kifidNoPosition'], issues),
  };
  // An acknowledgment or a request for information after the decision is due cannot serve its purpose.
  checkOrder(
    'acknowledgment',
    checked.acknowledgment,
    'decision',
    checked.decision,
    'terms.acknowledgment-after-decision',
    issues,
  );
  checkOrder(
    'missingInformation',
    checked.missingInformation,
    'decision',
    checked.decision,
    'terms.missing-information-after-decision',
    issues,
  );
  // A decision term past KiFiD's point would let the complainant skip us while we are still in time.
  checkOrder(
    'decision',
    checked.decision,
    'kifidNoPosition',
    checked.kifidNoPosition,
    'terms.decision-after-kifid-no-position',
    issues,
  );
  const { acknowledgment, missingInformation, decision, hearingReaction, kifidWindow, kifidNoPosition } =
    checked;
  if (
    issues.length > 0 ||
    acknowledgment === null ||
    missingInformation === null ||
    decision === null ||
    hearingReaction === null ||
    kifidWindow === null ||
    kifidNoPosition === null
  ) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    terms: { acknowledgment, missingInformation, decision, hearingReaction, kifidWindow, kifidNoPosition },
  };
}
