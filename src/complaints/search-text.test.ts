import { describe, expect, it } from 'vitest';
import { searchText } from './search-text.ts';

describe('search text for websearch_to_tsquery', () => {
  it.each([
    ['  klachten   over   schade ', 'klachten over schade'],
    ['KL-2026-0042', '"KL 2026 0042"'],
    ['2026-0042 Jansen', '"2026 0042" Jansen'],
    ['hypotheek -KL-2026-0001', 'hypotheek -"KL 2026 0001"'],
    ['"brief van KL-2026-0042"', '"brief van KL 2026 0042"'],
    // Hyphenated words stay words; a leading minus still excludes.
    ['schade-expert -auto', 'schade-expert -auto'],
    ['   ', null],
  ])('%j becomes %j', (input, expected) => {
    expect(searchText(input)).toBe(expected);
  });
});
