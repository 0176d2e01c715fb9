import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
} from '../../test/support/factories.ts';
import { databaseKinds, openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { readMigrationState } from './migrator.ts';
import { withTenant } from './tenant.ts';

/**
 * Tables that are deliberately not per organisation: the tenant root, Kysely's books, the nightly
 * check over all firms, and the installation's rate limits and used proofs-of-work (decision 0016).
 * None of them is referenced by a tenant table.
 */
const INSTALLATION_WIDE = [
  'organisations',
  'kysely_migration',
  'kysely_migration_lock',
  'chain_verifications',
  'rate_limit_hits',
  'proof_of_work_uses',
];

describe.each(databaseKinds())('database on %s', (kind) => {
  let database: TestDatabase;
  let orgA: TestOrganisation;
  let orgB: TestOrganisation;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    orgA = await createTestOrganisation(database.handle.db);
    orgB = await createTestOrganisation(database.handle.db);
    await createTestComplaint(database.handle.db, orgA);
    await createTestComplaint(database.handle.db, orgB);
  });
  afterAll(async () => database.close());

  it('has every migration applied and knows no others', async () => {
    const state = await readMigrationState(database.handle.db);
    expect(state).toEqual({ current: true, pending: [], unknown: [] });
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
      database.handle.db,
    );
    expect(applied.rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('starts every key of a tenant table with organisation_id', async () => {
    const keys = await sql<{ table_name: string; constraint_name: string; first_column: string }>`
      SELECT tc.table_name, tc.constraint_name, kcu.column_name AS first_column
      FROM information_schema.table_constraints tc
      JOIN information_schema.key_column_usage kcu
        ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
       AND kcu.ordinal_position = 1
      WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
        AND tc.table_name NOT IN (${sql.join(INSTALLATION_WIDE.map((t) => sql.lit(t)))})`.execute(
      database.handle.db,
    );
    expect(keys.rows.length).toBeGreaterThan(10);
    expect(keys.rows.filter((k) => k.first_column !== 'organisation_id')).toEqual([]);
    const indexes = await sql<{ indexname: string; indexdef: string }>`
      SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE INDEX%'
        AND tablename NOT IN (${sql.join(INSTALLATION_WIDE.map((t) => sql.lit(t)))})`.execute(
      database.handle.db,
    );
    expect(indexes.rows.filter((i) => !/\(organisation_id[,)]/.test(i.indexdef))).toEqual([]);
  });

  it("ties every foreign key to the organisation, so one firm's rows can live on one shard", async () => {
    const pairs = await sql<{
      name: string;
      child: string;
      parent: string;
      child_column: string;
      parent_column: string;
    }>`
      SELECT k.conname AS name, k.conrelid::regclass::text AS child, k.confrelid::regclass::text AS parent,
             ca.attname AS child_column, pa.attname AS parent_column
        FROM pg_constraint k
        JOIN pg_namespace n ON n.oid = k.connamespace
        CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS cols(child_attnum, parent_attnum)
        JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = cols.child_attnum
        JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = cols.parent_attnum
       WHERE k.contype = 'f' AND n.nspname = 'public'`.execute(database.handle.db);
    const byConstraint = Map.groupBy(pairs.rows, (p) => p.name);
    expect(byConstraint.size).toBeGreaterThan(30);
    const untied = [...byConstraint.values()]
      .filter((columns) => {
        const parent = columns[0]!.parent;
        const tenantColumn = parent === 'organisations' ? 'id' : 'organisation_id';
        return !columns.some((c) => c.child_column === 'organisation_id' && c.parent_column === tenantColumn);
      })
      .map((columns) => `${columns[0]!.child} -> ${columns[0]!.parent} (${columns[0]!.name})`);
    expect(untied).toEqual([]);
  });

  it('row-level security hides other organisations even from a query without a filter', async () => {
    const seen = await withTenant(database.handle.db, orgB.id, async (tx) => {
      const complaints = await sql<{
        organisation_id: string;
      }>`SELECT organisation_id FROM complaints`.execute(tx);
      const organisations = await sql<{ id: string }>`SELECT id FROM organisations`.execute(tx);
      const events = await sql<{
        organisation_id: string;
      }>`SELECT organisation_id FROM dossier_events`.execute(tx);
      return { complaints: complaints.rows, organisations: organisations.rows, events: events.rows };
    });
    expect(seen.complaints.length).toBeGreaterThan(0);
    expect(seen.complaints.every((r) => r.organisation_id === orgB.id)).toBe(true);
    expect(seen.organisations).toEqual([{ id: orgB.id }]);
    expect(seen.events.every((r) => r.organisation_id === orgB.id)).toBe(true);
  });

  it('row-level security refuses writing a row for another organisation', async () => {
    await expect(
      withTenant(database.handle.db, orgB.id, (tx) =>
        sql`INSERT INTO complainants (organisation_id, id, name, created_at)
            VALUES (${orgA.id}, gen_random_uuid(), 'Indringer', now())`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(database.handle.db, orgB.id, async (tx) => {
        const result =
          await sql`UPDATE complaints SET description = 'gewijzigd' WHERE organisation_id = ${orgA.id}`.execute(
            tx,
          );
        return Number(result.numAffectedRows ?? 0n);
      }),
    ).resolves.toBe(0);
  });

  it('sees nothing at all when no organisation is set', async () => {
    const rows = await database.handle.db.transaction().execute(async (tx) => {
      await sql`SELECT set_config('role', 'klachtwijzer_app', true)`.execute(tx);
      return (await sql`SELECT id FROM complaints`.execute(tx)).rows;
    });
    expect(rows).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on dossier events, even for the owner', async () => {
    const db = database.handle.db;
    await expect(sql`UPDATE dossier_events SET type = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM dossier_events`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE dossier_events CASCADE`.execute(db)).rejects.toThrow(/append-only/);
    const count = await sql<{ n: string }>`SELECT count(*)::text AS n FROM dossier_events`.execute(db);
    expect(Number(count.rows[0]!.n)).toBeGreaterThanOrEqual(2);
  });

  it('does not let the application role change events even with the trigger gone', async () => {
    const grants = await sql<{ privilege_type: string }>`
      SELECT privilege_type FROM information_schema.role_table_grants
      WHERE grantee = 'klachtwijzer_app' AND table_name = 'dossier_events'
      ORDER BY privilege_type`.execute(database.handle.db);
    expect(grants.rows.map((g) => g.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });
});

describe('schema on both engines', () => {
  it.runIf(databaseKinds().includes('postgres'))('is identical on PGlite and PostgreSQL', async () => {
    const describeSchema = async (database: TestDatabase): Promise<string[]> => {
      const columns = await sql<{ line: string }>`
        SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
               || ' ' || coalesce(column_default, '') AS line
        FROM information_schema.columns WHERE table_schema = 'public'`.execute(database.handle.db);
      const constraints = await sql<{ line: string }>`
        -- PostgreSQL 18 also lists NOT NULL as constraints (contype n); columns already cover them.
        SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 'n'`.execute(
        database.handle.db,
      );
      const indexes = await sql<{ line: string }>`
        SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`.execute(database.handle.db);
      const policies = await sql<{ line: string }>`
        SELECT tablename || ' ' || policyname || ' ' || coalesce(qual, '') || ' ' || coalesce(with_check, '') AS line
        FROM pg_policies WHERE schemaname = 'public'`.execute(database.handle.db);
      return [...columns.rows, ...constraints.rows, ...indexes.rows, ...policies.rows]
        .map((r) => r.line)
        .toSorted();
    };
    const lite = await openTestDatabase('pglite');
    const server = await openTestDatabase('postgres');
    try {
      expect(await describeSchema(lite)).toEqual(await describeSchema(server));
    } finally {
      await lite.close();
      await server.close();
    }
  });
});
