import { isInlineKind, letterFields, requiredMention } from './letter-fields.ts';
import { LETTER_TYPE_SPECS, type LetterFieldSpec } from './letter-types.ts';
import { scanPlaceholders } from './placeholders.ts';
import {
  TEMPLATE_BLOCK_KINDS,
  type LetterTemplate,
  type LetterTemplateOverride,
  type TemplateBlock,
} from './template-model.ts';

export type TemplateProblemCode =
  | 'template_block_invalid'
  | 'template_text_empty'
  | 'template_placeholder_malformed'
  | 'template_placeholder_unknown'
  | 'template_placeholder_not_inline'
  | 'template_fixed_has_placeholder'
  | 'template_optional_in_required_text'
  | 'template_element_unknown'
  | 'template_element_duplicated'
  | 'template_element_removed'
  | 'template_element_out_of_order'
  | 'template_element_placeholder_missing';

export interface TemplateProblem {
  readonly code: TemplateProblemCode;
  /** Dutch, for the administrator editing the template. */
  readonly message: string;
  /** 0-based index of the block, when the problem belongs to one. */
  readonly block?: number;
}

export type TemplateCheck =
  | { readonly ok: true; readonly template: LetterTemplate }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

type Where = { readonly block: number } | { readonly part: 'subject' | 'salutation' | 'closing' };

const PART_NAMES = { subject: 'Het onderwerp', salutation: 'De aanhef', closing: 'De afsluiting' } as const;

function whereText(where: Where): string {
  return 'block' in where ? `Blok ${where.block + 1}` : PART_NAMES[where.part];
}

function problem(code: TemplateProblemCode, message: string, where?: Where): TemplateProblem {
  return where !== undefined && 'block' in where ? { code, message, block: where.block } : { code, message };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * Placeholders in one text: each must name a field of this letter; a list or the KiFiD block as a
 * whole cannot stand in a sentence; where the text always appears (element blocks, subject,
 * salutation, closing) only fields that are always filled may be used, because an empty optional
 * field there would leave a gap in a sentence.
 */
function checkPlaceholders(
  template: LetterTemplate,
  text: string,
  where: Where,
  alwaysShown: boolean,
): TemplateProblem[] {
  const fields = letterFields(template.type);
  const noun = LETTER_TYPE_SPECS[template.type].noun.nl.toLowerCase();
  const found: TemplateProblem[] = [];
  const scan = scanPlaceholders(text);
  for (const bad of scan.malformed) {
    found.push(
      problem(
        'template_placeholder_malformed',
        `${whereText(where)} bevat een onvolledige of ongeldige plaatshouder (${bad}). Schrijf een veld als {{veldnaam}}.`,
        where,
      ),
    );
  }
  for (const name of scan.names) {
    const field = fields.get(name);
    if (field === undefined) {
      found.push(
        problem(
          'template_placeholder_unknown',
          `${whereText(where)} noemt {{${name}}}, maar dat veld bestaat niet in ${noun}.`,
          where,
        ),
      );
    } else if (!isInlineKind(field.kind)) {
      found.push(
        problem(
          'template_placeholder_not_inline',
          `${whereText(where)}: {{${name}}} is een lijst of blok en kan niet midden in een zin staan.`,
          where,
        ),
      );
    } else if (alwaysShown && !field.required) {
      found.push(
        problem(
          'template_optional_in_required_text',
          `${whereText(where)} noemt {{${name}}}, maar dat veld is niet altijd ingevuld. Zet het in een eigen tekstblok; dat blok vervalt als het veld leeg is.`,
          where,
        ),
      );
    }
  }
  return found;
}

function isBlockShape(value: unknown): value is TemplateBlock {
  if (value === null || typeof value !== 'object') return false;
  const block = value as Record<string, unknown>;
  if (!(TEMPLATE_BLOCK_KINDS as readonly unknown[]).includes(block['kind'])) return false;
  if (typeof block['text'] !== 'string') return false;
  for (const key of ['heading', 'label'] as const) {
    if (block[key] !== undefined && typeof block[key] !== 'string') return false;
  }
  if (block['kind'] !== 'element') return true;
  const elements = block['elements'];
  return Array.isArray(elements) && elements.length > 0 && elements.every((e) => typeof e === 'string');
}

function checkBlock(
  template: LetterTemplate,
  block: TemplateBlock,
  index: number,
  required: ReadonlyMap<string, LetterFieldSpec>,
): TemplateProblem[] {
  const where = { block: index };
  const found: TemplateProblem[] = [];
  if (block.heading !== undefined && block.label !== undefined) {
    found.push(
      problem(
        'template_block_invalid',
        `Blok ${index + 1} heeft zowel een kop als een label; kies één van beide.`,
        where,
      ),
    );
  }
  const isListLeadIn =
    block.kind === 'element' && block.elements.some((name) => required.get(name)?.kind === 'list');
  if (isBlank(block.text) && !isListLeadIn) {
    found.push(problem('template_text_empty', `Blok ${index + 1} is leeg.`, where));
  }
  if (block.kind === 'fixed') {
    const scan = scanPlaceholders(block.text);
    if (scan.names.length > 0 || scan.malformed.length > 0) {
      found.push(
        problem(
          'template_fixed_has_placeholder',
          `Blok ${index + 1} is vaste tekst en kan geen velden bevatten; maak er een tekstblok van.`,
          where,
        ),
      );
    }
    return found;
  }
  found.push(...checkPlaceholders(template, block.text, where, block.kind === 'element'));
  if (block.kind === 'element') {
    for (const name of block.elements) {
      const spec = required.get(name);
      if (spec === undefined) continue;
      const mention = requiredMention(spec);
      if (mention !== null && !scanPlaceholders(block.text).names.includes(mention)) {
        found.push(
          problem(
            'template_element_placeholder_missing',
            `Blok ${index + 1} moet {{${mention}}} bevatten: daar komt ${spec.label.nl} te staan.`,
            where,
          ),
        );
      }
    }
  }
  return found;
}

/**
 * The required elements must each appear in exactly one element block, all of them, and in the
 * order of the letter type (R2 a–f, R8 a–g, …).
 */
function checkElements(template: LetterTemplate, blocks: readonly TemplateBlock[]): TemplateProblem[] {
  const spec = LETTER_TYPE_SPECS[template.type];
  const noun = spec.noun.nl.toLowerCase();
  const required: readonly LetterFieldSpec[] = spec.required;
  const found: TemplateProblem[] = [];
  const seen: string[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'element') return;
    for (const name of block.elements) {
      const where = { block: index };
      if (!required.some((field) => field.name === name)) {
        found.push(
          problem(
            'template_element_unknown',
            `Blok ${index + 1} noemt het verplichte onderdeel "${name}", maar dat is geen verplicht onderdeel van ${noun}. Verplichte onderdelen kunnen niet worden hernoemd.`,
            where,
          ),
        );
      } else if (seen.includes(name)) {
        found.push(
          problem(
            'template_element_duplicated',
            `Blok ${index + 1} herhaalt het verplichte onderdeel "${name}"; elk onderdeel staat precies één keer in de brief.`,
            where,
          ),
        );
      } else {
        seen.push(name);
      }
    }
  });
  for (const field of required) {
    if (!seen.includes(field.name)) {
      found.push(
        problem(
          'template_element_removed',
          `Het verplichte onderdeel "${field.label.nl}" (${field.rule}) ontbreekt in het sjabloon. Verplichte onderdelen kunnen niet worden verwijderd; u kunt wel de tekst eromheen aanpassen.`,
        ),
      );
    }
  }
  const expected = required.map((field) => field.name).filter((name) => seen.includes(name));
  const firstOutOfPlace = seen.findIndex((name, index) => expected[index] !== name);
  if (firstOutOfPlace >= 0) {
    const name = seen[firstOutOfPlace] ?? '';
    const label = required.find((field) => field.name === name)?.label.nl ?? name;
    found.push(
      problem(
        'template_element_out_of_order',
        `Het verplichte onderdeel "${label}" staat niet op zijn plaats. De verplichte onderdelen staan in deze volgorde: ${required.map((f) => f.label.nl).join('; ')}.`,
      ),
    );
  }
  return found;
}

