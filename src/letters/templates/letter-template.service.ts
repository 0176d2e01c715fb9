import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../../auth/access-context.ts';
import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/schema.ts';
import { withTenant, type Tx } from '../../db/tenant.ts';
import { sha256Hex } from '../../domain/event-chain.ts';
import { composeLetter } from '../../domain/letters/compose-letter.ts';
import { isInlineKind, letterFields, requiredMention } from '../../domain/letters/letter-fields.ts';
import { AFFILIATION_NUMBER, completeLetter } from '../../domain/letters/letter-fixtures.ts';
import {
  LETTER_LANGUAGES,
  LETTER_TYPE_SPECS,
  LETTER_TYPES,
  type LetterLanguage,
  type LetterType,
} from '../../domain/letters/letter-types.ts';
import { mergeTemplate, type TemplateProblem } from '../../domain/letters/merge-template.ts';
import type {
  LetterTemplate,
  LetterTemplateOverride,
  TemplateBlock,
} from '../../domain/letters/template-model.ts';
import { defaultTemplate } from '../../domain/letters/templates.ts';
import { AppError, NotFoundError } from '../../errors.ts';
import { newId } from '../../ids.ts';
import { findOrganisation } from '../../organisations/organisation.repository.ts';
import { letterheadFromOrganisation } from '../render/letterhead.ts';
import { renderLetterPdf } from '../render/render-letter-pdf.ts';
import {
  deleteTemplateOverride,
  findTemplateOverride,
  insertTemplateChange,
  listTemplateChanges,
  listTemplateOverrides,
  upsertTemplateOverride,
  type ListedTemplateChange,
  type StoredTemplateOverride,
} from './letter-template.repository.ts';

/** Templates are the firm's word to complainants: coordinators and administrators shape them. */
const EDITORS = ['admin', 'coordinator'] as const;
const READERS = ['admin', 'coordinator', 'auditor'] as const;

export interface TemplateDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export type TemplateTextsView = Omit<LetterTemplate, 'type' | 'language'>;

export interface TemplateSummary {
  type: LetterType;
  language: LetterLanguage;
  name: string;
  /** `organisation` when the firm's own version is in use, else the shipped default. */
  source: 'default' | 'organisation';
  /** The template letters are written with now (the default with the firm's edits applied). */
  template: TemplateTextsView;
  updatedAt: Date | null;
  updatedBy: string | null;
  /**
   * A stored version that no longer passes the checks (a later release added a required element):
   * letters then use the default, and these say why.
   */
  problems: TemplateProblem[];
}

export interface TemplateDetail extends TemplateSummary {
  defaultTemplate: TemplateTextsView;
  requiredElements: Array<{
    name: string;
    label: string;
    rule: string;
    kind: string;
    mention: string | null;
  }>;
  placeholders: Array<{ name: string; label: string; required: boolean; inline: boolean }>;
}

function textsOf(template: LetterTemplate): TemplateTextsView {
  return {
    subject: template.subject,
    salutation: template.salutation,
    closing: template.closing,
    blocks: template.blocks,
  };
}

/** The default merged with a stored override; a stored version that fails the checks gives way. */
function effective(
  type: LetterType,
  language: LetterLanguage,
  stored: StoredTemplateOverride | undefined,
): { template: LetterTemplate; problems: TemplateProblem[]; own: boolean } {
  const defaults = defaultTemplate(type, language);
  if (!stored) return { template: defaults, problems: [], own: false };
  const merged = mergeTemplate(defaults, stored.override);
  return merged.ok
    ? { template: merged.template, problems: [], own: true }
    : { template: defaults, problems: [...merged.problems], own: false };
}

/**
 * The template a letter of this organisation is written with. A stored version that no longer
 * passes the checks is not used: the default always holds every required element, and the list of
 * templates shows the administrator why their version is set aside.
 */
export async function resolveLetterTemplate(
  tx: Tx,
  organisationId: string,
  type: LetterType,
  language: LetterLanguage,
): Promise<LetterTemplate> {
  return effective(type, language, await findTemplateOverride(tx, organisationId, type, language)).template;
}

