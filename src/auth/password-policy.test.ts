import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy.ts';

const context = {
  email: 'anne.jansen@demo-assurantien.nl',
  organisationSlug: 'demo',
  organisationName: 'Demo Assurantiën B.V.',
};

describe('password policy (ASVS 6.2)', () => {
  it.each([
    'correct paard batterij nietje',
    'lange-zin-zonder-cijfers',
    'Zonnebloem op de fiets',
    'ēēn twee drie vier',
    '✓✓ emoji 🙂 mogen ook',
    'a'.repeat(3) + 'bcdefghijklmnop',
    'x'.repeat(64) + 'yz12',
  ])('accepts %j', (password) => {
    expect(passwordProblems(password, context)).toEqual([]);
  });

  it.each([
    ['too short', 'kort1234567'],
    ['eleven code points though 12 UTF-16 units', 'abcdefghij🙂'],
    ['common', 'password1234'],
    ['common in another case', 'Password1234'],
    ['Dutch common', 'Wachtwoord123'],
    ['a common word decorated', 'Wachtwoord2026!!'],
    ['one repeated character', 'aaaaaaaaaaaaaa'],
    ['three different characters', 'abcabcabcabcabc'],
    ['a keyboard run', 'qwertyuiop12'],
    ['a sequence', 'abcdefghijklmn'],
    ['the product name decorated', 'Klachtwijzer2026!'],
    ['the e-mail address', 'anne.jansen@demo-assurantien.nl'],
    ['the mailbox name decorated', 'AnneJansen2026!'],
    ['the organisation decorated', 'Assurantiën#2026'],
  ])('refuses %s (%j)', (_why, password) => {
    expect(passwordProblems(password, context)).toHaveLength(1);
  });

  it('allows a long passphrase that mentions a context word', () => {
    expect(passwordProblems('mijn klachtwijzer wachtwoord is een hele lange zin', context)).toEqual([]);
  });

  it('allows long passwords and refuses absurd ones', () => {
    expect(passwordProblems('de kat zit op de mat en '.repeat(42), context)).toEqual([]);
    expect(passwordProblems('de kat zit op de mat en '.repeat(43), context)).toHaveLength(1);
  });

  it('has no composition rules: lower case letters only is fine', () => {
    expect(passwordProblems('fietsenstalling', context)).toEqual([]);
  });
});
