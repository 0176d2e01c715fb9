import type { Language } from '../public-form/language.ts';

/**
 * Every text the complainant portal shows, in Dutch (the default) and English. Written for the
 * complainant: plain words, no procedure jargon, no staff terms.
 */
export interface PortalMessages {
  skipLink: string;
  otherLanguageName: string;
  otherLanguageCode: Language;
  portalName: string;
  footer: (organisation: string) => string;
  errorTitlePrefix: string;
  errorPrefix: string;
  errorSummaryTitle: string;
  signOut: string;
  contactUs: string;
  backToOverview: string;
  optional: string;

  linkInvalidTitle: string;
  linkInvalidText: string;
  linkInvalidHelp: string;
  signedOutTitle: string;
  signedOutText: string;
  loggedOutTitle: string;
  loggedOutText: string;

  codeTitle: string;
  codeIntro: string;
  codeWillSendTo: (masked: string) => string;
  codeSentTo: (masked: string, minutes: number) => string;
  buttonSendCode: string;
  buttonNewCode: string;
  labelCode: string;
  hintCode: string;
  buttonCheckCode: string;
  codeNotReceived: string;
  codeLocked: string;
  codeExpired: string;
  codeNoEmail: string;
  errCodeMalformed: string;
  errCodeWrong: (attemptsLeft: number) => string;

  overviewTitle: (reference: string) => string;
  sectionStatus: string;
  statusReceived: string;
  statusAcknowledged: string;
  statusInvestigation: string;
  statusDecidedMeeting: string;
  statusDecidedLetter: string;
  statusClosed: string;
  statusWithdrawn: string;
  statusReclassified: string;
  dateReceived: string;
  dateAcknowledgment: string;
  dateDecision: string;
  dateClosed: string;
  dateWithdrawn: string;
  sentOn: (date: string) => string;
  givenOn: (date: string, mode: 'meeting' | 'letter' | null) => string;
  dueBy: (date: string) => string;
  movedNotice: (date: string, before: string) => string;
  sectionInformation: string;
  informationAsked: (date: string) => string;
  informationAskedWithout: (date: string) => string;
  linkSendInformation: string;
  sectionActions: string;
  linkMessage: string;
  linkPreference: string;
  preferenceChosen: (preference: 'meeting' | 'letter') => string;
  preferenceNotChosen: string;
  sectionLetters: string;
  noLetters: string;
  letterTitle: (letterType: string) => string;
  letterSent: (date: string, delivery: 'email' | 'post') => string;
  downloadLetter: (title: string, size: string) => string;
  sectionYours: string;
  yourComplaint: string;
  labelProduct: string;
  labelDescription: string;
  labelDesiredOutcome: string;
  yourMessages: string;
  sentAt: (moment: string) => string;
  filesSent: string;
  sectionKifid: string;
  kifidIntro: string;
  kifidTerm: (date: string) => string;
  kifidTermElapsed: (date: string) => string;
  kifidAffiliation: (number: string) => string;
  kifidTalkToUs: string;
  kifidPhone: string;
  kifidEmail: string;
  kifidWebsite: string;
  kifidAddress: string;
  noticeMessageSent: string;
  noticePreferenceSaved: string;

  messageTitle: string;
  messageIntro: string;
  labelMessage: string;
  hintMessage: string;
  labelFiles: string;
  hintFiles: (maxFiles: number, maxFile: string, maxTotal: string) => string;
  buttonSend: string;
  errMessageEmpty: string;
  errMessageTooLong: (max: number) => string;
  errFileEmpty: (name: string) => string;
  errFileTooLarge: (name: string, max: string) => string;
  errFileType: (name: string) => string;
  errTooManyFiles: (max: number) => string;
  errFilesTooLarge: (max: string) => string;
  errUnreadable: string;

  preferenceTitle: string;
  preferenceIntro: string;
  preferenceLegend: string;
  optionMeeting: string;
  optionMeetingHint: string;
  optionLetter: string;
  optionLetterHint: string;
  buttonSave: string;
  errPreferenceMissing: string;
  preferenceTooLate: string;

  forbiddenTitle: string;
  forbiddenText: string;
  tooManyTitle: string;
  tooManyText: (minutes: number) => string;
  tooLargeTitle: string;
  tooLargeText: (max: string) => string;
  notFoundTitle: string;
  notFoundText: string;
  badRequestTitle: string;
  badRequestText: string;
  serverErrorTitle: string;
  serverErrorText: string;
}

