import { purgeExpiredHits } from '../http/rate-limit/rate-limit-store.ts';
import { purgeExpiredDrafts } from '../public-form/draft-store.ts';
import { purgeExpiredProofOfWork } from '../public-form/proof-of-work-uses.ts';
import type { JobDefinition } from './job-definition.ts';

/**
 * Deletes rate-limit rows whose hits have all left their window, proof-of-work uses whose form has
 * expired, and the public form's expired drafts with their files. Nothing reads them as current any
 * more (every read filters by time), so for the limits this only keeps the tables small. For the
 * drafts it is the promise of the form: what was typed and uploaded but never sent holds personal
 * data and is gone within 30 minutes after the last page plus at most a quarter of an hour.
 */
export const purgeLimitsJob: JobDefinition = {
  name: 'purge-expired-limits',
  schedule: { cron: '7,22,37,52 * * * *', description: 'elk kwartier' },
  async handle({ db, clock, log }) {
    const now = clock.now();
    const hits = await purgeExpiredHits(db, now);
    const proofs = await purgeExpiredProofOfWork(db, now);
    const drafts = await purgeExpiredDrafts(db, now);
    if (hits + proofs + drafts > 10_000) log.info({ hits, proofs, drafts }, 'expired rate-limit rows purged');
  },
};
