import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../src/clock.ts';
import { registerComplaint } from '../../src/complaints/complaint.service.ts';
import type { Database } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { amsterdamDateOf } from '../../src/domain/calendar/local-date.ts';
import { addAttachment, addNote } from '../../src/dossier/dossier.service.ts';
import { newId } from '../../src/ids.ts';
import {
  advanceCancellation,
  linkCancellationToComplaint,
  registerCancellationRequest,
} from '../../src/intake/cancellation.service.ts';
import { recordAcknowledgmentAttempt } from '../../src/letters/acknowledgment-task.repository.ts';
import { openIntakeItemAsComplaint } from '../../src/intake/intake.service.ts';
import { sendPortalMessage } from '../../src/portal/portal-contact.service.ts';
import { resolvePortalSession, useLink } from '../../src/portal/portal-access.service.ts';
import { performAction, takeStep } from '../../src/procedure/procedure.service.ts';
import { liftHold, placeHold } from '../../src/privacy/legal-hold.service.ts';
import { createImprovementAction } from '../../src/reports/improvement-action.service.ts';
import type { Secrets } from '../../src/secrets.ts';
import type { TestOrganisation } from './factories.ts';
import { issueLink, pdfBytes } from './portal-fixtures.ts';

/**
 * One person who complained twice and left traces everywhere the product keeps personal data:
 * registration over the API with an Idempotency-Key, an attachment, letters by e-mail (outbox),
 * information request, hearing with a statement (its summary letter and the signed copy), a note, a
 * portal session with a message and a file, a decision letter, a cancellation request confirmed by
 * letter before it was linked (so the letter is filed with the request, not in the dossier), the
 * search index, an acknowledgment task whose error quotes the address, an improvement action linked
 * to the complaint, a legal hold placed and lifted, and a second complaint that came in by e-mail
 * through the intake queue.
 */
export const PERSON = {
  name: 'Gerrit Zonneveldt',
  email: 'gerrit.zonneveldt@voorbeeld.nl',
  phone: '06-98765432',
  street: 'Lindenlaan 77',
  /** A word that exists only in the complaint's description. */
  descriptionWord: 'Kwikstaartpolis',
  /** A word that exists only inside the attached file. */
  attachmentWord: 'Tuinkabouterschade',
  /** A word that exists only in the e-mailed second complaint. */
  mailWord: 'Zeepbellenclausule',
};

export const NEEDLES = Object.values(PERSON);

/** The firm's own improvement action that the first complaint led to: it names no one. */
export const IMPROVEMENT = {
  title: 'Terugbelverzoeken bij schade binnen één werkdag opvolgen',
  description: 'Wekelijks nalopen welke schademeldingen nog geen terugbelactie hebben.',
};

