import { recordChainVerification } from '../dossier/chain-verification.ts';
import type { JobDefinition } from './job-definition.ts';

/** Nightly proof that no dossier's event chain was touched; a break is logged at error level. */
export const verifyChainsJob: JobDefinition = {
  name: 'verify-dossier-chains',
  schedule: { cron: '15 3 * * *', description: 'elke nacht om 03:15' },
  async handle({ db, clock, log }) {
    const report = await recordChainVerification(db, clock);
    if (report.broken.length > 0) {
      log.error(
        { broken: report.broken.length, first: report.broken[0] },
        'dossier event chain broken: run `klachtwijzer verify-log` for details',
      );
    } else {
      log.info(
        { complaints: report.complaintsChecked, events: report.eventsChecked },
        'dossier event chains intact',
      );
    }
  },
};
