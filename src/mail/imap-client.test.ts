import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImapServer, type ImapServer } from '../../test/support/imap-server.ts';
import {
  ImapOpenError,
  openMailbox,
  PROCESSED_KEYWORD,
  type FetchedMessage,
  type ImapAccount,
  type ImapOpenFailure,
} from './imap-client.ts';

function mail(n: number): string {
  return [
    'From: Jan <jan@example.nl>',
    'To: klachten@kantoor.nl',
    `Subject: Klacht ${n}`,
    `Message-ID: <client-${n}@example.nl>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Klacht nummer ${n}: één probleem.`,
    '',
  ].join('\r\n');
}

async function collect(messages: AsyncIterable<FetchedMessage>): Promise<FetchedMessage[]> {
  const all: FetchedMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

describe('openMailbox', () => {
  let server: ImapServer;
  let account: ImapAccount;

  beforeAll(async () => {
    server = await startImapServer();
    await server.addUser('intake', 'geheim');
    account = {
      host: server.host,
      port: server.port,
      user: 'intake',
      password: 'geheim',
      secure: false,
      allowCleartext: true,
    };
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('fetches the messages after a UID with their INTERNALDATE and exact bytes', async () => {
    const past = new Date('2026-01-02T08:30:00Z');
    const first = await server.append('intake', 'INBOX', mail(1), { internalDate: past });
    const second = await server.append('intake', 'INBOX', mail(2));
    const third = await server.append('intake', 'INBOX', mail(3), {
      internalDate: new Date('2026-03-04T10:00:00Z'),
    });

    const mailbox = await openMailbox(account, 'INBOX');
    try {
      expect(mailbox.uidValidity).toBe(first.uidValidity);
      const all = await collect(mailbox.fetchSince(0));
      expect(all.map((message) => message.uid)).toEqual([first.uid, second.uid, third.uid]);
      expect(all[0]!.internalDate.toISOString()).toBe(past.toISOString());
      expect(all[2]!.internalDate.toISOString()).toBe('2026-03-04T10:00:00.000Z');
      expect(all[0]!.raw.toString('utf8')).toBe(mail(1));

      expect((await collect(mailbox.fetchSince(second.uid))).map((message) => message.uid)).toEqual([
        third.uid,
      ]);
      // IMAP's "N:*" includes the last message even when N is past it.
      expect(await collect(mailbox.fetchSince(third.uid))).toEqual([]);
      expect(await collect(mailbox.fetchSince(third.uid + 100))).toEqual([]);
    } finally {
      await mailbox.close();
    }
  });

  it('marks messages as processed while it iterates', async () => {
    const mailbox = await openMailbox(account, 'INBOX');
    const marked: number[] = [];
    try {
      for await (const message of mailbox.fetchSince(0)) {
        await mailbox.markProcessed(message.uid);
        marked.push(message.uid);
      }
    } finally {
      await mailbox.close();
    }
    expect(marked.length).toBeGreaterThan(0);

    const check = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'intake', pass: 'geheim' },
      logger: false,
    });
    await check.connect();
    try {
      await check.mailboxOpen('INBOX');
      const unprocessed = await check.search({ unKeyword: PROCESSED_KEYWORD }, { uid: true });
      const unseen = await check.search({ seen: false }, { uid: true });
      expect(unprocessed).toEqual([]);
      expect(unseen).toEqual([]);
    } finally {
      await check.logout();
    }
  });

  it('sees a new UIDVALIDITY after the mailbox was recreated', async () => {
    const before = await openMailbox(account, 'INBOX');
    const oldValidity = before.uidValidity;
    const count = (await collect(before.fetchSince(0))).length;
    await before.close();

    await server.recreateMailbox('intake', 'INBOX');

    const after = await openMailbox(account, 'INBOX');
    try {
      expect(after.uidValidity).not.toBe(oldValidity);
      const again = await collect(after.fetchSince(0));
      expect(again.map((message) => message.uid)).toEqual(
        Array.from({ length: count }, (_, index) => index + 1),
      );
      expect(again[0]!.internalDate.toISOString()).toBe('2026-01-02T08:30:00.000Z');
    } finally {
      await after.close();
    }
  });

  it.each<[string, Partial<ImapAccount>, string, ImapOpenFailure]>([
    ['a wrong password', { password: 'fout' }, 'INBOX', 'authentication_failed'],
    ['a mailbox that does not exist', {}, 'Bestaat-niet', 'mailbox_not_found'],
    ['clear text when it was not allowed', { allowCleartext: false }, 'INBOX', 'tls_unavailable'],
    ['a port nobody listens on', { port: 1 }, 'INBOX', 'connection_failed'],
  ])('says why it cannot open with %s', async (_name, change, mailbox, reason) => {
    const error = await openMailbox({ ...account, ...change }, mailbox).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImapOpenError);
    expect((error as ImapOpenError).reason).toBe(reason);
  });
});
