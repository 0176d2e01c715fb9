import { purgeExpiredHits } from '../http/rate-limit/rate-limit-store.ts';
import { purgeExpiredProofOfWork } from '../public-form/proof-of-work-uses.ts';
import type { JobDefinition } from './job-definition.ts';

/**
 * Deletes rate-limit rows whose hits have all left their window and proof-of-work uses whose form has
 * expired. Nothing reads them as current any more (every check filters by time), so this only keeps
 * the tables small; a quarter of an hour late costs nothing.
 */
export const purgeLimitsJob: JobDefinition = {
  name: 'purge-expired-limits',
  schedule: { cron: '7,22,37,52 * * * *', description: 'elk kwartier' },
  async handle({ db, clock, log }) {
    const now = clock.now();
    const hits = await purgeExpiredHits(db, now);
    const proofs = await purgeExpiredProofOfWork(db, now);
    if (hits + proofs > 10_000) log.info({ hits, proofs }, 'expired rate-limit rows purged');
  },
};
