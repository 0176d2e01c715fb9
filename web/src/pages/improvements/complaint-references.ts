import { complaints } from '../../api/endpoints.ts';

/** "KL-2026-0042, KL-2026-0043" → the references, upper-cased, each once. */
export function parseReferences(text: string): string[] {
  const found = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toUpperCase())
    .filter((part) => part !== '');
  return [...new Set(found)];
}

/**
 * Each reference's complaint id, found through the work queue's search (which knows references);
 * the ones not found are returned so the form can name them instead of guessing.
 */
export async function resolveReferences(
  references: readonly string[],
): Promise<{ ids: string[]; unknown: string[] }> {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const reference of references) {
    const page = await complaints.list({ q: reference, limit: 10 });
    const match = page.items.find((item) => item.reference.toUpperCase() === reference);
    if (match) ids.push(match.id);
    else unknown.push(reference);
  }
  return { ids, unknown };
}
