import type { Channel } from '../db/schema.ts';

/** Invented people and events; any likeness to real persons is accidental. */
export interface DemoComplaint {
  name: string;
  email: string | null;
  phone: string | null;
  address?: { street: string; postalCode: string; city: string };
  product: string;
  channel: Channel;
  /** Working hours ago the complaint arrived, so the demo spreads over the recent months. */
  daysAgo: number;
  description: string;
  desiredOutcome: string;
  involvesEmployee?: boolean;
  liability?: boolean;
}

export const DEMO_COMPLAINTS: readonly DemoComplaint[] = [
  {
    name: 'Fatima el Amrani',
    email: 'f.elamrani@example.nl',
    phone: '06-12345678',
    product: 'Woonhuisverzekering',
    channel: 'web_form',
    daysAgo: 1,
    description:
      'Na de lekkage in onze badkamer op 3 november heb ik drie keer gebeld. Niemand heeft teruggebeld en de schade-expert is nog steeds niet langs geweest.',
    desiredOutcome: 'Dat er deze week een expert komt en dat ik een vast aanspreekpunt krijg.',
  },
  {
    name: 'Jan de Vries',
    email: 'jandevries@example.nl',
    phone: null,
    product: 'Autoverzekering WA + beperkt casco',
    channel: 'email',
    daysAgo: 2,
    description:
      'Mijn premie is zonder aankondiging met 18% gestegen. In de brief staat alleen "aanpassing tarief", zonder uitleg.',
    desiredOutcome: 'Een uitleg van de verhoging en een voorstel voor een passende premie.',
  },
  {
    name: 'Marieke Jansen-Bakker',
    email: 'm.jansen@example.nl',
    phone: '020-5551234',
    product: 'Hypotheekadvies',
    channel: 'phone',
    daysAgo: 3,
    description:
      'Onze adviseur heeft ons niet verteld dat de rentevaste periode van 10 jaar duurder was dan die van 20 jaar bij dezelfde geldverstrekker. Wij voelen ons verkeerd geadviseerd.',
    desiredOutcome: 'Vergoeding van het renteverschil over de afgelopen twee jaar.',
    involvesEmployee: true,
    liability: true,
  },
  {
    name: 'Pieter van den Berg',
    email: null,
    phone: '0318-123456',
    address: { street: 'Dorpsstraat 12', postalCode: '6721 AB', city: 'Bennekom' },
    product: 'Aansprakelijkheidsverzekering particulieren',
    channel: 'letter',
    daysAgo: 4,
    description:
      'Mijn schadeclaim voor de gebroken bril van de buurman is afgewezen omdat het "opzet" zou zijn. Dat is niet waar: mijn kleinzoon stootte er per ongeluk tegenaan.',
    desiredOutcome: 'Herbeoordeling van de claim en uitkering van € 450.',
  },
  {
    name: 'Sanne Visser',
    email: 'sanne.visser@example.nl',
    phone: '06-98765432',
    product: 'Reisverzekering doorlopend',
    channel: 'web_form',
    daysAgo: 6,
    description:
      'Mijn bagage werd in Lissabon gestolen. De uitkering is € 312 lager dan het bedrag van de bonnen die ik heb ingestuurd, zonder dat iemand uitlegt waarom.',
    desiredOutcome: 'Uitbetaling van het volledige bedrag of een duidelijke berekening.',
  },
  {
    name: 'Ahmet Yilmaz',
    email: 'a.yilmaz@example.nl',
    phone: '06-11223344',
    product: 'Bedrijfsaansprakelijkheid',
    channel: 'email',
    daysAgo: 8,
    description:
      'Bij het overzetten van mijn polissen naar uw kantoor is mijn bedrijfsaansprakelijkheid twee maanden niet verzekerd geweest. Ik kwam daar pas achter toen ik schade wilde melden.',
    desiredOutcome: 'Dat u de schade van € 2.800 vergoedt die nu niet gedekt is.',
    involvesEmployee: true,
    liability: true,
  },
  {
    name: 'Els Mulder',
    email: 'els.mulder@example.nl',
    phone: null,
    product: 'Uitvaartverzekering',
    channel: 'email',
    daysAgo: 9,
    description:
      'Ik heb mijn uitvaartverzekering in augustus opgezegd, maar er wordt nog steeds premie afgeschreven. Op mijn mails krijg ik geen antwoord.',
    desiredOutcome: 'Stopzetting van de incasso en terugbetaling van de te veel betaalde premie.',
  },
  {
    name: 'Kees Smit',
    email: 'k.smit@example.nl',
    phone: '06-22334455',
    product: 'Woonhuisverzekering',
    channel: 'phone',
    daysAgo: 11,
    description:
      'De medewerker aan de telefoon was onvriendelijk en zei dat ik "maar een advocaat moest nemen" toen ik vroeg naar de stand van mijn stormschade.',
    desiredOutcome: 'Excuses en een normale behandeling van mijn schade.',
    involvesEmployee: true,
  },
  {
    name: 'Ingrid de Boer',
    email: 'ingrid.deboer@example.nl',
    phone: '050-3141592',
    product: 'Arbeidsongeschiktheidsverzekering',
    channel: 'web_form',
    daysAgo: 13,
    description:
      'Bij het afsluiten is mij niet gewezen op de wachttijd van 90 dagen. Nu ik ziek ben, blijkt ik drie maanden zonder inkomen te zitten.',
    desiredOutcome: 'Uitkering vanaf de eerste ziektedag of een schadevergoeding.',
    involvesEmployee: true,
    liability: true,
  },
  {
    name: 'Thomas Bos',
    email: 'thomas.bos@example.nl',
    phone: null,
    product: 'Inboedelverzekering',
    channel: 'email',
    daysAgo: 15,
    description:
      'Na de inbraak vraagt u voor elk apparaat een aankoopbon, ook voor spullen van tien jaar oud. Dat is onredelijk en staat niet zo in de voorwaarden.',
    desiredOutcome: 'Dat foto’s en bankafschriften ook als bewijs worden aanvaard.',
  },
  {
    name: 'Henk en Gerda Dekker',
    email: null,
    phone: null,
    address: { street: 'Kerkweg 4', postalCode: '7941 KL', city: 'Meppel' },
    product: 'Opstalverzekering',
    channel: 'letter',
    daysAgo: 17,
    description:
      'Wij hebben per brief een klacht ingediend over de afhandeling van de hagelschade aan ons dak. Het duurt nu al vier maanden.',
    desiredOutcome: 'Een besluit binnen twee weken.',
  },
  {
    name: 'Lotte Hendriks',
    email: 'lotte.h@example.nl',
    phone: '06-55667788',
    product: 'Zorgverzekering (bemiddeling)',
    channel: 'web_form',
    daysAgo: 19,
    description:
      'U heeft mijn overstap naar een andere zorgverzekeraar niet op tijd doorgegeven, waardoor ik twee maanden dubbel premie betaal.',
    desiredOutcome: 'Vergoeding van de dubbele premie.',
    liability: true,
  },
  {
    name: 'Mohamed Bakkali',
    email: 'm.bakkali@example.nl',
    phone: '06-66778899',
    product: 'Autoverzekering all risk',
    channel: 'visit',
    daysAgo: 21,
    description:
      'Bij de schadeherstelaanvraag is de verkeerde schadedatum ingevuld, waardoor mijn claim eerst werd afgewezen. Ik heb veel tijd kwijt aan het rechtzetten.',
    desiredOutcome: 'Excuses en een tegemoetkoming in mijn kosten.',
    involvesEmployee: true,
  },
  {
    name: 'Anouk Peters',
    email: 'anouk.peters@example.nl',
    phone: null,
    product: 'Rechtsbijstandverzekering',
    channel: 'email',
    daysAgo: 24,
    description:
      'Mijn verzoek om rechtshulp bij een burenruzie is afgewezen zonder dat de reden in de brief stond.',
    desiredOutcome: 'Een gemotiveerd besluit.',
  },
  {
    name: 'Ruud Kok',
    email: 'ruud.kok@example.nl',
    phone: '06-12121212',
    product: 'Pensioenadvies',
    channel: 'phone',
    daysAgo: 27,
    description:
      'De kosten van het pensioenadvies (€ 1.450) zijn hoger dan vooraf in de dienstverleningsdocumentatie stond.',
    desiredOutcome: 'Terugbetaling van het verschil met de offerte.',
    involvesEmployee: true,
  },
  {
    name: 'Yvonne Meijer',
    email: 'y.meijer@example.nl',
    phone: null,
    product: 'Woonhuisverzekering',
    channel: 'web_form',
    daysAgo: 30,
    description: 'Ik krijg geen antwoord op mijn vraag of zonnepanelen op het dak meeverzekerd zijn.',
    desiredOutcome: 'Een schriftelijk antwoord.',
  },
  {
    name: 'Bas van Dijk',
    email: 'bas.vandijk@example.nl',
    phone: '06-34343434',
    product: 'Motorverzekering',
    channel: 'email',
    daysAgo: 33,
    description: 'Mijn no-claimkorting is na een schade waar ik niets aan kon doen toch verlaagd.',
    desiredOutcome: 'Herstel van de no-claimtrede.',
  },
  {
    name: 'Sophie de Graaf',
    email: 'sophie.degraaf@example.nl',
    phone: '030-2727272',
    product: 'Overlijdensrisicoverzekering',
    channel: 'web_form',
    daysAgo: 36,
    description:
      'Bij de medische acceptatie zijn mijn gegevens naar het verkeerde e-mailadres gestuurd. Ik maak mij zorgen over mijn privacy.',
    desiredOutcome: 'Uitleg wat er is gebeurd en welke maatregelen u neemt.',
    involvesEmployee: true,
  },
  {
    name: 'Wim Vermeulen',
    email: null,
    phone: '0492-565656',
    address: { street: 'Molenstraat 88', postalCode: '5701 KC', city: 'Helmond' },
    product: 'Inboedelverzekering',
    channel: 'letter',
    daysAgo: 40,
    description:
      'De vergoeding voor mijn waterschade is gebaseerd op dagwaarde, terwijl ik nieuwwaarde verzekerd heb.',
    desiredOutcome: 'Vergoeding op basis van nieuwwaarde.',
  },
  {
    name: 'Noor Willems',
    email: 'noor.willems@example.nl',
    phone: '06-78787878',
    product: 'Reisverzekering kortlopend',
    channel: 'web_form',
    daysAgo: 44,
    description:
      'Mijn annulering wegens ziekte van mijn moeder wordt niet vergoed, terwijl ik een doktersverklaring heb.',
    desiredOutcome: 'Vergoeding van de annuleringskosten van € 1.180.',
  },
  {
    name: 'Gert-Jan Hoekstra',
    email: 'gj.hoekstra@example.nl',
    phone: null,
    product: 'Bedrijfsschadeverzekering',
    channel: 'email',
    daysAgo: 48,
    description:
      'De polis die u voor mijn bakkerij heeft geadviseerd dekt geen bedrijfsschade door stroomuitval. Dat had u moeten vertellen.',
    desiredOutcome: 'Vergoeding van de omzetderving van drie dagen.',
    involvesEmployee: true,
    liability: true,
  },
  {
    name: 'Petra Koster',
    email: 'petra.koster@example.nl',
    phone: '06-90909090',
    product: 'Autoverzekering WA',
    channel: 'phone',
    daysAgo: 52,
    description:
      'Mijn groene kaart is na de verhuizing naar het oude adres gestuurd en ik moest op vakantie zonder.',
    desiredOutcome: 'Excuses en aanpassing van mijn adres in alle systemen.',
  },
  {
    name: 'Rik Prins',
    email: 'rik.prins@example.nl',
    phone: null,
    product: 'Woonhuisverzekering',
    channel: 'web_form',
    daysAgo: 57,
    description: 'De expert heeft mijn schade beoordeeld zonder de schade in het echt te bekijken.',
    desiredOutcome: 'Een nieuwe beoordeling door een andere expert op locatie.',
  },
  {
    name: 'Hanneke Vos',
    email: 'h.vos@example.nl',
    phone: '06-45454545',
    product: 'Hypotheekadvies',
    channel: 'email',
    daysAgo: 62,
    description: 'De adviseur heeft de afsluitkosten pas na ondertekening genoemd.',
    desiredOutcome: 'Kwijtschelding van de afsluitprovisie.',
    involvesEmployee: true,
  },
  {
    name: 'Dirk Brouwer',
    email: 'dirk.brouwer@example.nl',
    phone: null,
    product: 'Aansprakelijkheidsverzekering particulieren',
    channel: 'email',
    daysAgo: 68,
    description: 'Ik wacht al zes weken op een reactie over mijn claim voor schade aan een geleende laptop.',
    desiredOutcome: 'Een snelle beslissing.',
  },
  {
    name: 'Mila Schouten',
    email: 'mila.schouten@example.nl',
    phone: '06-56565656',
    product: 'Inboedelverzekering',
    channel: 'web_form',
    daysAgo: 75,
    description:
      'Ik wilde mijn verzekering opzeggen en kreeg een opzegtermijn van drie maanden, terwijl er één maand in de voorwaarden staat.',
    desiredOutcome: 'Beëindiging per de eerste van volgende maand.',
  },
  {
    name: 'Frank Lammers',
    email: 'f.lammers@example.nl',
    phone: null,
    product: 'Autoverzekering all risk',
    channel: 'email',
    daysAgo: 82,
    description:
      'Na de aanrijding moest ik zelf een vervangende auto regelen, terwijl dit in mijn dekking zit.',
    desiredOutcome: 'Vergoeding van de huurkosten van € 640.',
  },
  {
    name: 'Joyce Hermans',
    email: 'joyce.hermans@example.nl',
    phone: '06-67676767',
    product: 'Woonhuisverzekering',
    channel: 'phone',
    daysAgo: 90,
    description:
      'De schade aan mijn schutting door de storm wordt niet vergoed; volgens mij valt die wel onder de dekking.',
    desiredOutcome: 'Vergoeding van de herstelkosten.',
  },
  {
    name: 'Erik Kuipers',
    email: 'erik.kuipers@example.nl',
    phone: null,
    product: 'Zakelijke autoverzekering',
    channel: 'api',
    daysAgo: 100,
    description:
      'De schadeafhandeling via uw portaal loopt vast; ik kan geen foto’s uploaden en niemand helpt mij.',
    desiredOutcome: 'Dat mijn schade alsnog in behandeling wordt genomen.',
  },
  {
    name: 'Carla van Leeuwen',
    email: 'carla.vanleeuwen@example.nl',
    phone: '06-78781234',
    product: 'Reisverzekering doorlopend',
    channel: 'web_form',
    daysAgo: 115,
    description: 'Mijn medische kosten in Turkije zijn maar voor de helft vergoed.',
    desiredOutcome: 'Volledige vergoeding volgens de polis.',
  },
];
