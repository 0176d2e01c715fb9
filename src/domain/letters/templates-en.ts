import type { LetterType } from './letter-types.ts';
import {
  elementBlock,
  fixedBlock,
  textBlock,
  type TemplateBlock,
  type TemplateTexts,
} from './template-model.ts';

const COMPLAINANT = { salutation: 'Dear {{recipient.name}},', closing: 'Kind regards,' } as const;

const INSURER = { salutation: 'Dear Sir or Madam,', closing: 'Kind regards,' } as const;

const CONTACT_WITH_REFERENCE =
  'You can reach us via {{contactDetails}}. Please quote our reference {{reference}}.';

const MEETING_DETAILS: readonly TemplateBlock[] = [
  elementBlock(['meetingDate'], '{{meetingDate}}', { label: 'Date' }),
  elementBlock(['startTime', 'endTime'], '{{startTime}} to {{endTime}}', { label: 'Time' }),
  elementBlock(['location'], '{{location}}', { label: 'Place' }),
  elementBlock(['handlerName'], '{{handlerName}}', { label: 'Meeting with' }),
];

/** The English letters follow the Dutch ones block for block, so an element sits in the same place. */
export const TEMPLATES_EN: { readonly [T in LetterType]: TemplateTexts } = {
  acknowledgment: {
    ...COMPLAINANT,
    subject: 'Acknowledgment of your complaint',
    blocks: [
      elementBlock(
        ['receivedDate'],
        'We received your complaint on {{receivedDate}}. With this letter we confirm that we are dealing with it. We are sorry that you are not satisfied and thank you for taking the trouble to let us know.',
      ),
      elementBlock(
        ['complaintSummary'],
        'We have summarised your complaint as follows: {{complaintSummary}}',
      ),
      elementBlock(
        ['investigationMethod'],
        'This is how we will investigate your complaint. {{investigationMethod}}',
      ),
      elementBlock(
        ['expectedContactDate'],
        'We aim to settle every complaint within one month. We expect to be in touch with you again by {{expectedContactDate}}.',
      ),
      elementBlock(['handlerName'], 'Your complaint is being handled by {{handlerName}}.'),
      elementBlock(
        ['contactDetails'],
        `Do you have questions about your complaint, or would you like to add something? ${CONTACT_WITH_REFERENCE}`,
      ),
    ],
  },
  information_request: {
    ...COMPLAINANT,
    subject: 'Request for further information about your complaint',
    blocks: [
      textBlock('We received your complaint on {{receivedDate}}.'),
      fixedBlock(
        'We have started investigating your complaint. To assess it properly, we need some further information from you.',
      ),
      elementBlock(['missingInformation'], 'Could you please send us the following?', {
        heading: 'What we still need',
      }),
      elementBlock(['answerBy'], 'We would like to receive this information by {{answerBy}}.'),
      textBlock('{{consequence}}'),
      elementBlock(
        ['contactDetails'],
        'You can send the information via {{contactDetails}}. Please quote our reference {{reference}}.',
      ),
      fixedBlock('If you have any questions about this request, please do not hesitate to contact us.'),
    ],
  },
  delay_notice: {
    ...COMPLAINANT,
    subject: 'Delay of our position on your complaint',
    blocks: [
      textBlock('We received your complaint on {{receivedDate}}.'),
      textBlock('We told you that you would receive our position on your complaint by {{originalDate}}.'),
      elementBlock(
        ['reason'],
        'Unfortunately we are unable to give you our position within the agreed term. The reason is: {{reason}}',
      ),
      elementBlock(['newDate'], 'You will receive our position by {{newDate}}.'),
      fixedBlock('We apologise for this delay.'),
      elementBlock(['contactDetails'], `Do you have questions in the meantime? ${CONTACT_WITH_REFERENCE}`),
    ],
  },
  meeting_invitation: {
    ...COMPLAINANT,
    subject: 'Invitation to a personal meeting about your complaint',
    blocks: [
      fixedBlock(
        'We have investigated your complaint. We would like to discuss our position with you in a personal meeting and warmly invite you to it.',
      ),
      ...MEETING_DETAILS,
      textBlock('In the meeting we will at least discuss the following: {{topic}}'),
      textBlock('Could you let us know by {{respondBy}} whether this suits you?'),
      elementBlock(
        ['contactDetails'],
        `Does this time not suit you, or do you have questions? ${CONTACT_WITH_REFERENCE}`,
      ),
      fixedBlock(
        'If you would rather not meet, please let us know. You will then receive our position in writing.',
      ),
      fixedBlock(
        'With this message you will find a calendar invitation that you can add to your own calendar.',
      ),
    ],
  },
  meeting_confirmation: {
    ...COMPLAINANT,
    subject: 'Confirmation of our meeting about your complaint',
    blocks: [
      fixedBlock('We hereby confirm the appointment for a personal meeting about your complaint.'),
      ...MEETING_DETAILS,
      textBlock('{{notes}}'),
      elementBlock(
        ['contactDetails'],
        'If you are unexpectedly unable to attend, please let us know as soon as possible via {{contactDetails}}, quoting our reference {{reference}}.',
      ),
      fixedBlock('We look forward to meeting you.'),
    ],
  },
  decision: {
    ...COMPLAINANT,
    subject: 'Our position on your complaint',
    blocks: [
      elementBlock(
        ['receivedDate'],
        'We received your complaint on {{receivedDate}}. We have investigated it and in this letter we give you our position.',
      ),
      elementBlock(['complaintSummary'], '{{complaintSummary}}', { heading: 'Your complaint' }),
      elementBlock(['investigationResults'], '{{investigationResults}}', { heading: 'Our investigation' }),
      elementBlock(['judgment'], '{{judgment}}', { heading: 'Our judgment' }),
      elementBlock(['followUpActions'], '{{followUpActions}}', { heading: 'What we will do for you' }),
      elementBlock(['furtherContact'], '{{furtherContact}}', { heading: 'Discussing our position further' }),
      elementBlock(['disputesBody'], '{{disputesBody.term}}', {
        heading: 'Do you disagree with our position?',
      }),
    ],
  },
  hearing_request: {
    ...COMPLAINANT,
    subject: 'Request for your response to a complaint (hearing)',
    blocks: [
      elementBlock(
        ['receivedDate'],
        'On {{receivedDate}} we received a complaint about our services in which you are involved. Under our complaints procedure we inform you of it and ask for your response.',
      ),
      elementBlock(['complaintSummary'], '{{complaintSummary}}', { heading: 'The complaint' }),
      elementBlock(['requestedComment'], '{{requestedComment}}', { heading: 'Our question to you' }),
      elementBlock(
        ['respondBy'],
        'We would like to receive your response by {{respondBy}}, in writing or in a conversation.',
      ),
      elementBlock(
        ['handlerName'],
        'The complaint is handled by {{handlerName}}. We will write a summary of your response and ask you to sign it; it is then added to the complaint file.',
      ),
      fixedBlock(
        'We treat the complaint and your response as confidential and ask you to do the same. Please do not contact the complainant about the complaint without first agreeing this with the handler.',
      ),
    ],
  },
  hearing_statement: {
    ...COMPLAINANT,
    subject: 'Summary of your response to the complaint (for signature)',
    blocks: [
      fixedBlock(
        'Below is the written summary of your response to the complaint. Please read it and, if it reflects what you said, sign it. Once signed, we add the summary to the complaint file.',
      ),
      textBlock('{{complaintSummary}}', { heading: 'The complaint' }),
      elementBlock(
        ['reactionDate', 'recordedBy'],
        'Your response of {{reactionDate}}, summarised by {{recordedBy}}:',
        {
          heading: 'Summary of your response',
        },
      ),
      elementBlock(['reactionSummary'], '{{reactionSummary}}'),
      fixedBlock(
        'Is the summary incorrect, or is something missing? Please let us know. We will correct the summary before you sign.',
      ),
      textBlock('Please return the signed summary to us by {{signBy}}.'),
    ],
  },
  insurer_notification: {
    ...INSURER,
    subject: 'Notification of a possible liability claim, policy number {{policyNumber}}',
    blocks: [
      elementBlock(
        ['policyNumber'],
        'Under our professional liability insurance with policy number {{policyNumber}}, we hereby notify you of a complaint that may lead to a liability claim.',
      ),
      elementBlock(['receivedDate'], '{{receivedDate}}', { label: 'Complaint received on' }),
      elementBlock(['handlerName'], '{{handlerName}}', { label: 'Handler' }),
      textBlock('{{claimAmount}}', { label: 'Possible damage' }),
      elementBlock(['complaintSummary'], '{{complaintSummary}}', { heading: 'The complaint' }),
      elementBlock(['liabilityReason'], '{{liabilityReason}}', {
        heading: 'Why a liability claim is possible',
      }),
      elementBlock(['dossierExtract'], 'The main documents and events so far:', {
        heading: 'Extract from the complaint file',
      }),
      fixedBlock(
        'Under our complaints procedure we take no further steps in handling this complaint without consulting you. Please let us know how you would like to coordinate the further handling with us.',
      ),
      elementBlock(['contactDetails'], 'You can contact {{handlerName}} via {{contactDetails}}.'),
    ],
  },
  insurer_consultation_record: {
    ...INSURER,
    subject: 'Record of our consultation about complaint {{reference}}',
    blocks: [
      elementBlock(
        ['consultationDate', 'withWhom', 'policyNumber'],
        'On {{consultationDate}} we consulted {{withWhom}} about the complaint with our reference {{reference}}, notified under policy number {{policyNumber}}. Below we record what was discussed.',
      ),
      textBlock('The consultation took place {{consultationMode}}.'),
      elementBlock(['agreed'], '{{agreed}}', { heading: 'What we agreed' }),
      textBlock('{{nextStep}}', { heading: 'The next step' }),
      elementBlock(
        ['recordedBy'],
        'This record was written by {{recordedBy}} and added to the complaint file.',
      ),
      fixedBlock(
        'If this record does not match your view of the consultation, please let us know as soon as possible.',
      ),
    ],
  },
  cancellation_confirmation: {
    ...COMPLAINANT,
    subject: 'Confirmation of your cancellation',
    blocks: [
      elementBlock(
        ['requestReceivedDate'],
        'We received your cancellation on {{requestReceivedDate}}. With this letter we confirm its receipt.',
      ),
      elementBlock(['policies'], 'Your cancellation concerns:'),
      textBlock('The cancellation takes effect on {{effectiveDate}}.'),
      fixedBlock(
        'We will make sure that your cancellation is processed by the insurer. We are sorry that you are not satisfied with our services, and thank you for the trust you have placed in us.',
      ),
      textBlock(
        'Your cancellation is linked to your complaint with reference {{complaintReference}}. We handle that complaint separately from this cancellation.',
      ),
      elementBlock(
        ['contactDetails'],
        'Do you have questions about your cancellation? You can reach us via {{contactDetails}}.',
      ),
    ],
  },
};
