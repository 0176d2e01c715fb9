import { describe, expect, it } from 'vitest';
import { parseApiToken } from './api-token.ts';

const org = '01a20d98-0881-7f2d-bb1b-466c2502f149';
const id = '01a20d98-08d2-7009-84f8-eb01318e31ed';
const hex = (uuid: string) => uuid.replaceAll('-', '');

describe('parseApiToken', () => {
  it('reads a secret that itself contains underscores and dashes', () => {
    const secret = 'ab_cd-ef_gh_ij-kl_mn_op-qr_st_uv-wx_yz_0123';
    expect(parseApiToken(`kw1_${hex(org)}_${hex(id)}_${secret}`)).toEqual({
      organisationId: org,
      tokenId: id,
      secret,
    });
  });
  it.each([
    '',
    'kw1_',
    `kw2_${hex(org)}_${hex(id)}_${'a'.repeat(43)}`,
    `kw1_${hex(org)}_${hex(id)}_${'a'.repeat(42)}`,
    `kw1_${hex(org)}_${hex(id)}_${'a'.repeat(43)} `,
  ])('refuses %j', (token) => {
    expect(parseApiToken(token)).toBeUndefined();
  });
});
