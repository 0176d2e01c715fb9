import { describe, expect, it } from 'vitest';
import type { ComplaintSnapshot } from './complaint-snapshot.ts';
import { investigationSubstates } from './investigation-substates.ts';
import { at, EMPLOYEE, hearing, inStatus, SECOND_EMPLOYEE } from './snapshot-fixtures.ts';

const openRequest = {
  informationRequests: [
    { id: 'r1', sentAt: at('2026-03-04T10:00:00Z'), answeredAt: null, closedAsNotNeededAt: null },
  ],
};
const flaggedWithout = {
  liability: {
    flaggedAt: at('2026-03-04T10:00:00Z'),
    insurerNotifiedAt: null,
    consultations: [],
    requireConsultationPerStep: false,
  },
};

describe('what an investigation waits for', () => {
  it.each([
    { name: 'nothing', overrides: {}, expected: [] },
    { name: 'an open information request', overrides: openRequest, expected: ['awaiting_information'] },
    {
      name: 'an answered request',
      overrides: {
        informationRequests: [
          {
            id: 'r1',
            sentAt: at('2026-03-04T10:00:00Z'),
            answeredAt: at('2026-03-05T10:00:00Z'),
            closedAsNotNeededAt: null,
          },
        ],
      },
      expected: [],
    },
    {
      name: 'an open hearing',
      overrides: { involvedEmployeeIds: [EMPLOYEE.id], hearings: [hearing(EMPLOYEE.id, 'statement_draft')] },
      expected: ['hearing'],
    },
    {
      name: 'only finished hearings',
      overrides: {
        involvedEmployeeIds: [EMPLOYEE.id, SECOND_EMPLOYEE.id],
        hearings: [hearing(EMPLOYEE.id, 'signed'), hearing(SECOND_EMPLOYEE.id, 'waived')],
      },
      expected: [],
    },
    {
      name: 'a liability flag without a consultation',
      overrides: flaggedWithout,
      expected: ['awaiting_insurer'],
    },
    {
      name: 'all three at once',
      overrides: {
        ...openRequest,
        ...flaggedWithout,
        involvedEmployeeIds: [EMPLOYEE.id],
        hearings: [hearing(EMPLOYEE.id, 'requested')],
      },
      expected: ['awaiting_information', 'hearing', 'awaiting_insurer'],
    },
  ] satisfies ReadonlyArray<{ name: string; overrides: Partial<ComplaintSnapshot>; expected: string[] }>)(
    '$name',
    ({ overrides, expected }) => {
      expect(investigationSubstates(inStatus('in_investigation', overrides))).toEqual(expected);
    },
  );

  it('has no sub-states outside an investigation', () => {
    expect(investigationSubstates(inStatus('acknowledged', { ...openRequest, ...flaggedWithout }))).toEqual(
      [],
    );
  });
});
