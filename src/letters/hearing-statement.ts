import type { AccessContext } from '../auth/access-context.ts';
import type { Tx } from '../db/tenant.ts';
import { amsterdamDateOf } from '../domain/calendar/local-date.ts';
import { formatLetterDate, formatClockTime } from '../domain/letters/letter-format.ts';
import type { RenderableLetter } from '../domain/letters/renderable-letter.ts';
import { attachDocument } from '../dossier/attach-document.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import {
  recomposeComplaintLetter,
  sendComplaintLetter,
  type LetterDeps,
  type LetterRequest,
} from './complaint-letters.ts';
import type { IssuedLetter } from './issue-letter.ts';
import { displayNameOf } from './staff-name.ts';
import { renderLetterPdf } from './render/render-letter-pdf.ts';

const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * R4: the written summary of the employee's reaction, put to them for signature in the step that
 * records it. A corrected summary is a new letter; the hearing always points at the latest one, and
 * only that one can be signed.
 */
export async function issueHearingStatement(
  tx: Tx,
  context: AccessContext,
  deps: LetterDeps,
  complaintId: string,
  employeeId: string,
  request: Pick<LetterRequest, 'fields' | 'delivery'>,
  now: Date,
): Promise<IssuedLetter> {
  const recordedBy = await displayNameOf(tx, context.organisationId, context.userId);
  const issued = await sendComplaintLetter(
    tx,
    context,
    deps,
    complaintId,
    'hearing_statement',
    {
      employeeId,
      fields: { ...(recordedBy ? { recordedBy } : {}), ...request.fields },
      ...(request.delivery ? { delivery: request.delivery } : {}),
    },
    now,
  );
  await tx
    .updateTable('hearings')
    .set({ statement_letter_id: issued.letterId, signed_document_id: null })
    .where('organisation_id', '=', context.organisationId)
    .where('complaint_id', '=', complaintId)
    .where('employee_id', '=', employeeId)
    .execute();
  return issued;
}

/**
 * R4: the hearing keeps the request letter it sent, so the employee's own view reaches it by id. A
 * request sent again (the hearing restarted) replaces the link: the latest request is the one in force.
 */
export async function linkHearingRequest(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  employeeId: string,
  letterId: string,
): Promise<void> {
  await tx
    .updateTable('hearings')
    .set({ request_letter_id: letterId })
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('employee_id', '=', employeeId)
    .execute();
}

/** The summary with the signature lines filled in: who signed, when, and that it was electronic. */
function signedCopy(letter: RenderableLetter, signerName: string, signedAt: Date): RenderableLetter {
  if (letter.countersign === null) return letter;
  const nl = letter.language === 'nl';
  const date = formatLetterDate(amsterdamDateOf(signedAt), letter.language);
  const time = formatClockTime(AMSTERDAM_TIME.format(signedAt), letter.language);
  const [name, day, signature] = letter.countersign.rows;
  return {
    ...letter,
    countersign: {
      ...letter.countersign,
      rows: [
        { label: name?.label ?? '', value: signerName },
        { label: day?.label ?? '', value: nl ? `${date} om ${time} uur` : `${date} at ${time}` },
        {
          label: signature?.label ?? '',
          value: nl ? 'Elektronisch ondertekend in Klachtwijzer' : 'Signed electronically in Klachtwijzer',
        },
      ],
    },
  };
}

/**
 * R4: once the employee signed, the signed summary goes into the dossier: the letter they were
 * given, composed again from the content it was sent with, with their signature. The event ties
 * the signed copy to the digest of the exact PDF they were asked to sign.
 */
export async function fileSignedHearingStatement(
  tx: Tx,
  context: AccessContext,
  complaintId: string,
  employeeId: string,
  now: Date,
): Promise<{ documentId: string; sha256: string } | null> {
  const organisationId = context.organisationId;
  const statement = await tx
    .selectFrom('hearings as h')
    .innerJoin('letters as l', (j) =>
      j.onRef('l.organisation_id', '=', 'h.organisation_id').onRef('l.id', '=', 'h.statement_letter_id'),
    )
    .innerJoin('users as u', (j) =>
      j.onRef('u.organisation_id', '=', 'h.organisation_id').onRef('u.id', '=', 'h.employee_id'),
    )
    .select(['l.id as letter_id', 'l.content', 'l.pdf_sha256', 'u.display_name'])
    .where('h.organisation_id', '=', organisationId)
    .where('h.complaint_id', '=', complaintId)
    .where('h.employee_id', '=', employeeId)
    .executeTakeFirst();
  // A statement recorded before summaries were sent as letters has nothing to put a signature on.
  if (!statement) return null;
  const content = (
    typeof statement.content === 'string' ? JSON.parse(statement.content) : statement.content
  ) as Record<string, unknown>;
  const { letter, letterhead, language } = await recomposeComplaintLetter(
    tx,
    organisationId,
    complaintId,
    'hearing_statement',
    { employeeId, fields: content },
    now,
  );
  const pdf = await renderLetterPdf(signedCopy(letter, statement.display_name, now), letterhead, {
    language,
  });
  const title =
    language === 'nl'
      ? `Ondertekende samenvatting van de reactie ${letter.reference}`
      : `Signed summary of the response ${letter.reference}`;
  const attached = await attachDocument(
    tx,
    organisationId,
    complaintId,
    context.actor,
    context.userId,
    { fileName: `${title}.pdf`, mediaType: 'application/pdf', content: pdf, title, kind: 'statement' },
    now,
  );
  await tx
    .updateTable('hearings')
    .set({ signed_document_id: attached.documentId })
    .where('organisation_id', '=', organisationId)
    .where('complaint_id', '=', complaintId)
    .where('employee_id', '=', employeeId)
    .execute();
  await appendDossierEvent(tx, organisationId, complaintId, {
    type: 'hearing.statement_signed_copy_filed',
    actor: context.actor,
    occurredAt: now,
    data: {
      employeeId,
      statementLetterId: statement.letter_id,
      statementSha256: statement.pdf_sha256,
      signedDocumentId: attached.documentId,
      signedSha256: attached.sha256,
    },
  });
  return { documentId: attached.documentId, sha256: attached.sha256 };
}
