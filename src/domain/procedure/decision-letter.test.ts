import { describe, expect, it } from 'vitest';
import { evaluateAction } from './decide-action.ts';
import {
  checkDecisionLetter,
  type DecisionLetterContent,
  type DisputesBodyBlock,
} from './decision-letter.ts';
import { AFFILIATION_NUMBER, completeLetter, day, env, inStatus, refusalsOf } from './snapshot-fixtures.ts';

const organisation = { kifidAffiliationNumber: AFFILIATION_NUMBER };

function codesAndElements(
  letter: DecisionLetterContent,
  kifidAffiliationNumber: string | null = AFFILIATION_NUMBER,
) {
  return checkDecisionLetter(letter, { kifidAffiliationNumber }).map((r) =>
    r.details === undefined ? r.code : `${r.code}:${r.details['element']}:${r.details['field']}`,
  );
}

function block(overrides: Partial<DisputesBodyBlock>): DisputesBodyBlock {
  const complete = completeLetter().disputesBody;
  if (complete === null) throw new Error('fixture without disputes body');
  return { ...complete, ...overrides };
}

describe('the decision letter (R8, R9)', () => {
  it('accepts a complete letter', () => {
    expect(checkDecisionLetter(completeLetter(), organisation)).toEqual([]);
  });

  it.each([
    {
      element: 'a',
      field: 'receivedDate',
      letter: completeLetter({ receivedDate: null }),
      what: 'de datum waarop de klacht werd ontvangen',
    },
    {
      element: 'b',
      field: 'complaintSummary',
      letter: completeLetter({ complaintSummary: '' }),
      what: 'een korte omschrijving van de klacht',
    },
    {
      element: 'c',
      field: 'investigationResults',
      letter: completeLetter({ investigationResults: null }),
      what: 'de resultaten van het onderzoek',
    },
    {
      element: 'd',
      field: 'judgment',
      letter: completeLetter({ judgment: '   ' }),
      what: 'ons oordeel over de klacht',
    },
    {
      element: 'e',
      field: 'followUpActions',
      letter: completeLetter({ followUpActions: null }),
      what: 'vervolgacties',
    },
    {
      element: 'f',
      field: 'furtherContact',
      letter: completeLetter({ furtherContact: '\n' }),
      what: 'verder contact',
    },
    {
      element: 'g',
      field: 'disputesBody',
      letter: completeLetter({ disputesBody: null }),
      what: 'de geschilleninstantie (KiFiD)',
    },
  ])('names a missing ($element) $field', ({ element, field, letter, what }) => {
    const found = checkDecisionLetter(letter, organisation);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'decision_letter_incomplete', details: { element, field } });
    expect(found[0]?.message).toMatch(/^De brief met ons oordeel mist /);
    expect(found[0]?.message).toContain(what);
  });

  it.each([
    ['name', 'de naam'],
    ['postalAddress', 'het postadres'],
    ['postalCodeCity', 'de postcode en plaats'],
    ['phone', 'het telefoonnummer'],
    ['email', 'het e-mailadres'],
    ['website', 'de website'],
    ['term', 'drie maanden'],
  ] as const)('names a missing %s in the disputes body block', (field, what) => {
    const found = checkDecisionLetter(completeLetter({ disputesBody: block({ [field]: '' }) }), organisation);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: 'decision_letter_incomplete',
      details: { element: 'g', field: `disputesBody.${field}` },
    });
    expect(found[0]?.message).toContain(what);
  });

  it('lists every missing element at once', () => {
    const empty: DecisionLetterContent = {
      receivedDate: null,
      complaintSummary: null,
      investigationResults: null,
      judgment: null,
      followUpActions: null,
      furtherContact: null,
      disputesBody: null,
    };
    expect(codesAndElements(empty)).toEqual([
      'decision_letter_incomplete:a:receivedDate',
      'decision_letter_incomplete:b:complaintSummary',
      'decision_letter_incomplete:c:investigationResults',
      'decision_letter_incomplete:d:judgment',
      'decision_letter_incomplete:e:followUpActions',
      'decision_letter_incomplete:f:furtherContact',
      'decision_letter_incomplete:g:disputesBody',
    ]);
  });

  it.each([null, '', 'n.n.b.', 'N.N.B', 'nader te bepalen', '???', 'xxx'])(
    'refuses the organisation affiliation number %j',
    (value) => {
      expect(codesAndElements(completeLetter(), value)).toEqual(['affiliation_number_missing']);
    },
  );

  it.each([null, 'n.n.b.', ' '])('refuses the affiliation number %j in the letter', (value) => {
    expect(codesAndElements(completeLetter({ disputesBody: block({ affiliationNumber: value }) }))).toEqual([
      'affiliation_number_missing',
    ]);
  });

  it('refuses a letter naming another affiliation number, but not another spacing', () => {
    expect(
      codesAndElements(completeLetter({ disputesBody: block({ affiliationNumber: '300.009999' }) })),
    ).toEqual(['affiliation_number_mismatch']);
    expect(
      codesAndElements(completeLetter({ disputesBody: block({ affiliationNumber: ' 300.001234 ' }) })),
    ).toEqual([]);
  });
});

describe('sending the decision letter', () => {
  const complaint = inStatus('in_investigation');

  it('is refused before anyone writes a letter when the affiliation number is a placeholder', () => {
    const gap = inStatus('in_investigation', { organisation: { kifidAffiliationNumber: 'n.n.b.' } });
    const result = evaluateAction(gap, { action: 'send_decision_letter', letter: completeLetter() }, env());
    // One refusal, although both the preflight and the letter check notice it.
    expect(result).toMatchObject({ allowed: false, refusals: [{ code: 'affiliation_number_missing' }] });
  });

  it('checks the date of receipt against the complaint', () => {
    const wrong = evaluateAction(
      complaint,
      { action: 'send_decision_letter', letter: completeLetter({ receivedDate: day('2026-03-01') }) },
      env(),
    );
    expect(wrong).toMatchObject({
      allowed: false,
      refusals: [{ code: 'decision_letter_receipt_date_wrong' }],
    });
    expect(refusalsOf(wrong)[0]?.message).toContain('ma 02-03-2026');
  });

  it('counts the date of receipt in Amsterdam', () => {
    // 23:30 UTC on 1 March is already 2 March in Amsterdam.
    const late = inStatus('in_investigation', { receivedAt: new Date('2026-03-01T23:30:00Z') });
    const result = evaluateAction(late, { action: 'send_decision_letter', letter: completeLetter() }, env());
    expect(result.allowed).toBe(true);
  });

  it('writes the decision event without the letter text', () => {
    const result = evaluateAction(
      complaint,
      { action: 'send_decision_letter', letter: completeLetter() },
      env(),
    );
    expect(result).toMatchObject({
      allowed: true,
      nextStatus: 'decided',
      decisionMode: 'letter',
      events: [{ type: 'complaint.decision_letter_sent', data: { decisionMode: 'letter' } }],
    });
    expect(JSON.stringify(result.events)).not.toContain('inboedel');
  });
});
