// Shared by the letter tests (domain and render): complete letters of every type, with Dutch
// characters in names and texts, and a long variant that needs a second page.
import { parseLocalDate } from '../calendar/local-date.ts';
import { disputesBodyBlock } from './disputes-body-block.ts';
import type { LetterCommon, LetterContentMap } from './letter-content.ts';
import type { LetterOrganisation } from './compose-letter.ts';
import type { LetterType } from './letter-types.ts';

export const day = parseLocalDate;

export const AFFILIATION_NUMBER = '300.001234';

export const ORGANISATION: LetterOrganisation = {
  name: 'Verzekeringskantoor Brouwer & Zoën B.V.',
  kifidAffiliationNumber: AFFILIATION_NUMBER,
};

export const KIFID = {
  name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
  postalAddress: 'Postbus 93257',
  postalCodeCity: '2509 AG Den Haag',
  phone: '070-333 8 999',
  email: 'consumenten@kifid.nl',
  website: 'www.kifid.nl',
} as const;

const CONTACT = 'klachten@brouwer-zoen.nl of telefonisch op 020-123 45 67 (maandag tot en met vrijdag)';

/**
 * About two thirds of a page of plain Dutch: put into one field it pushes every letter onto a
 * second page.
 */
export const LONG_TEXT = [
  'Wij hebben de adviesdossiers van 2023 en 2024 opnieuw doorgenomen, inclusief de inventarisatie van uw wensen en de offertes van drie verzekeraars.',
  'Daarbij hebben wij gekeken naar de afspraken over de premie van € 1.245,60 per jaar, de eigen risico’s en de dekking voor schade door neerslag, en naar de e-mails die u en uw adviseur in die periode hebben gewisseld.',
  'Ook hebben wij de opnamen van de telefoongesprekken van 14 en 21 maart 2025 beluisterd en de notities van het huisbezoek in Ede gelezen.',
  'Uit die stukken blijkt dat de gevolgen van de gekozen dekking niet volledig met u zijn besproken: de naïeve aanname dat een reeds bestaande lekkage was meeverzekerd, is door uw adviseur niet rechtgezet.',
  'Tegelijk blijkt uit de offerte die u heeft ondertekend dat het uitgesloten risico daarin wel is vermeld.',
  'Wij hebben beide punten gewogen en zijn tot het oordeel gekomen dat onze uitleg tekort is geschoten, terwijl de keuze voor de dekking op zichzelf passend was bij uw situatie en uw budget.',
].join(' ');

export function common(overrides: Partial<LetterCommon> = {}): LetterCommon {
  return {
    reference: 'KL-2026-0042',
    letterDate: day('2026-03-04'),
    place: 'Utrecht',
    recipient: { name: 'Mevrouw Ë. van Dijk-Noël', addressLines: ['Kerkstraat 12', '3512 AB Utrecht'] },
    salutation: 'Geachte mevrouw Van Dijk-Noël,',
    signer: { name: 'Inge Brouwer', role: 'Klachtencoördinator' },
    ...overrides,
  };
}

const employee = common({
  recipient: { name: 'Joël de Bruïne', addressLines: [] },
  salutation: 'Geachte heer De Bruïne,',
});

const insurer = common({
  recipient: {
    name: 'Nationale Beroepsaansprakelijkheid N.V.',
    addressLines: ['t.a.v. afdeling Schade', 'Postbus 1234', '3000 AB Rotterdam'],
  },
  yourReference: 'SCH-2026-55',
  salutation: null,
});

type Fixtures = { readonly [T in LetterType]: LetterContentMap[T] };

