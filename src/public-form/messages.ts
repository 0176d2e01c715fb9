import type { Language } from './language.ts';

/** Every text the public form shows, in Dutch (the default) and English. */
export interface Messages {
  skipLink: string;
  otherLanguageName: string;
  otherLanguageCode: Language;
  footer: (organisation: string) => string;
  errorTitlePrefix: string;
  errorPrefix: string;

  formTitle: string;
  formIntro: string;
  formWhatNext: string;
  stepForm: string;
  stepReview: string;
  requiredNote: string;
  required: string;
  optional: string;
  sectionYou: string;
  sectionAddress: string;
  sectionAddressHint: string;
  sectionComplaint: string;
  sectionAttachments: string;
  sectionConsent: string;
  contactHint: string;
  labelName: string;
  labelEmail: string;
  labelPhone: string;
  labelStreet: string;
  labelPostalCode: string;
  labelCity: string;
  labelProduct: string;
  hintProduct: string;
  labelDescription: string;
  hintDescription: string;
  labelDesiredOutcome: string;
  hintDesiredOutcome: string;
  labelAttachments: string;
  hintAttachments: (maxFiles: number, maxFile: string, maxTotal: string) => string;
  keptFiles: string;
  removeFile: string;
  labelConsent: string;
  privacyLink: string;
  honeypotLabel: string;
  buttonReview: string;
  powWaiting: string;
  fileTooLargeHint: string;
  errorSummaryTitle: string;
  staleNotice: string;
  busyNotice: string;

  errNameMissing: string;
  errContactMissing: string;
  errEmailInvalid: string;
  errPhoneInvalid: string;
  errDescriptionMissing: string;
  errConsentMissing: string;
  errTooLong: (max: number) => string;
  errFileEmpty: (name: string) => string;
  errFileTooLarge: (name: string, max: string) => string;
  errFileType: (name: string) => string;
  errTooManyFiles: (max: number) => string;
  errFilesTooLarge: (max: string) => string;
  errFilesNotKept: string;
  errUnreadable: string;

  reviewTitle: string;
  reviewIntro: string;
  reviewFiles: string;
  reviewNoFiles: string;
  reviewNotFilled: string;
  reviewConsentGiven: string;
  buttonSend: string;
  buttonEdit: string;

  confirmationTitle: string;
  confirmationReference: string;
  confirmationKeepReference: string;
  confirmationWhatNext: string;
  confirmationAcknowledgment: string;
  confirmationReceived: string;
  confirmationGone: string;

  notFoundTitle: string;
  notFoundText: string;
  tooManyTitle: string;
  tooManyText: (minutes: number) => string;
  tooLargeTitle: string;
  tooLargeText: (max: string) => string;
  badRequestTitle: string;
  badRequestText: string;
  serverErrorTitle: string;
  serverErrorText: string;
  contactUs: string;
  backToForm: string;

  privacyTitle: string;
  privacyParagraphs: (organisation: string) => string[];
}

