import { anonymiseAllOrganisations } from '../privacy/anonymisation.service.ts';
import type { JobDefinition } from './job-definition.ts';

/**
 * Anonymises every dossier whose retention term ended (and that no legal hold keeps) in every
 * organisation. Nightly: a term ends on a date, and a day's delay is well within "no longer than
 * needed"; pg-boss runs it once across all processes.
 */
export const anonymiseDossiersJob: JobDefinition = {
  name: 'anonymise-dossiers',
  schedule: { cron: '45 2 * * *', description: 'elke nacht om 02:45' },
  async handle({ db, clock, log }) {
    const runs = await anonymiseAllOrganisations({ db, clock });
    const anonymised = runs.reduce((sum, run) => sum + run.anonymised.length, 0);
    const held = runs.reduce((sum, run) => sum + run.held.length, 0);
    if (anonymised + held > 0) log.info({ anonymised, held }, 'retention: dossiers anonymised');
  },
};
