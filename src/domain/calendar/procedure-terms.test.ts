import { describe, expect, it } from 'vitest';
import {
  approximateCalendarDays,
  DEFAULT_PROCEDURE_TERMS,
  validateProcedureTerms,
  type ProcedureTermsIssue,
} from './procedure-terms.ts';

function issuesOf(input: unknown): ReadonlyArray<Pick<ProcedureTermsIssue, 'code' | 'path'>> {
  const result = validateProcedureTerms(input);
  return result.ok ? [] : result.issues.map(({ code, path }) => ({ code, path }));
}

function messagesOf(input: unknown): readonly string[] {
  const result = validateProcedureTerms(input);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

const withTerm = (key: string, value: unknown): Record<string, unknown> => ({
  ...DEFAULT_PROCEDURE_TERMS,
  [key]: value,
});

describe('default procedure terms', () => {
  it('are the seed procedure’s', () => {
    expect(DEFAULT_PROCEDURE_TERMS).toEqual({
      acknowledgment: { unit: 'working-days', amount: 3 },
      missingInformation: { unit: 'working-days', amount: 10 },
      decision: { unit: 'months', amount: 1 },
      hearingReaction: { unit: 'working-days', amount: 5 },
      kifidWindow: { unit: 'months', amount: 3 },
      kifidNoPosition: { unit: 'weeks', amount: 8 },
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_PROCEDURE_TERMS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PROCEDURE_TERMS.decision)).toBe(true);
  });

  it('pass their own validation', () => {
    expect(validateProcedureTerms(DEFAULT_PROCEDURE_TERMS)).toEqual({
      ok: true,
      terms: DEFAULT_PROCEDURE_TERMS,
    });
  });
});

describe('validateProcedureTerms', () => {
  it('accepts an organisation’s own sensible terms and returns a clean copy', () => {
    const own = {
      acknowledgment: { unit: 'working-days', amount: 2 },
      missingInformation: { unit: 'weeks', amount: 2 },
      decision: { unit: 'weeks', amount: 6 },
      hearingReaction: { unit: 'working-days', amount: 10 },
      kifidWindow: { unit: 'months', amount: 3 },
      kifidNoPosition: { unit: 'weeks', amount: 8 },
    };
    const result = validateProcedureTerms(own);
    expect(result).toEqual({ ok: true, terms: own });
    expect(result.ok && result.terms.decision).not.toBe(own.decision);
  });

  it.each([
    [null, 'terms.not-an-object', ''],
    ['3 werkdagen', 'terms.not-an-object', ''],
    [[], 'terms.not-an-object', ''],
  ])('refuses %j as a whole', (input, code, path) => {
    expect(issuesOf(input)).toEqual([{ code, path }]);
  });

  it.each([
    ['missing term', withTerm('decision', undefined), 'term.missing', 'decision'],
    ['term as a number', withTerm('decision', 1), 'term.not-an-object', 'decision'],
    [
      'unknown unit',
      withTerm('decision', { unit: 'days', amount: 30 }),
      'term.unit-invalid',
      'decision.unit',
    ],
    ['unit missing', withTerm('acknowledgment', { amount: 3 }), 'term.unit-invalid', 'acknowledgment.unit'],
    [
      'fraction',
      withTerm('acknowledgment', { unit: 'working-days', amount: 2.5 }),
      'term.amount-not-integer',
      'acknowledgment.amount',
    ],
    [
      'number as text',
      withTerm('acknowledgment', { unit: 'working-days', amount: '3' }),
      'term.amount-not-integer',
      'acknowledgment.amount',
    ],
    [
      'NaN',
      withTerm('acknowledgment', { unit: 'working-days', amount: Number.NaN }),
      'term.amount-not-integer',
      'acknowledgment.amount',
    ],
    [
      'Infinity',
      withTerm('hearingReaction', { unit: 'working-days', amount: Number.POSITIVE_INFINITY }),
      'term.amount-not-integer',
      'hearingReaction.amount',
    ],
    [
      'zero',
      withTerm('hearingReaction', { unit: 'working-days', amount: 0 }),
      'term.amount-too-small',
      'hearingReaction.amount',
    ],
    [
      'negative',
      withTerm('hearingReaction', { unit: 'working-days', amount: -5 }),
      'term.amount-too-small',
      'hearingReaction.amount',
    ],
    [
      'more than a year of working days',
      withTerm('hearingReaction', { unit: 'working-days', amount: 261 }),
      'term.amount-too-large',
      'hearingReaction.amount',
    ],
    [
      'more than a year of months',
      withTerm('kifidWindow', { unit: 'months', amount: 13 }),
      'term.amount-too-large',
      'kifidWindow.amount',
    ],
    [
      'extra field',
      withTerm('hearingReaction', { unit: 'working-days', amount: 5, roll: false }),
      'term.unknown-field',
      'hearingReaction.roll',
    ],
  ])('%s', (_, input, code, path) => {
    expect(issuesOf(input)).toEqual([{ code, path }]);
  });

  it('refuses unknown terms', () => {
    expect(
      issuesOf({ ...DEFAULT_PROCEDURE_TERMS, cancellation: { unit: 'working-days', amount: 5 } }),
    ).toEqual([{ code: 'terms.unknown-term', path: 'cancellation' }]);
  });

  it('is not fooled by __proto__', () => {
    const input: unknown = JSON.parse(
      '{"__proto__":{"unit":"weeks","amount":1},"acknowledgment":{"unit":"working-days","amount":3}}',
    );
    const codes = issuesOf(input).map((issue) => issue.code);
    expect(codes).toContain('terms.unknown-term');
    expect(codes).toContain('term.missing');
  });

  it.each([
    [
      'an acknowledgment after the decision',
      { acknowledgment: { unit: 'working-days', amount: 25 } },
      'terms.acknowledgment-after-decision',
      'acknowledgment',
    ],
    [
      'a missing-information notice after the decision',
      { missingInformation: { unit: 'weeks', amount: 5 } },
      'terms.missing-information-after-decision',
      'missingInformation',
    ],
    [
      'a decision after KiFiD would already take the complaint',
      { decision: { unit: 'months', amount: 3 } },
      'terms.decision-after-kifid-no-position',
      'decision',
    ],
  ])('refuses %s', (_, change, code, path) => {
    expect(issuesOf({ ...DEFAULT_PROCEDURE_TERMS, ...change })).toEqual([{ code, path }]);
  });

  it('allows equal lengths: an acknowledgment of 1 month with a decision of 1 month', () => {
    expect(
      validateProcedureTerms({ ...DEFAULT_PROCEDURE_TERMS, acknowledgment: { unit: 'months', amount: 1 } })
        .ok,
    ).toBe(true);
  });

  it('compares across units by approximate length', () => {
    // 21 working days ≈ 29.4 days fits in a month; 22 ≈ 30.8 does not.
    expect(approximateCalendarDays({ unit: 'working-days', amount: 21 })).toBeCloseTo(29.4);
    expect(approximateCalendarDays({ unit: 'months', amount: 1 })).toBeCloseTo(30.44, 2);
    expect(
      validateProcedureTerms({
        ...DEFAULT_PROCEDURE_TERMS,
        acknowledgment: { unit: 'working-days', amount: 21 },
      }).ok,
    ).toBe(true);
    expect(
      validateProcedureTerms({
        ...DEFAULT_PROCEDURE_TERMS,
        acknowledgment: { unit: 'working-days', amount: 22 },
      }).ok,
    ).toBe(false);
    // 8 weeks = 56 days against 2 months ≈ 60.9: refused; 40 working days = 56 days: allowed
    expect(
      validateProcedureTerms({ ...DEFAULT_PROCEDURE_TERMS, decision: { unit: 'months', amount: 2 } }).ok,
    ).toBe(false);
    expect(
      validateProcedureTerms({ ...DEFAULT_PROCEDURE_TERMS, decision: { unit: 'working-days', amount: 40 } })
        .ok,
    ).toBe(true);
  });

  it('reports every problem at once', () => {
    const codes = issuesOf({
      acknowledgment: { unit: 'hours', amount: 0 },
      missingInformation: { unit: 'working-days', amount: 10 },
      decision: { unit: 'months', amount: 1 },
      kifidWindow: { unit: 'months', amount: 3.5 },
      kifidNoPosition: { unit: 'weeks', amount: 8 },
    }).map((issue) => issue.code);
    expect(codes).toEqual([
      'term.unit-invalid',
      'term.amount-too-small',
      'term.missing',
      'term.amount-not-integer',
    ]);
  });

  it('speaks Dutch to the administrator', () => {
    expect(messagesOf(withTerm('decision', undefined))).toEqual(['De termijn voor het standpunt ontbreekt.']);
    expect(messagesOf(withTerm('kifidWindow', { unit: 'months', amount: 13 }))).toEqual([
      'De termijn voor een klacht bij KiFiD na ons standpunt mag hoogstens 12 maanden zijn.',
    ]);
    expect(
      messagesOf({ ...DEFAULT_PROCEDURE_TERMS, acknowledgment: { unit: 'working-days', amount: 25 } }),
    ).toEqual([
      'De termijn voor de ontvangstbevestiging (25 werkdagen) mag niet langer zijn dan de termijn voor het standpunt (1 maand).',
    ]);
    expect(messagesOf(withTerm('decision', { unit: 'days', amount: 30 }))).toEqual([
      'De eenheid van de termijn voor het standpunt moet werkdagen, weken of maanden zijn.',
    ]);
  });
});
