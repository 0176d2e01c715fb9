import { describe, expect, it } from 'vitest';
import { letterheadFromOrganisation, logoOf } from './letterhead.ts';
import { logoPng } from './render-fixtures.ts';

const SETTINGS = {
  name: ' Verzekeringskantoor  Brouwer & Zoën B.V. ',
  street: 'Oudegracht 101',
  postal_code: '3511 AD',
  city: 'Utrecht',
  phone: '030-123 45 67',
  email: 'klachten@brouwer-zoen.nl',
  website: ' ',
  kvk_number: '12345678',
  afm_number: null,
  logo: null,
};

describe('letterheadFromOrganisation', () => {
  it('takes the firm’s details from its settings, leaving out what is empty', () => {
    expect(letterheadFromOrganisation(SETTINGS)).toEqual({
      organisationName: 'Verzekeringskantoor Brouwer & Zoën B.V.',
      addressLines: ['Oudegracht 101', '3511 AD Utrecht'],
      phone: '030-123 45 67',
      email: 'klachten@brouwer-zoen.nl',
      website: null,
      kvkNumber: '12345678',
      afmNumber: null,
      logo: null,
    });
  });

  it('keeps a city without postal code', () => {
    expect(letterheadFromOrganisation({ ...SETTINGS, street: null, postal_code: null }).addressLines).toEqual(
      ['Utrecht'],
    );
  });
});

describe('logoOf', () => {
  it('recognises PNG and JPEG by their first bytes', () => {
    expect(logoOf(logoPng(20, 10))?.mediaType).toBe('image/png');
    expect(
      logoOf(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))?.mediaType,
    ).toBe('image/jpeg');
  });

  it.each([
    [
      'an SVG',
      new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
      ),
    ],
    ['a GIF', new TextEncoder().encode('GIF89a......')],
    ['too few bytes', Uint8Array.from([0x89, 0x50])],
    ['nothing', null],
  ])('leaves out %s', (_what, bytes) => {
    expect(logoOf(bytes)).toBeNull();
  });
});
