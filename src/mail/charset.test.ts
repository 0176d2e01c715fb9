import { describe, expect, it } from 'vitest';
import { decodeBytes } from './charset.ts';
import { decodeEncodedWords } from './encoded-words.ts';

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('decodeBytes', () => {
  it.each([
    ['UTF-8 labelled UTF-8', utf8('één – €5'), 'utf-8', 'één – €5', false],
    ['UTF-8 labelled iso-8859-1', utf8('één – €5'), 'iso-8859-1', 'één – €5', true],
    ['UTF-8 labelled windows-1252', utf8('één'), 'windows-1252', 'één', true],
    ['UTF-8 labelled us-ascii', utf8('één'), 'us-ascii', 'één', true],
    ['real Latin-1 labelled iso-8859-1', latin1('café'), 'iso-8859-1', 'café', false],
    ['windows-1252 euro sign', Buffer.from([0x80, 0x35]), 'windows-1252', '€5', false],
    ['Latin-1 labelled UTF-8', latin1('café'), 'utf-8', 'café', true],
    ['no label, UTF-8 bytes', utf8('één'), '', 'één', false],
    ['unknown label, UTF-8 bytes', utf8('één'), 'x-made-up', 'één', true],
    ['unknown label, Latin-1 bytes', latin1('café'), 'x-made-up', 'café', true],
    ['unknown-8bit, Latin-1 bytes', latin1('café'), 'unknown-8bit', 'café', true],
    ['quoted label', latin1('café'), '"ISO-8859-1"', 'café', false],
    ['label WHATWG maps to nothing', latin1('café'), 'iso-2022-kr', 'café', true],
    ['KOI8-R stays KOI8-R', Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), 'koi8-r', 'Привет', false],
    ['ISO-2022-JP', Buffer.from('1b2442244b1b2842', 'hex'), 'iso-2022-jp', 'に', false],
  ])('%s', (_name, bytes, label, text, relabelled) => {
    const decoded = decodeBytes(bytes, label);
    expect(decoded.text).toBe(text);
    expect(decoded.relabelled).toBe(relabelled);
  });
});

describe('decodeEncodedWords', () => {
  it.each([
    ['plain', 'Klacht over polis', 'Klacht over polis'],
    ['one B word', '=?UTF-8?B?w6nDqW4=?=', 'één'],
    ['Q word with underscore', '=?iso-8859-1?Q?caf=E9_au_lait?=', 'café au lait'],
    [
      'mixed charsets, folding whitespace dropped between words',
      '=?UTF-8?B?w6nDqW4=?= =?ISO-8859-1?Q?_caf=E9?=\r\n =?windows-1252?Q?_=80?= klacht',
      'één café € klacht',
    ],
    ['text between words is kept', '=?UTF-8?Q?a?= - =?UTF-8?Q?b?=', 'a - b'],
    ['multi-byte character split over two words', '=?UTF-8?B?w6k=?= =?UTF-8?Q?=C3?= =?UTF-8?Q?=A9n?=', 'één'],
    ['language suffix (RFC 2231)', '=?UTF-8*nl?Q?d=C3=A9?=', 'dé'],
    ['UTF-8 in a word labelled Latin-1', '=?iso-8859-1?Q?=C3=A9=C3=A9n?=', 'één'],
    ['unknown charset with Latin-1 bytes', '=?x-unknown?Q?caf=E9?=', 'café'],
    ['broken base64 does not throw', '=?UTF-8?B?***?=', ''],
  ])('%s', (_name, value, expected) => {
    expect(decodeEncodedWords(value)).toBe(expected);
  });
});
