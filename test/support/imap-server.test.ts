import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startImapServer, type ImapServer } from './imap-server.ts';

const MESSAGE = [
  'From: Jan <jan@example.nl>',
  'To: klachten@kantoor.nl',
  'Subject: Klacht',
  'Message-ID: <harness-1@example.nl>',
  '',
  'Geachte heer,',
  '',
].join('\r\n');

describe('startImapServer', () => {
  let server: ImapServer;
  let second: ImapServer;

  beforeAll(async () => {
    [server, second] = await Promise.all([startImapServer(), startImapServer()]);
    await server.addUser('intake@kantoor.nl', 'geheim');
  });

  afterAll(async () => {
    await Promise.all([server?.stop(), second?.stop()]);
  });

  async function login(): Promise<ImapFlow> {
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'intake@kantoor.nl', pass: 'geheim' },
      logger: false,
    });
    await client.connect();
    return client;
  }

  it('runs two servers side by side on their own ports and folders', () => {
    expect(server.port).not.toBe(second.port);
    expect(server.dir).not.toBe(second.dir);
  });

  it('keeps the INTERNALDATE and UID of an appended message', async () => {
    const internalDate = new Date('2025-12-31T23:59:58Z');
    const appended = await server.append('intake@kantoor.nl', 'INBOX', MESSAGE, {
      internalDate,
      flags: ['\\Flagged'],
    });
    expect(appended.uid).toBeGreaterThan(0);

    const client = await login();
    try {
      const mailbox = await client.mailboxOpen('INBOX');
      expect(Number(mailbox.uidValidity)).toBe(appended.uidValidity);
      const fetched = await client.fetchOne(
        String(appended.uid),
        { uid: true, internalDate: true, flags: true, source: true },
        { uid: true },
      );
      expect(fetched).not.toBe(false);
      if (!fetched) return;
      expect(fetched.uid).toBe(appended.uid);
      expect(new Date(fetched.internalDate!).toISOString()).toBe(internalDate.toISOString());
      expect(fetched.flags?.has('\\Flagged')).toBe(true);
      expect(fetched.source!.toString('utf8')).toBe(MESSAGE);
    } finally {
      await client.logout();
    }
  });

  it('refuses a wrong password and an unknown user', async () => {
    const client = new ImapFlow({
      host: server.host,
      port: server.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: 'intake@kantoor.nl', pass: 'fout' },
      logger: false,
    });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
    await expect(second.append('intake@kantoor.nl', 'INBOX', MESSAGE)).rejects.toThrow(/no such test user/);
  });

  it.each(['INBOX', 'Archief'])(
    'recreates %s under a new UIDVALIDITY, keeping its messages',
    async (mailbox) => {
      const before = await server.append('intake@kantoor.nl', mailbox, MESSAGE, {
        internalDate: new Date('2024-02-29T12:00:00Z'),
      });
      const recreated = await server.recreateMailbox('intake@kantoor.nl', mailbox);
      expect(recreated.uidValidity).not.toBe(before.uidValidity);

      const client = await login();
      try {
        const opened = await client.mailboxOpen(mailbox);
        expect(Number(opened.uidValidity)).toBe(recreated.uidValidity);
        const messages = await client.fetchAll('1:*', { uid: true, internalDate: true });
        expect(messages.map((message) => message.uid)).toEqual(messages.map((_, index) => index + 1));
        expect(messages.map((message) => new Date(message.internalDate!).toISOString())).toContain(
          '2024-02-29T12:00:00.000Z',
        );
      } finally {
        await client.logout();
      }
    },
  );

  it('stops by its master process and removes its folder', async () => {
    const third = await startImapServer();
    await third.stop();
    const { existsSync } = await import('node:fs');
    expect(existsSync(third.dir)).toBe(false);
    const client = new ImapFlow({ host: third.host, port: third.port, secure: false, logger: false });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
