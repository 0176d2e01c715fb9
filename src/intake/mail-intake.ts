import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Actor } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database, MailClassification } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { checkAttachment } from '../domain/attachment-policy.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { proposeIntakeKind } from '../domain/intake-recognition.ts';
import { attachDocument } from '../dossier/attach-document.ts';
import { insertDossierItem } from '../dossier/dossier.repository.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import {
  coordinatorIds,
  notifyComplaintStaff,
  notifyUsers,
} from '../notifications/notification.repository.ts';
import { classifyIncoming } from '../mail/classify-message.ts';
import { firstHeader, messageIdList, readHeaderFields } from '../mail/header-fields.ts';
import { openMailbox, type FetchedMessage } from '../mail/imap-client.ts';
import { parseMessage, type IncomingMessage } from '../mail/parse-message.ts';
import {
  subjectReferences,
  threadTarget,
  type ReferencedDossier,
  type ThreadTarget,
} from '../mail/thread-target.ts';
import type { Secrets } from '../secrets.ts';
import { normaliseLine, normaliseText } from '../text.ts';
import { insertIntakeItem } from './intake.repository.ts';
import { describeImapFailure, imapAccountOf, type MailboxRow } from './mailbox.service.ts';

/**
 * Reads a mailbox into the product, each message exactly once: stored (unique per mailbox,
 * UIDVALIDITY and UID, and per Message-ID — or a hash of the raw bytes when there is none) and
 * handled in one transaction, flagged on the server only afterwards. A crash between the two
 * re-reads the message next time, and the unique keys turn it into a no-op.
 */
export interface MailIntakeDeps {
  db: Kysely<Database>;
  clock: Clock;
  secrets: Secrets;
  log: Logger;
  /** Larger messages are kept in quarantine unread. */
  maxMessageBytes: number;
  maxAttachmentBytes: number;
}

export const LOOP_HEADER = 'X-Klachtwijzer-Loop';

export interface PollReport {
  fetched: number;
  stored: number;
  duplicates: number;
  byClassification: Partial<Record<MailClassification, number>>;
  error: string | null;
}

const MAIL_ACTOR: Actor = { kind: 'system', id: null };

export async function pollMailbox(
  deps: MailIntakeDeps,
  organisationId: string,
  mailboxId: string,
): Promise<PollReport> {
  const report: PollReport = { fetched: 0, stored: 0, duplicates: 0, byClassification: {}, error: null };
  const mailbox = await withTenant(deps.db, organisationId, (tx) =>
    tx
      .selectFrom('mailboxes')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', mailboxId)
      .executeTakeFirst(),
  );
  // Asked for by id (the poll route): an id of another organisation is 404 like an unknown one.
  if (!mailbox) throw new NotFoundError('De mailbox');
  if (!mailbox.enabled) return report;

  let connection;
  try {
    connection = await openMailbox(imapAccountOf(mailbox, deps.secrets), mailbox.folder);
  } catch (error) {
    report.error = describeImapFailure(error);
    await recordMailboxState(deps, mailbox, { error: report.error });
    deps.log.warn({ mailboxId, reason: report.error }, 'mailbox could not be opened');
    return report;
  }
  try {
    // A new UIDVALIDITY voids every UID we remembered: read everything again; Message-IDs dedupe.
    const sameValidity =
      mailbox.last_uid_validity !== null && Number(mailbox.last_uid_validity) === connection.uidValidity;
    const since = sameValidity ? Number(mailbox.last_seen_uid) : 0;
    if (!sameValidity)
      await recordMailboxState(deps, mailbox, { uidValidity: connection.uidValidity, lastSeenUid: 0 });
    for await (const fetched of connection.fetchSince(since)) {
      report.fetched++;
      const outcome = await takeInMessage(deps, mailbox, connection.uidValidity, fetched);
      if (outcome === 'duplicate') report.duplicates++;
      else {
        report.stored++;
        report.byClassification[outcome] = (report.byClassification[outcome] ?? 0) + 1;
      }
      try {
        await connection.markProcessed(fetched.uid);
      } catch (error) {
        // Stored is what counts; the flag only helps people reading the mailbox by hand.
        deps.log.warn({ mailboxId, uid: fetched.uid, err: error }, 'could not flag a processed message');
      }
    }
    await recordMailboxState(deps, mailbox, { error: null });
  } catch (error) {
    report.error = describeImapFailure(error);
    await recordMailboxState(deps, mailbox, { error: report.error });
    deps.log.warn({ mailboxId, err: error }, 'mailbox poll interrupted');
  } finally {
    await connection.close();
  }
  return report;
}

