import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { accessOf } from '../http/authentication.ts';
import { DateTime, NullableString, problemResponses, Uuid } from '../http/common-schemas.ts';
import {
  changeOrganisationSettings,
  confirmDisputesBody,
  getOrganisationSettings,
  type OrganisationSettings,
} from './organisation.service.ts';

const Optional = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));

const AutoAcknowledgmentSchema = Type.Union([Type.Literal('draft'), Type.Literal('send')], {
  description:
    'send: a new complaint gets its acknowledgment automatically when it is complete and came from a person; draft: a person is told it is ready to send',
});

const SettingsSchema = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  email: NullableString,
  phone: NullableString,
  street: NullableString,
  postalCode: NullableString,
  city: NullableString,
  website: NullableString,
  kvkNumber: NullableString,
  afmNumber: NullableString,
  kifidAffiliationNumber: NullableString,
  liabilityInsurer: Type.Object({
    name: NullableString,
    contact: NullableString,
    email: NullableString,
    phone: NullableString,
    policyNumber: NullableString,
  }),
  disputesBody: Type.Object({
    name: Type.String(),
    postalAddress: Type.String(),
    postalCodeCity: Type.String(),
    phone: Type.String(),
    email: Type.String(),
    website: Type.String(),
    confirmedAt: Type.Union([DateTime, Type.Null()]),
  }),
  complianceGaps: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  autoAcknowledgment: AutoAcknowledgmentSchema,
});

const ChangeSettingsBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
    phone: Optional(40),
    street: Optional(200),
    postalCode: Optional(20),
    city: Optional(100),
    website: Optional(200),
    kvkNumber: Optional(20),
    afmNumber: Optional(20),
    kifidAffiliationNumber: Optional(40),
    liabilityInsurer: Type.Optional(
      Type.Object(
        {
          name: Optional(200),
          contact: Optional(200),
          email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
          phone: Optional(40),
          policyNumber: Optional(60),
        },
        { additionalProperties: false },
      ),
    ),
    autoAcknowledgment: Type.Optional(AutoAcknowledgmentSchema),
  },
  { additionalProperties: false },
);

const DisputesBodyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    postalAddress: Type.String({ minLength: 1, maxLength: 200 }),
    postalCodeCity: Type.String({ minLength: 1, maxLength: 200 }),
    phone: Type.String({ minLength: 1, maxLength: 40 }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    website: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

function toResponse(settings: OrganisationSettings) {
  const o = settings.organisation;
  return {
    id: o.id,
    slug: o.slug,
    name: o.name,
    email: o.email,
    phone: o.phone,
    street: o.street,
    postalCode: o.postal_code,
    city: o.city,
    website: o.website,
    kvkNumber: o.kvk_number,
    afmNumber: o.afm_number,
    kifidAffiliationNumber: o.kifid_affiliation_number,
    liabilityInsurer: {
      name: o.liability_insurer_name,
      contact: o.liability_insurer_contact,
      email: o.liability_insurer_email,
      phone: o.liability_insurer_phone,
      policyNumber: o.liability_insurer_policy_number,
    },
    disputesBody: {
      ...settings.disputesBody,
      confirmedAt: settings.disputesBody.confirmedAt?.toISOString() ?? null,
    },
    complianceGaps: settings.complianceGaps,
    autoAcknowledgment: o.auto_acknowledgment,
  };
}

export function registerOrganisationRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    '/api/v1/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Settings of the organisation, with compliance gaps',
        response: { 200: SettingsSchema, ...problemResponses() },
      },
    },
    async (request) => toResponse(await getOrganisationSettings(deps.db, accessOf(request))),
  );
  api.patch(
    '/api/v1/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Change organisation settings (administrator)',
        body: ChangeSettingsBody,
        response: { 200: SettingsSchema, ...problemResponses() },
      },
    },
    async (request) =>
      toResponse(await changeOrganisationSettings(deps.db, deps.clock, accessOf(request), request.body)),
  );
  api.put(
    '/api/v1/organisation/disputes-body',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Confirm or correct the KiFiD record that goes into every decision letter (administrator)',
        body: DisputesBodyBody,
        response: { 200: SettingsSchema, ...problemResponses() },
      },
    },
    async (request) =>
      toResponse(await confirmDisputesBody(deps.db, deps.clock, accessOf(request), request.body)),
  );
}