function rawMail(): Buffer {
  return Buffer.from(
    [
      `From: ${PERSON.name} <${PERSON.email}>`,
      'To: klachten@kantoor.example.nl',
      'Subject: Nog een klacht',
      'Message-ID: <tweede-klacht-zonneveldt@voorbeeld.nl>',
      'Date: Tue, 24 Nov 2026 09:00:00 +0100',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Ik ben ontevreden over de ${PERSON.mailWord}. Bel mij op ${PERSON.phone}.`,
      '',
    ].join('\r\n'),
  );
}

async function mailIntakeItem(db: Kysely<Database>, org: TestOrganisation, now: Date): Promise<string> {
  return withTenant(db, org.id, async (tx) => {
    const mailboxId = newId();
    await tx
      .insertInto('mailboxes')
      .values({
        organisation_id: org.id,
        id: mailboxId,
        name: 'Klachten',
        host: '127.0.0.1',
        port: 143,
        secure: false,
        username: 'klachten',
        password_encrypted: 'v1.x',
        created_at: now,
      })
      .execute();
    const raw = rawMail();
    const messageId = newId();
    await tx
      .insertInto('mail_messages')
      .values({
        organisation_id: org.id,
        id: messageId,
        mailbox_id: mailboxId,
        uid_validity: 1,
        uid: 1,
        message_key: '<tweede-klacht-zonneveldt@voorbeeld.nl>',
        internal_date: now,
        size_bytes: raw.length,
        raw,
        from_address: PERSON.email,
        subject: 'Nog een klacht',
        classification: 'complaint_candidate',
        status: 'processed',
        quarantine_reason: null,
        complaint_id: null,
        intake_item_id: null,
        bounced_message_id: null,
        created_at: now,
      })
      .execute();
    const id = newId();
    await tx
      .insertInto('intake_items')
      .values({
        organisation_id: org.id,
        id,
        channel: 'email',
        received_at: now,
        kind: 'unclassified',
        proposed_kind: 'complaint',
        proposal_reason: `Herkend als klacht aan "${PERSON.mailWord}".`,
        status: 'new',
        sender_name: PERSON.name,
        sender_email: PERSON.email,
        subject: 'Nog een klacht',
        body_text: `Ik ben ontevreden over de ${PERSON.mailWord}. Bel mij op ${PERSON.phone}.`,
        mail_message_id: messageId,
        complaint_id: null,
        cancellation_request_id: null,
        triaged_by: null,
        triaged_at: null,
        created_at: now,
      })
      .execute();
    return id;
  });
}

export interface ScenarioDeps {
  db: Kysely<Database>;
  clock: Clock & { advance(ms: number): void };
  app: FastifyInstance;
  secrets: Secrets;
}

const DAY = 24 * 60 * 60 * 1000;

function decisionLetter(receivedAt: Date, complaintSummary: string) {
  return {
    receivedDate: amsterdamDateOf(receivedAt),
    complaintSummary,
    investigationResults: 'Wij hebben het dossier bekeken.',
    judgment: 'Wij vinden uw klacht deels gegrond.',
    followUpActions: 'Wij keren alsnog uit.',
    furtherContact: 'Bel ons als u vragen heeft.',
    disputesBody: {
      name: 'Stichting Klachteninstituut Financiële Dienstverlening (KiFiD)',
      postalAddress: 'Postbus 93257',
      postalCodeCity: '2509 AG Den Haag',
      phone: '070-333 8 999',
      email: 'consumenten@kifid.nl',
      website: 'www.kifid.nl',
      affiliationNumber: '300.012345',
      term: 'U kunt zich binnen drie maanden na dit standpunt tot het KiFiD wenden.',
    },
  };
}

export async function prepareOrganisationForLetters(
  db: Kysely<Database>,
  org: TestOrganisation,
): Promise<void> {
  await withTenant(db, org.id, (tx) =>
    tx
      .updateTable('organisations')
      .set({
        email: 'klachten@kantoor.example.nl',
        phone: '020-123 45 67',
        street: 'Keizersgracht 1',
        postal_code: '1015 AA',
        city: 'Amsterdam',
        kifid_affiliation_number: '300.012345',
        liability_insurer_name: 'Nationale Beroepsaansprakelijkheid N.V.',
        liability_insurer_email: 'schade@nationale-ba.example.nl',
      })
      .where('id', '=', org.id)
      .execute(),
  );
}

/** Complaint one: the whole procedure, closed. Returns its id. */
export async function walkFullDossier(deps: ScenarioDeps, org: TestOrganisation): Promise<string> {
  const { db, clock, app, secrets } = deps;
  const procedure = { db, clock, letters: { secrets, publicBaseUrl: 'https://klachten.example.nl' } };
  const receivedAt = clock.now();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: { authorization: `Bearer ${org.coordinator.token}`, 'idempotency-key': `sleutel-${newId()}` },
    payload: {
      channel: 'phone',
      receivedAt: receivedAt.toISOString(),
      complainant: {
        name: PERSON.name,
        email: PERSON.email,
        phone: PERSON.phone,
        street: PERSON.street,
        postalCode: '3512 AB',
        city: 'Utrecht',
      },
      product: 'Woonhuisverzekering',
      description: `Mijn ${PERSON.descriptionWord} is niet uitgekeerd; niemand belt terug.`,
      desiredOutcome: `Uitkering van de ${PERSON.descriptionWord}.`,
      handlerId: org.handler.id,
      involvedEmployeeIds: [org.employee.id],
    },
  });
  if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
  const complaintId = response.json<{ id: string }>().id;
  const handler = org.handler.context;
  // The job writes only a code here; an error text that quotes the address (an older version, a
  // library's message) must go all the same.
  await withTenant(db, org.id, (tx) =>
    recordAcknowledgmentAttempt(tx, org.id, complaintId, `550 <${PERSON.email}>: mailbox unavailable`),
  );

  await addAttachment({ db, clock, maxAttachmentBytes: 1024 * 1024 }, handler, complaintId, {
    fileName: `bewijs ${PERSON.name}.pdf`,
    content: pdfBytes(`${PERSON.attachmentWord} van ${PERSON.name}`),
  });
  clock.advance(DAY);
  await takeStep(procedure, handler, complaintId, { action: 'acknowledge' });
  await takeStep(procedure, handler, complaintId, {
    action: 'request_information',
    whatIsMissing: `Foto's van de ${PERSON.descriptionWord} en uw polisnummer.`,
  });
  clock.advance(DAY);
  await takeStep(procedure, handler, complaintId, { action: 'register_information_received' });
  await takeStep(procedure, handler, complaintId, {
    action: 'start_hearing',
    employeeId: org.employee.id,
    requestText: `Wat is er gebeurd met de klacht van ${PERSON.name}?`,
  });
  await takeStep(procedure, handler, complaintId, {
    action: 'record_hearing_statement',
    employeeId: org.employee.id,
    statementText: `Ik heb ${PERSON.name} op ${PERSON.phone} gebeld over de ${PERSON.descriptionWord}.`,
  });
  await performAction(
    procedure,
    org.employee.context,
    complaintId,
    { action: 'sign_hearing_statement', employeeId: org.employee.id },
    { asInvolvedEmployee: true },
  );
  await addNote({ db, clock }, handler, complaintId, {
    title: `Gesprek met ${PERSON.name}`,
    text: `Teruggebeld op ${PERSON.phone}; woont aan de ${PERSON.street}.`,
  });

  const portal = { db, clock, daysAfterClose: 90, messageIdKey: secrets.messageIdKey };
  const link = await issueLink(db, org.id, complaintId, clock.now());
  const opened = await useLink(portal, link.path.split('/').pop()!.split('?')[0]!, null);
  if (opened.kind !== 'signed_in') throw new Error(`portal link: ${opened.kind}`);
  const session = await resolvePortalSession(portal, opened.cookie);
  if (!session) throw new Error('no portal session');
  await sendPortalMessage(
    {
      ...portal,
      attachmentLimits: { maxFileBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024, maxFiles: 5 },
    },
    session,
    {
      text: `Hierbij nog een foto van de ${PERSON.attachmentWord}. Groet, ${PERSON.name}`,
      files: [{ fileName: 'foto.pdf', content: pdfBytes(`${PERSON.attachmentWord} foto`) }],
    },
  );

  const cancellation = await registerCancellationRequest({ db, clock }, org.coordinator.context, {
    channel: 'email',
    receivedAt: clock.now(),
    customerName: PERSON.name,
    customerEmail: PERSON.email,
    policies: `Polis ${PERSON.descriptionWord} 123`,
    effectiveDate: null,
  });
  // Confirmed while it belonged to no complaint: the letter and its PDF stay filed with the request.
  await advanceCancellation(
    { db, clock, letters: procedure.letters },
    org.coordinator.context,
    cancellation.id,
    'confirm',
  );
  await linkCancellationToComplaint({ db, clock }, org.coordinator.context, cancellation.id, complaintId);

  clock.advance(5 * DAY);
  await takeStep(procedure, handler, complaintId, {
    action: 'send_decision_letter',
    letter: decisionLetter(receivedAt, `U bent ontevreden over de ${PERSON.descriptionWord}.`),
  });
  await takeStep(procedure, org.coordinator.context, complaintId, {
    action: 'close',
    category: 'Schadebehandeling',
    rootCause: 'Uitkering vergeten',
    outcome: 'deels_gegrond',
  });
  await createImprovementAction({ db, clock }, org.coordinator.context, {
    title: IMPROVEMENT.title,
    description: IMPROVEMENT.description,
    rootCause: 'Uitkering vergeten',
    ownerId: org.handler.id,
    dueDate: amsterdamDateOf(new Date(clock.now().getTime() + 60 * DAY)),
    complaintIds: [complaintId],
  });
  const hold = await placeHold({ db, clock }, org.coordinator.context, complaintId, {
    reason: 'liability_claim',
    explanation: `${PERSON.name} dreigt met een aansprakelijkstelling.`,
  });
  clock.advance(30 * DAY);
  await liftHold({ db, clock }, org.coordinator.context, complaintId, hold.id, {
    explanation: `${PERSON.name} ziet af van verdere stappen.`,
  });
  return complaintId;
}

