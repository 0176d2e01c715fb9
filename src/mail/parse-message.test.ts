import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage, type IncomingMessage, type ParsedMessage } from './parse-message.ts';

const LIMIT = { maxBytes: 1_000_000 };

/** A raw RFC 5322 message with CRLF line ends; byte parts are kept as they are. */
function raw(headers: string[], ...body: (string | Buffer)[]): Buffer {
  return Buffer.concat([
    Buffer.from(headers.join('\r\n') + '\r\n\r\n', 'utf8'),
    ...body.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)),
  ]);
}

async function parsed(bytes: Buffer): Promise<IncomingMessage> {
  const result = await parseMessage(bytes, LIMIT);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.message;
}

/** Every string of a message except attachment bytes, joined to one text to search. */
function textOf(message: IncomingMessage): string {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value))
      Object.values(value).forEach(walk);
  };
  walk(message);
  return strings.join('\n');
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'latin1');

describe('parseMessage', () => {
  it('normalises an ordinary complaint mail', async () => {
    const message = await parsed(
      raw(
        [
          'Return-Path: <jan@example.nl>',
          'From: "Jan de Vries" <Jan@Example.nl>',
          'To: Klachten <klachten@kantoor.nl>, info@kantoor.nl',
          'Cc: "Groep" : piet@example.nl, kees@example.nl;',
          'Subject: Klacht over mijn =?UTF-8?Q?hypotheekadvi=C3=A9s?=',
          'Date: Mon, 2 Mar 2026 09:15:00 +0100',
          'Message-ID: <CAF1234@mail.example.nl>',
          'In-Reply-To: <kw.abc.def@kantoor.nl> (our letter)',
          'References: <first@example.nl>',
          ' <kw.abc.def@kantoor.nl>',
          'X-Loop: one',
          'X-Loop: two',
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: quoted-printable',
        ],
        'Geachte heer,=0D=0A=0D=0AIk ben niet tevreden over het advi=C3=A9s.=0D=0A',
      ),
    );
    expect(message).toMatchObject({
      messageId: '<CAF1234@mail.example.nl>',
      messageIdSource: 'header',
      from: { address: 'Jan@Example.nl', name: 'Jan de Vries' },
      to: [
        { address: 'klachten@kantoor.nl', name: 'Klachten' },
        { address: 'info@kantoor.nl', name: '' },
      ],
      cc: [
        { address: 'piet@example.nl', name: '' },
        { address: 'kees@example.nl', name: '' },
      ],
      subject: 'Klacht over mijn hypotheekadviés',
      dateHeader: 'Mon, 2 Mar 2026 09:15:00 +0100',
      text: 'Geachte heer,\n\nIk ben niet tevreden over het adviés.',
      html: null,
      htmlRefused: null,
      contentType: 'text/plain',
      reportType: null,
      attachments: [],
      inReplyTo: ['<kw.abc.def@kantoor.nl>'],
      references: ['<first@example.nl>', '<kw.abc.def@kantoor.nl>'],
      headers: {
        autoSubmitted: null,
        precedence: null,
        xAutoResponseSuppress: null,
        listId: null,
        returnPath: '<jan@example.nl>',
        xLoop: ['one', 'two'],
      },
    });
  });

  it('gives a message without Message-ID the hash of its raw bytes, the same every time', async () => {
    const bytes = raw(['From: a@example.nl', 'Subject: zonder id'], 'tekst');
    const first = await parsed(bytes);
    const again = await parsed(Buffer.from(bytes));
    const other = await parsed(raw(['From: a@example.nl', 'Subject: zonder id'], 'tekst!'));
    expect(first.messageId).toBe(`sha256:${sha256(bytes)}`);
    expect(first.messageIdSource).toBe('hash');
    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    expect(first.rawSha256).toBe(sha256(bytes));
  });

  it('accepts a Message-ID without angle brackets and ignores an empty one', async () => {
    expect((await parsed(raw(['Message-ID: abc@host.nl'], 'x'))).messageId).toBe('<abc@host.nl>');
    expect((await parsed(raw(['Message-ID:   ', 'From: a@b.nl'], 'x'))).messageIdSource).toBe('hash');
    expect((await parsed(raw(['Message-ID: no id here'], 'x'))).messageIdSource).toBe('hash');
  });

  describe('charsets', () => {
    it('reads a UTF-8 body labelled iso-8859-1 as UTF-8', async () => {
      const message = await parsed(
        raw(
          [
            'From: a@example.nl',
            'Content-Type: text/plain; charset=iso-8859-1',
            'Content-Transfer-Encoding: 8bit',
          ],
          'Klacht over één polis – €5',
        ),
      );
      expect(message.text).toBe('Klacht over één polis – €5');
    });

    it('still reads real iso-8859-1 as iso-8859-1', async () => {
      const message = await parsed(
        raw(
          [
            'From: a@example.nl',
            'Content-Type: text/plain; charset=iso-8859-1',
            'Content-Transfer-Encoding: 8bit',
          ],
          Buffer.from('Caf\u00e9 en cr\u00e8me', 'latin1'),
        ),
      );
      expect(message.text).toBe('Café en crème');
    });

    it('reads an unknown charset as UTF-8 when it is, else as windows-1252', async () => {
      const utf8 = await parsed(
        raw(
          [
            'From: a@example.nl',
            'Content-Type: text/plain; charset=x-totally-unknown',
            'Content-Transfer-Encoding: 8bit',
          ],
          'één',
        ),
      );
      const latin = await parsed(
        raw(
          [
            'From: a@example.nl',
            'Content-Type: text/plain; charset="x-totally-unknown"',
            'Content-Transfer-Encoding: 8bit',
          ],
          Buffer.from('caf\u00e9 \u0080', 'latin1'),
        ),
      );
      expect(utf8.text).toBe('één');
      expect(latin.text).toBe('café €');
    });

    it('decodes RFC 2047 words in mixed charsets in the subject', async () => {
      const message = await parsed(
        raw(
          [
            'From: a@example.nl',
            'Subject: =?UTF-8?B?S2xhY2h0IMOpw6lu?= =?ISO-8859-1?Q?_caf=E9?=',
            ' =?windows-1252?Q?_=80_5?= en =?x-unknown?Q?cr=E8me?=',
          ],
          'x',
        ),
      );
      expect(message.subject).toBe('Klacht één café € 5 en crème');
    });

    it('reads an 8-bit Latin-1 subject without encoded words', async () => {
      const message = await parsed(
        Buffer.concat([
          Buffer.from('From: a@example.nl\r\nSubject: '),
          Buffer.from('caf\u00e9\r\n\r\nx', 'latin1'),
        ]),
      );
      expect(message.subject).toBe('café');
    });
  });

  describe('attachments', () => {
    const multipart = (...parts: string[]): Buffer =>
      raw(
        ['From: a@example.nl', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="grens"'],
        '--grens\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nZie bijlage.\r\n',
        ...parts.map((part) => `--grens\r\n${part}\r\n`),
        '--grens--\r\n',
      );

    it('reads an RFC 2231 file name with continuations', async () => {
      const message = await parsed(
        multipart(
          "Content-Type: text/plain\r\nContent-Disposition: attachment; filename*0*=UTF-8''bijlage-%C3%A9%C3%A9n; filename*1*=.txt\r\n\r\nhallo",
        ),
      );
      expect(message.text).toBe('Zie bijlage.');
      expect(message.attachments.map((attachment) => attachment.fileName)).toEqual(['bijlage-één.txt']);
    });

    it.each([
      ['a path', 'filename="../../etc/passwd"', 'passwd'],
      ['a Windows path', 'filename="C:\\\\Users\\\\jan\\\\brief.pdf"', 'brief.pdf'],
      ['a right-to-left override', "filename*=UTF-8''factuur%E2%80%AEfdp.exe", 'factuurfdp.exe'],
      ['an encoded word with a path', 'filename="=?UTF-8?Q?..=2F..=2Fpolis=E2=80=AE.pdf?="', 'polis.pdf'],
      ['no name at all', 'x-nothing=1', 'bijlage'],
    ])('makes a display name of %s', async (_name, parameter, expected) => {
      const message = await parsed(
        multipart(
          `Content-Type: application/octet-stream\r\nContent-Disposition: attachment; ${parameter}\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('data').toString('base64')}`,
        ),
      );
      expect(message.attachments[0]!.fileName).toBe(expected);
    });

    it('keeps the bytes, their SHA-256 and the media type from the bytes, not the label', async () => {
      const message = await parsed(
        multipart(
          `Content-Type: image/png; name="polis.png"\r\nContent-Disposition: attachment; filename="polis.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n${PDF.toString('base64')}`,
          `Content-Type: image/png\r\nContent-ID: <logo@kantoor>\r\nContent-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]).toString('base64')}`,
        ),
      );
      const [pdf, logo] = message.attachments;
      expect(pdf).toMatchObject({
        fileName: 'polis.png',
        declaredContentType: 'image/png',
        mediaType: 'application/pdf',
        inline: false,
        size: PDF.length,
        sha256: sha256(PDF),
      });
      expect(pdf!.content.equals(PDF)).toBe(true);
      expect(logo).toMatchObject({ mediaType: 'image/png', contentId: '<logo@kantoor>', inline: true });
    });
  });

  describe('HTML', () => {
    it('sanitises the HTML part and keeps the text part', async () => {
      const message = await parsed(
        raw(
          ['From: a@example.nl', 'Content-Type: multipart/alternative; boundary=alt'],
          '--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHallo\r\n',
          '--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p onclick="x()">Hallo</p><script>alert(1)</script><img src="cid:a@b">\r\n',
          '--alt--\r\n',
        ),
      );
      expect(message.text).toBe('Hallo');
      expect(message.html).toBe('<p>Hallo</p><img src="cid:a@b" />');
    });

    it('makes text from an HTML-only mail', async () => {
      const message = await parsed(
        raw(
          ['From: a@example.nl', 'Content-Type: text/html; charset=utf-8'],
          '<p>Geachte <b>heer</b>,</p><p>Mijn klacht.</p>',
        ),
      );
      expect(message.text).toContain('Geachte heer,');
      expect(message.text).toContain('Mijn klacht.');
      expect(message.html).toBe('<p>Geachte <b>heer</b>,</p><p>Mijn klacht.</p>');
    });

    it('refuses HTML over budget and falls back to the text part', async () => {
      const result = await parseMessage(
        raw(
          ['From: a@example.nl', 'Content-Type: multipart/alternative; boundary=alt'],
          '--alt\r\nContent-Type: text/plain\r\n\r\nDe tekst\r\n',
          `--alt\r\nContent-Type: text/html\r\n\r\n${'<div>'.repeat(500)}x\r\n`,
          '--alt--\r\n',
        ),
        { maxBytes: 1_000_000, htmlBudget: { maxLength: 100_000, maxTags: 100 } },
      );
      expect(result).toMatchObject({
        ok: true,
        message: { text: 'De tekst', html: null, htmlRefused: 'too_complex' },
      });
    });
  });

  describe('input that cannot be a message', () => {
    it.each<[string, string, Buffer]>([
      ['empty', 'empty', Buffer.alloc(0)],
      ['no header', 'no_header', Buffer.from('hallo, dit is geen mail\r\n')],
      ['binary', 'no_header', Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x0a, 0x0d, 0x00])],
      ['a PDF', 'no_header', PDF],
    ])('%s → %s', async (_name, reason, bytes) => {
      const result = await parseMessage(bytes, LIMIT);
      expect(result).toMatchObject({ ok: false, reason, rawSha256: sha256(bytes), rawSize: bytes.length });
    });

    it('refuses a message over the size limit without parsing it', async () => {
      const bytes = raw(['From: a@example.nl'], 'x'.repeat(2000));
      expect(await parseMessage(bytes, { maxBytes: 1000 })).toMatchObject({ ok: false, reason: 'too_large' });
      expect((await parseMessage(bytes, { maxBytes: bytes.length })).ok).toBe(true);
    });

    it('gives a multipart bomb back as malformed', async () => {
      let bytes = 'From: a@example.nl\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n';
      for (let depth = 1; depth < 3000; depth++) {
        bytes += `--b${depth - 1}\r\nContent-Type: multipart/mixed; boundary=b${depth}\r\n\r\n`;
      }
      const result = await parseMessage(Buffer.from(bytes), LIMIT);
      expect(result).toMatchObject({ ok: false, reason: 'malformed' });
    });

    it('survives broken structure: a missing end boundary, bad base64, a bad header line', async () => {
      const message = await parsed(
        raw(
          ['From: a@example.nl', 'this line is no header', 'Content-Type: multipart/mixed; boundary=x'],
          '--x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n',
          '--x\r\nContent-Type: application/pdf\r\n\r\n',
        ),
      );
      expect(message.from?.address).toBe('a@example.nl');
    });

    it('keeps NUL and other control characters out of every text it gives back', async () => {
      const message = await parsed(
        raw(
          [
            'From: "Jan\u0000" <jan\u0000@example.nl>',
            'Subject: klacht\u0000\u0007',
            'Message-ID: <a\u0000b@example.nl>',
          ],
          'tekst\u0000',
        ),
      );
      expect(textOf(message)).not.toContain('\u0000');
      expect(textOf(message)).not.toContain('\u0007');
      expect(message.messageId).toBe('<ab@example.nl>');
    });

    it('never throws, whatever the bytes', async () => {
      const header = fc.constantFrom(
        '',
        'From: a@b.nl\r\n',
        'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n',
      );
      const property = fc.assert(
        fc.asyncProperty(header, fc.uint8Array({ maxLength: 2000 }), async (prefix, bytes) => {
          const result: ParsedMessage = await parseMessage(
            Buffer.concat([Buffer.from(prefix), bytes]),
            LIMIT,
          );
          return !result.ok || !textOf(result.message).includes('\u0000');
        }),
        { numRuns: 300 },
      );
      await expect(property).resolves.toBeUndefined();
    });
  });
});