export const COMPLETE: Fixtures = {
  acknowledgment: {
    ...common(),
    receivedDate: day('2026-03-02'),
    complaintSummary:
      'u bent het niet eens met de afwijzing van uw claim voor waterschade in de keuken (€ 3.480).',
    investigationMethod:
      'Wij bekijken uw dossier en de correspondentie met de verzekeraar, en wij vragen uw adviseur om een reactie. Waar nodig nemen wij telefonisch contact met u op.',
    expectedContactDate: day('2026-04-02'),
    handlerName: 'Sanne Prinsë',
    contactDetails: CONTACT,
  },
  information_request: {
    ...common(),
    missingInformation: [
      'de schadefoto’s van de keuken',
      'de factuur van de loodgieter van 12 februari 2026',
      'uw polisblad met de naam van de verzekeraar',
    ],
    answerBy: day('2026-03-18'),
    contactDetails: CONTACT,
    receivedDate: day('2026-03-02'),
    consequence:
      'Ontvangen wij de informatie niet, dan beoordelen wij uw klacht met de gegevens die wij nu hebben.',
  },
  delay_notice: {
    ...common({ letterDate: day('2026-03-30') }),
    reason: 'de verzekeraar heeft ons de opnamen van uw telefoongesprekken nog niet toegestuurd.',
    newDate: day('2026-04-24'),
    contactDetails: CONTACT,
    receivedDate: day('2026-03-02'),
    originalDate: day('2026-04-02'),
  },
  meeting_invitation: {
    ...common(),
    meetingDate: day('2026-03-19'),
    startTime: '14:00',
    endTime: '15:00',
    location: 'Ons kantoor, Oudegracht 101, 3511 AD Utrecht (café Één hoog)',
    handlerName: 'Sanne Prinsë',
    contactDetails: CONTACT,
    topic: 'ons onderzoek naar de afwijzing van uw claim en wat wij voor u kunnen doen.',
    respondBy: day('2026-03-12'),
  },
  meeting_confirmation: {
    ...common({ letterDate: day('2026-03-13') }),
    meetingDate: day('2026-03-19'),
    startTime: '14:00',
    endTime: '15:00',
    location: 'Ons kantoor, Oudegracht 101, 3511 AD Utrecht',
    handlerName: 'Sanne Prinsë',
    contactDetails: CONTACT,
    notes: 'U mag iemand meenemen naar het gesprek. Parkeren kan in garage Springweg.',
  },
  decision: {
    ...common({ letterDate: day('2026-03-27') }),
    receivedDate: day('2026-03-02'),
    complaintSummary:
      'U bent het niet eens met de afwijzing van uw claim voor waterschade in de keuken (€ 3.480).',
    investigationResults:
      'Wij hebben uw adviesdossier en de polisvoorwaarden bekeken en uw adviseur gehoord. De schade is ontstaan door een lekkage die al langer bestond; die is volgens de voorwaarden uitgesloten.',
    judgment:
      'Wij vinden uw klacht deels gegrond. De afwijzing door de verzekeraar is juist, maar uw adviseur had u bij het afsluiten duidelijker moeten wijzen op deze uitsluiting.',
    followUpActions:
      'Wij bieden u als tegemoetkoming € 250 aan en bespreken met onze adviseurs hoe zij uitsluitingen voortaan toelichten.',
    furtherContact:
      'Wilt u ons standpunt met ons bespreken? Neem dan contact op met Sanne Prinsë via klachten@brouwer-zoen.nl of 020-123 45 67.',
    disputesBody: disputesBodyBlock(KIFID, AFFILIATION_NUMBER, 'nl'),
  },
  hearing_request: {
    ...employee,
    receivedDate: day('2026-03-02'),
    complaintSummary:
      'De klant vindt dat de uitsluiting voor lekkages bij het afsluiten van de inboedelverzekering niet is uitgelegd.',
    requestedComment:
      'Wilt u beschrijven hoe u de dekking en de uitsluitingen met de klant heeft besproken, en welke stukken u daarbij heeft gebruikt?',
    respondBy: day('2026-03-11'),
    handlerName: 'Sanne Prinsë',
  },
  hearing_statement: {
    ...employee,
    letterDate: day('2026-03-12'),
    reactionDate: day('2026-03-10'),
    recordedBy: 'Sanne Prinsë',
    reactionSummary:
      'De heer De Bruïne heeft de dekking tijdens het huisbezoek besproken aan de hand van de offerte. De uitsluiting voor lekkages die al langer bestaan, heeft hij genoemd maar niet apart toegelicht.',
    complaintSummary: 'De klant vindt dat de uitsluiting voor lekkages niet is uitgelegd.',
    signBy: day('2026-03-17'),
  },
  insurer_notification: {
    ...insurer,
    policyNumber: 'BA-778.123',
    receivedDate: day('2026-03-02'),
    handlerName: 'Sanne Prinsë',
    complaintSummary:
      'De klant stelt dat zij niet is gewezen op de uitsluiting voor lekkages en vraagt vergoeding van haar schade.',
    liabilityReason:
      'De klant heeft aangekondigd ons aansprakelijk te stellen voor de niet-vergoede schade van € 3.480.',
    dossierExtract: [
      '2 maart 2026: klacht ontvangen per e-mail',
      '4 maart 2026: ontvangstbevestiging verstuurd',
      '10 maart 2026: reactie van de adviseur (wederhoor)',
    ],
    contactDetails: 'klachten@brouwer-zoen.nl of 020-123 45 67',
    claimAmount: '€ 3.480 (opgave klant)',
  },
  insurer_consultation_record: {
    ...insurer,
    letterDate: day('2026-03-16'),
    consultationDate: day('2026-03-13'),
    withWhom: 'mevrouw R. Çelik (schadebehandelaar)',
    policyNumber: 'BA-778.123',
    agreed:
      'Wij bieden de klant geen vergoeding van de schade aan zonder instemming van de verzekeraar. Een tegemoetkoming tot € 250 mogen wij zelf aanbieden.',
    recordedBy: 'Sanne Prinsë',
    consultationMode: 'telefonisch',
    nextStep: 'Wij sturen u het concept van onze brief met ons oordeel vóór verzending toe.',
  },
  cancellation_confirmation: {
    ...common({ reference: 'OP-2026-0007' }),
    requestReceivedDate: day('2026-03-03'),
    policies: [
      'Inboedelverzekering, polisnummer 12.345.678',
      'Aansprakelijkheidsverzekering particulieren, polisnummer 12.345.679',
    ],
    contactDetails: CONTACT,
    effectiveDate: day('2026-04-01'),
    complaintReference: 'KL-2026-0042',
  },
};

