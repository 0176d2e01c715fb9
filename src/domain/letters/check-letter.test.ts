import { describe, expect, it } from 'vitest';
import { checkLetter } from './check-letter.ts';
import { AFFILIATION_NUMBER, COMPLETE, day, ORGANISATION } from './letter-fixtures.ts';
import { COMMON_REQUIRED_FIELDS, LETTER_TYPE_SPECS, LETTER_TYPES, type LetterType } from './letter-types.ts';

function without(content: object, path: string, empty: unknown): object {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const record = content as Record<string, unknown>;
  if (tail === undefined) return { ...record, [head]: empty };
  return { ...record, [head]: { ...(record[head] as object), [tail]: empty } };
}

function check(type: LetterType, content: object, affiliation: string | null = AFFILIATION_NUMBER) {
  return checkLetter(type, content as never, { kifidAffiliationNumber: affiliation });
}

function emptyValuesFor(kind: string): unknown[] {
  if (kind === 'list') return [[], ['  ', '']];
  if (kind === 'date' || kind === 'disputesBody') return [null];
  return [null, '', '   \n\t '];
}

const REQUIRED_CASES = LETTER_TYPES.flatMap((type) =>
  LETTER_TYPE_SPECS[type].required.flatMap((field) =>
    emptyValuesFor(field.kind).map((empty) => ({ type, field: field.name, label: field.label.nl, empty })),
  ),
);

describe('checkLetter', () => {
  it.each(LETTER_TYPES)('accepts the complete %s', (type) => {
    expect(check(type, COMPLETE[type])).toEqual([]);
  });

  it.each(REQUIRED_CASES)('$type: names a missing $field ($empty)', ({ type, field, label, empty }) => {
    const found = check(type, without(COMPLETE[type], field, empty));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'letter_element_missing', field });
    expect(found[0]?.message).toContain(label);
    expect(found[0]?.message).toMatch(/ mist /);
  });

  it.each(
    LETTER_TYPES.flatMap((type) =>
      COMMON_REQUIRED_FIELDS.map((field) => ({ type, field: field.name, label: field.label.nl })),
    ),
  )('$type: names a missing common part $field', ({ type, field, label }) => {
    const found = check(type, without(COMPLETE[type], field, field === 'letterDate' ? null : ' '));
    expect(found.map((p) => p.field)).toEqual([field]);
    expect(found[0]?.message).toBe(`${LETTER_TYPE_SPECS[type].noun.nl} mist ${label}.`);
  });

  it('names every missing element at once, each with its rule', () => {
    const found = check('acknowledgment', {
      ...COMPLETE.acknowledgment,
      receivedDate: null,
      complaintSummary: '',
      investigationMethod: ' ',
      expectedContactDate: null,
      handlerName: null,
      contactDetails: '',
    });
    expect(found.map((p) => p.rule)).toEqual(['R2 a', 'R2 b', 'R2 c', 'R2 d', 'R2 e', 'R2 f']);
    expect(found[4]?.message).toBe('De ontvangstbevestiging mist de naam van de behandelaar.');
  });

  describe('the decision letter (delegated to the R8/R9 check)', () => {
    it('refuses a placeholder affiliation number in the organisation (R9)', () => {
      const found = check('decision', COMPLETE.decision, 'n.n.b.');
      expect(found).toEqual([
        expect.objectContaining({
          code: 'letter_element_missing',
          field: 'disputesBody.affiliationNumber',
          rule: 'R9',
        }),
      ]);
      expect(found[0]?.message).toContain('aansluitnummer');
    });

    it('refuses a placeholder affiliation number in the letter (R9)', () => {
      const found = check('decision', without(COMPLETE.decision, 'disputesBody.affiliationNumber', 'n.n.b.'));
      expect(found.map((p) => [p.code, p.rule])).toEqual([['letter_element_missing', 'R9']]);
    });

    it('refuses an affiliation number that is not the organisation’s', () => {
      const found = check(
        'decision',
        without(COMPLETE.decision, 'disputesBody.affiliationNumber', '300.009999'),
      );
      expect(found.map((p) => p.code)).toEqual(['letter_element_invalid']);
    });

    it.each(['name', 'postalAddress', 'postalCodeCity', 'phone', 'email', 'website', 'term'])(
      'names a missing KiFiD %s',
      (part) => {
        const found = check('decision', without(COMPLETE.decision, `disputesBody.${part}`, ''));
        expect(found).toEqual([
          expect.objectContaining({
            code: 'letter_element_missing',
            field: `disputesBody.${part}`,
            rule: 'R8 g',
          }),
        ]);
      },
    );

    it('refuses a KiFiD sentence that does not name the three months', () => {
      const found = check(
        'decision',
        without(
          COMPLETE.decision,
          'disputesBody.term',
          'U kunt naar KiFiD als u het niet met ons eens bent.',
        ),
      );
      expect(found).toEqual([
        expect.objectContaining({ code: 'letter_element_invalid', field: 'disputesBody.term' }),
      ]);
    });

    it('accepts "3 maanden" and the English sentence', () => {
      for (const term of ['binnen 3 maanden na dit standpunt', 'within three months of this position']) {
        expect(check('decision', without(COMPLETE.decision, 'disputesBody.term', term))).toEqual([]);
      }
    });
  });

  describe('values that are there but unusable', () => {
    it('refuses a date that does not exist', () => {
      const found = check('delay_notice', { ...COMPLETE.delay_notice, newDate: '2026-02-30' });
      expect(found).toEqual([expect.objectContaining({ code: 'letter_element_invalid', field: 'newDate' })]);
    });

    it('refuses a deadline before the date of the letter', () => {
      const found = check('information_request', {
        ...COMPLETE.information_request,
        answerBy: day('2026-03-03'),
      });
      expect(found).toEqual([expect.objectContaining({ code: 'letter_element_invalid', field: 'answerBy' })]);
      expect(found[0]?.message).toContain('vóór de datum van de brief');
    });

    it('refuses an optional deadline before the date of the letter too', () => {
      const found = check('meeting_invitation', {
        ...COMPLETE.meeting_invitation,
        respondBy: day('2026-03-01'),
      });
      expect(found.map((p) => p.field)).toEqual(['respondBy']);
    });

    it('treats an empty optional field as absent', () => {
      expect(
        check('meeting_invitation', { ...COMPLETE.meeting_invitation, respondBy: null, topic: ' ' }),
      ).toEqual([]);
    });

    it.each([
      ['14.00', 'startTime'],
      ['25:00', 'startTime'],
    ])('refuses the time %s', (time, field) => {
      const found = check('meeting_invitation', { ...COMPLETE.meeting_invitation, [field]: time });
      expect(found).toEqual([expect.objectContaining({ code: 'letter_element_invalid', field })]);
    });

    it('refuses a meeting that ends before it starts', () => {
      const found = check('meeting_confirmation', { ...COMPLETE.meeting_confirmation, endTime: '13:30' });
      expect(found).toEqual([expect.objectContaining({ code: 'letter_element_invalid', field: 'endTime' })]);
    });
  });

  it('uses the organisation only for the decision letter', () => {
    expect(check('acknowledgment', COMPLETE.acknowledgment, 'n.n.b.')).toEqual([]);
    expect(checkLetter('acknowledgment', COMPLETE.acknowledgment, ORGANISATION)).toEqual([]);
  });
});
