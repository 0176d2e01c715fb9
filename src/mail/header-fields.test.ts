import { describe, expect, it } from 'vitest';
import { firstHeader, headerValues, messageIdList, readHeaderFields } from './header-fields.ts';

describe('readHeaderFields', () => {
  it('unfolds continuation lines and keeps repeated fields in order', () => {
    const fields = readHeaderFields(
      Buffer.from(
        'Subject: een lange\r\n\tonderwerpregel\r\nX-Loop: a\r\nX-Loop: b\r\nReferences: <a@b>\r\n <c@d>\r\n\r\nBody: not a header\r\n',
      ),
    )!;
    expect(firstHeader(fields, 'SUBJECT')).toBe('een lange onderwerpregel');
    expect(headerValues(fields, 'x-loop')).toEqual(['a', 'b']);
    expect(messageIdList(firstHeader(fields, 'references'))).toEqual(['<a@b>', '<c@d>']);
    expect(firstHeader(fields, 'body')).toBeNull();
  });

  it('reads bare LF line ends and 8-bit bytes', () => {
    const fields = readHeaderFields(
      Buffer.concat([
        Buffer.from('Subject: '),
        Buffer.from('café', 'latin1'),
        Buffer.from('\nFrom: x@y.nl\n\nhi'),
      ]),
    )!;
    expect(firstHeader(fields, 'subject')).toBe('café');
    expect(firstHeader(fields, 'from')).toBe('x@y.nl');
  });

  it.each([
    ['no header at all', 'just some text\r\nand more\r\n'],
    ['starts with an empty line', '\r\nSubject: x\r\n'],
    ['binary', '\u0000\u0001\u00ff'],
  ])('%s → null', (_name, raw) => {
    expect(readHeaderFields(Buffer.from(raw, 'latin1'))).toBeNull();
  });
});

describe('messageIdList', () => {
  it.each([
    ['<a@b> (comment)', ['<a@b>']],
    ['<a@b>,<c@d>  <e@f>', ['<a@b>', '<c@d>', '<e@f>']],
    ['no brackets@example.nl', []],
    [null, []],
  ])('%j', (value, expected) => {
    expect(messageIdList(value)).toEqual(expected);
  });
});
