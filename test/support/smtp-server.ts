import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP listener on a free loopback port that keeps what it receives (envelope and exact
 * bytes), for tests of the letters and the outbox. It can be told to answer the next messages with
 * a temporary failure (451), a permanent one (550), or not at all: it then reads the message and
 * never answers the end of DATA, like a server that hangs.
 */
export type SmtpAnswer = 'accept' | 'temporary_failure' | 'permanent_failure' | 'hang';

export interface SmtpEnvelope {
  /** Null for the null sender (MAIL FROM:<>), as bounces use. */
  mailFrom: string | null;
  rcptTo: string[];
}

export interface SmtpAttempt {
  envelope: SmtpEnvelope;
  raw: Buffer;
  answer: SmtpAnswer;
  at: Date;
}

export interface SmtpTestServer {
  host: string;
  port: number;
  /** The messages that were accepted, in order. */
  readonly received: readonly SmtpAttempt[];
  /** Every DATA transaction, whatever the answer. */
  readonly attempts: readonly SmtpAttempt[];
  /** Answers the next `count` messages this way (Infinity: until told otherwise), then accepts. */
  answerNext(count: number, answer: Exclude<SmtpAnswer, 'accept'>): void;
  /** Accepts every message from now on. Messages already hanging stay unanswered. */
  acceptAll(): void;
  /** Resolves once `count` messages have been accepted in total. */
  waitForMessages(count: number, timeoutMs?: number): Promise<readonly SmtpAttempt[]>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startSmtpServer(): Promise<SmtpTestServer> {
  const attempts: SmtpAttempt[] = [];
  const received: SmtpAttempt[] = [];
  const queue: { answer: Exclude<SmtpAnswer, 'accept'>; remaining: number }[] = [];
  const waiters = new Set<() => void>();

  const nextAnswer = (): SmtpAnswer => {
    const head = queue[0];
    if (!head) return 'accept';
    head.remaining--;
    if (head.remaining <= 0) queue.shift();
    return head.answer;
  };

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // stop() should not wait half a minute for a client that is being hung on purpose.
    closeTimeout: 200,
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const answer = nextAnswer();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const attempt: SmtpAttempt = {
          envelope: {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
            rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          },
          raw: Buffer.concat(chunks),
          answer,
          at: new Date(),
        };
        attempts.push(attempt);
        switch (answer) {
          case 'accept':
            received.push(attempt);
            for (const wake of waiters) wake();
            callback(null, 'Ok: queued by the test server');
            return;
          case 'temporary_failure':
            callback(withCode(new Error('4.3.0 Temporary failure (test server)'), 451));
            return;
          case 'permanent_failure':
            callback(withCode(new Error('5.1.1 Mailbox unavailable (test server)'), 550));
            return;
          case 'hang':
            return;
        }
      });
    },
  });
  server.on('error', () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    host: HOST,
    port,
    received,
    attempts,
    answerNext(count, answer) {
      if (count > 0) queue.push({ answer, remaining: count });
    },
    acceptAll() {
      queue.length = 0;
    },
    waitForMessages(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (received.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} messages within ${timeoutMs} ms, got ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function withCode(error: Error, responseCode: number): Error {
  return Object.assign(error, { responseCode });
}
