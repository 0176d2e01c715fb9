import { ANONYMISED_TEXT, type ColumnTreatment, type TablePolicy } from './policy-types.ts';
import { TABLE_POLICIES } from './table-policies.ts';

export function columnsOf(policy: TablePolicy): string[] {
  return policy.kind === 'dossier_update' ? Object.keys(policy.columns) : [...policy.columns];
}

/** Columns the database has that the policy does not name, and the other way round. */
export function policyGaps(catalog: ReadonlyMap<string, readonly string[]>): {
  unclassified: string[];
  unknown: string[];
} {
  const unclassified: string[] = [];
  const unknown: string[] = [];
  for (const [table, columns] of catalog) {
    const policy = TABLE_POLICIES[table];
    const named = new Set(policy ? columnsOf(policy) : []);
    for (const column of columns) if (!named.has(column)) unclassified.push(`${table}.${column}`);
  }
  for (const [table, policy] of Object.entries(TABLE_POLICIES)) {
    const present = new Set(catalog.get(table) ?? []);
    for (const column of columnsOf(policy)) if (!present.has(column)) unknown.push(`${table}.${column}`);
  }
  return { unclassified: unclassified.toSorted(), unknown: unknown.toSorted() };
}

const TREATMENT_WORDS: Readonly<Record<ColumnTreatment, string>> = {
  keep: 'kept',
  marker: `replaced by \`${ANONYMISED_TEXT}\``,
  null: 'emptied (NULL)',
  empty_bytes: 'bytes emptied',
  empty_object: 'replaced by `{}`',
  empty_array: 'replaced by `[]`',
  unique_marker: `replaced by \`${ANONYMISED_TEXT}\` + row id`,
  rebuilt: 'rebuilt from the anonymised rows',
};

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The table in docs/privacy.md; a test keeps the two the same. */
export function columnPolicyMarkdown(): string {
  const lines = ['| table | column | on anonymisation | why |', '|---|---|---|---|'];
  for (const table of Object.keys(TABLE_POLICIES).toSorted()) {
    const policy = TABLE_POLICIES[table]!;
    if (policy.kind === 'dossier_update') {
      for (const [column, { treatment, why }] of Object.entries(policy.columns)) {
        lines.push(`| ${table} | ${column} | ${TREATMENT_WORDS[treatment]} | ${cell(why)} |`);
      }
    } else {
      const what = policy.kind === 'dossier_delete' ? 'rows of the dossier deleted' : 'not touched';
      lines.push(`| ${table} | ${policy.columns.join(', ')} | ${what} | ${cell(policy.why)} |`);
    }
  }
  return lines.join('\n');
}