const nl: Messages = {
  skipLink: 'Direct naar de inhoud',
  otherLanguageName: 'English',
  otherLanguageCode: 'en',
  footer: (organisation) => `Klachtenformulier van ${organisation}`,
  errorTitlePrefix: 'Fout: ',
  errorPrefix: 'Fout:',

  formTitle: 'Klacht indienen',
  formIntro:
    'Bent u niet tevreden over onze dienstverlening? Dat horen wij graag van u. Wij behandelen uw klacht zorgvuldig en volgens onze klachtenprocedure.',
  formWhatNext: 'Binnen 3 werkdagen na ontvangst krijgt u van ons een ontvangstbevestiging.',
  stepForm: 'Stap 1 van 2: uw klacht invullen',
  stepReview: 'Stap 2 van 2: controleren en versturen',
  requiredNote: 'Velden met "(verplicht)" moet u invullen.',
  required: '(verplicht)',
  optional: '(niet verplicht)',
  sectionYou: 'Uw gegevens',
  sectionAddress: 'Uw adres',
  sectionAddressHint: 'Vul uw adres volledig in als wij u per post mogen antwoorden.',
  sectionComplaint: 'Uw klacht',
  sectionAttachments: 'Bijlagen',
  sectionConsent: 'Toestemming',
  contactHint:
    'Vul ten minste één manier in waarop wij u kunnen bereiken: uw e-mailadres, uw telefoonnummer of uw volledige adres.',
  labelName: 'Naam',
  labelEmail: 'E-mailadres',
  labelPhone: 'Telefoonnummer',
  labelStreet: 'Straat en huisnummer',
  labelPostalCode: 'Postcode',
  labelCity: 'Woonplaats',
  labelProduct: 'Polis of product',
  hintProduct: 'Bijvoorbeeld het polisnummer of de naam van de verzekering.',
  labelDescription: 'Wat is er gebeurd?',
  hintDescription: 'Beschrijf wat er is gebeurd, wanneer het gebeurde en met wie u contact had.',
  labelDesiredOutcome: 'Wat wilt u dat wij doen?',
  hintDesiredOutcome: 'Bijvoorbeeld: een uitleg, een excuus, een vergoeding of een nieuwe beoordeling.',
  labelAttachments: 'Bestanden toevoegen',
  hintAttachments: (maxFiles, maxFile, maxTotal) =>
    `Bijvoorbeeld een brief, een foto of uw polis. PDF, foto (JPG, PNG, GIF, TIFF), tekstbestand of Office-document. Ten hoogste ${maxFiles} bestanden, ${maxFile} per bestand en ${maxTotal} samen.`,
  keptFiles: 'Deze bestanden gaan mee met uw klacht:',
  removeFile: 'Verwijderen',
  labelConsent: 'Ik geef toestemming om mijn gegevens te gebruiken voor de behandeling van mijn klacht.',
  privacyLink: 'Lees hoe wij met uw gegevens omgaan (opent in een nieuw venster)',
  honeypotLabel: 'Laat dit veld leeg',
  buttonReview: 'Controleren',
  powWaiting: 'Een ogenblik geduld, het formulier wordt verstuurd…',
  fileTooLargeHint: 'Let op: dit bestand is te groot en wordt niet aangenomen:',
  errorSummaryTitle: 'Er is een probleem',
  staleNotice:
    'Uw klacht is nog niet verstuurd: het formulier stond lang open of is intussen vernieuwd. Controleer uw gegevens, voeg eventuele bestanden opnieuw toe en klik op Controleren.',
  busyNotice: 'Het is op dit moment erg druk. Probeer het over enkele minuten opnieuw.',

  errNameMissing: 'Vul uw naam in.',
  errContactMissing: 'Vul een e-mailadres, telefoonnummer of volledig adres in, zodat wij u kunnen bereiken.',
  errEmailInvalid: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  errPhoneInvalid: 'Vul een geldig telefoonnummer in, zoals 06 12345678.',
  errDescriptionMissing: 'Beschrijf wat er is gebeurd.',
  errConsentMissing: 'Geef toestemming om uw gegevens te gebruiken voor de behandeling van uw klacht.',
  errTooLong: (max) => `Gebruik ten hoogste ${max.toLocaleString('nl-NL')} tekens.`,
  errFileEmpty: (name) => `Het bestand "${name}" is leeg.`,
  errFileTooLarge: (name, max) => `Het bestand "${name}" is groter dan ${max}.`,
  errFileType: (name) =>
    `Het bestand "${name}" nemen wij niet aan. Stuur een PDF, foto (JPG, PNG, GIF, TIFF), tekstbestand of Office-document.`,
  errTooManyFiles: (max) => `U kunt ten hoogste ${max} bestanden meesturen.`,
  errFilesTooLarge: (max) => `De bestanden zijn samen groter dan ${max}.`,
  errFilesNotKept:
    'Wij kunnen uw bestanden op dit moment niet tijdelijk bewaren. Probeer het over enkele minuten opnieuw of verstuur uw klacht zonder bestanden.',
  errUnreadable: 'Dit veld kon niet worden gelezen. Vul het opnieuw in.',

  reviewTitle: 'Controleer uw klacht',
  reviewIntro:
    'Klopt alles? Klik dan op Versturen. Wilt u iets aanpassen, klik dan op Wijzigen. Uw klacht is pas verstuurd als u op Versturen klikt.',
  reviewFiles: 'Bijlagen',
  reviewNoFiles: 'Geen bestanden toegevoegd.',
  reviewNotFilled: 'Niet ingevuld',
  reviewConsentGiven: 'U geeft toestemming om uw gegevens te gebruiken voor de behandeling van uw klacht.',
  buttonSend: 'Versturen',
  buttonEdit: 'Wijzigen',

  confirmationTitle: 'Uw klacht is verstuurd',
  confirmationReference: 'Uw klachtnummer',
  confirmationKeepReference: 'Noem dit nummer als u contact met ons opneemt over uw klacht.',
  confirmationWhatNext: 'Wat gebeurt er nu?',
  confirmationAcknowledgment:
    'Binnen 3 werkdagen ontvangt u van ons een ontvangstbevestiging. Daarin staat hoe wij uw klacht behandelen en wanneer u van ons hoort.',
  confirmationReceived: 'Wij hebben uw klacht ontvangen. Dank u wel.',
  confirmationGone:
    'Deze bevestiging is niet meer te zien. Heeft u uw klacht verstuurd, dan ontvangt u binnen 3 werkdagen een ontvangstbevestiging.',

  notFoundTitle: 'Pagina niet gevonden',
  notFoundText:
    'Deze pagina bestaat niet. Controleer het adres, of neem rechtstreeks contact op met het kantoor waarover u een klacht heeft.',
  tooManyTitle: 'Even wachten, alstublieft',
  tooManyText: (minutes) =>
    `Vanaf deze verbinding of met dit e-mailadres zijn kort na elkaar veel klachten verstuurd. Uw klacht is nog niet verstuurd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw, of neem rechtstreeks contact met ons op.`,
  tooLargeTitle: 'De bestanden zijn te groot',
  tooLargeText: (max) =>
    `Wat u probeerde te versturen is samen groter dan ${max}. Uw klacht is niet verstuurd. Ga terug in uw browser, haal een of meer bestanden weg en probeer het opnieuw.`,
  badRequestTitle: 'Het formulier kon niet worden gelezen',
  badRequestText: 'Uw klacht is niet verstuurd. Ga terug naar het formulier en probeer het opnieuw.',
  serverErrorTitle: 'Er ging iets mis',
  serverErrorText:
    'Door een storing aan onze kant is uw klacht niet verstuurd. Ga terug in uw browser en probeer het over enkele minuten opnieuw.',
  contactUs: 'U kunt ons ook rechtstreeks bereiken:',
  backToForm: 'Naar het klachtenformulier',

  privacyTitle: 'Hoe wij met uw gegevens omgaan',
  privacyParagraphs: (organisation) => [
    `${organisation} gebruikt de gegevens die u in dit formulier invult alleen om uw klacht te behandelen: om u te bereiken, uw klacht te onderzoeken en u ons standpunt te geven.`,
    'Wij bewaren uw klacht en de bijbehorende stukken in een klachtendossier, zo lang als de wet en onze klachtenprocedure dat vragen. Daarna worden uw persoonsgegevens verwijderd.',
    'Zo nodig delen wij gegevens met wie bij de behandeling betrokken moet zijn, zoals onze beroepsaansprakelijkheidsverzekeraar of het Klachteninstituut Financiële Dienstverlening (KiFiD).',
    'U mag uw gegevens inzien, laten verbeteren of laten verwijderen voor zover de wet dat toestaat. Neem daarvoor contact met ons op.',
  ],
};

