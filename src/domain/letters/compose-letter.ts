import { isLocalDate } from '../calendar/local-date.ts';
import type { OrganisationSnapshot } from '../procedure/complaint-snapshot.ts';
import type { DisputesBodyBlock } from '../procedure/decision-letter.ts';
import { checkLetter } from './check-letter.ts';
import type { LetterContentMap } from './letter-content.ts';
import { letterFields, readField, type PlaceholderField } from './letter-fields.ts';
import { formatClockTime, formatLetterDate, isClockTime } from './letter-format.ts';
import { LETTER_LABELS, type LetterLabels } from './letter-labels.ts';
import { LETTER_TYPE_SPECS, type LetterLanguage, type LetterType } from './letter-types.ts';
import { fillPlaceholders, scanPlaceholders } from './placeholders.ts';
import type { Countersign, DetailRow, LetterPart, RenderableLetter } from './renderable-letter.ts';
import type { LetterTemplate, TemplateBlock } from './template-model.ts';

/** What composing needs from the organisation: its name, and its affiliation number for R9. */
export interface LetterOrganisation extends OrganisationSnapshot {
  readonly name: string;
}

export interface ComposeLetterInput<T extends LetterType> {
  readonly type: T;
  readonly content: LetterContentMap[T];
  /** The default template, or the organisation's version after `mergeTemplate` accepted it. */
  readonly template: LetterTemplate;
  readonly organisation: LetterOrganisation;
}

// Control characters and bidirectional overrides have no place in a letter and can make a printed
// name read differently from the stored one.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** User text as plain text: one kind of line break, no control characters, no trailing spaces. */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(UNPRINTABLE, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

class Composer<T extends LetterType> {
  private readonly input: ComposeLetterInput<T>;
  private readonly fields: ReadonlyMap<string, PlaceholderField>;
  private readonly labels: LetterLabels;
  private readonly language: LetterLanguage;
  private readonly parts: LetterPart[] = [];
  private rows: DetailRow[] = [];

  constructor(input: ComposeLetterInput<T>) {
    this.input = input;
    this.fields = letterFields(input.type);
    this.language = input.template.language;
    this.labels = LETTER_LABELS[this.language];
  }

  /** The value of a placeholder as the letter prints it; empty when there is none. */
  value(name: string): string {
    const field = this.fields.get(name);
    if (field === undefined) return '';
    const raw =
      name === 'organisationName' ? this.input.organisation.name : readField(this.input.content, name);
    switch (field.kind) {
      case 'date':
        return isLocalDate(raw) ? formatLetterDate(raw, this.language, { weekday: field.upcoming }) : '';
      case 'time':
        return isClockTime(raw) ? formatClockTime(raw, this.language) : '';
      case 'text':
        return cleanText(raw);
      default:
        return '';
    }
  }

  missing(name: string): string {
    const label = this.fields.get(name)?.label[this.language] ?? name;
    return this.labels.missing(label);
  }

  fill(text: string): string {
    return fillPlaceholders(text, (name) => {
      const value = this.value(name);
      return value === '' ? this.missing(name) : value;
    });
  }

  private flushRows(): void {
    if (this.rows.length > 0) this.parts.push({ kind: 'details', rows: this.rows });
    this.rows = [];
  }

  private listItems(name: string): string[] {
    const raw = readField(this.input.content, name);
    return Array.isArray(raw) ? raw.map(cleanText).filter((item) => item !== '') : [];
  }

  private disputesBodyParts(name: string): LetterPart[] {
    const raw = readField(this.input.content, name);
    const block = raw !== null && typeof raw === 'object' ? (raw as DisputesBodyBlock) : null;
    const part = (key: keyof DisputesBodyBlock): string => {
      const value = cleanText(block?.[key]);
      return value === '' ? this.missing(`${name}.${key}`) : value;
    };
    const { phone, email, website, affiliationNumber } = this.labels;
    return [
      {
        kind: 'box',
        lines: [
          part('name'),
          part('postalAddress'),
          part('postalCodeCity'),
          `${phone}: ${part('phone')}`,
          `${email}: ${part('email')}`,
          `${website}: ${part('website')}`,
        ],
      },
      { kind: 'paragraph', text: affiliationNumber(part('affiliationNumber')) },
    ];
  }

