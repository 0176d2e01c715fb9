export interface ForeignKeyEdge {
  /** The table holding the foreign key. */
  child: string;
  /** The table it points to. */
  parent: string;
}

export class DependencyCycleError extends Error {
  readonly tables: readonly string[];
  constructor(tables: readonly string[]) {
    super(`foreign keys form a cycle between ${tables.join(', ')}; a restore cannot order them`);
    this.name = 'DependencyCycleError';
    this.tables = tables;
  }
}

/**
 * Tables in an order in which every row can be inserted after the rows it points to, so a restore
 * needs neither deferred constraints nor superuser rights to switch triggers off. Ties are broken by
 * name so a backup of the same schema always lists its tables in the same order.
 */
export function orderByDependencies(tables: readonly string[], edges: readonly ForeignKeyEdge[]): string[] {
  const known = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) {
    // A self-reference is inserted in one go and a table outside the set is not ours to order.
    if (child === parent || !known.has(child) || !known.has(parent)) continue;
    parents.get(child)!.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...parents.entries()]
      .filter(([table, needs]) => !placed.has(table) && [...needs].every((p) => placed.has(p)))
      .map(([table]) => table)
      .toSorted();
    if (ready.length === 0) {
      throw new DependencyCycleError(tables.filter((t) => !placed.has(t)).toSorted());
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}
