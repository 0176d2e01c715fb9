export { checkLetter } from './check-letter.ts';
export type { LetterProblem, LetterProblemCode } from './check-letter.ts';
export { cleanText, composeLetter } from './compose-letter.ts';
export type { ComposeLetterInput, LetterOrganisation } from './compose-letter.ts';
export { disputesBodyBlock, DISPUTES_BODY_TERM } from './disputes-body-block.ts';
export type { DisputesBodyRecord } from './disputes-body-block.ts';
export { escapeText, foldLine, meetingCalendar, meetingEventOf } from './ical.ts';
export type { MeetingEvent } from './ical.ts';
export type * from './letter-content.ts';
export { isInlineKind, letterFields, readField, requiredMention } from './letter-fields.ts';
export type { PlaceholderField } from './letter-fields.ts';
export { formatClockTime, formatLetterDate, isClockTime, minutesOf } from './letter-format.ts';
export { LETTER_LABELS } from './letter-labels.ts';
export type { LetterLabels } from './letter-labels.ts';
export { letterToText } from './letter-text.ts';
export {
  COMMON_REQUIRED_FIELDS,
  isLetterType,
  LETTER_LANGUAGES,
  LETTER_TYPE_SPECS,
  LETTER_TYPES,
  letterTypeSpec,
  RECIPIENT_KINDS,
} from './letter-types.ts';
export type {
  Bilingual,
  ElementRule,
  FieldKind,
  LetterFieldSpec,
  LetterLanguage,
  LetterType,
  LetterTypeSpec,
  RecipientKind,
} from './letter-types.ts';
export { mergeTemplate, validateTemplate } from './merge-template.ts';
export type { TemplateCheck, TemplateProblem, TemplateProblemCode } from './merge-template.ts';
export { fillPlaceholders, scanPlaceholders } from './placeholders.ts';
export type { PlaceholderScan } from './placeholders.ts';
export type { Countersign, DetailRow, LetterPart, RenderableLetter } from './renderable-letter.ts';
export { elementBlock, fixedBlock, TEMPLATE_BLOCK_KINDS, textBlock } from './template-model.ts';
export type {
  BlockLayout,
  ElementBlock,
  FixedBlock,
  LetterTemplate,
  LetterTemplateOverride,
  TemplateBlock,
  TemplateTexts,
} from './template-model.ts';
export { defaultTemplate } from './templates.ts';
