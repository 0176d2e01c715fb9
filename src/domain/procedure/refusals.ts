import { formatEnglishDate } from '../calendar/explain-en.ts';
import { formatDutchDate } from '../calendar/explain.ts';
import type { LocalDate } from '../calendar/local-date.ts';
import { ACTION_LABELS, type ComplaintAction } from './actions.ts';
import { STATUS_LABELS, type ComplaintStatus } from './complaint-state.ts';
import { ENGLISH_ACTION_LABELS, ENGLISH_STATUS_LABELS, englishTransitionHint } from './english-labels.ts';

/** Stable codes: clients, tests and the dossier rely on them; the Dutch messages may be reworded. */
export const REFUSAL_CODES = [
  'illegal_transition',
  'role_not_allowed',
  'not_assigned_handler',
  'not_own_hearing',
  'self_involvement',
  'insurer_consultation_required',
  'hearing_incomplete',
  'affiliation_number_missing',
  'affiliation_number_mismatch',
  'decision_letter_incomplete',
  'decision_letter_receipt_date_wrong',
  'closing_fields_missing',
  'delay_notice_too_late',
  'delay_notice_reason_missing',
  'delay_notice_date_invalid',
  'handler_missing',
  'no_open_information_request',
  'information_already_settled',
  'not_involved_employee',
  'hearing_already_started',
  'hearing_not_requested',
  'hearing_already_completed',
  'hearing_statement_missing',
  'no_open_hearing',
  'waiver_reason_missing',
  'liability_already_flagged',
  'liability_not_flagged',
  'insurer_already_notified',
  'consultation_incomplete',
  'consultation_time_invalid',
  'meeting_time_invalid',
  'no_meeting_planned',
  'kifid_case_number_missing',
  'reclassification_reason_missing',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  readonly code: RefusalCode;
  /** Dutch, for the person who tried; the language of record (events, problem detail). */
  readonly message: string;
  /** The same in English, for staff who switched; absent where no translation exists. */
  readonly english?: string;
  /** Ids and field names that tell refusals with the same code apart; never personal data. */
  readonly details?: Readonly<Record<string, string>>;
}

export type RefusalLanguage = 'nl' | 'en';

/** The message in a language: written side by side with the Dutch, so one builder says both. */
export function refusalText(found: Refusal, language: RefusalLanguage): string {
  return language === 'en' ? (found.english ?? found.message) : found.message;
}

type Texts = readonly [nl: string, en: string];

function refusal(
  code: RefusalCode,
  [message, english]: Texts,
  details?: Readonly<Record<string, string>>,
): Refusal {
  return details === undefined ? { code, message, english } : { code, message, english, details };
}

function step(action: ComplaintAction): string {
  return `deze stap (${ACTION_LABELS[action]})`;
}

function englishStep(action: ComplaintAction): string {
  return `this step (${ENGLISH_ACTION_LABELS[action]})`;
}

function transitionHint(action: ComplaintAction, status: ComplaintStatus): string {
  if (status === 'closed' || status === 'withdrawn' || status === 'reclassified') {
    return action === 'record_kifid_referral'
      ? ' Een KiFiD-zaak wordt alleen bij een afgesloten klacht vastgelegd.'
      : ' De klacht is al afgesloten of ingetrokken.';
  }
  if (status === 'received') return ' Bevestig eerst de ontvangst van de klacht.';
  if (action === 'close') return ' Een klacht wordt afgesloten nadat ons standpunt is gegeven.';
  if (action === 'record_kifid_referral')
    return ' Een KiFiD-zaak wordt vastgelegd nadat de klacht is afgesloten.';
  if (status === 'decided') return ' Ons standpunt is al gegeven.';
  return '';
}

const CLOSING_FIELD_LABELS = {
  category: 'de categorie',
  rootCause: 'de oorzaak',
  outcome: 'de uitkomst (gegrond, deels gegrond, ongegrond of ingetrokken)',
} as const;

const ENGLISH_CLOSING_FIELD_LABELS: Readonly<Record<keyof typeof CLOSING_FIELD_LABELS, string>> = {
  category: 'the category',
  rootCause: 'the root cause',
  outcome: 'the outcome (upheld, partly upheld, rejected or withdrawn)',
};

export type ClosingField = keyof typeof CLOSING_FIELD_LABELS;

