import { DECISION_LETTER_ELEMENTS } from '../procedure/decision-letter.ts';
import type { LetterContentMap, LetterFieldName } from './letter-content.ts';

export const LETTER_TYPES = [
  'acknowledgment',
  'information_request',
  'delay_notice',
  'meeting_invitation',
  'meeting_confirmation',
  'decision',
  'hearing_request',
  'hearing_statement',
  'insurer_notification',
  'insurer_consultation_record',
  'cancellation_confirmation',
] as const satisfies ReadonlyArray<keyof LetterContentMap>;

export type LetterType = (typeof LETTER_TYPES)[number];

export const LETTER_LANGUAGES = ['nl', 'en'] as const;

export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export const RECIPIENT_KINDS = ['complainant', 'employee', 'insurer', 'customer'] as const;

export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface Bilingual {
  readonly nl: string;
  readonly en: string;
}

/**
 * How a field is shown: `date` and `time` are formatted for the letter's language, `text` is the
 * handler's own words, `list` becomes bullets, `disputesBody` the KiFiD block of R8 g.
 */
export type FieldKind = 'date' | 'time' | 'text' | 'list' | 'disputesBody';

/**
 * Where a required element comes from: a rule of the design (R2 a … R10), or `practice` for what
 * Klachtwijzer requires so that the recipient knows how to answer (not in the seed itself).
 */
export type ElementRule = `R${number}` | `R${number} ${string}` | 'practice';

export interface LetterFieldSpec<F extends string = string> {
  readonly name: F;
  readonly kind: FieldKind;
  /** Completes "De ontvangstbevestiging mist …" (and its English counterpart). */
  readonly label: Bilingual;
  readonly rule: ElementRule;
  /**
   * A deadline or an appointment: printed with its day ("vrijdag 3 april 2026") and never before
   * the date of the letter.
   */
  readonly upcoming?: boolean;
}

export interface LetterTypeSpec<T extends LetterType = LetterType> {
  readonly type: T;
  readonly recipientKind: RecipientKind;
  /** The letter's name: "Ontvangstbevestiging". */
  readonly name: Bilingual;
  /** Its subject in a sentence: "De ontvangstbevestiging" (mist …). */
  readonly noun: Bilingual;
  /** The procedure rule the letter serves. */
  readonly rule: ElementRule;
  readonly required: ReadonlyArray<LetterFieldSpec<LetterFieldName<T>>>;
  readonly optional: ReadonlyArray<LetterFieldSpec<LetterFieldName<T>>>;
  /** The recipient signs the letter for agreement (the hearing statement). */
  readonly countersign: boolean;
  /** An iCalendar event goes with the letter. */
  readonly calendarEvent: boolean;
}

/** The parts every letter needs before it can go out, whatever its type. */
export const COMMON_REQUIRED_FIELDS = [
  { name: 'reference', kind: 'text', label: { nl: 'ons kenmerk', en: 'our reference' }, rule: 'practice' },
  {
    name: 'letterDate',
    kind: 'date',
    label: { nl: 'de datum van de brief', en: 'the date of the letter' },
    rule: 'practice',
  },
  {
    name: 'place',
    kind: 'text',
    label: { nl: 'de plaats bij de datum', en: 'the place next to the date' },
    rule: 'practice',
  },
  {
    name: 'recipient.name',
    kind: 'text',
    label: { nl: 'de naam van de geadresseerde', en: 'the name of the addressee' },
    rule: 'practice',
  },
  {
    name: 'signer.name',
    kind: 'text',
    label: { nl: 'de naam van de ondertekenaar', en: 'the name of the signer' },
    rule: 'practice',
  },
] as const satisfies ReadonlyArray<LetterFieldSpec>;

const contactDetails = {
  name: 'contactDetails',
  kind: 'text',
  label: {
    nl: 'hoe de geadresseerde ons kan bereiken',
    en: 'how the addressee can reach us',
  },
  rule: 'practice',
} as const;

const receivedDateOptional = {
  name: 'receivedDate',
  kind: 'date',
  label: { nl: 'de datum waarop de klacht is ontvangen', en: 'the date the complaint was received' },
  rule: 'practice',
} as const;

const meetingDetails = [
  {
    name: 'meetingDate',
    kind: 'date',
    upcoming: true,
    label: { nl: 'de datum van het gesprek', en: 'the date of the meeting' },
    rule: 'R7',
  },
  {
    name: 'startTime',
    kind: 'time',
    label: { nl: 'het begintijdstip van het gesprek', en: 'the start time of the meeting' },
    rule: 'R7',
  },
  {
    name: 'endTime',
    kind: 'time',
    label: { nl: 'het eindtijdstip van het gesprek', en: 'the end time of the meeting' },
    rule: 'R7',
  },
  {
    name: 'location',
    kind: 'text',
    label: { nl: 'de plaats van het gesprek', en: 'the place of the meeting' },
    rule: 'R7',
  },
  {
    name: 'handlerName',
    kind: 'text',
    label: { nl: 'met wie de klager het gesprek heeft', en: 'who the complainant will meet' },
    rule: 'R7',
  },
  { ...contactDetails, rule: 'R7' },
] as const;

