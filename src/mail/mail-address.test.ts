import { describe, expect, it } from 'vitest';
import { isMailSystemAddress, sameAddress } from './mail-address.ts';

describe('mail addresses', () => {
  it.each([
    ['Jan@Example.NL', 'jan@example.nl', true],
    [' <jan@example.nl> ', 'jan@example.nl', true],
    ['jan@example.nl', 'jan@example.com', false],
    ['jan.devries@example.nl', 'jandevries@example.nl', false],
  ])('%s and %s are the same: %s', (a, b, same) => {
    expect(sameAddress(a, b)).toBe(same);
  });

  it.each([
    ['MAILER-DAEMON@mx.example.nl', true],
    ['postmaster@example.nl', true],
    ['Postmaster@Example.nl', true],
    ['postmaster-jan@example.nl', false],
    ['jan@mailer-daemon.example.nl', false],
  ])('%s is a mail system: %s', (address, expected) => {
    expect(isMailSystemAddress(address)).toBe(expected);
  });
});