/** The field that carries the long text when a letter has to run onto a second page. */
export const LONG_FIELD: { readonly [T in LetterType]: string } = {
  acknowledgment: 'investigationMethod',
  information_request: 'consequence',
  delay_notice: 'reason',
  meeting_invitation: 'topic',
  meeting_confirmation: 'notes',
  decision: 'investigationResults',
  hearing_request: 'requestedComment',
  hearing_statement: 'reactionSummary',
  insurer_notification: 'liabilityReason',
  insurer_consultation_record: 'agreed',
  cancellation_confirmation: 'policies',
};

export function completeLetter<T extends LetterType>(type: T): LetterContentMap[T] {
  return COMPLETE[type];
}

/** The complete letter with a long text that needs a second page. */
export function longLetter<T extends LetterType>(type: T): LetterContentMap[T] {
  const field = LONG_FIELD[type];
  const content = COMPLETE[type] as unknown as Record<string, unknown>;
  const value = content[field];
  const long = Array.isArray(value)
    ? [
        ...value,
        ...Array.from({ length: 40 }, (_, i) => `Reisverzekering doorlopend, polisnummer 12.345.${700 + i}`),
      ]
    : `${String(value)}\n\n${LONG_TEXT}\n\n${LONG_TEXT}`;
  return { ...content, [field]: long } as unknown as LetterContentMap[T];
}
