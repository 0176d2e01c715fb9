import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type SmtpTestServer } from './smtp-server.ts';

describe('startSmtpServer', () => {
  let server: SmtpTestServer;

  beforeAll(async () => {
    server = await startSmtpServer();
  });

  beforeEach(() => {
    server.acceptAll();
  });

  afterAll(async () => {
    await server?.stop();
  });

  function transport(socketTimeout = 10_000) {
    return createTransport({
      host: server.host,
      port: server.port,
      secure: false,
      ignoreTLS: true,
      socketTimeout,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
    });
  }

  const letter = (n: number) => ({
    from: 'klachten@kantoor.nl',
    to: 'jan@example.nl',
    subject: `Ontvangstbevestiging [KL-2026-000${n}]`,
    text: `Geachte heer, wij hebben uw klacht ontvangen (${n}).`,
    messageId: `<letter-${n}@kantoor.nl>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });

  it('accepts a message and keeps its envelope and exact bytes', async () => {
    const before = server.received.length;
    const info = await transport().sendMail({
      ...letter(1),
      envelope: { from: 'bounces@kantoor.nl', to: ['jan@example.nl', 'archief@kantoor.nl'] },
    });
    expect(info.accepted).toEqual(['jan@example.nl', 'archief@kantoor.nl']);
    const [message] = (await server.waitForMessages(before + 1)).slice(before);
    expect(message!.envelope).toEqual({
      mailFrom: 'bounces@kantoor.nl',
      rcptTo: ['jan@example.nl', 'archief@kantoor.nl'],
    });
    const raw = message!.raw.toString('utf8');
    expect(raw).toContain('Message-ID: <letter-1@kantoor.nl>');
    expect(raw).toContain('Auto-Submitted: auto-generated');
    expect(raw).toContain('wij hebben uw klacht ontvangen (1)');
  });

  it('keeps the null sender of a bounce as null', async () => {
    const before = server.received.length;
    await transport().sendMail({ ...letter(2), envelope: { from: '', to: 'jan@example.nl' } });
    const [message] = (await server.waitForMessages(before + 1)).slice(before);
    expect(message!.envelope.mailFrom).toBeNull();
  });

  it('answers the next N messages with 451 and then accepts again', async () => {
    server.answerNext(2, 'temporary_failure');
    const mailer = transport();
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(mailer.sendMail(letter(3))).rejects.toMatchObject({ responseCode: 451 });
    }
    const before = server.received.length;
    await mailer.sendMail(letter(3));
    expect(server.received.length).toBe(before + 1);
    expect(server.attempts.slice(-3).map((attempt) => attempt.answer)).toEqual([
      'temporary_failure',
      'temporary_failure',
      'accept',
    ]);
  });

  it('answers 550 while told to fail permanently', async () => {
    server.answerNext(Infinity, 'permanent_failure');
    const mailer = transport();
    await expect(mailer.sendMail(letter(4))).rejects.toMatchObject({ responseCode: 550 });
    await expect(mailer.sendMail(letter(4))).rejects.toMatchObject({ responseCode: 550 });
    server.acceptAll();
    await expect(mailer.sendMail(letter(4))).resolves.toMatchObject({ accepted: ['jan@example.nl'] });
  });

  it('hangs after DATA until the client gives up', async () => {
    server.answerNext(1, 'hang');
    const before = server.attempts.length;
    const started = Date.now();
    await expect(transport(500).sendMail(letter(5))).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    // The whole message arrived; only the answer never came.
    expect(server.attempts[before]).toMatchObject({ answer: 'hang' });
    expect(server.attempts[before]!.raw.toString('utf8')).toContain('ontvangen (5)');
    await expect(transport().sendMail(letter(6))).resolves.toMatchObject({ accepted: ['jan@example.nl'] });
  });

  it('stops promptly even with a client hanging on it', async () => {
    const other = await startSmtpServer();
    other.answerNext(1, 'hang');
    const mailer = createTransport({
      host: other.host,
      port: other.port,
      ignoreTLS: true,
      socketTimeout: 30_000,
    });
    const sending = mailer.sendMail(letter(7)).catch((error: unknown) => error);
    while (other.attempts.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    // Not a speed check: stop() must not wait out the 30 s socket timeout of the hanging session.
    await other.stop();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await sending).toBeInstanceOf(Error);
  });
});