/** Complaint two: the same person by e-mail, through the intake queue, then withdrawn. */
export async function mailedComplaint(deps: ScenarioDeps, org: TestOrganisation): Promise<string> {
  const itemId = await mailIntakeItem(deps.db, org, deps.clock.now());
  const complaint = await openIntakeItemAsComplaint(
    { db: deps.db, clock: deps.clock },
    org.coordinator.context,
    itemId,
    {
      handlerId: org.handler.id,
      complainantName: PERSON.name,
      product: 'Reisverzekering',
    },
  );
  await takeStep({ db: deps.db, clock: deps.clock }, org.coordinator.context, complaint.id, {
    action: 'withdraw',
  });
  return complaint.id;
}

/** Somebody else's complaint, closed the same way, for the legal-hold and untouched-row checks. */
export async function otherClosedComplaint(
  deps: ScenarioDeps,
  org: TestOrganisation,
  person: { name: string; email: string; word: string },
  category: string,
): Promise<string> {
  const receivedAt = deps.clock.now();
  const complaint = await registerComplaint({ db: deps.db, clock: deps.clock }, org.coordinator.context, {
    channel: 'letter',
    receivedAt,
    complainant: { name: person.name, email: person.email },
    product: 'Autoverzekering',
    description: `Klacht over de ${person.word}.`,
    handlerId: org.handler.id,
  });
  const procedure = { db: deps.db, clock: deps.clock };
  await takeStep(procedure, org.handler.context, complaint.id, { action: 'acknowledge' });
  await takeStep(procedure, org.handler.context, complaint.id, {
    action: 'send_decision_letter',
    letter: decisionLetter(receivedAt, `U bent ontevreden over de ${person.word}.`),
  });
  await takeStep(procedure, org.coordinator.context, complaint.id, {
    action: 'close',
    category,
    rootCause: 'Communicatie',
    outcome: 'ongegrond',
  });
  return complaint.id;
}
