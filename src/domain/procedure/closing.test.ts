import { describe, expect, it } from 'vitest';
import { closingRefusals } from './closing.ts';
import type { Outcome } from './complaint-snapshot.ts';
import { evaluateAction } from './decide-action.ts';
import { env, inStatus, refusalsOf } from './snapshot-fixtures.ts';

const decided = inStatus('decided');

describe('closing a complaint (R11)', () => {
  it.each([
    { category: 'advies', rootCause: 'uitleg', outcome: 'gegrond', missing: [] },
    { category: null, rootCause: 'uitleg', outcome: 'ongegrond', missing: ['category'] },
    { category: 'advies', rootCause: ' ', outcome: 'deels_gegrond', missing: ['rootCause'] },
    { category: 'advies', rootCause: 'uitleg', outcome: null, missing: ['outcome'] },
    { category: 'advies', rootCause: 'uitleg', outcome: 'misschien', missing: ['outcome'] },
    { category: '', rootCause: null, outcome: null, missing: ['category', 'rootCause', 'outcome'] },
  ])(
    'category $category, root cause $rootCause, outcome $outcome',
    ({ category, rootCause, outcome, missing }) => {
      const found = closingRefusals({ category, rootCause, outcome: outcome as Outcome | null });
      expect(found.map((r) => r.code)).toEqual(missing.map(() => 'closing_fields_missing'));
      expect(found.map((r) => r.details?.['field'])).toEqual(missing);
    },
  );

  it('takes the fields from the request, or else from the complaint', () => {
    const partly = { ...decided, category: 'advies', rootCause: null, outcome: null };
    const refused = evaluateAction(partly, { action: 'close' }, env());
    expect(refusalsOf(refused).map((r) => r.details?.['field'])).toEqual(['rootCause', 'outcome']);
    expect(refusalsOf(refused)[0]?.message).toBe('Vul vóór het afsluiten de oorzaak in.');
    const closed = evaluateAction(
      partly,
      { action: 'close', rootCause: 'uitleg', outcome: 'gegrond' },
      env(),
    );
    expect(closed).toMatchObject({
      allowed: true,
      nextStatus: 'closed',
      events: [{ data: { outcome: 'gegrond' } }],
    });
    // A request can also clear a field.
    const cleared = evaluateAction(
      { ...decided, category: 'advies', rootCause: 'uitleg', outcome: 'gegrond' },
      { action: 'close', category: null },
      env(),
    );
    expect(refusalsOf(cleared).map((r) => r.details?.['field'])).toEqual(['category']);
  });
});
