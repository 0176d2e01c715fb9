import type { AccessContext } from '../auth/access-context.ts';
import type { Tx } from '../db/tenant.ts';
import { amsterdamDateOf, isLocalDate } from '../domain/calendar/local-date.ts';
import { resolveLetterTemplate } from './templates/letter-template.service.ts';
import { composeLetter } from '../domain/letters/compose-letter.ts';
import type { CancellationConfirmationContent } from '../domain/letters/letter-content.ts';
import { letterToText } from '../domain/letters/letter-text.ts';
import { LETTER_TYPE_SPECS } from '../domain/letters/letter-types.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { contactLine, type LetterDeps } from './complaint-letters.ts';
import { issueLetter, type IssuedLetter } from './issue-letter.ts';
import { letterheadFromOrganisation } from './render/letterhead.ts';
import { renderLetterPdf } from './render/render-letter-pdf.ts';
import { displayNameOf } from './staff-name.ts';

export interface CancellationLetterRequest {
  /** Content fields to set or replace, e.g. the customer's postal address for a letter by post. */
  fields?: Record<string, unknown>;
  /** Defaults to e-mail when the customer gave an address, else post. */
  delivery?: 'email' | 'post';
}

/**
 * R10: the written confirmation of a cancellation request, composed from the request, checked,
 * rendered and issued in the caller's transaction (the step that confirms it). A request linked to
 * a complaint files it in that dossier; one without files it with the request itself.
 */
export async function sendCancellationConfirmation(
  tx: Tx,
  context: AccessContext,
  deps: LetterDeps,
  cancellationRequestId: string,
  request: CancellationLetterRequest,
  now: Date,
): Promise<IssuedLetter> {
  const organisationId = context.organisationId;
  const row = await tx
    .selectFrom('cancellation_requests as r')
    .leftJoin('complaints as c', (j) =>
      j.onRef('c.organisation_id', '=', 'r.organisation_id').onRef('c.id', '=', 'r.complaint_id'),
    )
    .select([
      'r.reference',
      'r.received_at',
      'r.customer_name',
      'r.customer_email',
      'r.policies',
      'r.effective_date',
      'r.complaint_id',
      'c.reference as complaint_reference',
    ])
    .where('r.organisation_id', '=', organisationId)
    .where('r.id', '=', cancellationRequestId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('De opzegging');
  const org = await tx
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const smtp = await tx
    .selectFrom('smtp_settings')
    .select('from_address')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  const signer = await displayNameOf(tx, organisationId, context.userId);

  const language = org.letter_language;
  const defaults: CancellationConfirmationContent = {
    reference: row.reference,
    letterDate: amsterdamDateOf(now),
    place: org.city ?? null,
    recipient: { name: row.customer_name, addressLines: [] },
    salutation: null,
    signer: {
      name: signer ?? org.signer_name,
      role: signer ? null : org.signer_title,
    },
    requestReceivedDate: amsterdamDateOf(new Date(row.received_at)),
    // One policy per line as the request was registered ("Inboedel, polis 123" / "Auto, polis 456").
    policies: row.policies
      .split(/\r?\n|;/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    contactDetails: contactLine(org),
    effectiveDate: isLocalDate(row.effective_date) ? row.effective_date : null,
    complaintReference: row.complaint_reference,
  };
  const content = { ...defaults, ...request.fields } as CancellationConfirmationContent;
  const letter = composeLetter({
    type: 'cancellation_confirmation',
    content,
    // The organisation's own template when it has one, as for the complaint letters.
    template: await resolveLetterTemplate(tx, organisationId, 'cancellation_confirmation', language),
    organisation: { name: org.name, kifidAffiliationNumber: org.kifid_affiliation_number },
  });
  if (letter.problems.length > 0) {
    const noun = LETTER_TYPE_SPECS.cancellation_confirmation.noun.nl;
    throw new ValidationError(
      `${noun} kan nog niet worden verstuurd: ${letter.problems.join(' ')}`,
      letter.problems.map((message) => ({ field: '/letter', message })),
      'letter_incomplete',
    );
  }
  const delivery = request.delivery ?? (row.customer_email ? 'email' : 'post');
  if (delivery === 'email' && !row.customer_email) {
    throw new ValidationError('De klant heeft geen e-mailadres opgegeven; verstuur de brief per post.', [
      { field: '/delivery', message: 'no e-mail address on the cancellation request' },
    ]);
  }
  const pdf = await renderLetterPdf(letter, letterheadFromOrganisation(org), { language });
  return issueLetter(
    tx,
    context,
    deps.secrets,
    (smtp?.from_address.split('@')[1] ?? 'klachtwijzer.invalid').toLowerCase(),
    {
      complaintId: row.complaint_id,
      cancellationRequestId,
      dossierId: row.complaint_id,
      letterType: 'cancellation_confirmation',
      language,
      recipientKind: 'customer',
      recipientName: row.customer_name,
      recipientEmail: row.customer_email,
      delivery,
      automatic: false,
      subject: `${letter.subject} [${letter.reference}]`,
      text: letterToText(letter),
      pdf,
      fileName: `${letter.title}.pdf`,
      content,
    },
    now,
  );
}
