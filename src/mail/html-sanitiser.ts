import sanitizeHtml from 'sanitize-html';

/**
 * HTML from a complainant's mail is shown to staff, so it passes a strict allowlist: text structure,
 * tables, links and inline images only. No scripts, styles, forms, frames, SVG or MathML, no event
 * handlers, no URL schemes but http(s) and mailto for links and cid: for images — remote images
 * would tell the sender when a handler opened the mail.
 *
 * The parser underneath is quadratic in nesting depth (100,000 nested elements take seconds) and
 * cannot be interrupted, so HTML is refused before parsing when it is too long or holds too many
 * tags; the caller falls back to the text part and keeps the raw message for download.
 */
export interface HtmlBudget {
  /** Characters of HTML (after transfer and charset decoding). */
  maxLength: number;
  /** Opening tags; bounds the nesting depth, which is what costs time. */
  maxTags: number;
}

export const DEFAULT_HTML_BUDGET: HtmlBudget = { maxLength: 1_000_000, maxTags: 20_000 };

export type HtmlRefusal = 'too_large' | 'too_complex';

export type SanitisedHtml = { ok: true; html: string } | { ok: false; reason: HtmlRefusal };

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
];

// Elements whose content is markup, code or form state rather than readable text: dropped whole.
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'noscript',
  'title',
  'head',
  'xmp',
  'plaintext',
  'listing',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'noembed',
  'object',
  'embed',
  'applet',
  'template',
  'svg',
  'math',
  'button',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['cid'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
  // Relative URLs are not in the scheme check; in a mail they can only point into our own app.
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: {
        ...withoutUnless(attribs, 'href', /^(?:https?:\/\/|mailto:)/i),
        rel: 'noopener noreferrer nofollow',
        target: '_blank',
      },
    }),
    img: (tagName, attribs) => ({ tagName, attribs: withoutUnless(attribs, 'src', /^cid:/i) }),
  },
  // An image left without a source (it was remote, data:, javascript: or relative) shows nothing.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
};

export function sanitiseHtml(html: string, budget: HtmlBudget = DEFAULT_HTML_BUDGET): SanitisedHtml {
  if (html.length > budget.maxLength) return { ok: false, reason: 'too_large' };
  if (countOpeningTags(html, budget.maxTags) > budget.maxTags) return { ok: false, reason: 'too_complex' };
  return { ok: true, html: sanitizeHtml(html, OPTIONS) };
}

function withoutUnless(
  attribs: sanitizeHtml.Attributes,
  name: string,
  allowed: RegExp,
): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined || allowed.test(value.trim())) return attribs;
  const { [name]: _removed, ...rest } = attribs;
  return rest;
}

function countOpeningTags(html: string, stopAbove: number): number {
  let count = 0;
  for (const _ of html.matchAll(/<[a-zA-Z]/g)) {
    if (++count > stopAbove) break;
  }
  return count;
}
