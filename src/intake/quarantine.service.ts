import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Database, MailClassification } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';

/**
 * Mail that could not be processed on its own (our own address — a possible loop —, too large,
 * unreadable) waits in quarantine with its raw bytes until a coordinator looks at it and has it
 * processed after all (mail-intake.ts, reprocessQuarantinedMail).
 */
export interface QuarantinedMailView {
  id: string;
  mailboxId: string;
  mailboxName: string;
  receivedAt: Date;
  fromAddress: string | null;
  subject: string | null;
  sizeBytes: number;
  classification: MailClassification;
  reason: string | null;
  /** In Dutch: why it is here and what reprocessing does. */
  explanation: string;
}

const DETAIL: Record<string, string> = {
  too_large: 'het bericht is groter dan de ingestelde grens',
  empty: 'het bericht is leeg',
  no_header: 'het bericht heeft geen kopregels',
  malformed: 'het bericht is niet volgens de mailstandaard opgebouwd',
};

export function explainQuarantine(classification: MailClassification, reason: string | null): string {
  switch (classification) {
    case 'own_mail':
      return 'Lijkt van ons eigen adres te komen (mogelijke mail-lus). Verwerk het alleen als u zeker weet dat het geen eigen bericht is.';
    case 'oversized':
      return 'Groter dan de ingestelde grens. Opnieuw verwerken leest het alsnog, zonder die grens.';
    default:
      return `Kon niet worden gelezen${reason && DETAIL[reason] ? `: ${DETAIL[reason]}` : ''}. Opnieuw verwerken probeert het nog een keer.`;
  }
}

export async function listQuarantinedMail(
  db: Kysely<Database>,
  context: AccessContext,
  options: { limit: number },
): Promise<QuarantinedMailView[]> {
  // The auditor reads it too: a complaint that never reached the intake queue waits here.
  requireRole(context, ['coordinator', 'auditor']);
  const rows = await withTenant(db, context.organisationId, (tx) =>
    tx
      .selectFrom('mail_messages as m')
      .innerJoin('mailboxes as b', (join) =>
        join.onRef('b.organisation_id', '=', 'm.organisation_id').onRef('b.id', '=', 'm.mailbox_id'),
      )
      .select([
        'm.id',
        'm.mailbox_id',
        'b.name as mailbox_name',
        'm.internal_date',
        'm.from_address',
        'm.subject',
        'm.size_bytes',
        'm.classification',
        'm.quarantine_reason',
      ])
      .where('m.organisation_id', '=', context.organisationId)
      .where('m.status', '=', 'quarantined')
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id')
      .limit(options.limit)
      .execute(),
  );
  return rows.map((row) => ({
    id: row.id,
    mailboxId: row.mailbox_id,
    mailboxName: row.mailbox_name,
    receivedAt: new Date(row.internal_date),
    fromAddress: row.from_address,
    subject: row.subject,
    sizeBytes: row.size_bytes,
    classification: row.classification,
    reason: row.quarantine_reason,
    explanation: explainQuarantine(row.classification, row.quarantine_reason),
  }));
}