  /** Structured elements print below the block's text: bullets for a list, the KiFiD block. */
  private structuredParts(block: TemplateBlock): { parts: LetterPart[]; listLines: string[] } {
    const parts: LetterPart[] = [];
    const listLines: string[] = [];
    if (block.kind !== 'element') return { parts, listLines };
    for (const name of block.elements) {
      const kind = this.fields.get(name)?.kind;
      if (kind === 'list') {
        const items = this.listItems(name);
        const shown = items.length > 0 ? items : [this.missing(name)];
        listLines.push(...shown);
        parts.push({ kind: 'list', items: shown });
      } else if (kind === 'disputesBody') {
        parts.push(...this.disputesBodyParts(name));
      }
    }
    return { parts, listLines };
  }

  private isOmitted(block: TemplateBlock): boolean {
    if (block.kind !== 'text') return false;
    return scanPlaceholders(block.text).names.some(
      (name) => this.fields.get(name)?.required === false && this.value(name) === '',
    );
  }

  addBlock(block: TemplateBlock): void {
    if (this.isOmitted(block)) return;
    const text = block.kind === 'fixed' ? cleanText(block.text) : cleanText(this.fill(block.text));
    const { parts, listLines } = this.structuredParts(block);
    if (block.label !== undefined) {
      this.rows.push({
        label: cleanText(block.label),
        value: [text, ...listLines].filter((l) => l !== '').join('\n'),
      });
      return;
    }
    this.flushRows();
    if (block.heading !== undefined) this.parts.push({ kind: 'heading', text: cleanText(block.heading) });
    for (const paragraph of paragraphsOf(text)) this.parts.push({ kind: 'paragraph', text: paragraph });
    this.parts.push(...parts);
  }

  body(): LetterPart[] {
    for (const block of this.input.template.blocks) this.addBlock(block);
    this.flushRows();
    return this.parts;
  }

  orMissing(name: string): string {
    const value = this.value(name);
    return value === '' ? this.missing(name) : value;
  }

  countersign(): Countersign | null {
    if (!LETTER_TYPE_SPECS[this.input.type].countersign) return null;
    const labels = this.labels.countersign;
    return {
      heading: labels.heading,
      statement: labels.statement(this.orMissing('reference')),
      rows: [
        { label: labels.name, value: this.value('recipient.name') },
        { label: labels.date, value: '' },
        { label: labels.signature, value: '' },
      ],
    };
  }
}

/**
 * Content and template become the letter's final texts. Composing never fails on missing content:
 * the preview needs to show an unfinished letter, with each gap marked ("[ontbreekt: …]") and the
 * problems listed. Whether the letter may go out is `checkLetter`'s decision, repeated here as
 * `problems`.
 */
export function composeLetter<T extends LetterType>(input: ComposeLetterInput<T>): RenderableLetter {
  const { type, content, template, organisation } = input;
  if (template.type !== type) {
    throw new RangeError(`template for ${template.type} used for a ${type} letter`);
  }
  const spec = LETTER_TYPE_SPECS[type];
  const composer = new Composer(input);
  const language = template.language;
  const reference = composer.orMissing('reference');
  const salutation = cleanText(content.salutation);
  return {
    type,
    language,
    title: `${spec.name[language]} ${reference}`,
    reference,
    yourReference: composer.value('yourReference') || null,
    dateLine: `${composer.orMissing('place')}, ${composer.orMissing('letterDate')}`,
    recipient: {
      name: composer.orMissing('recipient.name'),
      addressLines: content.recipient.addressLines.map(cleanText).filter((line) => line !== ''),
    },
    subject: cleanText(composer.fill(template.subject)),
    salutation: salutation === '' ? cleanText(composer.fill(template.salutation)) : salutation,
    body: composer.body(),
    closing: cleanText(composer.fill(template.closing)),
    signer: {
      name: composer.orMissing('signer.name'),
      role: cleanText(content.signer.role) || null,
      organisationName: cleanText(organisation.name),
    },
    countersign: composer.countersign(),
    problems: checkLetter(type, content, organisation).map((problem) => problem.message),
  };
}
