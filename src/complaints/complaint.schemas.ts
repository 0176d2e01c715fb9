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

/** The work-queue filters: the list takes them, and a saved view stores exactly these. */
export const ComplaintFilterProperties = {
  status: Type.Optional(Type.Array(StatusSchema, { maxItems: 7 })),
  channel: Type.Optional(ChannelSchema),
  handlerId: Type.Optional(
    Type.Union([Uuid, Type.Literal('none')], { description: 'A handler, or `none` for the unassigned ones' }),
  ),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  liabilityFlag: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(
    Type.Boolean({ description: 'Only complaints with a clock missed before today (Europe/Amsterdam)' }),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description:
        'Dutch full-text search over the reference, complainant, complaint and its messages and notes (websearch syntax: "phrase", or, -word)',
    }),
  ),
};

export const ComplaintListQuery = Type.Object(
  {
    ...ComplaintFilterProperties,
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(Type.Union([Type.Literal('received'), Type.Literal('deadline')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);

const LocalDateOrNull = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

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
      category: NullableString,
      complainantName: Type.String(),
      nextClockDue: LocalDateOrNull,
      nextClockKind: Type.Union([Type.Literal('acknowledgment'), Type.Literal('decision'), Type.Null()], {
        description: 'The clock behind nextClockDue when the row tells it; null for any other clock',
      }),
      nextClockUrgency: Type.Union(
        [Type.Literal('on_track'), Type.Literal('due_soon'), Type.Literal('missed'), Type.Literal('none')],
        { description: 'The traffic light: due_soon is within one working day, missed is past its date' },
      ),
      acknowledgeDue: LocalDateOrNull,
      decisionTarget: LocalDateOrNull,
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const CategoryListSchema = Type.Array(Type.String());

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
