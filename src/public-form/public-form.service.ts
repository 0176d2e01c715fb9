import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import { registerComplaint } from '../complaints/complaint.service.ts';
import type { Database, OrganisationRow } from '../db/schema.ts';
import { withSystem } from '../db/tenant.ts';
import type { AttachmentLimits } from '../domain/attachment-policy.ts';
import { findOrganisationBySlug } from '../organisations/organisation.repository.ts';
import { complainantContext } from './complainant-context.ts';
import type { FormValues } from './form-values.ts';

export interface PublicFormServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  attachmentLimits: AttachmentLimits;
}

/**
 * Registers what the complainant confirmed on the review page. Organisation, channel and moment of
 * receipt come from the server, never from the form; the complaint service normalises the text and
 * stores complaint, dossier event and files in one transaction.
 */
export async function submitPublicComplaint(
  deps: PublicFormServiceDeps,
  organisationId: string,
  values: FormValues,
  files: ReadonlyArray<{ fileName: string; content: Uint8Array }>,
  receivedAt: Date,
): Promise<string> {
  const complaint = await registerComplaint(
    { db: deps.db, clock: deps.clock, attachmentLimits: deps.attachmentLimits },
    complainantContext(organisationId),
    {
      channel: 'web_form',
      receivedAt,
      complainant: {
        name: values.name,
        email: values.email,
        phone: values.phone,
        street: values.street,
        postalCode: values.postalCode,
        city: values.city,
      },
      product: values.product,
      description: values.description,
      desiredOutcome: values.desiredOutcome,
      attachments: files,
    },
  );
  return complaint.reference;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The organisation whose form this is; a slug that cannot exist is not looked up. */
export async function findFormOrganisation(
  db: Kysely<Database>,
  slug: string,
): Promise<OrganisationRow | undefined> {
  if (!SLUG.test(slug)) return undefined;
  return withSystem(db, (tx) => findOrganisationBySlug(tx, slug));
}
