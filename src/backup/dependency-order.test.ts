import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DependencyCycleError, orderByDependencies } from './dependency-order.ts';

describe('orderByDependencies', () => {
  it('puts every parent before its children', () => {
    const order = orderByDependencies(
      ['documents', 'complaints', 'organisations', 'dossier_items'],
      [
        { child: 'complaints', parent: 'organisations' },
        { child: 'documents', parent: 'complaints' },
        { child: 'documents', parent: 'dossier_items' },
        { child: 'dossier_items', parent: 'complaints' },
      ],
    );
    expect(order).toEqual(['organisations', 'complaints', 'dossier_items', 'documents']);
  });

  it('ignores self-references and tables outside the set', () => {
    expect(
      orderByDependencies(
        ['b', 'a'],
        [
          { child: 'a', parent: 'a' },
          { child: 'b', parent: 'pgboss.job' },
        ],
      ),
    ).toEqual(['a', 'b']);
  });

  it('names the tables of a cycle', () => {
    const attempt = () =>
      orderByDependencies(
        ['a', 'b', 'c'],
        [
          { child: 'a', parent: 'b' },
          { child: 'b', parent: 'a' },
        ],
      );
    expect(attempt).toThrow(DependencyCycleError);
    expect(attempt).toThrow('a, b');
  });

  it('orders any acyclic graph completely and parent-first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            // Edges only from a higher to a lower index: acyclic by construction.
            fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 30 }),
          ),
        ),
        ([n, pairs]) => {
          const tables = Array.from({ length: n }, (_, i) => `t${i}`);
          const edges = pairs
            .filter(([x, y]) => x > y)
            .map(([x, y]) => ({ child: `t${x}`, parent: `t${y}` }));
          const order = orderByDependencies(tables.toReversed(), edges);
          expect(order.toSorted()).toEqual(tables.toSorted());
          for (const { child, parent } of edges) {
            expect(order.indexOf(parent)).toBeLessThan(order.indexOf(child));
          }
        },
      ),
    );
  });
});
