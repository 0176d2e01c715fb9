import { sendDueMail } from '../letters/outbox-sender.ts';
import type { JobDefinition } from './job-definition.ts';

/** Sends due mail from the outbox; steps that queue mail also trigger a run right after they commit. */
export const sendOutboxJob: JobDefinition = {
  name: 'send-outbox',
  schedule: { cron: '* * * * *', description: 'elke minuut' },
  async handle({ db, clock, log, secrets }) {
    let report;
    do {
      report = await sendDueMail({ db, clock, log, secrets });
      if (report.sent + report.failed > 0) log.info(report, 'outbox sent');
    } while (report.sent + report.retried + report.failed >= 50);
  },
};
