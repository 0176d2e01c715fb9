import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { columnPolicyMarkdown, policyGaps } from '../domain/privacy/column-policy.ts';
import { TABLE_POLICIES } from '../domain/privacy/table-policies.ts';
import { DOSSIER_SCOPES, REBUILDS } from './anonymise.repository.ts';
import { CANCELLATION_SCOPES } from './cancellation-scopes.ts';

describe('the privacy policy of every column', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => database.close());

  it('names every table and column the database has, and nothing it has not', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(database.handle.db);
    const catalog = new Map<string, string[]>();
    for (const row of rows)
      catalog.set(row.table_name, [...(catalog.get(row.table_name) ?? []), row.column_name]);
    const gaps = policyGaps(catalog);
    // A new table or column? Decide what anonymisation does with it in
    // src/domain/privacy/table-policies.ts, then regenerate the table in docs/privacy.md.
    expect(gaps).toEqual({ unclassified: [], unknown: [] });
  });

  it('knows for every dossier table which rows belong to a dossier', () => {
    const dossierTables = Object.entries(TABLE_POLICIES)
      .filter(([, policy]) => policy.kind !== 'outside')
      .map(([table]) => table);
    expect(dossierTables.filter((table) => !DOSSIER_SCOPES[table])).toEqual([]);
    expect(Object.keys(DOSSIER_SCOPES).filter((table) => !dossierTables.includes(table))).toEqual([]);
  });

  it('says for every dossier table whether a cancellation request on its own has rows there', () => {
    const dossierTables = Object.entries(TABLE_POLICIES)
      .filter(([, policy]) => policy.kind !== 'outside')
      .map(([table]) => table);
    // A scope, or null on purpose: a new table must be decided on here as well.
    expect(Object.keys(CANCELLATION_SCOPES).toSorted()).toEqual(dossierTables.toSorted());
    // What a derived table is made from is a dossier; a cancellation request has none.
    expect(Object.keys(REBUILDS).filter((table) => CANCELLATION_SCOPES[table] !== null)).toEqual([]);
  });

  it('knows how to make every derived column again, and makes nothing else', () => {
    const derived = Object.entries(TABLE_POLICIES)
      .filter(
        ([, policy]) =>
          policy.kind === 'dossier_update' &&
          Object.values(policy.columns).some(({ treatment }) => treatment === 'rebuilt'),
      )
      .map(([table]) => table);
    expect(derived).toEqual(['complaint_search']);
    expect(Object.keys(REBUILDS).toSorted()).toEqual(derived.toSorted());
  });

  it('makes the search index again only after every table it is made from', () => {
    // refresh_complaint_search reads these; the policies are applied in the order they are listed.
    const order = Object.keys(TABLE_POLICIES);
    for (const source of ['complaints', 'complainants', 'dossier_items', 'intake_items']) {
      expect(order.indexOf(source), source).toBeLessThan(order.indexOf('complaint_search'));
    }
  });

  it('is written out in docs/privacy.md exactly as the code has it', () => {
    const doc = fs.readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
    expect(doc).toContain(columnPolicyMarkdown());
  });
});
