import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Secrets } from '../secrets.ts';

export interface JobContext {
  db: Kysely<Database>;
  clock: Clock;
  log: Logger;
  secrets: Secrets;
  limits: { maxMailBytes: number; maxAttachmentBytes: number };
  /** Where complainants reach the product (the portal link in automatic letters). */
  publicBaseUrl?: string;
}

/** A background job: its queue name, when it runs by itself (cron, Amsterdam time), and its work. */
export interface JobDefinition {
  name: string;
  schedule?: { cron: string; description: string };
  handle(context: JobContext, data: unknown): Promise<void>;
}
