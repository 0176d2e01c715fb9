import type { Actor } from '../auth/access-context.ts';
import { withTenant } from '../db/tenant.ts';
import {
  checkAttachment,
  checkAttachmentSet,
  type AttachmentLimits,
  type AttachmentRefusal,
} from '../domain/attachment-policy.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { displayFileName } from '../domain/file-name.ts';
import { detectMediaType } from '../domain/media-type.ts';
import { attachDocument } from '../dossier/attach-document.ts';
import { insertDossierItem } from '../dossier/dossier.repository.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseText } from '../text.ts';
import { updateDecisionPreference } from './decision-preference.repository.ts';
import type { PortalAccessDeps, PortalSession } from './portal-access.service.ts';
import { notifyComplaintStaff } from './portal-notification.repository.ts';
import { findPortalComplaint } from './portal-view.repository.ts';

export interface PortalContactDeps extends PortalAccessDeps {
  attachmentLimits: AttachmentLimits;
}

/** Far above any honest message, and what a handler can still read in one go. */
export const MAX_MESSAGE_LENGTH = 10_000;

export type PortalMessageProblem =
  | { code: 'empty' }
  | { code: 'too_long'; max: number }
  | { code: AttachmentRefusal['code']; fileName: string | null };

export type PortalMessageOutcome = { kind: 'sent' } | { kind: 'invalid'; problems: PortalMessageProblem[] };

const COMPLAINANT: Actor = { kind: 'complainant', id: null };

/**
 * A message, files, or both from the complainant. Files pass the same checks as the complaint form
 * (type read from the bytes, extension agreeing, sizes, count) and are stored under their own ids
 * with a cleaned display name. Everything lands in the dossier as `message_in` with its events, and
 * the handler is told, in one transaction.
 */
export async function sendPortalMessage(
  deps: PortalContactDeps,
  session: PortalSession,
  input: { text: string; files: ReadonlyArray<{ fileName: string; content: Uint8Array }> },
): Promise<PortalMessageOutcome> {
  const text = normaliseText(input.text);
  const files = input.files.map((file) => ({
    fileName: displayFileName(file.fileName),
    content: file.content,
    mediaType: detectMediaType(file.content),
  }));
  const problems = checkMessage(text, files, deps.attachmentLimits);
  if (problems.length > 0) return { kind: 'invalid', problems };

  const now = deps.clock.now();
  const { organisationId, complaintId } = session;
  return withTenant(deps.db, organisationId, async (tx) => {
    const complaint = await findPortalComplaint(tx, organisationId, complaintId);
    if (!complaint) throw new NotFoundError('De klacht');
    let messageItemId: string | null = null;
    if (text !== '') {
      const item = await insertDossierItem(tx, {
        organisation_id: organisationId,
        id: newId(),
        complaint_id: complaintId,
        kind: 'message_in',
        title: 'Bericht via het klantportaal',
        body: text,
        author_id: null,
        created_at: now,
      });
      messageItemId = item.id;
    }
    const attached = [];
    for (const file of files) {
      attached.push(
        await attachDocument(
          tx,
          organisationId,
          complaintId,
          COMPLAINANT,
          null,
          { ...file, title: `Bestand via het klantportaal: ${file.fileName}`, kind: 'message_in' },
          now,
        ),
      );
    }
    await appendDossierEvent(tx, organisationId, complaintId, {
      type: 'portal.message_received',
      actor: COMPLAINANT,
      occurredAt: now,
      data: {
        portalSessionId: session.id,
        messageItemId,
        contentSha256: text === '' ? null : sha256Hex(text),
        attachmentItemIds: attached.map((a) => a.item.id),
        documentIds: attached.map((a) => a.documentId),
      },
    });
    const what = [
      text === '' ? null : 'een bericht',
      files.length === 0 ? null : `${files.length} ${files.length === 1 ? 'bestand' : 'bestanden'}`,
    ]
      .filter((part) => part !== null)
      .join(' en ');
    await notifyComplaintStaff(
      tx,
      organisationId,
      complaintId,
      complaint.handlerId,
      {
        kind: 'portal_message',
        message: `${complaint.reference}: de klager stuurde via het klantportaal ${what}.`,
      },
      now,
    );
    return { kind: 'sent' };
  });
}

function checkMessage(
  text: string,
  files: ReadonlyArray<{ fileName: string; content: Uint8Array; mediaType: string }>,
  limits: AttachmentLimits,
): PortalMessageProblem[] {
  const problems: PortalMessageProblem[] = [];
  if (text === '' && files.length === 0) problems.push({ code: 'empty' });
  if (text.length > MAX_MESSAGE_LENGTH) problems.push({ code: 'too_long', max: MAX_MESSAGE_LENGTH });
  const described = files.map((f) => ({
    fileName: f.fileName,
    detectedType: f.mediaType,
    sizeBytes: f.content.length,
  }));
  const refusals = checkAttachmentSet(described, limits);
  for (const refusal of refusals) {
    if (refusal.code === 'too_many_attachments' || refusal.code === 'attachments_too_large') {
      problems.push({ code: refusal.code, fileName: null });
    }
  }
  // The set check names its files only in its (Dutch) message: ask per file to say which one, in either language.
  for (const file of described) {
    const refusal = checkAttachment(file.fileName, file.detectedType, file.sizeBytes, limits);
    if (refusal) problems.push({ code: refusal.code, fileName: file.fileName });
  }
  return problems;
}

export type PreferenceOutcome = 'saved' | 'unchanged' | 'too_late';

/**
 * R7: our position preferably in a personal conversation, otherwise in writing — the complainant's
 * wish, kept on the complaint for the handler and recorded in the dossier. Once the position is
 * given, or the complaint has ended, there is nothing left to choose.
 */
export async function recordDecisionPreference(
  deps: PortalAccessDeps,
  session: PortalSession,
  preference: 'meeting' | 'letter',
): Promise<PreferenceOutcome> {
  const now = deps.clock.now();
  const { organisationId, complaintId } = session;
  return withTenant(deps.db, organisationId, async (tx) => {
    const complaint = await findPortalComplaint(tx, organisationId, complaintId);
    if (!complaint) throw new NotFoundError('De klacht');
    const ended = ['closed', 'withdrawn', 'reclassified'].includes(complaint.status);
    if (complaint.decisionGiven || ended) return 'too_late';
    if (complaint.decisionPreference === preference) return 'unchanged';
    await updateDecisionPreference(tx, organisationId, complaintId, preference, now);
    await appendDossierEvent(tx, organisationId, complaintId, {
      type: 'portal.decision_preference_recorded',
      actor: COMPLAINANT,
      occurredAt: now,
      data: { portalSessionId: session.id, preference },
    });
    const wish = preference === 'meeting' ? 'een persoonlijk gesprek' : 'een schriftelijk antwoord';
    await notifyComplaintStaff(
      tx,
      organisationId,
      complaintId,
      complaint.handlerId,
      {
        kind: 'portal_preference',
        message: `${complaint.reference}: de klager wil ons standpunt het liefst horen in ${wish}.`,
      },
      now,
    );
    return 'saved';
  });
}
