import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from './base32.ts';
import { hotp, matchTotp, otpauthUri, totpAt, type TotpAlgorithm } from './totp.ts';

// RFC 6238 appendix B: the seeds are the ASCII digits repeated to the hash's key length.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

const RFC6238: Array<[number, string, TotpAlgorithm]> = [
  [59, '94287082', 'sha1'],
  [59, '46119246', 'sha256'],
  [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'],
  [1111111109, '68084774', 'sha256'],
  [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'],
  [1111111111, '67062674', 'sha256'],
  [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'],
  [1234567890, '91819424', 'sha256'],
  [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'],
  [2000000000, '90698825', 'sha256'],
  [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'],
  [20000000000, '77737706', 'sha256'],
  [20000000000, '47863826', 'sha512'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC6238)('at %i s gives %s with %s', (seconds, expected, algorithm) => {
    const at = new Date(seconds * 1000);
    expect(totpAt(SEEDS[algorithm], at, { digits: 8, algorithm })).toBe(expected);
    // The product's six digits are the last six of the same value (modulo 10^6).
    expect(totpAt(SEEDS[algorithm], at, { algorithm })).toBe(expected.slice(2));
  });

  it('matches HOTP test values of RFC 4226 appendix D', () => {
    const values = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(values.map((_, counter) => hotp(SEEDS.sha1, counter))).toEqual(values);
  });

  it('accepts the step before and after, nothing further', () => {
    const now = new Date(1111111111 * 1000);
    const step = Math.floor(1111111111 / 30);
    const codeAt = (offset: number) => hotp(SEEDS.sha1, step + offset);
    expect(matchTotp(SEEDS.sha1, codeAt(0), now, null)).toBe(step);
    expect(matchTotp(SEEDS.sha1, codeAt(-1), now, null)).toBe(step - 1);
    expect(matchTotp(SEEDS.sha1, codeAt(1), now, null)).toBe(step + 1);
    expect(matchTotp(SEEDS.sha1, codeAt(-2), now, null)).toBeUndefined();
    expect(matchTotp(SEEDS.sha1, codeAt(2), now, null)).toBeUndefined();
  });

  it('refuses a code for a step already used, or an earlier one (replay)', () => {
    const now = new Date(1234567890 * 1000);
    const step = Math.floor(1234567890 / 30);
    const code = hotp(SEEDS.sha1, step);
    expect(matchTotp(SEEDS.sha1, code, now, step - 1)).toBe(step);
    expect(matchTotp(SEEDS.sha1, code, now, step)).toBeUndefined();
    expect(matchTotp(SEEDS.sha1, hotp(SEEDS.sha1, step - 1), now, step)).toBeUndefined();
  });

  it.each(['', '12345', '1234567', 'abcdef', ' 12345', '１２３４５６'])(
    'refuses the malformed code %j',
    (code) => {
      expect(matchTotp(SEEDS.sha1, code, new Date(59_000), null)).toBeUndefined();
    },
  );

  it('writes an otpauth URI that apps read', () => {
    const uri = otpauthUri(SEEDS.sha1, 'Klachtwijzer', 'anne@kantoor.nl (kantoor)');
    expect(uri).toBe(
      'otpauth://totp/Klachtwijzer:anne%40kantoor.nl%20(kantoor)?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' +
        '&issuer=Klachtwijzer&algorithm=SHA1&digits=6&period=30',
    );
  });
});

describe('base32 (RFC 4648)', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('%j ↔ %s', (plain, encoded) => {
    expect(encodeBase32(Buffer.from(plain))).toBe(encoded);
    expect(decodeBase32(encoded)?.toString()).toBe(plain);
  });

  it('reads what people copy (spaces, lower case, padding) and refuses other letters', () => {
    expect(decodeBase32('mzxw 6ytb oi======')?.toString()).toBe('foobar');
    expect(decodeBase32('MZXW1')).toBeUndefined();
  });
});