const LETTER_TITLES_NL: Readonly<Record<string, string>> = {
  acknowledgment: 'Ontvangstbevestiging',
  information_request: 'Vraag om informatie',
  delay_notice: 'Bericht over uitstel',
  meeting_invitation: 'Uitnodiging voor een gesprek',
  meeting_confirmation: 'Verslag van ons gesprek',
  decision: 'Brief met ons standpunt',
};

const LETTER_TITLES_EN: Readonly<Record<string, string>> = {
  acknowledgment: 'Acknowledgment of receipt',
  information_request: 'Request for information',
  delay_notice: 'Notice of delay',
  meeting_invitation: 'Invitation to a meeting',
  meeting_confirmation: 'Summary of our meeting',
  decision: 'Letter with our position',
};

const nl: PortalMessages = {
  skipLink: 'Direct naar de inhoud',
  otherLanguageName: 'English',
  otherLanguageCode: 'en',
  portalName: 'Uw klacht online',
  footer: (organisation) => `Klantportaal van ${organisation}`,
  errorTitlePrefix: 'Fout: ',
  errorPrefix: 'Fout:',
  errorSummaryTitle: 'Er is een probleem',
  signOut: 'Afmelden',
  contactUs: 'U kunt ons ook rechtstreeks bereiken:',
  backToOverview: 'Terug naar uw klacht',
  optional: '(niet verplicht)',

  linkInvalidTitle: 'Deze link werkt niet',
  linkInvalidText:
    'Met deze link kunnen wij uw klacht niet laten zien. Misschien is de link niet helemaal overgenomen, of is hij niet meer geldig.',
  linkInvalidHelp:
    'Neem contact op met het kantoor dat uw klacht behandelt en noem uw klachtnummer. Zij helpen u graag verder.',
  signedOutTitle: 'U bent niet (meer) aangemeld',
  signedOutText:
    'Voor uw veiligheid sluiten wij uw sessie na 30 minuten zonder activiteit, en in elk geval na 12 uur. Open de persoonlijke link uit onze brief of e-mail opnieuw om uw klacht te bekijken.',
  loggedOutTitle: 'U bent afgemeld',
  loggedOutText:
    'Wilt u later weer kijken? Open dan de link uit onze brief of e-mail. Omdat die link al gebruikt is, sturen wij u dan eerst een code per e-mail.',

  codeTitle: 'Bevestig dat u het bent',
  codeIntro:
    'Deze persoonlijke link is al eerder gebruikt. Voor uw veiligheid sturen wij u een code per e-mail voordat u uw klacht kunt bekijken.',
  codeWillSendTo: (masked) => `Wij sturen de code naar het e-mailadres dat bij uw klacht hoort: ${masked}.`,
  codeSentTo: (masked, minutes) =>
    `Wij hebben een code gestuurd naar ${masked}. De code is ${minutes} minuten geldig.`,
  buttonSendCode: 'Stuur mij een code',
  buttonNewCode: 'Stuur een nieuwe code',
  labelCode: 'Code',
  hintCode: 'De 6 cijfers uit de e-mail die wij u stuurden.',
  buttonCheckCode: 'Bevestigen',
  codeNotReceived:
    'Geen e-mail ontvangen? Kijk ook bij uw ongewenste e-mail. Of vraag hieronder een nieuwe code aan.',
  codeLocked:
    'U heeft vijf keer een verkeerde code ingevuld. Deze code werkt daarom niet meer. Vraag een nieuwe code aan.',
  codeExpired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
  codeNoEmail:
    'Bij uw klacht staat geen e-mailadres, dus wij kunnen u geen code sturen. Neem contact met ons op; wij helpen u graag verder.',
  errCodeMalformed: 'Vul de 6 cijfers van de code in.',
  errCodeWrong: (left) => `Deze code klopt niet. U kunt het nog ${left} keer proberen.`,

  overviewTitle: (reference) => `Uw klacht ${reference}`,
  sectionStatus: 'Waar staat uw klacht?',
  statusReceived: 'Wij hebben uw klacht ontvangen. U krijgt van ons een ontvangstbevestiging.',
  statusAcknowledged: 'Wij hebben de ontvangst van uw klacht bevestigd en gaan uw klacht onderzoeken.',
  statusInvestigation: 'Wij onderzoeken uw klacht.',
  statusDecidedMeeting: 'Wij hebben u ons standpunt gegeven in een persoonlijk gesprek.',
  statusDecidedLetter: 'Wij hebben u ons standpunt per brief gegeven.',
  statusClosed: 'Uw klacht is afgehandeld.',
  statusWithdrawn: 'U heeft uw klacht ingetrokken. Wij behandelen hem niet verder.',
  statusReclassified:
    'Wij behandelen uw bericht niet als klacht, maar op een andere manier. Heeft u daar vragen over? Neem dan contact met ons op.',
  dateReceived: 'Ontvangen op',
  dateAcknowledgment: 'Ontvangstbevestiging',
  dateDecision: 'Ons standpunt',
  dateClosed: 'Afgehandeld op',
  dateWithdrawn: 'Ingetrokken op',
  sentOn: (date) => `verstuurd op ${date}`,
  givenOn: (date, mode) => (mode === 'meeting' ? `gegeven in een gesprek op ${date}` : `gegeven op ${date}`),
  dueBy: (date) => `uiterlijk ${date}`,
  movedNotice: (date, before) =>
    `Wij hebben u laten weten dat ons onderzoek meer tijd kost. U krijgt ons standpunt uiterlijk ${date} (eerst was dat ${before}).`,
  sectionInformation: 'Wij vragen u om informatie',
  informationAsked: (date) => `Op ${date} vroegen wij u:`,
  informationAskedWithout: (date) =>
    `Op ${date} vroegen wij u om aanvullende informatie. In onze brief leest u wat wij nodig hebben.`,
  linkSendInformation: 'Stuur de gevraagde informatie',
  sectionActions: 'Wat kunt u doen?',
  linkMessage: 'Stuur ons een bericht of stukken',
  linkPreference: 'Kies hoe u ons standpunt wilt horen',
  preferenceChosen: (preference) =>
    preference === 'meeting'
      ? 'U koos voor een persoonlijk gesprek.'
      : 'U koos voor een schriftelijk antwoord.',
  preferenceNotChosen: 'U heeft nog niet gekozen.',
  sectionLetters: 'Brieven van ons',
  noLetters: 'Wij hebben u nog geen brieven gestuurd.',
  letterTitle: (letterType) => LETTER_TITLES_NL[letterType] ?? 'Brief',
  letterSent: (date, delivery) => `${delivery === 'post' ? 'Per post' : 'Per e-mail'} verstuurd op ${date}.`,
  downloadLetter: (title, size) => `${title} downloaden (PDF, ${size})`,
  sectionYours: 'Wat u ons stuurde',
  yourComplaint: 'Uw klacht',
  labelProduct: 'Polis of product',
  labelDescription: 'Wat is er gebeurd?',
  labelDesiredOutcome: 'Wat wilt u dat wij doen?',
  yourMessages: 'Uw berichten via deze website',
  sentAt: (moment) => `Verstuurd op ${moment}`,
  filesSent: 'Bestanden:',
  sectionKifid: 'Niet eens met ons standpunt?',
  kifidIntro:
    'Dan kunt u uw klacht voorleggen aan het Klachteninstituut Financiële Dienstverlening (KiFiD). Dat is een onafhankelijke instantie; wij zijn daarbij aangesloten.',
  kifidTerm: (date) => `Dat kan binnen drie maanden nadat wij u ons standpunt gaven: tot en met ${date}.`,
  kifidTermElapsed: (date) =>
    `Dat kon binnen drie maanden nadat wij u ons standpunt gaven: tot en met ${date}. Die termijn is voorbij.`,
  kifidAffiliation: (number) =>
    `Ons aansluitnummer bij het KiFiD is ${number}. Noem dit nummer als u het KiFiD benadert.`,
  kifidTalkToUs:
    'Wilt u eerst met ons verder praten over ons standpunt? Dat kan altijd: stuur ons een bericht.',
  kifidPhone: 'Telefoon',
  kifidEmail: 'E-mail',
  kifidWebsite: 'Website',
  kifidAddress: 'Postadres',
  noticeMessageSent: 'Dank u. Uw bericht is verstuurd en toegevoegd aan uw klachtdossier.',
  noticePreferenceSaved: 'Dank u. Uw keuze is opgeslagen.',

  messageTitle: 'Stuur ons een bericht of stukken',
  messageIntro:
    'Uw bericht en bestanden komen in uw klachtdossier. Degene die uw klacht behandelt, krijgt er direct bericht van.',
  labelMessage: 'Uw bericht',
  hintMessage: 'Bijvoorbeeld een antwoord op onze vraag, of iets wat u nog wilt toevoegen.',
  labelFiles: 'Bestanden toevoegen',
  hintFiles: (maxFiles, maxFile, maxTotal) =>
    `PDF, foto (JPG, PNG, GIF, TIFF), tekstbestand of Office-document. Ten hoogste ${maxFiles} bestanden, ${maxFile} per bestand en ${maxTotal} samen.`,
  buttonSend: 'Versturen',
  errMessageEmpty: 'Schrijf een bericht of voeg een bestand toe.',
  errMessageTooLong: (max) => `Gebruik ten hoogste ${max.toLocaleString('nl-NL')} tekens.`,
  errFileEmpty: (name) => `Het bestand "${name}" is leeg.`,
  errFileTooLarge: (name, max) => `Het bestand "${name}" is groter dan ${max}.`,
  errFileType: (name) =>
    `Het bestand "${name}" nemen wij niet aan. Stuur een PDF, foto (JPG, PNG, GIF, TIFF), tekstbestand of Office-document.`,
  errTooManyFiles: (max) => `U kunt ten hoogste ${max} bestanden tegelijk sturen.`,
  errFilesTooLarge: (max) => `De bestanden zijn samen groter dan ${max}.`,
  errUnreadable: 'Uw bericht kon niet worden gelezen. Probeer het opnieuw.',

  preferenceTitle: 'Hoe wilt u ons standpunt horen?',
  preferenceIntro:
    'Als ons onderzoek klaar is, geven wij u ons standpunt, met de redenen. Dat doen wij het liefst in een persoonlijk gesprek. Heeft u liever een schriftelijk antwoord, dan kan dat ook.',
  preferenceLegend: 'Uw voorkeur',
  optionMeeting: 'Een persoonlijk gesprek',
  optionMeetingHint: 'Wij nemen contact met u op om een afspraak te maken.',
  optionLetter: 'Een schriftelijk antwoord',
  optionLetterHint: 'U krijgt ons standpunt in een brief.',
  buttonSave: 'Opslaan',
  errPreferenceMissing: 'Kies een persoonlijk gesprek of een schriftelijk antwoord.',
  preferenceTooLate:
    'Wij hebben u ons standpunt al gegeven, of uw klacht is afgehandeld. Er valt daarom niets meer te kiezen.',

  forbiddenTitle: 'Dit formulier kon niet worden verwerkt',
  forbiddenText:
    'Er is niets verstuurd of opgeslagen. Misschien stond de pagina lang open. Ga terug naar uw klacht en probeer het opnieuw.',
  tooManyTitle: 'Even wachten, alstublieft',
  tooManyText: (minutes) =>
    `Er is in korte tijd vaak geprobeerd om hier iets te doen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw, of neem rechtstreeks contact met ons op.`,
  tooLargeTitle: 'De bestanden zijn te groot',
  tooLargeText: (max) =>
    `Wat u probeerde te versturen is samen groter dan ${max}. Er is niets verstuurd. Ga terug, haal een of meer bestanden weg en probeer het opnieuw.`,
  notFoundTitle: 'Pagina niet gevonden',
  notFoundText: 'Deze pagina bestaat niet. Ga terug naar uw klacht.',
  badRequestTitle: 'Het formulier kon niet worden gelezen',
  badRequestText: 'Er is niets verstuurd. Ga terug en probeer het opnieuw.',
  serverErrorTitle: 'Er ging iets mis',
  serverErrorText:
    'Door een storing aan onze kant lukte dit niet. Er is niets verstuurd of opgeslagen. Probeer het over enkele minuten opnieuw.',
};

