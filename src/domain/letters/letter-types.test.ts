import { describe, expect, it } from 'vitest';
import { DECISION_LETTER_ELEMENTS } from '../procedure/decision-letter.ts';
import { COMPLETE } from './letter-fixtures.ts';
import { COMMON_REQUIRED_FIELDS, LETTER_TYPE_SPECS, LETTER_TYPES, type LetterType } from './letter-types.ts';

const COMMON_KEYS = [
  'reference',
  'yourReference',
  'letterDate',
  'place',
  'recipient',
  'salutation',
  'signer',
];

describe('letter types', () => {
  it.each(LETTER_TYPES)('%s names every field of its content as required or optional, once', (type) => {
    const spec = LETTER_TYPE_SPECS[type];
    const named = [...spec.required, ...spec.optional].map((field) => field.name as string);
    expect(new Set(named).size).toBe(named.length);
    const contentFields = Object.keys(COMPLETE[type]).filter((key) => !COMMON_KEYS.includes(key));
    expect(named.toSorted()).toEqual(contentFields.toSorted());
  });

  it.each(LETTER_TYPES)('%s has Dutch and English labels and a rule for every field', (type) => {
    for (const field of [...LETTER_TYPE_SPECS[type].required, ...LETTER_TYPE_SPECS[type].optional]) {
      expect(field.label.nl.trim()).not.toBe('');
      expect(field.label.en.trim()).not.toBe('');
      expect(field.rule).toMatch(/^(R\d+( [a-g])?|practice)$/);
    }
  });

  it('has the six elements of R2 in the acknowledgment, in order', () => {
    expect(LETTER_TYPE_SPECS.acknowledgment.required.map((f) => f.rule)).toEqual([
      'R2 a',
      'R2 b',
      'R2 c',
      'R2 d',
      'R2 e',
      'R2 f',
    ]);
  });

  it('takes the seven elements of R8 from the procedure’s decision letter', () => {
    expect(LETTER_TYPE_SPECS.decision.required.map((f) => [f.name, f.rule])).toEqual(
      DECISION_LETTER_ELEMENTS.map((e) => [e.field, `R8 ${e.element}`]),
    );
  });

  it.each([
    ['acknowledgment', 'complainant'],
    ['decision', 'complainant'],
    ['hearing_request', 'employee'],
    ['hearing_statement', 'employee'],
    ['insurer_notification', 'insurer'],
    ['insurer_consultation_record', 'insurer'],
    ['cancellation_confirmation', 'customer'],
  ] as Array<[LetterType, string]>)('sends %s to the %s', (type, kind) => {
    expect(LETTER_TYPE_SPECS[type].recipientKind).toBe(kind);
  });

  it('requires the common parts of every letter', () => {
    expect(COMMON_REQUIRED_FIELDS.map((f) => f.name)).toEqual([
      'reference',
      'letterDate',
      'place',
      'recipient.name',
      'signer.name',
    ]);
  });

  it('marks only the meeting letters as carrying a calendar event, and only the statement as countersigned', () => {
    expect(LETTER_TYPES.filter((t) => LETTER_TYPE_SPECS[t].calendarEvent)).toEqual([
      'meeting_invitation',
      'meeting_confirmation',
    ]);
    expect(LETTER_TYPES.filter((t) => LETTER_TYPE_SPECS[t].countersign)).toEqual(['hearing_statement']);
  });
});
