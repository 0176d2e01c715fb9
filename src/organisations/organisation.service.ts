import { randomBytes } from 'node:crypto';
import { hash as argon2Hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { issueApiToken } from '../auth/api-token.ts';
import type { Clock } from '../clock.ts';
import type { Database, OrganisationRow } from '../db/schema.ts';
import { withSystem, withTenant } from '../db/tenant.ts';
import { DEFAULT_PROCEDURE_TERMS } from '../domain/calendar/procedure-terms.ts';
import { complianceGaps, type ComplianceGap } from '../domain/compliance.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { insertUser } from '../users/user.repository.ts';
import { KIFID_DEFAULTS } from './kifid-defaults.ts';
import {
  findDisputesBody,
  findOrganisation,
  insertDisputesBody,
  insertOrganisation,
  updateDisputesBody,
  updateOrganisation,
} from './organisation.repository.ts';

export interface CreateOrganisationInput {
  slug: string;
  name: string;
  email?: string | null;
  admin: { email: string; displayName: string };
}

export interface CreatedOrganisation {
  organisation: OrganisationRow;
  adminUserId: string;
  adminEmail: string;
  /** Shown once; only its argon2id hash is stored. */
  adminOneTimePassword: string;
  /** Shown once; stands in for login on the API until staff sign-in exists. */
  adminApiToken: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export async function createOrganisation(
  db: Kysely<Database>,
  clock: Clock,
  input: CreateOrganisationInput,
): Promise<CreatedOrganisation> {
  if (!SLUG.test(input.slug)) {
    throw new ValidationError('De korte naam mag alleen kleine letters, cijfers en streepjes bevatten.', [
      { field: '/slug', message: 'must match ^[a-z0-9][a-z0-9-]{1,62}$' },
    ]);
  }
  const now = clock.now();
  const organisationId = newId();
  const oneTimePassword = randomBytes(12).toString('base64url');
  const passwordHash = await argon2Hash(oneTimePassword); // @node-rs/argon2 defaults to argon2id

  return withSystem(db, async (tx) => {
    const existing = await tx
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    if (existing) throw new ConflictError(`De korte naam "${input.slug}" is al in gebruik.`, 'slug_taken');
    const organisation: OrganisationRow = {
      id: organisationId,
      slug: input.slug,
      name: input.name,
      email: input.email ?? null,
      phone: null,
      street: null,
      postal_code: null,
      city: null,
      website: null,
      kvk_number: null,
      afm_number: null,
      kifid_affiliation_number: 'n.n.b.',
      liability_insurer_name: null,
      liability_insurer_contact: null,
      liability_insurer_email: null,
      liability_insurer_phone: null,
      liability_insurer_policy_number: null,
      created_at: now,
      updated_at: now,
      auto_acknowledgment: 'draft',
      letter_language: 'nl',
      logo: null,
      signer_name: null,
      signer_title: null,
    };
    await insertOrganisation(tx, organisation);
    await tx
      .insertInto('procedure_versions')
      .values({
        organisation_id: organisationId,
        version: 1,
        terms: JSON.stringify(DEFAULT_PROCEDURE_TERMS),
        require_consultation_per_step: true,
        // The seed procedure applies to everything, including letters received before the firm started.
        effective_from: new Date(0),
        created_at: now,
        created_by: null,
      })
      .execute();
    await insertDisputesBody(tx, {
      organisation_id: organisationId,
      name: KIFID_DEFAULTS.name,
      postal_address: KIFID_DEFAULTS.postalAddress,
      postal_code_city: KIFID_DEFAULTS.postalCodeCity,
      phone: KIFID_DEFAULTS.phone,
      email: KIFID_DEFAULTS.email,
      website: KIFID_DEFAULTS.website,
      confirmed_at: null,
      updated_at: now,
    });
    const admin = await insertUser(tx, {
      organisation_id: organisationId,
      id: newId(),
      email: input.admin.email,
      display_name: input.admin.displayName,
      roles: ['admin', 'coordinator'],
      password_hash: passwordHash,
      must_change_password: true,
      disabled_at: null,
      created_at: now,
    });
    const token = await issueApiToken(tx, clock, {
      organisationId,
      userId: admin.id,
      name: 'Ontwikkelsleutel eerste beheerder',
    });
    return {
      organisation,
      adminUserId: admin.id,
      adminEmail: admin.email,
      adminOneTimePassword: oneTimePassword,
      adminApiToken: token.token,
    };
  });
}

export interface OrganisationSettings {
  organisation: OrganisationRow;
  disputesBody: {
    name: string;
    postalAddress: string;
    postalCodeCity: string;
    phone: string;
    email: string;
    website: string;
    confirmedAt: Date | null;
  };
  complianceGaps: ComplianceGap[];
}

export async function getOrganisationSettings(
  db: Kysely<Database>,
  context: AccessContext,
): Promise<OrganisationSettings> {
  return withTenant(db, context.organisationId, async (tx) => {
    const organisation = await findOrganisation(tx, context.organisationId);
    const body = await findDisputesBody(tx, context.organisationId);
    if (!organisation || !body) throw new NotFoundError('De organisatie');
    return toSettings(organisation, body);
  });
}

function toSettings(
  organisation: OrganisationRow,
  body: NonNullable<Awaited<ReturnType<typeof findDisputesBody>>>,
): OrganisationSettings {
  const confirmedAt = body.confirmed_at === null ? null : new Date(body.confirmed_at);
  return {
    organisation,
    disputesBody: {
      name: body.name,
      postalAddress: body.postal_address,
      postalCodeCity: body.postal_code_city,
      phone: body.phone,
      email: body.email,
      website: body.website,
      confirmedAt,
    },
    complianceGaps: complianceGaps({
      kifidAffiliationNumber: organisation.kifid_affiliation_number,
      disputesBodyConfirmed: confirmedAt !== null,
    }),
  };
}

export interface OrganisationChanges {
  name?: string;
  email?: string | null;
  phone?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  website?: string | null;
  kvkNumber?: string | null;
  afmNumber?: string | null;
  kifidAffiliationNumber?: string | null;
  liabilityInsurer?: {
    name?: string | null;
    contact?: string | null;
    email?: string | null;
    phone?: string | null;
    policyNumber?: string | null;
  };
  autoAcknowledgment?: 'draft' | 'send';
}

export async function changeOrganisationSettings(
  db: Kysely<Database>,
  clock: Clock,
  context: AccessContext,
  changes: OrganisationChanges,
): Promise<OrganisationSettings> {
  requireRole(context, ['admin']);
  const insurer = changes.liabilityInsurer ?? {};
  const set = Object.fromEntries(
    Object.entries({
      name: changes.name,
      email: changes.email,
      phone: changes.phone,
      street: changes.street,
      postal_code: changes.postalCode,
      city: changes.city,
      website: changes.website,
      kvk_number: changes.kvkNumber,
      afm_number: changes.afmNumber,
      kifid_affiliation_number: changes.kifidAffiliationNumber,
      liability_insurer_name: insurer.name,
      liability_insurer_contact: insurer.contact,
      liability_insurer_email: insurer.email,
      liability_insurer_phone: insurer.phone,
      liability_insurer_policy_number: insurer.policyNumber,
      auto_acknowledgment: changes.autoAcknowledgment,
    }).filter(([, value]) => value !== undefined),
  );
  return withTenant(db, context.organisationId, async (tx) => {
    const organisation = await updateOrganisation(tx, context.organisationId, {
      ...set,
      updated_at: clock.now(),
    });
    const body = await findDisputesBody(tx, context.organisationId);
    if (!organisation || !body) throw new NotFoundError('De organisatie');
    return toSettings(organisation, body);
  });
}

export interface DisputesBodyChanges {
  name: string;
  postalAddress: string;
  postalCodeCity: string;
  phone: string;
  email: string;
  website: string;
}

/** Saving the record is the administrator's confirmation that it is current. */
export async function confirmDisputesBody(
  db: Kysely<Database>,
  clock: Clock,
  context: AccessContext,
  record: DisputesBodyChanges,
): Promise<OrganisationSettings> {
  requireRole(context, ['admin']);
  const now = clock.now();
  return withTenant(db, context.organisationId, async (tx) => {
    const body = await updateDisputesBody(tx, context.organisationId, {
      name: record.name,
      postal_address: record.postalAddress,
      postal_code_city: record.postalCodeCity,
      phone: record.phone,
      email: record.email,
      website: record.website,
      confirmed_at: now,
      updated_at: now,
    });
    const organisation = await findOrganisation(tx, context.organisationId);
    if (!organisation || !body) throw new NotFoundError('De organisatie');
    return toSettings(organisation, body);
  });
}