const en: PortalMessages = {
  skipLink: 'Skip to content',
  otherLanguageName: 'Nederlands',
  otherLanguageCode: 'nl',
  portalName: 'Your complaint online',
  footer: (organisation) => `Customer portal of ${organisation}`,
  errorTitlePrefix: 'Error: ',
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  signOut: 'Sign out',
  contactUs: 'You can also reach us directly:',
  backToOverview: 'Back to your complaint',
  optional: '(optional)',

  linkInvalidTitle: 'This link does not work',
  linkInvalidText:
    'We cannot show your complaint with this link. Perhaps the link was not copied completely, or it is no longer valid.',
  linkInvalidHelp:
    'Please contact the firm that handles your complaint and mention your complaint number. They will be glad to help.',
  signedOutTitle: 'You are not (or no longer) signed in',
  signedOutText:
    'For your security we close your session after 30 minutes without activity, and always after 12 hours. Open the personal link from our letter or e-mail again to see your complaint.',
  loggedOutTitle: 'You have signed out',
  loggedOutText:
    'Want to look again later? Open the link from our letter or e-mail. Because that link has been used, we will first send you a code by e-mail.',

  codeTitle: 'Confirm it is you',
  codeIntro:
    'This personal link has been used before. For your security we send you a code by e-mail before you can see your complaint.',
  codeWillSendTo: (masked) =>
    `We will send the code to the e-mail address that belongs to your complaint: ${masked}.`,
  codeSentTo: (masked, minutes) =>
    `We have sent a code to ${masked}. The code is valid for ${minutes} minutes.`,
  buttonSendCode: 'Send me a code',
  buttonNewCode: 'Send a new code',
  labelCode: 'Code',
  hintCode: 'The 6 digits from the e-mail we sent you.',
  buttonCheckCode: 'Confirm',
  codeNotReceived: 'No e-mail? Please also look in your junk mail. Or ask for a new code below.',
  codeLocked: 'You entered a wrong code five times, so this code no longer works. Please ask for a new code.',
  codeExpired: 'This code has expired. Please ask for a new code.',
  codeNoEmail:
    'There is no e-mail address with your complaint, so we cannot send you a code. Please contact us; we will be glad to help.',
  errCodeMalformed: 'Enter the 6 digits of the code.',
  errCodeWrong: (left) =>
    `This code is not correct. You can try ${left} more ${left === 1 ? 'time' : 'times'}.`,

  overviewTitle: (reference) => `Your complaint ${reference}`,
  sectionStatus: 'Where does your complaint stand?',
  statusReceived: 'We have received your complaint. You will get an acknowledgment from us.',
  statusAcknowledged: 'We have acknowledged your complaint and will investigate it.',
  statusInvestigation: 'We are investigating your complaint.',
  statusDecidedMeeting: 'We gave you our position in a personal meeting.',
  statusDecidedLetter: 'We gave you our position in a letter.',
  statusClosed: 'Your complaint has been dealt with.',
  statusWithdrawn: 'You withdrew your complaint. We will not handle it any further.',
  statusReclassified:
    'We are not handling your message as a complaint, but in another way. If you have questions about that, please contact us.',
  dateReceived: 'Received on',
  dateAcknowledgment: 'Acknowledgment',
  dateDecision: 'Our position',
  dateClosed: 'Dealt with on',
  dateWithdrawn: 'Withdrawn on',
  sentOn: (date) => `sent on ${date}`,
  givenOn: (date, mode) => (mode === 'meeting' ? `given in a meeting on ${date}` : `given on ${date}`),
  dueBy: (date) => `by ${date} at the latest`,
  movedNotice: (date, before) =>
    `We let you know that our investigation takes more time. You will have our position by ${date} at the latest (first this was ${before}).`,
  sectionInformation: 'We ask you for information',
  informationAsked: (date) => `On ${date} we asked you:`,
  informationAskedWithout: (date) =>
    `On ${date} we asked you for more information. Our letter says what we need.`,
  linkSendInformation: 'Send the information we asked for',
  sectionActions: 'What can you do?',
  linkMessage: 'Send us a message or documents',
  linkPreference: 'Choose how you want to hear our position',
  preferenceChosen: (preference) =>
    preference === 'meeting' ? 'You chose a personal meeting.' : 'You chose a written answer.',
  preferenceNotChosen: 'You have not chosen yet.',
  sectionLetters: 'Letters from us',
  noLetters: 'We have not sent you any letters yet.',
  letterTitle: (letterType) => LETTER_TITLES_EN[letterType] ?? 'Letter',
  letterSent: (date, delivery) => `Sent ${delivery === 'post' ? 'by post' : 'by e-mail'} on ${date}.`,
  downloadLetter: (title, size) => `Download ${title} (PDF, ${size})`,
  sectionYours: 'What you sent us',
  yourComplaint: 'Your complaint',
  labelProduct: 'Policy or product',
  labelDescription: 'What happened?',
  labelDesiredOutcome: 'What would you like us to do?',
  yourMessages: 'Your messages through this website',
  sentAt: (moment) => `Sent on ${moment}`,
  filesSent: 'Files:',
  sectionKifid: 'Do you disagree with our position?',
  kifidIntro:
    'Then you can take your complaint to the Dutch Financial Services Complaints Institute (KiFiD). It is an independent body; we are affiliated with it.',
  kifidTerm: (date) =>
    `You can do so within three months after we gave you our position: until ${date} inclusive.`,
  kifidTermElapsed: (date) =>
    `This was possible within three months after we gave you our position: until ${date} inclusive. That term has passed.`,
  kifidAffiliation: (number) =>
    `Our affiliation number with KiFiD is ${number}. Please mention it when you contact KiFiD.`,
  kifidTalkToUs: 'Would you rather talk to us about our position first? You always can: send us a message.',
  kifidPhone: 'Phone',
  kifidEmail: 'E-mail',
  kifidWebsite: 'Website',
  kifidAddress: 'Postal address',
  noticeMessageSent: 'Thank you. Your message has been sent and added to your complaint file.',
  noticePreferenceSaved: 'Thank you. Your choice has been saved.',

  messageTitle: 'Send us a message or documents',
  messageIntro:
    'Your message and files are added to your complaint file. The person handling your complaint is told straight away.',
  labelMessage: 'Your message',
  hintMessage: 'For example an answer to our question, or something you would like to add.',
  labelFiles: 'Add files',
  hintFiles: (maxFiles, maxFile, maxTotal) =>
    `PDF, photo (JPG, PNG, GIF, TIFF), text file or Office document. At most ${maxFiles} files, ${maxFile} per file and ${maxTotal} in total.`,
  buttonSend: 'Send',
  errMessageEmpty: 'Write a message or add a file.',
  errMessageTooLong: (max) => `Use at most ${max.toLocaleString('en-GB')} characters.`,
  errFileEmpty: (name) => `The file "${name}" is empty.`,
  errFileTooLarge: (name, max) => `The file "${name}" is larger than ${max}.`,
  errFileType: (name) =>
    `We cannot accept the file "${name}". Send a PDF, photo (JPG, PNG, GIF, TIFF), text file or Office document.`,
  errTooManyFiles: (max) => `You can send at most ${max} files at a time.`,
  errFilesTooLarge: (max) => `The files together are larger than ${max}.`,
  errUnreadable: 'Your message could not be read. Please try again.',

  preferenceTitle: 'How would you like to hear our position?',
  preferenceIntro:
    'When our investigation is finished, we give you our position, with our reasons. We prefer to do so in a personal meeting. If you would rather have a written answer, that is fine too.',
  preferenceLegend: 'Your preference',
  optionMeeting: 'A personal meeting',
  optionMeetingHint: 'We will contact you to make an appointment.',
  optionLetter: 'A written answer',
  optionLetterHint: 'You will get our position in a letter.',
  buttonSave: 'Save',
  errPreferenceMissing: 'Choose a personal meeting or a written answer.',
  preferenceTooLate:
    'We have already given you our position, or your complaint has been dealt with, so there is nothing left to choose.',

  forbiddenTitle: 'This form could not be processed',
  forbiddenText:
    'Nothing was sent or saved. Perhaps the page was open for a long time. Go back to your complaint and try again.',
  tooManyTitle: 'Please wait a moment',
  tooManyText: (minutes) =>
    `There were many attempts here in a short time. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or contact us directly.`,
  tooLargeTitle: 'The files are too large',
  tooLargeText: (max) =>
    `What you tried to send is larger than ${max} in total. Nothing was sent. Go back, remove one or more files and try again.`,
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist. Go back to your complaint.',
  badRequestTitle: 'The form could not be read',
  badRequestText: 'Nothing was sent. Go back and try again.',
  serverErrorTitle: 'Something went wrong',
  serverErrorText:
    'Because of a fault on our side this did not work. Nothing was sent or saved. Please try again in a few minutes.',
};

export const PORTAL_MESSAGES: Readonly<Record<Language, PortalMessages>> = { nl, en };
