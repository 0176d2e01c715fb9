import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { startSmtpServer, type SmtpTestServer } from '../support/smtp-server.ts';

describe('kill -9 between the commit of a letter and its sending', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-outbox-'));
  let smtp: SmtpTestServer;
  const running: ServerProcess[] = [];
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    for (const server of running) await server.kill();
    await smtp.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'sends the mail after the restart, once, with the Message-ID it was given',
    { timeout: 120_000 },
    async () => {
      // Without jobs nothing sends: the process dies with the letter committed and its mail unsent.
      const first = await startServerProcess({ DATA_DIR: dir, JOBS_ENABLED: 'false' });
      running.push(first);
      const token = first.apiToken!;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const saved = await fetch(`${first.url}/api/v1/organisation/smtp`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({
          host: smtp.host,
          port: smtp.port,
          secure: false,
          username: null,
          fromAddress: 'klachten@demo-assurantien.nl',
          fromName: 'Demo Assurantiën',
          replyTo: null,
        }),
      });
      expect(saved.status).toBe(200);
      const list = (await (
        await fetch(`${first.url}/api/v1/complaints?status=received&limit=50`, { headers })
      ).json()) as {
        items: Array<{ id: string; handlerId: string | null; reference: string }>;
      };
      const complaint = list.items.find((c) => c.handlerId !== null)!;
      const acknowledged = await fetch(`${first.url}/api/v1/complaints/${complaint.id}/actions/acknowledge`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ delivery: 'email' }),
      });
      expect(acknowledged.status).toBe(200);
      await first.kill('SIGKILL');
      expect(smtp.received).toHaveLength(0);

      const second = await startServerProcess({ DATA_DIR: dir, JOBS_ENABLED: 'true' });
      running.push(second);
      const [mail] = await smtp.waitForMessages(1, 30_000);
      const parsed = await simpleParser(mail!.raw);
      expect(parsed.subject).toContain(complaint.reference);
      expect(parsed.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
      const letters = (await (
        await fetch(`${second.url}/api/v1/complaints/${complaint.id}/items`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as Array<{ kind: string }>;
      expect(letters.filter((i) => i.kind === 'letter')).toHaveLength(1);
      expect(parsed.messageId).toMatch(/^<kw\./);
      // Sent once: nothing more arrives.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(smtp.received).toHaveLength(1);
    },
  );
});
