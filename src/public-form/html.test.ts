import { describe, expect, it } from 'vitest';
import { escapeHtml, markup } from './html.ts';

describe('markup', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = '"><img src=x onerror=alert(1)>';
    expect(markup`<input value="${name}"><p>${'<script>alert(2)</script>'}</p>`.value).toBe(
      '<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><p>&lt;script&gt;alert(2)&lt;/script&gt;</p>',
    );
    expect(escapeHtml(`a&b'c\`d`)).toBe('a&amp;b&#39;c&#96;d');
  });

  it('nests markup without escaping it twice, and renders nothing for false, null and undefined', () => {
    const items = ['a<b', 'c'].map((item) => markup`<li>${item}</li>`);
    expect(markup`<ul>${items}</ul>${false}${null}${undefined}${0}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>0',
    );
  });
});
