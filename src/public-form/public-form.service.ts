import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  requestDigest,
} from '../complaints/idempotency.ts';
import { registerComplaint, type RegisterOptions } from '../complaints/complaint.service.ts';
import { ConflictError } from '../errors.ts';
import type { Database, OrganisationRow } from '../db/schema.ts';
import { withSystem, type Tx } from '../db/tenant.ts';
import type { AttachmentLimits } from '../domain/attachment-policy.ts';
import { findOrganisationBySlug } from '../organisations/organisation.repository.ts';
import { complainantContext } from './complainant-context.ts';
import type { FormValues } from './form-values.ts';

export interface PublicFormServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  attachmentLimits: AttachmentLimits;
}

/** What sending a form came to: registered now, or registered before (in this process or another). */
export type Submitted =
  | { kind: 'registered'; reference: string }
  | { kind: 'sent_before'; reference: string }
  | { kind: 'in_progress' };

/**
 * Registers what the complainant confirmed on the review page. Organisation, channel and moment of
 * receipt come from the server, never from the form; the complaint service normalises the text and
 * stores complaint, dossier event and files in one transaction.
 *
 * One form, one complaint, in every process together: the form id is claimed as an idempotency key
 * (the same machinery as the API's Idempotency-Key) and completed in the registration's transaction.
 * A form sent again through another process — a double click behind a load balancer, or a replay of
 * the posts with their proof-of-work — gets the first registration's reference, nothing new.
 */
export async function submitPublicComplaint(
  deps: PublicFormServiceDeps,
  organisationId: string,
  formId: string,
  values: FormValues,
  files: ReadonlyArray<{ fileName: string; content: Uint8Array }>,
  receivedAt: Date,
  /** Runs in the registering transaction (the draft is emptied there, so it never outlives it). */
  registered?: (tx: Tx, reference: string) => Promise<void>,
): Promise<Submitted> {
  const key = `web-form:${formId}`;
  // The form id alone decides: whatever is sent with it the second time, the first complaint stands.
  const claim = await claimIdempotencyKey(deps.db, deps.clock, organisationId, key, requestDigest(key)).catch(
    (error: unknown) => {
      if (error instanceof ConflictError) return { kind: 'in_progress' as const };
      throw error;
    },
  );
  if (claim.kind === 'in_progress') return claim;
  if (claim.kind === 'replay') {
    return { kind: 'sent_before', reference: (claim.body as { reference: string }).reference };
  }
  try {
    const reference = await register(deps, organisationId, values, files, receivedAt, async (tx, view) => {
      await completeIdempotencyKey(tx, organisationId, key, claim.lease, 201, { reference: view.reference });
      await registered?.(tx, view.reference);
    });
    return { kind: 'registered', reference };
  } catch (error) {
    await releaseIdempotencyKey(deps.db, organisationId, key, claim.lease);
    throw error;
  }
}

async function register(
  deps: PublicFormServiceDeps,
  organisationId: string,
  values: FormValues,
  files: ReadonlyArray<{ fileName: string; content: Uint8Array }>,
  receivedAt: Date,
  inTransaction: NonNullable<RegisterOptions['inTransaction']>,
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
    { inTransaction },
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
