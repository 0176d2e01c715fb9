import { createRequire } from 'node:module';

/**
 * pdfkit hands every new document the font file's bytes, and fontkit parses them again (cmap, GSUB,
 * GPOS, hmtx: a third of a two-page letter's render time, and most of its garbage). A parsed
 * fontkit font is read-only apart from its glyph caches, and pdfkit keeps what is per document
 * (the subset, the widths, the layout cache) in the EmbeddedFont wrapped around it, so one parse can
 * serve every letter. pdfmake has no option for this; its PDFDocument class gets a `font` method
 * that, for the buffers registered here, wraps the parse of the first document in a fresh
 * EmbeddedFont for each later one and hands that to pdfkit's own `font` by name. Every other
 * font source goes to pdfkit unchanged.
 */
interface EmbeddedFont {
  font: unknown;
  constructor: new (document: PdfkitDocument, font: unknown, id: string) => EmbeddedFont;
}

// pdfkit's own fields for the current font, the fonts it will embed, and the next font id; not
// part of its API, hence named here once.
const CURRENT = '_font';
const FAMILIES = '_fontFamilies';
const COUNT = '_fontCount';

interface PdfkitDocument {
  [CURRENT]: EmbeddedFont;
  [FAMILIES]: Record<string, EmbeddedFont | undefined>;
  [COUNT]: number;
}

type FontMethod = (this: PdfkitDocument, src: unknown, family?: unknown, size?: unknown) => PdfkitDocument;

interface Parsed {
  name: string;
  font: unknown;
  Embedded: EmbeddedFont['constructor'];
}

const registry = new WeakMap<Uint8Array, { name: string; parsed?: Parsed }>();
let installed = false;

function install(): void {
  const require = createRequire(import.meta.url);
  const pdfmakeDocument = (
    require('pdfmake/js/PDFDocument.js') as { default: { prototype: { font: FontMethod } } }
  ).default;
  const pdfkitFont = pdfmakeDocument.prototype.font;
  pdfmakeDocument.prototype.font = function font(src, family, size) {
    const entry = src instanceof Uint8Array ? registry.get(src) : undefined;
    if (entry === undefined) return pdfkitFont.call(this, src, family, size);
    if (entry.parsed === undefined) {
      const result = pdfkitFont.call(this, src, family, size);
      const current = this[CURRENT];
      entry.parsed = { name: entry.name, font: current.font, Embedded: current.constructor };
      return result;
    }
    const key = `klachtwijzer-parsed/${entry.parsed.name}`;
    const families = this[FAMILIES];
    if (families[key] === undefined) {
      const { Embedded, font: parsedFont } = entry.parsed;
      this[COUNT] += 1;
      families[key] = new Embedded(this, parsedFont, `F${this[COUNT]}`);
    }
    // pdfkit finds the font under its name, makes it current, and embeds its subset at the end.
    return pdfkitFont.call(this, key, undefined, size);
  };
}

/** From now on, each of these font files is parsed once per process instead of once per document. */
export function reuseParsedFonts(fonts: ReadonlyArray<{ name: string; bytes: Uint8Array }>): void {
  if (!installed) {
    install();
    installed = true;
  }
  for (const { name, bytes } of fonts) if (!registry.has(bytes)) registry.set(bytes, { name });
}
