import { describe, expect, it } from 'vitest';
import { classifyIncoming, type ClassifyOptions } from './classify-message.ts';
import { createSignedMessageId } from './message-id-signature.ts';
import { parseMessage, type IncomingMessage } from './parse-message.ts';

const KEY = 'test-key-of-at-least-sixteen-bytes';
const OPTIONS: ClassifyOptions = {
  ourAddresses: ['klachten@kantoor.nl', 'bounces@kantoor.nl'],
  loopHeaderName: 'X-Klachtwijzer-Loop',
  signingKey: KEY,
};
const OUR_LETTER = createSignedMessageId(
  { organisationId: 'org', complaintId: 'complaint', letterId: 'letter' },
  KEY,
  'kantoor.nl',
);

async function message(
  headers: string[],
  body = 'Geachte heer, ik heb een klacht.',
): Promise<IncomingMessage> {
  const defaults = [
    'From: Jan <jan@example.nl>',
    'To: klachten@kantoor.nl',
    'Subject: Klacht',
    'Message-ID: <1@example.nl>',
  ];
  const names = new Set(headers.map((header) => header.split(':')[0]!.toLowerCase()));
  const all = [...defaults.filter((header) => !names.has(header.split(':')[0]!.toLowerCase())), ...headers];
  const result = await parseMessage(Buffer.from(`${all.join('\r\n')}\r\n\r\n${body}`), {
    maxBytes: 1_000_000,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.message;
}

function deliveryReport(
  returned: string,
  { action = 'failed', status = '5.1.1', from = 'MAILER-DAEMON@mx.example.nl' } = {},
) {
  return message(
    [
      `From: Mail Delivery System <${from}>`,
      'Subject: Undelivered Mail Returned to Sender',
      'Auto-Submitted: auto-replied',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="rapport"',
    ],
    [
      '--rapport',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--rapport',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.nl',
      '',
      'Final-Recipient: rfc822; jan@example.nl',
      `Action: ${action}`,
      `Status: ${status} (user unknown)`,
      '',
      '--rapport',
      returned,
      '--rapport--',
      '',
    ].join('\r\n'),
  );
}

const returnedMessage = `Content-Type: message/rfc822\r\n\r\nFrom: klachten@kantoor.nl\r\nTo: jan@example.nl\r\nSubject: Uw klacht\r\nMessage-ID: ${OUR_LETTER}\r\n\r\nGeachte heer,`;

describe('classifyIncoming', () => {
  it('takes an ordinary mail as a complaint candidate, also when it answers our letter', async () => {
    expect(classifyIncoming(await message([]), OPTIONS)).toEqual({ kind: 'complaint_candidate' });
    expect(classifyIncoming(await message([`In-Reply-To: ${OUR_LETTER}`]), OPTIONS)).toEqual({
      kind: 'complaint_candidate',
    });
  });

  it.each([
    ['Auto-Submitted: auto-replied', 'auto_submitted'],
    ['Auto-Submitted: auto-generated; owner-email="x@y.nl"', 'auto_submitted'],
    ['Auto-Submitted: Auto-Notified (by the list)', 'auto_submitted'],
    ['Precedence: bulk', 'precedence'],
    ['Precedence: list', 'precedence'],
    ['Precedence: JUNK', 'precedence'],
    ['Precedence: auto_reply', 'precedence'],
    ['X-Auto-Response-Suppress: All', 'x_auto_response_suppress'],
    ['X-Auto-Response-Suppress: DR, OOF, AutoReply', 'x_auto_response_suppress'],
    ['List-Id: Klanten <klanten.lists.example.nl>', 'list_id'],
    ['X-Loop: helpdesk@example.nl', 'x_loop'],
    ['Return-Path: <>', 'empty_return_path'],
    ['From: MAILER-DAEMON@mx.example.nl', 'mail_system_sender'],
    ['From: Postmaster <postmaster@example.nl>', 'mail_system_sender'],
    ['Subject: Automatisch antwoord: Klacht', 'subject'],
    ['Subject: Afwezigheidsmelding', 'subject'],
    ['Subject: Out of Office: Uw klacht KL-2026-0001', 'subject'],
    ['Subject: Out of office', 'subject'],
    ['Subject: Automatic reply: Uw klacht', 'subject'],
    ['Subject: =?UTF-8?Q?Automatisch_antwoord=3A_Re=3A_klacht?=', 'subject'],
  ])('%s → auto_reply (%s)', async (header, signal) => {
    expect(classifyIncoming(await message([header]), OPTIONS)).toEqual({ kind: 'auto_reply', signal });
  });

  it.each([
    'Auto-Submitted: no',
    'Precedence: normal',
    'X-Auto-Response-Suppress: None',
    'Return-Path: <jan@example.nl>',
    'Subject: Out of office hours my card was blocked',
    'Subject: Afwezig tijdens het gesprek',
    'From: daemon-fan@example.nl',
  ])('%s → complaint_candidate', async (header) => {
    expect(classifyIncoming(await message([header]), OPTIONS)).toEqual({ kind: 'complaint_candidate' });
  });

  describe('bounces', () => {
    it('reads a delivery report about our letter', async () => {
      expect(classifyIncoming(await deliveryReport(returnedMessage), OPTIONS)).toEqual({
        kind: 'bounce',
        originalMessageId: OUR_LETTER,
        original: { organisationId: 'org', complaintId: 'complaint', letterId: 'letter' },
        action: 'failed',
        status: '5.1.1',
      });
    });

    it('reads a report that returns only the headers, and a delay warning', async () => {
      const headersOnly = `Content-Type: text/rfc822-headers\r\n\r\nFrom: klachten@kantoor.nl\r\nMessage-ID: ${OUR_LETTER}\r\n`;
      expect(
        classifyIncoming(await deliveryReport(headersOnly, { action: 'delayed', status: '4.4.7' }), OPTIONS),
      ).toMatchObject({
        kind: 'bounce',
        originalMessageId: OUR_LETTER,
        action: 'delayed',
        status: '4.4.7',
      });
    });

    it('reads a non-standard bounce: the original attached by a mailer daemon', async () => {
      const bounce = await message(
        [
          'From: postmaster@example.nl',
          'Subject: Niet afgeleverd',
          'Content-Type: multipart/mixed; boundary=b',
        ],
        `--b\r\nContent-Type: text/plain\r\n\r\nNiet bezorgd.\r\n--b\r\n${returnedMessage}\r\n--b--\r\n`,
      );
      expect(classifyIncoming(bounce, OPTIONS)).toMatchObject({
        kind: 'bounce',
        originalMessageId: OUR_LETTER,
        action: null,
        status: null,
      });
    });

    it('keeps a bounce of mail we never sent apart (backscatter)', async () => {
      const foreign = returnedMessage.replace(OUR_LETTER, '<spam@elders.example>');
      expect(classifyIncoming(await deliveryReport(foreign), OPTIONS)).toMatchObject({
        kind: 'bounce',
        originalMessageId: '<spam@elders.example>',
        original: null,
      });
    });

    it('does not take a complainant forwarding a mail as a bounce', async () => {
      const forwarded = await message(
        ['Content-Type: multipart/mixed; boundary=b'],
        `--b\r\nContent-Type: text/plain\r\n\r\nZie doorgestuurd bericht.\r\n--b\r\n${returnedMessage}\r\n--b--\r\n`,
      );
      expect(classifyIncoming(forwarded, OPTIONS)).toEqual({ kind: 'complaint_candidate' });
    });
  });

  describe('our own mail', () => {
    it.each([
      ['our address as sender', ['From: Klachten <KLACHTEN@kantoor.nl>'], 'our_address'],
      ['our envelope sender', ['Return-Path: <bounces@kantoor.nl>'], 'our_address'],
      ['our loop header', [`X-Klachtwijzer-Loop: ${OUR_LETTER}`], 'loop_header'],
      ['our own Message-ID', [`Message-ID: ${OUR_LETTER}`], 'our_message_id'],
    ])('%s → own_mail', async (_name, headers, signal) => {
      expect(classifyIncoming(await message(headers), OPTIONS)).toEqual({ kind: 'own_mail', signal });
    });

    it('ignores our control headers when they do not verify', async () => {
      const forged = await message([
        'X-Klachtwijzer-Loop: <kw.bm9wZQ.AAAAAAAAAAAAAAAAAAAAAA@kantoor.nl>',
        'X-Klachtwijzer-Classification: own_mail',
        'X-Klachtwijzer-Auto-Submitted: no',
      ]);
      expect(classifyIncoming(forged, OPTIONS)).toEqual({ kind: 'complaint_candidate' });
      const automatic = await message(['Auto-Submitted: auto-replied', 'X-Klachtwijzer-Trusted: yes']);
      expect(classifyIncoming(automatic, OPTIONS)).toEqual({ kind: 'auto_reply', signal: 'auto_submitted' });
    });
  });
});
