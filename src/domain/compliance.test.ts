import { describe, expect, it } from 'vitest';
import { complianceGaps, isAffiliationNumberMissing } from './compliance.ts';

describe('isAffiliationNumberMissing', () => {
  it.each([
    null,
    undefined,
    '',
    '   ',
    'n.n.b.',
    'N.N.B.',
    'nnb',
    'n.v.t.',
    'onbekend',
    'xxx',
    '???',
    '-',
    '...',
    'TBD',
  ])('treats %j as missing', (value) => {
    expect(isAffiliationNumberMissing(value)).toBe(true);
  });
  it.each(['300.012345', '12345', '300.000123'])('accepts %j', (value) => {
    expect(isAffiliationNumberMissing(value)).toBe(false);
  });
});

describe('complianceGaps', () => {
  it('lists both gaps for a fresh organisation and none once settled', () => {
    expect(
      complianceGaps({ kifidAffiliationNumber: 'n.n.b.', disputesBodyConfirmed: false }).map((g) => g.code),
    ).toEqual(['kifid_affiliation_number_missing', 'disputes_body_unconfirmed']);
    expect(complianceGaps({ kifidAffiliationNumber: '300.012345', disputesBodyConfirmed: true })).toEqual([]);
  });
});