async function recordMailboxState(
  deps: MailIntakeDeps,
  mailbox: MailboxRow,
  state: { error?: string | null; uidValidity?: number; lastSeenUid?: number },
): Promise<void> {
  const now = deps.clock.now();
  await withTenant(deps.db, mailbox.organisation_id, (tx) =>
    tx
      .updateTable('mailboxes')
      .set({
        last_polled_at: now,
        ...(state.error !== undefined
          ? { last_error: state.error, last_error_at: state.error === null ? null : now }
          : {}),
        ...(state.uidValidity !== undefined ? { last_uid_validity: state.uidValidity } : {}),
        ...(state.lastSeenUid !== undefined ? { last_seen_uid: state.lastSeenUid } : {}),
      })
      .where('organisation_id', '=', mailbox.organisation_id)
      .where('id', '=', mailbox.id)
      .execute(),
  );
}

type Outcome = MailClassification | 'duplicate';

async function takeInMessage(
  deps: MailIntakeDeps,
  mailbox: MailboxRow,
  uidValidity: number,
  fetched: FetchedMessage,
): Promise<Outcome> {
  const organisationId = mailbox.organisation_id;
  const parsed =
    fetched.raw.length > deps.maxMessageBytes
      ? null
      : await parseMessage(fetched.raw, { maxBytes: deps.maxMessageBytes });
  const message = parsed?.ok ? parsed.message : null;
  const messageKey = message?.messageId ?? headerMessageId(fetched.raw) ?? `sha256:${sha256Hex(fetched.raw)}`;
  const now = deps.clock.now();

  return withTenant(deps.db, organisationId, async (tx) => {
    // Seen before (another folder, a new UIDVALIDITY, a retry after a crash): skip before writing
    // megabytes that the unique key would refuse anyway. The unique keys still decide a race.
    const known = await tx
      .selectFrom('mail_messages')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .where((eb) =>
        eb.or([
          eb('message_key', '=', messageKey),
          eb.and([
            eb('mailbox_id', '=', mailbox.id),
            eb('uid_validity', '=', String(uidValidity)),
            eb('uid', '=', String(fetched.uid)),
          ]),
        ]),
      )
      .executeTakeFirst();
    if (known) {
      await advanceBookmark(tx, mailbox, fetched.uid);
      return 'duplicate';
    }
    const decision = message
      ? await decide(tx, deps, mailbox, message)
      : {
          classification: parsed ? ('unparseable' as const) : ('oversized' as const),
          thread: null,
          bounced: null,
          detail: parsed && !parsed.ok ? parsed.reason : 'too_large',
        };
    const quarantined = isQuarantined(decision.classification);
    const mailMessageId = newId();
    const stored = await tx
      .insertInto('mail_messages')
      .values({
        organisation_id: organisationId,
        id: mailMessageId,
        mailbox_id: mailbox.id,
        uid_validity: uidValidity,
        uid: fetched.uid,
        message_key: messageKey,
        internal_date: fetched.internalDate,
        size_bytes: fetched.raw.length,
        raw: fetched.raw,
        from_address: message?.from?.address.toLowerCase() ?? null,
        subject: message ? normaliseLine(message.subject).slice(0, 500) : null,
        classification: decision.classification,
        status: quarantined ? 'quarantined' : 'processed',
        quarantine_reason: quarantined ? decision.detail : null,
        complaint_id: decision.thread?.complaintId ?? null,
        intake_item_id: null,
        bounced_message_id: decision.bounced,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    await advanceBookmark(tx, mailbox, fetched.uid);
    if (!stored) return 'duplicate';

    await routeMessage(
      tx,
      deps,
      mailbox,
      decision,
      message,
      { id: mailMessageId, raw: fetched.raw, receivedAt: fetched.internalDate },
      now,
    );
    return decision.classification;
  });
}

interface StoredMail {
  id: string;
  raw: Uint8Array;
  receivedAt: Date;
}

/** What a stored message leads to: quarantine notice, a reply in its dossier, a bounce, or the queue. */
async function routeMessage(
  tx: Tx,
  deps: MailIntakeDeps,
  mailbox: MailboxRow,
  decision: Decision,
  message: IncomingMessage | null,
  mail: StoredMail,
  now: Date,
): Promise<void> {
  const organisationId = mailbox.organisation_id;
  const mailMessageId = mail.id;
  const quarantined = isQuarantined(decision.classification);
  if (quarantined) {
    await notifyUsers(
      tx,
      organisationId,
      await coordinatorIds(tx, organisationId),
      {
        kind: 'mail_quarantined',
        complaintId: null,
        message: quarantineMessage(mailbox.name, decision.classification),
      },
      now,
    );
  } else if (decision.classification === 'reply' && decision.thread && message) {
    await addReplyToDossier(tx, deps, organisationId, decision.thread, message, mail, now);
  } else if (decision.classification === 'bounce' && decision.thread) {
    await appendDossierEvent(tx, organisationId, decision.thread.complaintId, {
      type: 'mail.bounce_received',
      actor: MAIL_ACTOR,
      occurredAt: now,
      data: { mailMessageId, letterId: decision.thread.letterId },
    });
    await notifyHandler(
      tx,
      organisationId,
      decision.thread.complaintId,
      'mail_bounced',
      'Een brief kon niet worden bezorgd: de mailserver van de klager stuurde hem terug.',
      now,
    );
  } else if (decision.classification === 'complaint_candidate' && message) {
    const proposal = proposeIntakeKind(message.subject, message.text);
    const item = await insertIntakeItem(tx, {
      organisation_id: organisationId,
      id: newId(),
      channel: 'email',
      received_at: mail.receivedAt,
      kind: 'unclassified',
      proposed_kind: proposal.kind,
      proposal_reason: proposal.reason,
      status: 'new',
      sender_name: message.from?.name ? normaliseLine(message.from.name) : null,
      sender_email: message.from?.address.toLowerCase() ?? null,
      subject: normaliseLine(message.subject).slice(0, 500) || null,
      body_text: normaliseText(message.text).slice(0, 100_000),
      mail_message_id: mailMessageId,
      complaint_id: null,
      cancellation_request_id: null,
      triaged_by: null,
      triaged_at: null,
      created_at: now,
    });
    await tx
      .updateTable('mail_messages')
      .set({ intake_item_id: item.id })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', mailMessageId)
      .execute();
  }
}

function isQuarantined(classification: MailClassification): boolean {
  return classification === 'own_mail' || classification === 'unparseable' || classification === 'oversized';
}

async function advanceBookmark(tx: Tx, mailbox: MailboxRow, uid: number): Promise<void> {
  await tx
    .updateTable('mailboxes')
    .set({ last_seen_uid: sql`greatest(last_seen_uid, ${uid})` })
    .where('organisation_id', '=', mailbox.organisation_id)
    .where('id', '=', mailbox.id)
    .execute();
}

/** The Message-ID of a message too large to parse, read from its header block alone. */
function headerMessageId(raw: Uint8Array): string | null {
  const fields = readHeaderFields(raw.subarray(0, 256 * 1024));
  const id = fields ? messageIdList(firstHeader(fields, 'message-id'))[0] : undefined;
  return id ?? null;
}

interface Decision {
  classification: MailClassification;
  thread: ThreadTarget | null;
  bounced: string | null;
  detail: string | null;
}

async function decide(
  tx: Tx,
  deps: MailIntakeDeps,
  mailbox: MailboxRow,
  message: IncomingMessage,
): Promise<Decision> {
  const classification = classifyIncoming(message, {
    ourAddresses: mailbox.our_addresses,
    loopHeaderName: LOOP_HEADER,
    signingKey: deps.secrets.messageIdKey,
  });
  switch (classification.kind) {
    case 'own_mail':
      return { classification: 'own_mail', thread: null, bounced: null, detail: classification.signal };
    case 'auto_reply':
      return { classification: 'auto_reply', thread: null, bounced: null, detail: classification.signal };
    case 'bounce': {
      const original = classification.original;
      const thread =
        original && original.organisationId === mailbox.organisation_id
          ? { ...original, via: 'signed_message_id' as const }
          : null;
      return {
        classification: 'bounce',
        thread,
        bounced: classification.originalMessageId,
        detail: classification.status,
      };
    }
    case 'complaint_candidate': {
      const dossiers = await referencedDossiers(
        tx,
        mailbox.organisation_id,
        subjectReferences(message.subject),
      );
      const thread = threadTarget(message, deps.secrets.messageIdKey, {
        organisationId: mailbox.organisation_id,
        dossierByReference: (reference) => dossiers.get(reference) ?? null,
      });
      return thread
        ? { classification: 'reply', thread, bounced: null, detail: thread.via }
        : { classification: 'complaint_candidate', thread: null, bounced: null, detail: null };
    }
    default:
      return classification satisfies never;
  }
}

/** The addresses already on each named dossier: the complainant's and earlier correspondents'. */
async function referencedDossiers(
  tx: Tx,
  organisationId: string,
  references: readonly string[],
): Promise<Map<string, ReferencedDossier>> {
  const found = new Map<string, ReferencedDossier>();
  if (references.length === 0) return found;
  const complaints = await tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (join) =>
      join.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .select(['c.id', 'c.reference', 'p.email'])
    .where('c.organisation_id', '=', organisationId)
    .where('c.reference', 'in', references)
    .execute();
  for (const complaint of complaints) {
    const earlier = await tx
      .selectFrom('mail_messages')
      .select('from_address')
      .distinct()
      .where('organisation_id', '=', organisationId)
      .where('complaint_id', '=', complaint.id)
      .where('from_address', 'is not', null)
      .execute();
    const addresses = [complaint.email, ...earlier.map((e) => e.from_address)].filter(
      (a): a is string => a !== null,
    );
    found.set(complaint.reference, { organisationId, complaintId: complaint.id, addresses });
  }
  return found;
}

async function addReplyToDossier(
  tx: Tx,
  deps: MailIntakeDeps,
  organisationId: string,
  thread: ThreadTarget,
  message: IncomingMessage,
  mail: StoredMail,
  now: Date,
): Promise<void> {
  const mailMessageId = mail.id;
  const item = await insertDossierItem(tx, {
    organisation_id: organisationId,
    id: newId(),
    complaint_id: thread.complaintId,
    kind: 'message_in',
    title: normaliseLine(message.subject) || '(geen onderwerp)',
    body: normaliseText(message.text),
    author_id: null,
    created_at: now,
  });
  await appendDossierEvent(tx, organisationId, thread.complaintId, {
    type: 'dossier.message_received',
    actor: MAIL_ACTOR,
    occurredAt: now,
    data: { itemId: item.id, mailMessageId, via: thread.via, receivedAt: mail.receivedAt.toISOString() },
  });
  await attachDocument(
    tx,
    organisationId,
    thread.complaintId,
    MAIL_ACTOR,
    null,
    {
      fileName: 'oorspronkelijk-bericht.eml',
      mediaType: 'text/plain',
      content: mail.raw,
      title: 'Oorspronkelijk bericht',
    },
    now,
  );
  for (const attachment of message.attachments) {
    const refused = checkAttachment(attachment.fileName, attachment.mediaType, attachment.size, {
      maxFileBytes: deps.maxAttachmentBytes,
      maxTotalBytes: Number.MAX_SAFE_INTEGER,
      maxFiles: Number.MAX_SAFE_INTEGER,
    });
    if (refused || attachment.inline) continue;
    await attachDocument(
      tx,
      organisationId,
      thread.complaintId,
      MAIL_ACTOR,
      null,
      {
        fileName: attachment.fileName,
        mediaType: attachment.mediaType,
        content: attachment.content,
        title: attachment.fileName,
      },
      now,
    );
  }
  await notifyHandler(
    tx,
    organisationId,
    thread.complaintId,
    'mail_received',
    'Er is een nieuw bericht van de klager binnengekomen.',
    now,
  );
}

function quarantineMessage(mailbox: string, classification: MailClassification): string {
  const why =
    classification === 'own_mail'
      ? 'het lijkt van ons eigen adres te komen (mogelijke lus)'
      : classification === 'oversized'
        ? 'het is te groot om te verwerken'
        : 'het kon niet worden gelezen';
  return `Een bericht in mailbox "${mailbox}" staat in quarantaine: ${why}. Het originele bericht is bewaard.`;
}

async function notifyHandler(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  kind: string,
  text: string,
  now: Date,
): Promise<void> {
  const complaint = await tx
    .selectFrom('complaints')
    .select(['handler_id', 'reference'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .executeTakeFirst();
  if (!complaint) return;
  await notifyComplaintStaff(
    tx,
    organisationId,
    complaintId,
    complaint.handler_id,
    { kind, message: `${complaint.reference}: ${text}` },
    now,
  );
}

/** Every enabled mailbox of every organisation; the job runs this each minute. */
export async function pollAllMailboxes(deps: MailIntakeDeps): Promise<PollReport[]> {
  const mailboxes = await deps.db
    .selectFrom('mailboxes')
    .select(['organisation_id', 'id'])
    .where('enabled', '=', true)
    .orderBy('organisation_id')
    .orderBy('id')
    .execute();
  const reports: PollReport[] = [];
  for (const mailbox of mailboxes) reports.push(await pollMailbox(deps, mailbox.organisation_id, mailbox.id));
  return reports;
}

/**
 * A person decided to look again at a quarantined message (after raising a limit, or when it was
 * wrongly taken for our own mail): parse and route it as if it just arrived, at its original moment.
 */
export async function reprocessQuarantinedMail(
  deps: MailIntakeDeps,
  organisationId: string,
  mailMessageId: string,
  options: { acceptOwnAddress: boolean },
): Promise<MailClassification> {
  const now = deps.clock.now();
  return withTenant(deps.db, organisationId, async (tx) => {
    const row = await tx
      .selectFrom('mail_messages')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', mailMessageId)
      .forNoKeyUpdate()
      .executeTakeFirst();
    if (!row) throw new NotFoundError('Het bericht');
    if (row.status !== 'quarantined')
      throw new ConflictError('Dit bericht staat niet in quarantaine.', 'mail_not_quarantined');
    const mailbox = await tx
      .selectFrom('mailboxes')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('id', '=', row.mailbox_id)
      .executeTakeFirstOrThrow();
    // Asked for by a person: the size limit that put it here does not apply.
    const parsed = await parseMessage(row.raw, { maxBytes: Math.max(deps.maxMessageBytes, row.size_bytes) });
    if (!parsed.ok) return row.classification;
    const decision = await decide(tx, deps, mailbox, parsed.message);
    const routed: Decision =
      decision.classification === 'own_mail' && options.acceptOwnAddress
        ? { classification: 'complaint_candidate', thread: null, bounced: null, detail: null }
        : decision;
    if (isQuarantined(routed.classification)) return routed.classification;
    await tx
      .updateTable('mail_messages')
      .set({
        classification: routed.classification,
        status: 'processed',
        quarantine_reason: null,
        complaint_id: routed.thread?.complaintId ?? null,
      })
      .where('organisation_id', '=', organisationId)
      .where('id', '=', mailMessageId)
      .execute();
    await routeMessage(
      tx,
      deps,
      mailbox,
      routed,
      parsed.message,
      { id: row.id, raw: row.raw, receivedAt: new Date(row.internal_date) },
      now,
    );
    return routed.classification;
  });
}