const en: Messages = {
  skipLink: 'Skip to content',
  otherLanguageName: 'Nederlands',
  otherLanguageCode: 'nl',
  footer: (organisation) => `Complaint form of ${organisation}`,
  errorTitlePrefix: 'Error: ',
  errorPrefix: 'Error:',

  formTitle: 'Submit a complaint',
  formIntro:
    'Are you unhappy with our service? We would like to hear from you. We handle your complaint carefully and according to our complaints procedure.',
  formWhatNext: 'Within 3 working days of receipt you will get an acknowledgment from us.',
  stepForm: 'Step 1 of 2: fill in your complaint',
  stepReview: 'Step 2 of 2: check and send',
  requiredNote: 'Fields marked "(required)" must be filled in.',
  required: '(required)',
  optional: '(optional)',
  sectionYou: 'Your details',
  sectionAddress: 'Your address',
  sectionAddressHint: 'Fill in your full address if we may answer you by post.',
  sectionComplaint: 'Your complaint',
  sectionAttachments: 'Attachments',
  sectionConsent: 'Consent',
  contactHint:
    'Give at least one way to reach you: your e-mail address, your phone number or your full address.',
  labelName: 'Name',
  labelEmail: 'E-mail address',
  labelPhone: 'Phone number',
  labelStreet: 'Street and house number',
  labelPostalCode: 'Postal code',
  labelCity: 'Town or city',
  labelProduct: 'Policy or product',
  hintProduct: 'For example the policy number or the name of the insurance.',
  labelDescription: 'What happened?',
  hintDescription: 'Describe what happened, when it happened and who you were in contact with.',
  labelDesiredOutcome: 'What would you like us to do?',
  hintDesiredOutcome: 'For example: an explanation, an apology, compensation or a new assessment.',
  labelAttachments: 'Add files',
  hintAttachments: (maxFiles, maxFile, maxTotal) =>
    `For example a letter, a photo or your policy. PDF, photo (JPG, PNG, GIF, TIFF), text file or Office document. At most ${maxFiles} files, ${maxFile} per file and ${maxTotal} in total.`,
  keptFiles: 'These files will be sent with your complaint:',
  removeFile: 'Remove',
  labelConsent: 'I consent to my details being used to handle my complaint.',
  privacyLink: 'Read how we handle your details (opens in a new window)',
  honeypotLabel: 'Leave this field empty',
  buttonReview: 'Check',
  powWaiting: 'One moment please, the form is being sent…',
  fileTooLargeHint: 'Please note: this file is too large and will not be accepted:',
  errorSummaryTitle: 'There is a problem',
  staleNotice:
    'Your complaint has not been sent yet: the form was open for a long time or has been renewed. Please check your details, add any files again and select Check.',
  busyNotice: 'It is very busy right now. Please try again in a few minutes.',

  errNameMissing: 'Enter your name.',
  errContactMissing: 'Enter an e-mail address, phone number or full address, so that we can reach you.',
  errEmailInvalid: 'Enter a valid e-mail address, like name@example.com.',
  errPhoneInvalid: 'Enter a valid phone number, like +31 6 12345678.',
  errDescriptionMissing: 'Describe what happened.',
  errConsentMissing: 'Give your consent to your details being used to handle your complaint.',
  errTooLong: (max) => `Use at most ${max.toLocaleString('en-GB')} characters.`,
  errFileEmpty: (name) => `The file "${name}" is empty.`,
  errFileTooLarge: (name, max) => `The file "${name}" is larger than ${max}.`,
  errFileType: (name) =>
    `We cannot accept the file "${name}". Send a PDF, photo (JPG, PNG, GIF, TIFF), text file or Office document.`,
  errTooManyFiles: (max) => `You can send at most ${max} files.`,
  errFilesTooLarge: (max) => `The files together are larger than ${max}.`,
  errFilesNotKept:
    'We cannot keep your files right now. Please try again in a few minutes or send your complaint without files.',
  errUnreadable: 'This field could not be read. Please fill it in again.',

  reviewTitle: 'Check your complaint',
  reviewIntro:
    'Is everything correct? Then select Send. To change something, select Change. Your complaint is only sent when you select Send.',
  reviewFiles: 'Attachments',
  reviewNoFiles: 'No files added.',
  reviewNotFilled: 'Not filled in',
  reviewConsentGiven: 'You consent to your details being used to handle your complaint.',
  buttonSend: 'Send',
  buttonEdit: 'Change',

  confirmationTitle: 'Your complaint has been sent',
  confirmationReference: 'Your complaint number',
  confirmationKeepReference: 'Please mention this number when you contact us about your complaint.',
  confirmationWhatNext: 'What happens next?',
  confirmationAcknowledgment:
    'Within 3 working days you will receive an acknowledgment from us. It explains how we will handle your complaint and when you will hear from us.',
  confirmationReceived: 'We have received your complaint. Thank you.',
  confirmationGone:
    'This confirmation can no longer be shown. If you sent your complaint, you will receive an acknowledgment within 3 working days.',

  notFoundTitle: 'Page not found',
  notFoundText:
    'This page does not exist. Check the address, or contact the firm you have a complaint about directly.',
  tooManyTitle: 'Please wait a moment',
  tooManyText: (minutes) =>
    `Many complaints were sent in a short time from this connection or with this e-mail address. Your complaint has not been sent yet. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or contact us directly.`,
  tooLargeTitle: 'The files are too large',
  tooLargeText: (max) =>
    `What you tried to send is larger than ${max} in total. Your complaint has not been sent. Go back in your browser, remove one or more files and try again.`,
  badRequestTitle: 'The form could not be read',
  badRequestText: 'Your complaint has not been sent. Go back to the form and try again.',
  serverErrorTitle: 'Something went wrong',
  serverErrorText:
    'Because of a fault on our side your complaint has not been sent. Go back in your browser and try again in a few minutes.',
  contactUs: 'You can also reach us directly:',
  backToForm: 'To the complaint form',

  privacyTitle: 'How we handle your details',
  privacyParagraphs: (organisation) => [
    `${organisation} uses the details you enter in this form only to handle your complaint: to reach you, to investigate your complaint and to give you our position.`,
    'We keep your complaint and the documents that belong to it in a complaint file for as long as the law and our complaints procedure require. After that your personal data is removed.',
    'Where necessary we share details with those who must be involved in handling it, such as our professional liability insurer or the Dutch Financial Services Complaints Institute (KiFiD).',
    'You may see, correct or have your details removed as far as the law allows. Contact us to do so.',
  ],
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { nl, en };

export function megabytes(bytes: number, language: Language): string {
  const value = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${value.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')} MB`;
}

/** A file's size as people read it: kB below a megabyte (never "0 MB"), MB above. */
export function fileSize(bytes: number, language: Language): string {
  if (bytes >= 1024 * 1024) return megabytes(bytes, language);
  return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB')} kB`;
}
