import type { LetterType } from './letter-types.ts';
import {
  elementBlock,
  fixedBlock,
  textBlock,
  type TemplateBlock,
  type TemplateTexts,
} from './template-model.ts';

const COMPLAINANT = {
  salutation: 'Geachte {{recipient.name}},',
  closing: 'Met vriendelijke groet,',
} as const;

const INSURER = { salutation: 'Geachte heer, mevrouw,', closing: 'Met vriendelijke groet,' } as const;

const CONTACT_WITH_REFERENCE =
  'U kunt ons bereiken via {{contactDetails}}. Wilt u daarbij ons kenmerk {{reference}} vermelden?';

const MEETING_DETAILS: readonly TemplateBlock[] = [
  elementBlock(['meetingDate'], '{{meetingDate}}', { label: 'Datum' }),
  elementBlock(['startTime', 'endTime'], '{{startTime}} tot {{endTime}} uur', { label: 'Tijd' }),
  elementBlock(['location'], '{{location}}', { label: 'Plaats' }),
  elementBlock(['handlerName'], '{{handlerName}}', { label: 'Gesprek met' }),
];

/** The default Dutch letters: formal ("u"), short sentences, the seed's own words where it has them. */
export const TEMPLATES_NL: { readonly [T in LetterType]: TemplateTexts } = {
  acknowledgment: {
    ...COMPLAINANT,
    subject: 'Ontvangstbevestiging van uw klacht',
    blocks: [
      elementBlock(
        ['receivedDate'],
        'Op {{receivedDate}} hebben wij uw klacht ontvangen. Met deze brief bevestigen wij dat wij uw klacht in behandeling hebben genomen. Wij vinden het vervelend dat u niet tevreden bent en danken u dat u de moeite heeft genomen ons dit te laten weten.',
      ),
      elementBlock(['complaintSummary'], 'Wij hebben uw klacht als volgt samengevat: {{complaintSummary}}'),
      elementBlock(['investigationMethod'], 'Wij onderzoeken uw klacht als volgt. {{investigationMethod}}'),
      elementBlock(
        ['expectedContactDate'],
        'Wij streven ernaar elke klacht binnen een maand af te handelen. Wij verwachten uiterlijk {{expectedContactDate}} weer contact met u op te nemen.',
      ),
      elementBlock(['handlerName'], 'Uw klacht wordt behandeld door {{handlerName}}.'),
      elementBlock(
        ['contactDetails'],
        `Heeft u vragen over uw klacht, of wilt u iets aanvullen? ${CONTACT_WITH_REFERENCE}`,
      ),
    ],
  },
  information_request: {
    ...COMPLAINANT,
    subject: 'Verzoek om aanvullende informatie over uw klacht',
    blocks: [
      textBlock('Op {{receivedDate}} hebben wij uw klacht ontvangen.'),
      fixedBlock(
        'Wij zijn begonnen met het onderzoek naar uw klacht. Om uw klacht goed te kunnen beoordelen, hebben wij nog informatie van u nodig.',
      ),
      elementBlock(['missingInformation'], 'Wilt u ons het volgende toesturen?', {
        heading: 'Wat wij nog nodig hebben',
      }),
      elementBlock(['answerBy'], 'Wij ontvangen deze informatie graag uiterlijk {{answerBy}}.'),
      textBlock('{{consequence}}'),
      elementBlock(
        ['contactDetails'],
        `U kunt de informatie sturen via {{contactDetails}}. Wilt u daarbij ons kenmerk {{reference}} vermelden?`,
      ),
      fixedBlock('Heeft u vragen over dit verzoek? Neem dan gerust contact met ons op.'),
    ],
  },
  delay_notice: {
    ...COMPLAINANT,
    subject: 'Uitstel van ons standpunt over uw klacht',
    blocks: [
      textBlock('Op {{receivedDate}} hebben wij uw klacht ontvangen.'),
      textBlock(
        'Wij hebben u laten weten dat u uiterlijk {{originalDate}} ons standpunt over uw klacht zou ontvangen.',
      ),
      elementBlock(
        ['reason'],
        'Het lukt ons helaas niet om u binnen de afgesproken termijn ons standpunt te geven. De reden hiervan is: {{reason}}',
      ),
      elementBlock(['newDate'], 'U ontvangt ons standpunt uiterlijk {{newDate}}.'),
      fixedBlock('Wij bieden u onze excuses aan voor dit uitstel.'),
      elementBlock(['contactDetails'], `Heeft u in de tussentijd vragen? ${CONTACT_WITH_REFERENCE}`),
    ],
  },
  meeting_invitation: {
    ...COMPLAINANT,
    subject: 'Uitnodiging voor een persoonlijk gesprek over uw klacht',
    blocks: [
      fixedBlock(
        'Wij hebben uw klacht onderzocht. Wij bespreken ons standpunt graag met u in een persoonlijk gesprek en nodigen u daarvoor van harte uit.',
      ),
      ...MEETING_DETAILS,
      textBlock('In het gesprek komt in elk geval het volgende aan de orde: {{topic}}'),
      textBlock('Wilt u ons uiterlijk {{respondBy}} laten weten of dit moment u schikt?'),
      elementBlock(
        ['contactDetails'],
        `Past dit moment u niet, of heeft u vragen? ${CONTACT_WITH_REFERENCE}`,
      ),
      fixedBlock(
        'Stelt u geen prijs op een gesprek? Laat het ons dan weten. U ontvangt ons oordeel dan schriftelijk.',
      ),
      fixedBlock('Bij dit bericht vindt u een agenda-uitnodiging die u in uw eigen agenda kunt opnemen.'),
    ],
  },
  meeting_confirmation: {
    ...COMPLAINANT,
    subject: 'Bevestiging van ons gesprek over uw klacht',
    blocks: [
      fixedBlock('Hierbij bevestigen wij de afspraak voor een persoonlijk gesprek over uw klacht.'),
      ...MEETING_DETAILS,
      textBlock('{{notes}}'),
      elementBlock(
        ['contactDetails'],
        'Bent u onverwacht verhinderd? Laat het ons dan zo snel mogelijk weten via {{contactDetails}}, onder vermelding van ons kenmerk {{reference}}.',
      ),
      fixedBlock('Wij zien u graag tegemoet.'),
    ],
  },
  decision: {
    ...COMPLAINANT,
    subject: 'Ons standpunt over uw klacht',
    blocks: [
      elementBlock(
        ['receivedDate'],
        'Op {{receivedDate}} hebben wij uw klacht ontvangen. Wij hebben uw klacht onderzocht en geven u in deze brief ons oordeel.',
      ),
      elementBlock(['complaintSummary'], '{{complaintSummary}}', { heading: 'Uw klacht' }),
      elementBlock(['investigationResults'], '{{investigationResults}}', { heading: 'Ons onderzoek' }),
      elementBlock(['judgment'], '{{judgment}}', { heading: 'Ons oordeel' }),
      elementBlock(['followUpActions'], '{{followUpActions}}', { heading: 'Wat wij voor u doen' }),
      elementBlock(['furtherContact'], '{{furtherContact}}', { heading: 'Verder praten over ons standpunt' }),
      elementBlock(['disputesBody'], '{{disputesBody.term}}', { heading: 'Niet eens met ons standpunt?' }),
    ],
  },
  hearing_request: {
    ...COMPLAINANT,
    subject: 'Verzoek om uw reactie op een klacht (wederhoor)',
    blocks: [
      elementBlock(
        ['receivedDate'],
        'Op {{receivedDate}} hebben wij een klacht ontvangen over onze dienstverlening waarbij u betrokken bent. Volgens onze klachtenprocedure informeren wij u hierover en vragen wij u om uw reactie (wederhoor).',
      ),
      elementBlock(['complaintSummary'], '{{complaintSummary}}', { heading: 'De klacht' }),
      elementBlock(['requestedComment'], '{{requestedComment}}', { heading: 'Onze vraag aan u' }),
      elementBlock(
        ['respondBy'],
        'Wij ontvangen uw reactie graag uiterlijk {{respondBy}}, schriftelijk of in een gesprek.',
      ),
      elementBlock(
        ['handlerName'],
        'De klacht wordt behandeld door {{handlerName}}. Van uw reactie maken wij een schriftelijke samenvatting. Die leggen wij u ter ondertekening voor; daarna voegen wij haar toe aan het klachtdossier.',
      ),
      fixedBlock(
        'Wij behandelen de klacht en uw reactie vertrouwelijk en vragen u hetzelfde te doen. Neemt u over de klacht geen contact op met de klager zonder dit eerst met de behandelaar af te stemmen.',
      ),
    ],
  },
  hearing_statement: {
    ...COMPLAINANT,
    subject: 'Samenvatting van uw reactie op de klacht (ter ondertekening)',
    blocks: [
      fixedBlock(
        'Hieronder vindt u de schriftelijke samenvatting van uw reactie op de klacht. Wilt u deze lezen en, als u zich erin herkent, ondertekenen? Na ondertekening voegen wij de samenvatting toe aan het klachtdossier.',
      ),
      textBlock('{{complaintSummary}}', { heading: 'De klacht' }),
      elementBlock(
        ['reactionDate', 'recordedBy'],
        'Uw reactie van {{reactionDate}}, samengevat door {{recordedBy}}:',
        {
          heading: 'Samenvatting van uw reactie',
        },
      ),
      elementBlock(['reactionSummary'], '{{reactionSummary}}'),
      fixedBlock(
        'Klopt de samenvatting niet, of mist er iets? Laat het ons dan weten. Wij passen de samenvatting aan voordat u tekent.',
      ),
      textBlock('Wilt u de ondertekende samenvatting uiterlijk {{signBy}} aan ons terugsturen?'),
    ],
  },
  insurer_notification: {
    ...INSURER,
    subject: 'Melding mogelijke aansprakelijkstelling, polisnummer {{policyNumber}}',
    blocks: [
      elementBlock(
        ['policyNumber'],
        'Hierbij melden wij u onder onze beroepsaansprakelijkheidsverzekering met polisnummer {{policyNumber}} een klacht die mogelijk tot een aansprakelijkstelling leidt.',
      ),
      elementBlock(['receivedDate'], '{{receivedDate}}', { label: 'Klacht ontvangen op' }),
      elementBlock(['handlerName'], '{{handlerName}}', { label: 'Behandelaar' }),
      textBlock('{{claimAmount}}', { label: 'Mogelijke schade' }),
      elementBlock(['complaintSummary'], '{{complaintSummary}}', { heading: 'De klacht' }),
      elementBlock(['liabilityReason'], '{{liabilityReason}}', {
        heading: 'Waarom een aansprakelijkstelling mogelijk is',
      }),
      elementBlock(['dossierExtract'], 'De belangrijkste stukken en gebeurtenissen tot nu toe:', {
        heading: 'Uittreksel uit het klachtdossier',
      }),
      fixedBlock(
        'Volgens onze klachtenprocedure zetten wij geen verdere stappen in de behandeling van deze klacht zonder overleg met u. Wij horen graag hoe u de verdere behandeling met ons wilt afstemmen.',
      ),
      elementBlock(['contactDetails'], 'U kunt contact opnemen met {{handlerName}} via {{contactDetails}}.'),
    ],
  },
  insurer_consultation_record: {
    ...INSURER,
    subject: 'Verslag van ons overleg over klacht {{reference}}',
    blocks: [
      elementBlock(
        ['consultationDate', 'withWhom', 'policyNumber'],
        'Op {{consultationDate}} hebben wij met {{withWhom}} overlegd over de klacht met ons kenmerk {{reference}}, gemeld onder polisnummer {{policyNumber}}. Hieronder leggen wij vast wat wij hebben besproken.',
      ),
      textBlock('Het overleg vond {{consultationMode}} plaats.'),
      elementBlock(['agreed'], '{{agreed}}', { heading: 'Wat wij hebben afgesproken' }),
      textBlock('{{nextStep}}', { heading: 'De volgende stap' }),
      elementBlock(
        ['recordedBy'],
        'Dit verslag is opgesteld door {{recordedBy}} en opgenomen in het klachtdossier.',
      ),
      fixedBlock(
        'Komt dit verslag niet overeen met uw beeld van het overleg? Laat het ons dan zo snel mogelijk weten.',
      ),
    ],
  },
  cancellation_confirmation: {
    ...COMPLAINANT,
    subject: 'Bevestiging van uw opzegging',
    blocks: [
      elementBlock(
        ['requestReceivedDate'],
        'Op {{requestReceivedDate}} hebben wij uw opzegging ontvangen. Met deze brief bevestigen wij de ontvangst.',
      ),
      elementBlock(['policies'], 'Uw opzegging gaat over:'),
      textBlock('De opzegging gaat in op {{effectiveDate}}.'),
      fixedBlock(
        'Wij zorgen ervoor dat uw opzegging bij de verzekeraar wordt verwerkt. Wij vinden het jammer dat u niet tevreden bent over onze dienstverlening, en danken u voor het vertrouwen dat u ons heeft gegeven.',
      ),
      textBlock(
        'Uw opzegging hangt samen met uw klacht met kenmerk {{complaintReference}}. Die klacht behandelen wij los van deze opzegging.',
      ),
      elementBlock(
        ['contactDetails'],
        'Heeft u vragen over uw opzegging? U kunt ons bereiken via {{contactDetails}}.',
      ),
    ],
  },
};