const DECISION_LABELS_EN = {
  receivedDate: 'the date the complaint was received',
  complaintSummary: 'a short description of the complaint',
  investigationResults: 'the results of the investigation',
  judgment: 'our judgment of the complaint',
  followUpActions: 'the follow-up actions towards the complainant (or that there are none)',
  furtherContact: 'that further contact about our position is possible',
  disputesBody: 'the information about the disputes body (KiFiD)',
} as const;

function decisionKind(field: (typeof DECISION_LETTER_ELEMENTS)[number]['field']): FieldKind {
  if (field === 'receivedDate') return 'date';
  return field === 'disputesBody' ? 'disputesBody' : 'text';
}

type Specs = { readonly [T in LetterType]: LetterTypeSpec<T> };

export const LETTER_TYPE_SPECS: Specs = {
  acknowledgment: {
    type: 'acknowledgment',
    recipientKind: 'complainant',
    name: { nl: 'Ontvangstbevestiging', en: 'Acknowledgment of receipt' },
    noun: { nl: 'De ontvangstbevestiging', en: 'The acknowledgment' },
    rule: 'R2',
    required: [
      { ...receivedDateOptional, rule: 'R2 a' },
      {
        name: 'complaintSummary',
        kind: 'text',
        label: { nl: 'een korte omschrijving van de klacht', en: 'a short description of the complaint' },
        rule: 'R2 b',
      },
      {
        name: 'investigationMethod',
        kind: 'text',
        label: {
          nl: 'de wijze waarop wij de klacht onderzoeken',
          en: 'how we will investigate the complaint',
        },
        rule: 'R2 c',
      },
      {
        name: 'expectedContactDate',
        kind: 'date',
        upcoming: true,
        label: {
          nl: 'de datum waarop wij verwachten weer contact op te nemen',
          en: 'the date by which we expect to be in touch again',
        },
        rule: 'R2 d',
      },
      {
        name: 'handlerName',
        kind: 'text',
        label: { nl: 'de naam van de behandelaar', en: 'the name of the handler' },
        rule: 'R2 e',
      },
      {
        ...contactDetails,
        label: {
          nl: 'hoe de klager ons over de klacht kan bereiken',
          en: 'how the complainant can reach us about the complaint',
        },
        rule: 'R2 f',
      },
    ],
    optional: [],
    countersign: false,
    calendarEvent: false,
  },
  information_request: {
    type: 'information_request',
    recipientKind: 'complainant',
    name: { nl: 'Verzoek om ontbrekende informatie', en: 'Request for missing information' },
    noun: { nl: 'Het verzoek om ontbrekende informatie', en: 'The request for missing information' },
    rule: 'R6',
    required: [
      {
        name: 'missingInformation',
        kind: 'list',
        label: { nl: 'welke informatie ontbreekt', en: 'what information is missing' },
        rule: 'R6',
      },
      {
        name: 'answerBy',
        kind: 'date',
        upcoming: true,
        label: { nl: 'de datum waarop wij de informatie willen ontvangen', en: 'the date we need it by' },
        rule: 'R6',
      },
      contactDetails,
    ],
    optional: [
      receivedDateOptional,
      {
        name: 'consequence',
        kind: 'text',
        label: {
          nl: 'wat er gebeurt als de informatie niet komt',
          en: 'what happens if the information does not come',
        },
        rule: 'practice',
      },
    ],
    countersign: false,
    calendarEvent: false,
  },
  delay_notice: {
    type: 'delay_notice',
    recipientKind: 'complainant',
    name: { nl: 'Bericht van uitstel', en: 'Notice of delay' },
    noun: { nl: 'Het bericht van uitstel', en: 'The notice of delay' },
    rule: 'R7',
    required: [
      {
        name: 'reason',
        kind: 'text',
        label: { nl: 'de reden van het uitstel', en: 'the reason for the delay' },
        rule: 'R7',
      },
      {
        name: 'newDate',
        kind: 'date',
        upcoming: true,
        label: { nl: 'de nieuwe datum voor ons standpunt', en: 'the new date for our position' },
        rule: 'R7',
      },
      contactDetails,
    ],
    optional: [
      receivedDateOptional,
      {
        name: 'originalDate',
        kind: 'date',
        upcoming: true,
        label: { nl: 'de oorspronkelijke datum', en: 'the original date' },
        rule: 'practice',
      },
    ],
    countersign: false,
    calendarEvent: false,
  },
  meeting_invitation: {
    type: 'meeting_invitation',
    recipientKind: 'complainant',
    name: { nl: 'Uitnodiging voor een persoonlijk gesprek', en: 'Invitation to a personal meeting' },
    noun: { nl: 'De uitnodiging voor het gesprek', en: 'The invitation to the meeting' },
    rule: 'R7',
    required: meetingDetails,
    optional: [
      {
        name: 'topic',
        kind: 'text',
        label: { nl: 'het onderwerp van het gesprek', en: 'the topic of the meeting' },
        rule: 'practice',
      },
      {
        name: 'respondBy',
        kind: 'date',
        upcoming: true,
        label: { nl: 'de datum waarop wij een reactie vragen', en: 'the date we ask for a reply by' },
        rule: 'practice',
      },
    ],
    countersign: false,
    calendarEvent: true,
  },
  meeting_confirmation: {
    type: 'meeting_confirmation',
    recipientKind: 'complainant',
    name: { nl: 'Bevestiging van het gesprek', en: 'Confirmation of the meeting' },
    noun: { nl: 'De bevestiging van het gesprek', en: 'The confirmation of the meeting' },
    rule: 'R7',
    required: meetingDetails,
    optional: [
      {
        name: 'notes',
        kind: 'text',
        label: { nl: 'praktische informatie', en: 'practical information' },
        rule: 'practice',
      },
    ],
    countersign: false,
    calendarEvent: true,
  },
  decision: {
    type: 'decision',
    recipientKind: 'complainant',
    name: { nl: 'Brief met ons oordeel', en: 'Letter with our position' },
    noun: { nl: 'De brief met ons oordeel', en: 'The letter with our position' },
    rule: 'R8',
    required: DECISION_LETTER_ELEMENTS.map(({ element, field, missing }) => ({
      name: field,
      kind: decisionKind(field),
      label: { nl: missing, en: DECISION_LABELS_EN[field] },
      rule: `R8 ${element}` as const,
    })),
    optional: [],
    countersign: false,
    calendarEvent: false,
  },
  hearing_request: {
    type: 'hearing_request',
    recipientKind: 'employee',
    name: { nl: 'Verzoek om reactie (wederhoor)', en: 'Request for your response (hearing)' },
    noun: { nl: 'Het verzoek om reactie', en: 'The request for a response' },
    rule: 'R4',
    required: [
      { ...receivedDateOptional, rule: 'R4' },
      {
        name: 'complaintSummary',
        kind: 'text',
        label: { nl: 'een korte omschrijving van de klacht', en: 'a short description of the complaint' },
        rule: 'R4',
      },
      {
        name: 'requestedComment',
        kind: 'text',
        label: {
          nl: 'waarop wij de medewerker om een reactie vragen',
          en: 'what we ask the employee to respond to',
        },
        rule: 'R4',
      },
      {
        name: 'respondBy',
        kind: 'date',
        upcoming: true,
        label: { nl: 'de datum waarop wij de reactie vragen', en: 'the date we ask for a response by' },
        rule: 'R4',
      },
      {
        name: 'handlerName',
        kind: 'text',
        label: { nl: 'de naam van de behandelaar', en: 'the name of the handler' },
        rule: 'R4',
      },
    ],
    optional: [],
    countersign: false,
    calendarEvent: false,
  },
  hearing_statement: {
    type: 'hearing_statement',
    recipientKind: 'employee',
    name: { nl: 'Samenvatting van uw reactie', en: 'Summary of your response' },
    noun: { nl: 'De samenvatting van de reactie', en: 'The summary of the response' },
    rule: 'R4',
    required: [
      {
        name: 'reactionDate',
        kind: 'date',
        label: { nl: 'de datum van de reactie', en: 'the date of the response' },
        rule: 'R4',
      },
      {
        name: 'recordedBy',
        kind: 'text',
        label: { nl: 'wie de samenvatting heeft opgesteld', en: 'who wrote the summary' },
        rule: 'R4',
      },
      {
        name: 'reactionSummary',
        kind: 'text',
        label: { nl: 'de samenvatting van de reactie', en: 'the summary of the response' },
        rule: 'R4',
      },
    ],
    optional: [
      {
        name: 'complaintSummary',
        kind: 'text',
        label: { nl: 'een korte omschrijving van de klacht', en: 'a short description of the complaint' },
        rule: 'practice',
      },
      {
        name: 'signBy',
        kind: 'date',
        upcoming: true,
        label: { nl: 'de datum voor ondertekening', en: 'the date to sign by' },
        rule: 'practice',
      },
    ],
    countersign: true,
    calendarEvent: false,
  },
  insurer_notification: {
    type: 'insurer_notification',
    recipientKind: 'insurer',
    name: { nl: 'Melding aan de verzekeraar', en: 'Notification to the insurer' },
    noun: { nl: 'De melding aan de verzekeraar', en: 'The notification to the insurer' },
    rule: 'R5',
    required: [
      {
        name: 'policyNumber',
        kind: 'text',
        label: { nl: 'het polisnummer', en: 'the policy number' },
        rule: 'R5',
      },
      { ...receivedDateOptional, rule: 'R5' },
      {
        name: 'handlerName',
        kind: 'text',
        label: { nl: 'de naam van de behandelaar', en: 'the name of the handler' },
        rule: 'R5',
      },
      {
        name: 'complaintSummary',
        kind: 'text',
        label: { nl: 'een korte omschrijving van de klacht', en: 'a short description of the complaint' },
        rule: 'R5',
      },
      {
        name: 'liabilityReason',
        kind: 'text',
        label: {
          nl: 'waarom de klacht tot een aansprakelijkstelling kan leiden',
          en: 'why the complaint could lead to a liability claim',
        },
        rule: 'R5',
      },
      {
        name: 'dossierExtract',
        kind: 'list',
        label: { nl: 'het uittreksel uit het klachtdossier', en: 'the extract from the complaint file' },
        rule: 'R5',
      },
      contactDetails,
    ],
    optional: [
      {
        name: 'claimAmount',
        kind: 'text',
        label: { nl: 'de omvang van de mogelijke schade', en: 'the size of the possible claim' },
        rule: 'practice',
      },
    ],
    countersign: false,
    calendarEvent: false,
  },
  insurer_consultation_record: {
    type: 'insurer_consultation_record',
    recipientKind: 'insurer',
    name: { nl: 'Verslag van het overleg', en: 'Record of the consultation' },
    noun: { nl: 'Het verslag van het overleg', en: 'The record of the consultation' },
    rule: 'R5',
    required: [
      {
        name: 'consultationDate',
        kind: 'date',
        label: { nl: 'de datum van het overleg', en: 'the date of the consultation' },
        rule: 'R5',
      },
      {
        name: 'withWhom',
        kind: 'text',
        label: { nl: 'met wie is overlegd', en: 'who was consulted' },
        rule: 'R5',
      },
      {
        name: 'policyNumber',
        kind: 'text',
        label: { nl: 'het polisnummer', en: 'the policy number' },
        rule: 'R5',
      },
      {
        name: 'agreed',
        kind: 'text',
        label: { nl: 'wat is afgesproken', en: 'what was agreed' },
        rule: 'R5',
      },
      {
        name: 'recordedBy',
        kind: 'text',
        label: { nl: 'wie het verslag heeft opgesteld', en: 'who wrote the record' },
        rule: 'R5',
      },
    ],
    optional: [
      {
        name: 'consultationMode',
        kind: 'text',
        label: { nl: 'hoe het overleg plaatsvond', en: 'how the consultation took place' },
        rule: 'practice',
      },
      {
        name: 'nextStep',
        kind: 'text',
        label: { nl: 'de volgende stap', en: 'the next step' },
        rule: 'practice',
      },
    ],
    countersign: false,
    calendarEvent: false,
  },
  cancellation_confirmation: {
    type: 'cancellation_confirmation',
    recipientKind: 'customer',
    name: { nl: 'Bevestiging van uw opzegging', en: 'Confirmation of your cancellation' },
    noun: { nl: 'De bevestiging van de opzegging', en: 'The confirmation of the cancellation' },
    rule: 'R10',
    required: [
      {
        name: 'requestReceivedDate',
        kind: 'date',
        label: {
          nl: 'de datum waarop de opzegging is ontvangen',
          en: 'the date the cancellation was received',
        },
        rule: 'R10',
      },
      {
        name: 'policies',
        kind: 'list',
        label: { nl: 'welke verzekering(en) worden opgezegd', en: 'which insurance policies are cancelled' },
        rule: 'R10',
      },
      contactDetails,
    ],
    optional: [
      {
        name: 'effectiveDate',
        kind: 'date',
        label: { nl: 'de datum waarop de opzegging ingaat', en: 'the date the cancellation takes effect' },
        rule: 'practice',
      },
      {
        name: 'complaintReference',
        kind: 'text',
        label: { nl: 'het kenmerk van de klacht', en: 'the reference of the complaint' },
        rule: 'R10',
      },
    ],
    countersign: false,
    calendarEvent: false,
  },
};

export function isLetterType(value: unknown): value is LetterType {
  return typeof value === 'string' && (LETTER_TYPES as readonly string[]).includes(value);
}

export function letterTypeSpec<T extends LetterType>(type: T): LetterTypeSpec<T> {
  return LETTER_TYPE_SPECS[type];
}
