import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../src/clock.ts';
import type { Database } from '../../src/db/schema.ts';
import { withTenant, type Tx } from '../../src/db/tenant.ts';
import { newId } from '../../src/ids.ts';
import { advanceCancellation, registerCancellationRequest } from '../../src/intake/cancellation.service.ts';
import { listCancellationLetters } from '../../src/letters/cancellation-documents.ts';
import { saveLetterTemplate } from '../../src/letters/templates/letter-template.service.ts';
import { placeCancellationHold } from '../../src/privacy/cancellation-retention.service.ts';
import { placeHold } from '../../src/privacy/legal-hold.service.ts';
import { performAction, takeStep } from '../../src/procedure/procedure.service.ts';
import { createImprovementAction } from '../../src/reports/improvement-action.service.ts';
import { createSavedView } from '../../src/saved-views/saved-view.service.ts';
import { startBulkAssignment } from '../../src/complaints/bulk-assignment.service.ts';
import { deriveSecrets } from '../../src/secrets.ts';
import type { TestOrganisation } from '../support/factories.ts';
import type { Ids } from './route-rule-kit.ts';

/**
 * The records the later routes name, added to a sweep world (sweep-world.ts): a statement put to
 * the involved employee and signed (and one in the second complaint), the letter rows behind the
 * dossier letters, confirmed cancellation requests with their letter filed, an improvement action,
 * legal holds (on complaints and on the cancellation requests), a saved view, the firm's own letter template and a category. Whatever a person
 * typed carries a word of this organisation only, so no answer to the other may show it.
 */
export interface WorldRecords {
  ids: Pick<Ids, RecordKind>;
  sibling: Pick<Ids, RecordKind>;
  secrets: string[];
}

type RecordKind =
  | 'letter'
  | 'hearingDocument'
  | 'cancellation'
  | 'cancellationDocument'
  | 'improvementAction'
  | 'legalHold'
  | 'cancellationLegalHold'
  | 'savedView'
  | 'bulkAssignment';

export interface RecordsInput {
  org: TestOrganisation;
  complaint: string;
  sibling: string;
  cancellation: string;
  letterDocuments: { complaint: string; sibling: string };
  secret: (what: string) => string;
}

