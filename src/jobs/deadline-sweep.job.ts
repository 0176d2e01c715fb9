import { sweepDeadlines } from '../procedure/deadline-sweep.ts';
import type { JobDefinition } from './job-definition.ts';

/** Warns one working day before a clock ends and records missed clocks; often enough to be timely. */
export const deadlineSweepJob: JobDefinition = {
  name: 'sweep-deadlines',
  schedule: { cron: '*/15 * * * *', description: 'elk kwartier' },
  async handle({ db, clock, log }) {
    const report = await sweepDeadlines(db, clock);
    if (report.warnings > 0 || report.missed > 0) log.info(report, 'deadline sweep');
  },
};
