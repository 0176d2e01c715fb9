import type { Kysely } from 'kysely';
import { issueApiToken } from '../../src/auth/api-token.ts';
import { systemClock } from '../../src/clock.ts';
import type { Database } from '../../src/db/schema.ts';
import { withSystem, withTenant } from '../../src/db/tenant.ts';
import type { GeneratedOrganisation } from './generate.ts';

/**
 * The organisations of an earlier run's data, with a fresh API token for each administrator (the
 * old tokens were shown once and only their digests are stored). Largest organisation first.
 */
export async function loadGeneratedOrganisations(db: Kysely<Database>): Promise<GeneratedOrganisation[]> {
  const rows = await withSystem(db, (tx) =>
    tx
      .selectFrom('organisations as o')
      .select((eb) => [
        'o.id',
        'o.slug',
        eb
          .selectFrom('complaints as c')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('c.organisation_id', '=', 'o.id')
          .as('complaints'),
      ])
      .where('o.slug', 'like', 'bench-%')
      .execute(),
  );
  const organisations: GeneratedOrganisation[] = [];
  for (const row of rows) {
    const users = await withSystem(db, (tx) =>
      tx.selectFrom('users').select(['id', 'roles', 'email']).where('organisation_id', '=', row.id).orderBy('email').execute(),
    );
    const admin = users.find((u) => u.roles.includes('admin'));
    if (!admin) continue;
    const token = await withTenant(db, row.id, (tx) =>
      issueApiToken(tx, systemClock, { organisationId: row.id, userId: admin.id, name: 'benchmark' }),
    );
    organisations.push({
      id: row.id,
      slug: row.slug,
      complaints: Number(row.complaints ?? 0),
      token: token.token,
      handlerIds: users.filter((u) => u.roles.includes('handler')).map((u) => u.id),
    });
  }
  return organisations.sort((a, b) => b.complaints - a.complaints);
}