export async function addWorldRecords(
  db: Kysely<Database>,
  clock: Clock,
  input: RecordsInput,
): Promise<WorldRecords> {
  const { org, secret } = input;
  const deps = { db, clock, letters: { secrets: deriveSecrets(randomBytes(32)) } };
  const secrets = {
    action: secret('Verbeteractie'),
    hold: secret('Bewaarplicht'),
    view: secret('Weergave'),
    template: secret('Sjabloon'),
    category: secret('Categorie'),
  };

  // What a letter needs of its sender (letterhead, place by the date).
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
      })
      .where('id', '=', org.id)
      .execute(),
  );
  // A statement put to the employee and signed in the complaint, one awaiting signature in the sibling.
  await takeStep(deps, org.coordinator.context, input.sibling, {
    action: 'start_hearing',
    employeeId: org.employee.id,
    requestText: 'Uw reactie?',
  });
  for (const complaintId of [input.complaint, input.sibling]) {
    await takeStep(deps, org.coordinator.context, complaintId, {
      action: 'record_hearing_statement',
      employeeId: org.employee.id,
      statementText: 'Reactie van de medewerker.',
    });
  }
  // The employee signs for themselves, and sees no dossier afterwards (no state comes back).
  await performAction(
    deps,
    org.employee.context,
    input.complaint,
    { action: 'sign_hearing_statement', employeeId: org.employee.id },
    { asInvolvedEmployee: true },
  );

  const confirmed = async (cancellationId: string) => {
    await advanceCancellation(deps, org.coordinator.context, cancellationId, 'confirm');
    const [letter] = await withTenant(db, org.id, (tx) =>
      listCancellationLetters(tx, org.id, cancellationId),
    );
    if (!letter) throw new Error('no cancellation letter');
    return letter.document_id;
  };
  const secondCancellation = await registerCancellationRequest(deps, org.coordinator.context, {
    channel: 'letter',
    receivedAt: clock.now(),
    customerName: 'Tweede Klant',
    customerEmail: null,
    policies: 'Polis 3',
    effectiveDate: null,
  });

  const action = await createImprovementAction(deps, org.coordinator.context, {
    title: secrets.action,
    ownerId: org.handler.id,
    dueDate: '2027-03-01' as never,
    complaintIds: [input.complaint],
  });
  const hold = (complaintId: string) =>
    placeHold(deps, org.coordinator.context, complaintId, {
      reason: 'court_case',
      explanation: secrets.hold,
    });
  const cancellationHold = (cancellationId: string) =>
    placeCancellationHold(deps, org.coordinator.context, cancellationId, {
      reason: 'court_case',
      explanation: secrets.hold,
    });
  const view = await createSavedView(deps, org.handler.context, { name: secrets.view, filters: {} });
  await saveLetterTemplate(deps, org.admin.context, 'acknowledgment', 'nl', { subject: secrets.template });

  const rows = await withTenant(db, org.id, async (tx) => {
    await tx
      .updateTable('complaints')
      .set({ category: secrets.category })
      .where('organisation_id', '=', org.id)
      .where('id', '=', input.complaint)
      .execute();
    const letterOf = async (documentId: string) =>
      (
        await tx
          .selectFrom('letters')
          .select('id')
          .where('organisation_id', '=', org.id)
          .where('document_id', '=', documentId)
          .executeTakeFirstOrThrow()
      ).id;
    const statementOf = async (complaintId: string) =>
      (
        await tx
          .selectFrom('letters')
          .select('document_id')
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaintId)
          .where('letter_type', '=', 'hearing_statement')
          .executeTakeFirstOrThrow()
      ).document_id;
    return {
      letter: await letterOf(input.letterDocuments.complaint),
      siblingLetter: await letterOf(input.letterDocuments.sibling),
      hearingDocument: await statementOf(input.complaint),
      siblingHearingDocument: await statementOf(input.sibling),
    };
  });

  // Queued and never run: the world's complaints keep their handler.
  const bulk = await startBulkAssignment(
    { db, clock, queue: { enqueue: async () => undefined } },
    org.coordinator.context,
    { complaintIds: [input.complaint], handlerId: org.handler.id },
  );
  const shared = { improvementAction: action.id, savedView: view.id, bulkAssignment: bulk.view.id };
  return {
    ids: {
      ...shared,
      letter: rows.letter,
      hearingDocument: rows.hearingDocument,
      cancellation: input.cancellation,
      cancellationDocument: await confirmed(input.cancellation),
      legalHold: (await hold(input.complaint)).id,
      cancellationLegalHold: (await cancellationHold(input.cancellation)).id,
    },
    sibling: {
      ...shared,
      letter: rows.siblingLetter,
      hearingDocument: rows.siblingHearingDocument,
      cancellation: secondCancellation.id,
      cancellationDocument: await confirmed(secondCancellation.id),
      legalHold: (await hold(input.sibling)).id,
      cancellationLegalHold: (await cancellationHold(secondCancellation.id)).id,
    },
    secrets: Object.values(secrets),
  };
}

/** A mailbox with a quarantined mail from the organisation's own address, and a mail in the intake queue. */
export async function addInboundMail(tx: Tx, organisationId: string, tag: string, now: Date) {
  const mailbox = newId();
  await tx
    .insertInto('mailboxes')
    .values({
      organisation_id: organisationId,
      id: mailbox,
      name: `Klachten ${tag}`,
      host: '127.0.0.1',
      port: 1,
      secure: false,
      username: 'klachten',
      password_encrypted: 'v1.x',
      created_at: now,
    })
    .execute();
  const mail = newId();
  await tx
    .insertInto('mail_messages')
    .values({
      organisation_id: organisationId,
      id: mail,
      mailbox_id: mailbox,
      uid_validity: 1,
      uid: 1,
      message_key: `<${mail}@test>`,
      internal_date: now,
      size_bytes: 10,
      raw: Buffer.from('Subject: x\r\n\r\nx'),
      from_address: `afzender-${tag}@example.nl`,
      subject: 'x',
      classification: 'own_mail',
      status: 'quarantined',
      quarantine_reason: 'own_mail',
      complaint_id: null,
      intake_item_id: null,
      bounced_message_id: null,
      created_at: now,
    })
    .execute();
  const intake = newId();
  await tx
    .insertInto('intake_items')
    .values({
      organisation_id: organisationId,
      id: intake,
      channel: 'email',
      received_at: now,
      kind: 'unclassified',
      proposed_kind: 'complaint',
      proposal_reason: 'test',
      status: 'new',
      sender_name: 'Afzender',
      sender_email: `afzender-${tag}@example.nl`,
      subject: 'Klacht',
      body_text: 'Ik ben ontevreden.',
      mail_message_id: null,
      complaint_id: null,
      cancellation_request_id: null,
      triaged_by: null,
      triaged_at: null,
      created_at: now,
    })
    .execute();
  return { mailbox, mail, intake };
}
