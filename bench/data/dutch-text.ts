/**
 * Words and sentences the generator combines into complaints that read like the real thing: the
 * products, names and complaints of a Dutch insurance or mortgage intermediary. Indexes into these
 * lists are picked in SQL, so every row differs while the generator stays set-based.
 */
export const FIRST_NAMES = [
  'Jan', 'Anouk', 'Pieter', 'Fatima', 'Sanne', 'Mohamed', 'Ingrid', 'Thijs', 'Noor', 'Willem',
  'Esther', 'Bram', 'Yvonne', 'Daan', 'Marieke', 'Kees', 'Lotte', 'Ahmet', 'Henk', 'Sophie',
];

export const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
  'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'Yılmaz', 'El Amrani', 'van Dijk', 'Kok', 'Jacobs',
];

export const CITIES = [
  'Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere',
  'Breda', 'Nijmegen', 'Apeldoorn', 'Haarlem', 'Enschede', 'Arnhem', "'s-Hertogenbosch", 'Zwolle',
];

export const STREETS = [
  'Kerkstraat', 'Dorpsstraat', 'Schoolstraat', 'Molenweg', 'Julianalaan', 'Stationsweg',
  'Beatrixstraat', 'Nieuwstraat', 'Lindelaan', 'Oranjestraat', 'Wilhelminaweg', 'Parallelweg',
];

export const PRODUCTS = [
  'Woonhuisverzekering', 'Inboedelverzekering', 'Autoverzekering', 'Aansprakelijkheidsverzekering',
  'Hypotheek', 'Overlijdensrisicoverzekering', 'Arbeidsongeschiktheidsverzekering',
  'Reisverzekering', 'Rechtsbijstandverzekering', 'Zorgverzekering', 'Pensioenadvies',
  'Spaarrekening',
];

export const OPENINGS = [
  'Op {d} heb ik schade gemeld aan mijn {p}, maar ik heb nog steeds geen reactie ontvangen.',
  'Ik ben het niet eens met de afwijzing van mijn claim onder mijn {p}.',
  'Mijn premie voor de {p} is zonder aankondiging met bijna twintig procent gestegen.',
  'De adviseur heeft mij bij het afsluiten van de {p} verkeerd voorgelicht.',
  'Sinds de overstap naar uw kantoor worden de incasso’s voor mijn {p} dubbel afgeschreven.',
  'Ik heb mijn {p} opgezegd, maar ontvang nog steeds facturen en aanmaningen.',
  'De schade-expert is na drie weken nog niet langs geweest voor mijn {p}.',
  'U heeft mijn gegevens voor de {p} zonder toestemming met een derde gedeeld.',
];

export const MIDDLES = [
  'Ik heb meerdere keren gebeld en telkens werd beloofd dat ik teruggebeld zou worden.',
  'De medewerker aan de telefoon was onvriendelijk en kon mij niet vertellen wie mijn dossier behandelt.',
  'In de polisvoorwaarden staat nergens dat deze uitsluiting van toepassing is.',
  'Ik heb alle gevraagde stukken, waaronder foto’s en de offerte van de aannemer, al twee keer opgestuurd.',
  'Door de vertraging kan ik de reparatie niet laten uitvoeren en loopt de schade verder op.',
  'Het adviesrapport dat ik kreeg, klopt niet met wat er in het gesprek is afgesproken.',
  'Mijn buurman met dezelfde verzekering kreeg zijn schade wel vergoed.',
  'Ik vind het onacceptabel dat ik na twaalf jaar klantschap zo behandeld word.',
  'De brief die ik ontving was in onbegrijpelijke taal geschreven en bevatte geen contactpersoon.',
  'Ik heb hierdoor kosten moeten maken die ik graag vergoed zie.',
];

export const OUTCOMES = [
  'Ik wil dat de schade alsnog volledig wordt vergoed.',
  'Graag ontvang ik binnen twee weken een inhoudelijke reactie.',
  'Ik verzoek u de premieverhoging terug te draaien en het teveel betaalde terug te storten.',
  'Ik wil een excuus en een gesprek met de directie.',
  'Graag een schriftelijke bevestiging dat de polis per de opzegdatum is beëindigd.',
  'Ik verwacht een vergoeding van de gemaakte kosten.',
];

export const ITEM_TITLES = [
  'E-mail van klager', 'Telefoonnotitie', 'Reactie behandelaar', 'Bijlage: foto’s van de schade',
  'Ontvangstbevestiging', 'Verzoek om aanvullende informatie', 'Antwoord van klager',
  'Interne notitie', 'Overleg met verzekeraar', 'Verslag wederhoor', 'Brief met ons oordeel',
];

export const ITEM_KINDS = [
  'message_in', 'note', 'message_out', 'attachment', 'letter', 'message_out', 'message_in', 'note',
  'insurer_correspondence', 'statement', 'decision',
] as const;

export const EVENT_TYPES = [
  'dossier.message_received', 'dossier.note_added', 'letter.issued', 'dossier.attachment_added',
  'portal.link_issued', 'portal.session_started', 'portal.message_received',
  'complaint.delay_notice_sent', 'dossier.note_added', 'letter.issued',
];

/** A SQL array literal of these strings (they are ours: quotes doubled, nothing else to escape). */
export function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(',')}]::text[]`;
}
