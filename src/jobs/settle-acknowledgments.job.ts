import { settleAcknowledgmentTasks } from '../letters/auto-acknowledgment.ts';
import { sendDueMail } from '../letters/outbox-sender.ts';
import type { JobDefinition } from './job-definition.ts';

/**
 * Settles the acknowledgment of new complaints: sent automatically where the organisation chose
 * so, else a person is told. A minute is nothing against R2's three working days; what matters is
 * that no task is lost, and each registration's task commits with the complaint.
 */
export const settleAcknowledgmentsJob: JobDefinition = {
  name: 'settle-acknowledgments',
  schedule: { cron: '* * * * *', description: 'elke minuut' },
  async handle({ db, clock, log, secrets, publicBaseUrl }) {
    let report;
    do {
      report = await settleAcknowledgmentTasks({
        db,
        clock,
        letters: { secrets, ...(publicBaseUrl ? { publicBaseUrl } : {}) },
      });
      if (report.settled + report.failed > 0) log.info(report, 'acknowledgments settled');
      // The automatic acknowledgments leave now instead of at the outbox's next minute.
      if (report.sent > 0) await sendDueMail({ db, clock, log, secrets });
    } while (report.settled + report.failed >= 50);
  },
};
