import { resumeBulkAssignments, runBulkAssignment } from '../complaints/bulk-assignment.runner.ts';
import type { BulkAssignmentJob } from '../complaints/bulk-assignment.service.ts';
import type { JobContext, JobDefinition } from './job-definition.ts';

export const BULK_ASSIGNMENTS_JOB = 'bulk-assignments';

function isJob(data: unknown): data is BulkAssignmentJob {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as BulkAssignmentJob).organisationId === 'string' &&
    typeof (data as BulkAssignmentJob).bulkAssignmentId === 'string'
  );
}

/**
 * Reassigns the complaints of one request (sent by the API after it stored the request); every
 * minute without data it picks up requests whose job was lost.
 */
export const bulkAssignmentsJob: JobDefinition = {
  name: BULK_ASSIGNMENTS_JOB,
  schedule: { cron: '* * * * *', description: 'elke minuut' },
  async handle({ db, clock, log, secrets, publicBaseUrl }: JobContext, data) {
    const deps = { db, clock, letters: { secrets, ...(publicBaseUrl ? { publicBaseUrl } : {}) } };
    if (isJob(data)) {
      await runBulkAssignment(deps, data);
      return;
    }
    const resumed = await resumeBulkAssignments(deps);
    if (resumed > 0) log.info({ resumed }, 'bulk assignments resumed');
  },
};
