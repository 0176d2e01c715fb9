import { Type, type Static } from 'typebox';
import { DateTime, NullableString, Uuid } from '../http/common-schemas.ts';

const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const OptionalText = (maxLength: number) =>
  Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));

export const ChannelSchema = Type.Union([
  Type.Literal('web_form'),
  Type.Literal('email'),
  Type.Literal('letter'),
  Type.Literal('phone'),
  Type.Literal('visit'),
  Type.Literal('api'),
]);

export const StatusSchema = Type.Union([
  Type.Literal('received'),
  Type.Literal('acknowledged'),
  Type.Literal('in_investigation'),
  Type.Literal('decided'),
  Type.Literal('closed'),
  Type.Literal('withdrawn'),
  Type.Literal('reclassified'),
]);

export const ComplainantInputSchema = Type.Object(
  {
    name: ShortText(200),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
    phone: OptionalText(40),
    street: OptionalText(200),
    postalCode: OptionalText(20),
    city: OptionalText(100),
    country: OptionalText(100),
  },
  { additionalProperties: false },
);

export const RegisterComplaintBody = Type.Object(
  {
    channel: ChannelSchema,
    receivedAt: Type.Optional(DateTime),
    complainant: ComplainantInputSchema,
    product: OptionalText(200),
    description: ShortText(20_000),
    desiredOutcome: OptionalText(10_000),
    handlerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    involvedEmployeeIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type RegisterComplaintBody = Static<typeof RegisterComplaintBody>;

export const ComplaintSchema = Type.Object(
  {
    id: Uuid,
    reference: Type.String(),
    channel: Type.String(),
    receivedAt: DateTime,
    status: StatusSchema,
    product: NullableString,
    description: Type.String(),
    desiredOutcome: NullableString,
    complainant: Type.Object({
      id: Uuid,
      name: Type.String(),
      email: NullableString,
      phone: NullableString,
      street: NullableString,
      postalCode: NullableString,
      city: NullableString,
      country: NullableString,
    }),
    handler: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
    involvedEmployees: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
    category: NullableString,
    rootCause: NullableString,
    outcome: NullableString,
    liabilityFlag: Type.Boolean(),
    eventHead: Type.Object({ sequence: Type.Integer(), hash: NullableString }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Complaint' },
);

export const ComplaintListQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(StatusSchema, { maxItems: 7 })),
    channel: Type.Optional(ChannelSchema),
    handlerId: Type.Optional(Uuid),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('deadline')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);

export const ComplaintListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Uuid,
      reference: Type.String(),
      channel: Type.String(),
      receivedAt: DateTime,
      status: StatusSchema,
      handlerId: Type.Union([Uuid, Type.Null()]),
      liabilityFlag: Type.Boolean(),
      product: NullableString,
      complainantName: Type.String(),
      nextClockDue: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      acknowledgeDue: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
      decisionTarget: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const DossierItemSchema = Type.Object({
  id: Uuid,
  kind: Type.String(),
  title: Type.String(),
  body: NullableString,
  authorId: Type.Union([Uuid, Type.Null()]),
  createdAt: DateTime,
  documents: Type.Array(
    Type.Object({
      id: Uuid,
      fileName: Type.String(),
      mediaType: Type.String(),
      sizeBytes: Type.Integer(),
      sha256: Type.String(),
    }),
  ),
});

export const DossierEventSchema = Type.Object({
  id: Uuid,
  sequence: Type.Integer(),
  type: Type.String(),
  actor: Type.Object({ kind: Type.String(), id: Type.Union([Uuid, Type.Null()]) }),
  occurredAt: DateTime,
  data: Type.Unknown(),
  previousHash: NullableString,
  hash: Type.String(),
});

export const AddNoteBody = Type.Object(
  { title: Type.Optional(Type.String({ maxLength: 200 })), text: ShortText(50_000) },
  { additionalProperties: false },
);

export const AttachmentQuery = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 1000 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const DocumentParams = Type.Object({ id: Uuid, documentId: Uuid }, { additionalProperties: false });
