import { pollAllMailboxes } from '../intake/mail-intake.ts';
import type { JobDefinition } from './job-definition.ts';

/** Reads every enabled mailbox; one job per minute across all processes (pg-boss schedules it once). */
export const pollMailboxesJob: JobDefinition = {
  name: 'poll-mailboxes',
  schedule: { cron: '* * * * *', description: 'elke minuut' },
  async handle({ db, clock, log, secrets, limits }) {
    const reports = await pollAllMailboxes({
      db,
      clock,
      log,
      secrets,
      maxMessageBytes: limits.maxMailBytes,
      maxAttachmentBytes: limits.maxAttachmentBytes,
    });
    const stored = reports.reduce((sum, r) => sum + r.stored, 0);
    if (stored > 0) log.info({ mailboxes: reports.length, stored }, 'mail taken in');
  },
};
