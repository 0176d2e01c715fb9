import { describe, expect, it } from 'vitest';
import { DEFAULT_PROCEDURE_TERMS } from '../calendar/procedure-terms.ts';
import { computeClocks } from './clocks.ts';
import {
  procedureForComplaint,
  procedureVersionAt,
  reviseProcedure,
  SEED_PROCEDURE_VERSION,
  type ProcedureVersion,
} from './procedure-versions.ts';
import { at, calendar, snapshot } from './snapshot-fixtures.ts';

const FIVE_DAYS = { ...DEFAULT_PROCEDURE_TERMS, acknowledgment: { unit: 'working-days', amount: 5 } };

function revised(): readonly ProcedureVersion[] {
  const result = reviseProcedure([SEED_PROCEDURE_VERSION], FIVE_DAYS, at('2026-03-04T12:00:00Z'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.versions;
}

describe('procedure versions', () => {
  it('starts with the seed terms', () => {
    expect(procedureVersionAt([], at('2026-03-02T09:00:00Z'))).toBe(SEED_PROCEDURE_VERSION);
    expect(SEED_PROCEDURE_VERSION.terms.acknowledgment).toEqual({ unit: 'working-days', amount: 3 });
  });

  it('adds a new version when an organisation changes its terms', () => {
    const versions = revised();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(procedureVersionAt(versions, at('2026-03-04T11:59:59Z')).version).toBe(1);
    expect(procedureVersionAt(versions, at('2026-03-04T12:00:00Z')).version).toBe(2);
  });

  it('does not move the clocks of a complaint that started under the old terms', () => {
    // Received Monday 2 March 2026 under version 1: acknowledge by Thursday 5 March.
    const receivedAt = at('2026-03-02T09:00:00Z');
    const open = snapshot({
      receivedAt,
      procedure: procedureForComplaint([SEED_PROCEDURE_VERSION], receivedAt),
    });
    const before = computeClocks(open, calendar, at('2026-03-03T10:00:00Z'));

    const versions = revised();
    // The complaint keeps what it stored; only a new complaint looks the version up.
    const after = computeClocks(open, calendar, at('2026-03-03T10:00:00Z'));
    expect(after).toEqual(before);
    expect(after[0]).toMatchObject({ kind: 'acknowledgment', dueDate: '2026-03-05' });
    // Even looked up again by its moment of receipt, it gets version 1.
    expect(procedureForComplaint(versions, receivedAt).version).toBe(1);

    // Received Monday 9 March under version 2: 5 working days, di 10 … ma 16 March.
    const laterReceipt = at('2026-03-09T09:00:00Z');
    const newer = snapshot({
      receivedAt: laterReceipt,
      procedure: procedureForComplaint(versions, laterReceipt),
    });
    expect(newer.procedure.version).toBe(2);
    expect(computeClocks(newer, calendar, laterReceipt)[0]).toMatchObject({ dueDate: '2026-03-16' });
  });

  it.each([
    {
      name: 'invalid terms',
      input: { ...DEFAULT_PROCEDURE_TERMS, acknowledgment: { unit: 'working-days', amount: 0 } },
      effectiveFrom: '2026-03-04T12:00:00Z',
      codes: ['term.amount-too-small'],
    },
    {
      name: 'unchanged terms',
      input: FIVE_DAYS,
      effectiveFrom: '2026-03-04T12:00:00Z',
      codes: ['version.unchanged'],
    },
    {
      name: 'a back-dated change',
      input: { ...FIVE_DAYS, missingInformation: { unit: 'working-days', amount: 8 } },
      effectiveFrom: '2026-03-01T12:00:00Z',
      codes: ['version.effective-before-latest'],
    },
  ])('refuses $name', ({ input, effectiveFrom, codes }) => {
    const result = reviseProcedure(revised(), input, at(effectiveFrom));
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(codes);
  });
});
