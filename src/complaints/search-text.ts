/**
 * The user's search text as websearch_to_tsquery should read it. The text search parser splits a
 * reference such as "KL-2026-0042" into 'kl', '-2026', '-0042' (signed numbers), so "2026-0042"
 * would never meet it; the search document also holds the reference with spaces, and a
 * reference-like word here becomes that spaced form as a phrase.
 */
const REFERENCE_LIKE = /(?<=^-?|\s-?)[A-Za-z0-9]+(?:-\d+)+(?![\w-])/g;

export function searchText(input: string): string | null {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  // Inside a quoted phrase another pair of quotes would end it early: there, spaces alone will do.
  const quoted = text.includes('"');
  return text.replace(REFERENCE_LIKE, (word) => {
    const spaced = word.replaceAll('-', ' ');
    return quoted ? spaced : `"${spaced}"`;
  });
}
