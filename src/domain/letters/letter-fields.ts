import {
  COMMON_REQUIRED_FIELDS,
  LETTER_TYPE_SPECS,
  type Bilingual,
  type FieldKind,
  type LetterFieldSpec,
  type LetterType,
} from './letter-types.ts';

/** A field a template may name as `{{name}}`. */
export interface PlaceholderField {
  readonly name: string;
  readonly kind: FieldKind;
  /** Required fields are always filled in a letter that may be sent; optional ones may be empty. */
  readonly required: boolean;
  readonly label: Bilingual;
  readonly upcoming: boolean;
}

const DISPUTES_BODY_PARTS: ReadonlyArray<readonly [string, Bilingual]> = [
  ['name', { nl: 'de naam van de geschilleninstantie', en: 'the name of the disputes body' }],
  ['postalAddress', { nl: 'het postadres van KiFiD', en: "KiFiD's postal address" }],
  ['postalCodeCity', { nl: 'de postcode en plaats van KiFiD', en: "KiFiD's postal code and city" }],
  ['phone', { nl: 'het telefoonnummer van KiFiD', en: "KiFiD's phone number" }],
  ['email', { nl: 'het e-mailadres van KiFiD', en: "KiFiD's e-mail address" }],
  ['website', { nl: 'de website van KiFiD', en: "KiFiD's website" }],
  ['affiliationNumber', { nl: 'ons aansluitnummer bij KiFiD', en: 'our KiFiD affiliation number' }],
  ['term', { nl: 'de termijn van drie maanden', en: 'the term of three months' }],
];

function fromSpec(spec: LetterFieldSpec, required: boolean): PlaceholderField {
  return { name: spec.name, kind: spec.kind, required, label: spec.label, upcoming: spec.upcoming === true };
}

function buildCatalogue(type: LetterType): ReadonlyMap<string, PlaceholderField> {
  const spec = LETTER_TYPE_SPECS[type];
  const fields = new Map<string, PlaceholderField>();
  for (const common of COMMON_REQUIRED_FIELDS) fields.set(common.name, fromSpec(common, true));
  fields.set('signer.role', {
    name: 'signer.role',
    kind: 'text',
    required: false,
    label: { nl: 'de functie van de ondertekenaar', en: "the signer's position" },
    upcoming: false,
  });
  fields.set('yourReference', {
    name: 'yourReference',
    kind: 'text',
    required: false,
    label: { nl: 'het kenmerk van de geadresseerde', en: "the addressee's reference" },
    upcoming: false,
  });
  fields.set('organisationName', {
    name: 'organisationName',
    kind: 'text',
    required: true,
    label: { nl: 'de naam van het kantoor', en: 'the name of the firm' },
    upcoming: false,
  });
  for (const field of spec.required) fields.set(field.name, fromSpec(field, true));
  for (const field of spec.optional) fields.set(field.name, fromSpec(field, false));
  for (const field of [...spec.required, ...spec.optional]) {
    if (field.kind !== 'disputesBody') continue;
    for (const [part, label] of DISPUTES_BODY_PARTS) {
      const name = `${field.name}.${part}`;
      fields.set(name, { name, kind: 'text', required: true, label, upcoming: false });
    }
  }
  return fields;
}

const CATALOGUES = new Map<LetterType, ReadonlyMap<string, PlaceholderField>>();

/**
 * Every field of a letter type by its placeholder name, including the common parts and the parts
 * of the KiFiD block. Lists and the KiFiD block as a whole are here too, but cannot be placed
 * inside a sentence (see `isInlineKind`).
 */
export function letterFields(type: LetterType): ReadonlyMap<string, PlaceholderField> {
  let catalogue = CATALOGUES.get(type);
  if (catalogue === undefined) {
    catalogue = buildCatalogue(type);
    CATALOGUES.set(type, catalogue);
  }
  return catalogue;
}

export function isInlineKind(kind: FieldKind): boolean {
  return kind === 'date' || kind === 'time' || kind === 'text';
}

/**
 * The placeholder an element block must contain so that its element actually appears: the field
 * itself for a date, time or text; the three-month sentence for the KiFiD block; none for a list,
 * whose items are printed below the block's lead-in.
 */
export function requiredMention(field: { readonly name: string; readonly kind: FieldKind }): string | null {
  if (field.kind === 'list') return null;
  if (field.kind === 'disputesBody') return `${field.name}.term`;
  return field.name;
}

/** The raw value at a placeholder path ("receivedDate", "recipient.name", "disputesBody.term"). */
export function readField(content: object, path: string): unknown {
  let value: unknown = content;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