/** One builder per refusal, so every message is written in one place, in Dutch and in English. */
export const refusals = {
  illegalTransition: (action: ComplaintAction, status: ComplaintStatus): Refusal =>
    refusal(
      'illegal_transition',
      [
        `${capitalise(step(action))} kan niet bij een klacht met de status "${STATUS_LABELS[status]}".${transitionHint(action, status)}`,
        `${capitalise(englishStep(action))} is not possible for a complaint with the status "${ENGLISH_STATUS_LABELS[status]}".${englishTransitionHint(action, status)}`,
      ],
      { status },
    ),
  roleNotAllowed: (action: ComplaintAction): Refusal =>
    refusal('role_not_allowed', [
      `U heeft geen rol waarmee u ${step(action)} mag zetten.`,
      `None of your roles allows you to take ${englishStep(action)}.`,
    ]),
  notAssignedHandler: (action: ComplaintAction): Refusal =>
    refusal('not_assigned_handler', [
      `U bent niet de behandelaar van deze klacht; alleen de toegewezen behandelaar of de klachtencoördinator kan ${step(action)} zetten.`,
      `You are not the handler of this complaint; only the assigned handler or the complaints coordinator can take ${englishStep(action)}.`,
    ]),
  notOwnHearing: (): Refusal =>
    refusal('not_own_hearing', [
      'Alleen de betrokken medewerker zelf kan de samenvatting van zijn of haar reactie ondertekenen.',
      'Only the involved employee can sign the summary of their own reaction.',
    ]),
  actorInvolved: (): Refusal =>
    refusal(
      'self_involvement',
      [
        'U bent zelf betrokken bij deze klacht. Niemand behandelt, hoort of beslist over een klacht over zichzelf; laat een collega dit doen.',
        'You are involved in this complaint yourself. Nobody handles, hears or decides a complaint about themselves; let a colleague do this.',
      ],
      { who: 'actor' },
    ),
  candidateInvolved: (): Refusal =>
    refusal(
      'self_involvement',
      [
        'Deze medewerker is betrokken bij de klacht en kan de klacht over zichzelf niet behandelen. Kies een andere behandelaar.',
        'This employee is involved in the complaint and cannot handle a complaint about themselves. Choose another handler.',
      ],
      { who: 'candidate' },
    ),
  handlerInvolved: (): Refusal =>
    refusal(
      'self_involvement',
      [
        'De toegewezen behandelaar is zelf betrokken bij de klacht. Wijs eerst een andere behandelaar toe.',
        'The assigned handler is involved in the complaint. First assign another handler.',
      ],
      { who: 'handler' },
    ),
  insurerConsultationRequired: (): Refusal =>
    refusal(
      'insurer_consultation_required',
      [
        'De klacht kan tot een aansprakelijkstelling leiden. Leg eerst het overleg met de beroepsaansprakelijkheidsverzekeraar vast (met wie, wanneer en wat is afgesproken); tot dan gaat alleen de ontvangstbevestiging naar de klager.',
        'The complaint may lead to a liability claim. First record the consultation with the professional liability insurer (with whom, when and what was agreed); until then only the acknowledgment goes to the complainant.',
      ],
      { since: 'flag' },
    ),
  insurerConsultationRequiredPerStep: (): Refusal =>
    refusal(
      'insurer_consultation_required',
      [
        'Sinds de vorige stap richting de klager is geen nieuw overleg met de beroepsaansprakelijkheidsverzekeraar vastgelegd. Bij uw kantoor vraagt elke verdere stap een eigen overleg.',
        'No new consultation with the professional liability insurer has been recorded since the previous step towards the complainant. At your firm every further step needs its own consultation.',
      ],
      { since: 'previous_step' },
    ),
  hearingIncomplete: (employeeId: string): Refusal =>
    refusal(
      'hearing_incomplete',
      [
        'De wederhoor van een betrokken medewerker is nog niet afgerond: de medewerker moet de samenvatting van de reactie hebben ondertekend, of de klachtencoördinator moet met opgave van reden van wederhoor hebben afgezien.',
        'The hearing of an involved employee has not been completed: the employee must have signed the summary of their reaction, or the complaints coordinator must have waived the hearing, giving a reason.',
      ],
      { employeeId },
    ),
  affiliationNumberMissing: (): Refusal =>
    refusal('affiliation_number_missing', [
      'Het KiFiD-aansluitnummer ontbreekt of is een tijdelijke waarde (zoals "n.n.b."). Zonder dit nummer kan geen brief met ons oordeel worden verstuurd; de beheerder vult het in bij de instellingen van het kantoor.',
      'The KiFiD affiliation number is missing or a placeholder (such as "n.n.b."). Without it no letter with our final position can be sent; the administrator fills it in under the firm\'s settings.',
    ]),
  affiliationNumberMismatch: (): Refusal =>
    refusal('affiliation_number_mismatch', [
      'Het aansluitnummer in de brief is niet het KiFiD-aansluitnummer van het kantoor.',
      "The affiliation number in the letter is not the firm's KiFiD affiliation number.",
    ]),
  decisionLetterIncomplete: (element: string, field: string, what: string, whatEnglish?: string): Refusal =>
    refusal(
      'decision_letter_incomplete',
      [
        `De brief met ons oordeel mist ${what}.`,
        `The letter with our final position lacks ${whatEnglish ?? `element ${element} (${field})`}.`,
      ],
      { element, field },
    ),
  decisionLetterReceiptDateWrong: (expected: LocalDate): Refusal =>
    refusal('decision_letter_receipt_date_wrong', [
      `De ontvangstdatum in de brief klopt niet: de klacht is ontvangen op ${formatDutchDate(expected)}.`,
      `The date of receipt in the letter is wrong: the complaint was received on ${formatEnglishDate(expected)}.`,
    ]),
  closingFieldMissing: (field: ClosingField): Refusal =>
    refusal(
      'closing_fields_missing',
      [
        `Vul vóór het afsluiten ${CLOSING_FIELD_LABELS[field]} in.`,
        `Fill in ${ENGLISH_CLOSING_FIELD_LABELS[field]} before closing.`,
      ],
      { field },
    ),
  delayNoticeTooLate: (target: LocalDate): Refusal =>
    refusal('delay_notice_too_late', [
      `De termijn voor ons standpunt liep tot en met ${formatDutchDate(target)}. Een bericht over uitstel moet vóór het einde van die termijn worden verstuurd; dat kan nu niet meer.`,
      `The term for our final position ran up to and including ${formatEnglishDate(target)}. A delay notice must be sent before that term ends; that is no longer possible.`,
    ]),
  delayNoticeReasonMissing: (): Refusal =>
    refusal('delay_notice_reason_missing', [
      'Vermeld waarom ons standpunt later komt.',
      'State why our final position will come later.',
    ]),
  delayNoticeDateInvalid: (target: LocalDate): Refusal =>
    refusal('delay_notice_date_invalid', [
      `Kies een nieuwe datum na de huidige termijn voor ons standpunt (${formatDutchDate(target)}).`,
      `Choose a new date after the current term for our final position (${formatEnglishDate(target)}).`,
    ]),
  handlerMissingForAcknowledgment: (): Refusal =>
    refusal('handler_missing', [
      'Wijs eerst een behandelaar toe: de ontvangstbevestiging noemt wie de klacht behandelt.',
      'First assign a handler: the acknowledgment names who handles the complaint.',
    ]),
  handlerMissing: (): Refusal => refusal('handler_missing', ['Kies een behandelaar.', 'Choose a handler.']),
  noOpenInformationRequest: (): Refusal =>
    refusal('no_open_information_request', [
      'Er staat geen verzoek om ontbrekende informatie open.',
      'There is no open request for missing information.',
    ]),
  informationAlreadySettled: (): Refusal =>
    refusal('information_already_settled', [
      'Er is al om informatie gevraagd of vastgelegd dat geen informatie nodig is, en er staat geen verzoek open.',
      'Information has already been asked for, or recorded as not needed, and no request is open.',
    ]),
  notInvolvedEmployee: (employeeId: string): Refusal =>
    refusal(
      'not_involved_employee',
      [
        'Deze medewerker staat niet als betrokkene bij de klacht.',
        'This employee is not listed as involved in the complaint.',
      ],
      { employeeId },
    ),
  hearingAlreadyStarted: (employeeId: string): Refusal =>
    refusal(
      'hearing_already_started',
      [
        'De wederhoor van deze medewerker is al gestart of afgerond.',
        "This employee's hearing has already started or been completed.",
      ],
      { employeeId },
    ),
  hearingNotRequested: (employeeId: string): Refusal =>
    refusal(
      'hearing_not_requested',
      [
        'De wederhoor van deze medewerker is nog niet gestart.',
        "This employee's hearing has not started yet.",
      ],
      { employeeId },
    ),
  hearingAlreadyCompleted: (employeeId: string): Refusal =>
    refusal(
      'hearing_already_completed',
      [
        'De wederhoor van deze medewerker is al afgerond (ondertekend of afgezien).',
        "This employee's hearing has already been completed (signed or waived).",
      ],
      { employeeId },
    ),
  hearingStatementMissing: (employeeId: string): Refusal =>
    refusal(
      'hearing_statement_missing',
      [
        'Er is nog geen samenvatting van de reactie om te ondertekenen.',
        'There is no summary of the reaction to sign yet.',
      ],
      { employeeId },
    ),
  noOpenHearing: (action: ComplaintAction): Refusal =>
    refusal('no_open_hearing', [
      `Er is geen betrokken medewerker bij wie ${step(action)} nu kan.`,
      `There is no involved employee for whom ${englishStep(action)} is possible now.`,
    ]),
  reclassificationReasonMissing: (): Refusal =>
    refusal('reclassification_reason_missing', [
      'Vermeld waarom dit geen klacht is. Een klacht wordt nooit zonder reden heringedeeld.',
      'State why this is not a complaint. A complaint is never reclassified without a reason.',
    ]),
  waiverReasonMissing: (): Refusal =>
    refusal('waiver_reason_missing', [
      'Vermeld waarom van wederhoor wordt afgezien.',
      'State why the hearing is waived.',
    ]),
  liabilityAlreadyFlagged: (): Refusal =>
    refusal('liability_already_flagged', [
      'De klacht is al gemarkeerd als mogelijke aansprakelijkstelling.',
      'The complaint has already been flagged as a possible liability claim.',
    ]),
  liabilityNotFlagged: (): Refusal =>
    refusal('liability_not_flagged', [
      'De klacht is niet gemarkeerd als mogelijke aansprakelijkstelling.',
      'The complaint is not flagged as a possible liability claim.',
    ]),
  insurerAlreadyNotified: (): Refusal =>
    refusal('insurer_already_notified', [
      'Er is al vastgelegd dat de verzekeraar is geïnformeerd.',
      'It has already been recorded that the insurer was informed.',
    ]),
  consultationIncomplete: (field: 'withWhom' | 'agreed'): Refusal =>
    refusal(
      'consultation_incomplete',
      field === 'withWhom'
        ? ['Vermeld met wie bij de verzekeraar is overlegd.', 'State with whom at the insurer you consulted.']
        : ['Vermeld wat is afgesproken.', 'State what was agreed.'],
      { field },
    ),
  consultationInFuture: (): Refusal =>
    refusal(
      'consultation_time_invalid',
      ['Het overleg kan niet in de toekomst liggen.', 'The consultation cannot lie in the future.'],
      { problem: 'future' },
    ),
  consultationBeforeFlag: (): Refusal =>
    refusal(
      'consultation_time_invalid',
      [
        'Het overleg kan niet vóór de markering als mogelijke aansprakelijkstelling liggen; markeer de klacht zodra een aansprakelijkstelling mogelijk is.',
        'The consultation cannot lie before the flag as a possible liability claim; flag the complaint as soon as a liability claim is possible.',
      ],
      { problem: 'before_flag' },
    ),
  meetingPlannedInPast: (): Refusal =>
    refusal(
      'meeting_time_invalid',
      [
        'Een gesprek kan alleen voor een moment in de toekomst worden gepland.',
        'A meeting can only be planned for a moment in the future.',
      ],
      { problem: 'past' },
    ),
  meetingHeldOutOfRange: (): Refusal =>
    refusal(
      'meeting_time_invalid',
      [
        'Het gesprek kan niet in de toekomst liggen en niet vóór de ontvangst van de klacht.',
        'The meeting cannot lie in the future, nor before the complaint was received.',
      ],
      { problem: 'out_of_range' },
    ),
  noMeetingPlanned: (): Refusal =>
    refusal('no_meeting_planned', [
      'Er is geen gesprek gepland om te bevestigen. Plan eerst een gesprek.',
      'There is no planned meeting to confirm. Plan a meeting first.',
    ]),
  kifidCaseNumberMissing: (): Refusal =>
    refusal('kifid_case_number_missing', [
      'Vermeld het zaaknummer van KiFiD.',
      'State the KiFiD case number.',
    ]),
} as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The same refusal can come from two checks (the affiliation number, for one); show it once. */
export function uniqueRefusals(list: readonly Refusal[]): Refusal[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${r.code}|${JSON.stringify(r.details ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