function summaryOf(
  type: LetterType,
  language: LetterLanguage,
  stored: StoredTemplateOverride | undefined,
): TemplateSummary {
  const { template, problems, own } = effective(type, language, stored);
  return {
    type,
    language,
    name: LETTER_TYPE_SPECS[type].name[language],
    source: own ? 'organisation' : 'default',
    template: textsOf(template),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
    problems,
  };
}

function detailOf(
  type: LetterType,
  language: LetterLanguage,
  stored: StoredTemplateOverride | undefined,
): TemplateDetail {
  const spec = LETTER_TYPE_SPECS[type];
  return {
    ...summaryOf(type, language, stored),
    defaultTemplate: textsOf(defaultTemplate(type, language)),
    requiredElements: spec.required.map((field) => ({
      name: field.name,
      label: field.label[language],
      rule: field.rule,
      kind: field.kind,
      mention: requiredMention(field),
    })),
    placeholders: [...letterFields(type).values()].map((field) => ({
      name: field.name,
      label: field.label[language],
      required: field.required,
      inline: isInlineKind(field.kind),
    })),
  };
}

export async function listLetterTemplates(
  db: Kysely<Database>,
  context: AccessContext,
  filter: { type?: LetterType; language?: LetterLanguage },
): Promise<TemplateSummary[]> {
  requireRole(context, READERS);
  const stored = await withTenant(db, context.organisationId, (tx) =>
    listTemplateOverrides(tx, context.organisationId),
  );
  const byKey = new Map(stored.map((s) => [`${s.letterType}/${s.language}`, s]));
  return LETTER_TYPES.filter((type) => !filter.type || type === filter.type).flatMap((type) =>
    LETTER_LANGUAGES.filter((language) => !filter.language || language === filter.language).map((language) =>
      summaryOf(type, language, byKey.get(`${type}/${language}`)),
    ),
  );
}

export async function getLetterTemplate(
  db: Kysely<Database>,
  context: AccessContext,
  type: LetterType,
  language: LetterLanguage,
): Promise<TemplateDetail> {
  requireRole(context, READERS);
  const stored = await withTenant(db, context.organisationId, (tx) =>
    findTemplateOverride(tx, context.organisationId, type, language),
  );
  return detailOf(type, language, stored);
}

/** One block with only the keys of its kind. */
function cleanBlock(b: TemplateBlock): TemplateBlock {
  const layout = {
    ...(b.heading !== undefined ? { heading: b.heading } : {}),
    ...(b.label !== undefined ? { label: b.label } : {}),
  };
  return b.kind === 'element'
    ? { kind: 'element', elements: b.elements, text: b.text, ...layout }
    : { kind: b.kind, text: b.text, ...layout };
}

/** Only the parts the editor gave. */
function cleanOverride(override: LetterTemplateOverride): LetterTemplateOverride {
  return {
    ...(override.subject !== undefined ? { subject: override.subject } : {}),
    ...(override.salutation !== undefined ? { salutation: override.salutation } : {}),
    ...(override.closing !== undefined ? { closing: override.closing } : {}),
    ...(override.blocks !== undefined ? { blocks: override.blocks.map(cleanBlock) } : {}),
  };
}

/**
 * The edit on top of the default, or a 400 naming every problem. Any dropped required element
 * gives the code `template_element_removed`, so a client can tell that case apart; other problems
 * give `template_invalid`. Each problem keeps its own code in `problems`.
 */
function checkedOverride(type: LetterType, language: LetterLanguage, override: LetterTemplateOverride) {
  const merged = mergeTemplate(defaultTemplate(type, language), override);
  if (merged.ok) return merged.template;
  const removed = merged.problems.some((p) => p.code === 'template_element_removed');
  throw new AppError(
    400,
    removed ? 'template_element_removed' : 'template_invalid',
    `Het sjabloon kan zo niet worden gebruikt. ${merged.problems.map((p) => p.message).join(' ')}`,
    {
      fields: merged.problems.map((p) => ({
        field: p.block === undefined ? '/' : `/blocks/${p.block}`,
        message: p.message,
      })),
      details: {
        problems: merged.problems.map((p) => ({
          code: p.code,
          message: p.message,
          ...(p.block === undefined ? {} : { block: p.block }),
        })),
      },
    },
  );
}