/** Whether a complete template (a default, or a default with an override applied) may be used. */
export function validateTemplate(template: LetterTemplate): TemplateCheck {
  const spec = LETTER_TYPE_SPECS[template.type];
  const required = new Map<string, LetterFieldSpec>(spec.required.map((field) => [field.name, field]));
  const found: TemplateProblem[] = [];
  for (const part of ['subject', 'salutation', 'closing'] as const) {
    const text = template[part];
    if (isBlank(text)) {
      found.push(problem('template_text_empty', `${PART_NAMES[part]} is leeg.`, { part }));
    } else {
      found.push(...checkPlaceholders(template, text, { part }, true));
    }
  }
  const blocks: TemplateBlock[] = [];
  template.blocks.forEach((block: unknown, index) => {
    if (!isBlockShape(block)) {
      found.push(
        problem(
          'template_block_invalid',
          `Blok ${index + 1} is geen geldig blok (vaste tekst, tekst met velden of verplicht onderdeel).`,
          { block: index },
        ),
      );
      return;
    }
    blocks.push(block);
    found.push(...checkBlock(template, block, index, required));
  });
  found.push(...checkElements(template, blocks));
  return found.length === 0 ? { ok: true, template } : { ok: false, problems: found };
}

/**
 * An organisation's edits on top of the default template. The override is REFUSED — not repaired —
 * when it drops, renames, repeats or reorders a required element, or names a field that does not
 * exist: silently putting an element back would send a letter its editor never saw.
 */
export function mergeTemplate(defaults: LetterTemplate, override: LetterTemplateOverride): TemplateCheck {
  const given = (override ?? {}) as Record<string, unknown>;
  const problems: TemplateProblem[] = [];
  for (const part of ['subject', 'salutation', 'closing'] as const) {
    if (given[part] !== undefined && typeof given[part] !== 'string') {
      problems.push(problem('template_block_invalid', `${PART_NAMES[part]} moet tekst zijn.`, { part }));
    }
  }
  if (given['blocks'] !== undefined && !Array.isArray(given['blocks'])) {
    problems.push(problem('template_block_invalid', 'De blokken van het sjabloon moeten een lijst zijn.'));
  }
  if (problems.length > 0) return { ok: false, problems };
  return validateTemplate({
    type: defaults.type,
    language: defaults.language,
    subject: override.subject ?? defaults.subject,
    salutation: override.salutation ?? defaults.salutation,
    closing: override.closing ?? defaults.closing,
    blocks: override.blocks ?? defaults.blocks,
  });
}
