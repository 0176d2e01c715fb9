import { systemClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { withSystem } from '../db/tenant.ts';
import { fillDemoOrganisation } from '../demo/fill-demo.ts';
import { DEMO_ORGANISATION } from '../demo/demo-organisation.ts';
import { findOrganisationBySlug } from '../organisations/organisation.repository.ts';
import { createOrganisation } from '../organisations/organisation.service.ts';

export async function demoCommand(): Promise<number> {
  const config = loadConfig();
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    let organisation = await withSystem(handle.db, (tx) =>
      findOrganisationBySlug(tx, DEMO_ORGANISATION.slug),
    );
    if (!organisation) {
      const created = await createOrganisation(handle.db, systemClock, DEMO_ORGANISATION);
      organisation = created.organisation;
      process.stdout.write(
        `Demo organisation created. Administrator ${created.adminEmail}, one-time password ` +
          `${created.adminOneTimePassword}, API token ${created.adminApiToken}\n`,
      );
    }
    const result = await fillDemoOrganisation(handle.db, systemClock, organisation.id);
    process.stdout.write(
      result.skipped
        ? `The demo organisation already holds complaints; nothing added.\n`
        : `Added ${result.complaints} demo complaints to ${organisation.name}.\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