export async function saveLetterTemplate(
  deps: TemplateDeps,
  context: AccessContext,
  type: LetterType,
  language: LetterLanguage,
  input: LetterTemplateOverride,
): Promise<TemplateDetail> {
  requireRole(context, EDITORS);
  const override = cleanOverride(input);
  checkedOverride(type, language, override);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await upsertTemplateOverride(tx, context.organisationId, type, language, override, context.userId, now);
    await insertTemplateChange(tx, context.organisationId, {
      id: newId(),
      letterType: type,
      language,
      change: 'saved',
      template: override,
      templateSha256: sha256Hex(JSON.stringify(override)),
      changedBy: context.userId,
      changedAt: now,
    });
    return detailOf(type, language, await findTemplateOverride(tx, context.organisationId, type, language));
  });
}

/** Back to the shipped default; the firm's version stays readable in the change history. */
export async function resetLetterTemplate(
  deps: TemplateDeps,
  context: AccessContext,
  type: LetterType,
  language: LetterLanguage,
): Promise<TemplateDetail> {
  requireRole(context, EDITORS);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    if (await deleteTemplateOverride(tx, context.organisationId, type, language)) {
      await insertTemplateChange(tx, context.organisationId, {
        id: newId(),
        letterType: type,
        language,
        change: 'reset',
        template: null,
        templateSha256: null,
        changedBy: context.userId,
        changedAt: now,
      });
    }
    return detailOf(type, language, undefined);
  });
}

export async function listLetterTemplateChanges(
  db: Kysely<Database>,
  context: AccessContext,
  filter: { type?: LetterType; language?: LetterLanguage; limit: number },
): Promise<ListedTemplateChange[]> {
  requireRole(context, READERS);
  return withTenant(db, context.organisationId, (tx) =>
    listTemplateChanges(tx, context.organisationId, filter),
  );
}

/**
 * An earlier saved version back in use. It is saved as any edit is saved — same editors, same
 * checks (a version from before a required element existed is refused with the same codes), and
 * a new entry in the history — so the history stays a plain list of what was in use when.
 */
export async function restoreLetterTemplate(
  deps: TemplateDeps,
  context: AccessContext,
  type: LetterType,
  language: LetterLanguage,
  changeId: string,
): Promise<TemplateDetail> {
  requireRole(context, EDITORS);
  const [change] = await withTenant(deps.db, context.organisationId, (tx) =>
    listTemplateChanges(tx, context.organisationId, { type, language, id: changeId, limit: 1 }),
  );
  if (!change) throw new NotFoundError('Deze versie van het sjabloon');
  if (change.template === null) {
    throw new AppError(
      409,
      'template_version_empty',
      'Deze versie is een terugkeer naar het standaardsjabloon; zet het standaardsjabloon terug om die te gebruiken.',
    );
  }
  return saveLetterTemplate(deps, context, type, language, change.template);
}

/**
 * The template as a PDF filled with sample data (a complete letter of this type), on the firm's
 * own letterhead: the stored version, or — with `draft` — an edit that is not saved yet, checked
 * exactly as saving would check it.
 */
export async function previewLetterTemplate(
  db: Kysely<Database>,
  context: AccessContext,
  type: LetterType,
  language: LetterLanguage,
  draft: LetterTemplateOverride | undefined,
): Promise<Buffer> {
  requireRole(context, READERS);
  const { organisation, template } = await withTenant(db, context.organisationId, async (tx) => ({
    organisation: await findOrganisation(tx, context.organisationId),
    template:
      draft === undefined
        ? await resolveLetterTemplate(tx, context.organisationId, type, language)
        : checkedOverride(type, language, cleanOverride(draft)),
  }));
  if (!organisation) throw new NotFoundError('De organisatie');
  // The sample letter carries the sample KiFiD block; its affiliation number matches it, so the
  // preview shows the letter as it reads, not the firm's own compliance gaps.
  const letter = composeLetter({
    type,
    content: completeLetter(type),
    template,
    organisation: { name: organisation.name, kifidAffiliationNumber: AFFILIATION_NUMBER },
  });
  return renderLetterPdf(letter, letterheadFromOrganisation(organisation), { language });
}
