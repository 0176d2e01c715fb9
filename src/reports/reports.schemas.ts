import { Type, type TSchema } from 'typebox';
import { ChannelSchema, StatusSchema } from '../complaints/complaint.schemas.ts';
import { DateTime, NullableString, Uuid } from '../http/common-schemas.ts';

export const LocalDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });

const FilterProperties = {
  from: Type.Optional({
    ...LocalDateSchema,
    description: 'First receipt date (Europe/Amsterdam), inclusive',
  }),
  to: Type.Optional({ ...LocalDateSchema, description: 'Last receipt date (Europe/Amsterdam), inclusive' }),
  status: Type.Optional(Type.Array(StatusSchema, { maxItems: 7 })),
  handlerId: Type.Optional(Uuid),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  channel: Type.Optional(ChannelSchema),
  product: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
};

export const ReportFilterQuery = Type.Object(FilterProperties, { additionalProperties: false });

export const RegisterExportQuery = Type.Object(
  { ...FilterProperties, format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]) },
  { additionalProperties: false },
);

export const TimelinessQuery = Type.Object(
  {
    ...FilterProperties,
    groupBy: Type.Optional(
      Type.Array(
        Type.Union(['month', 'handler', 'product', 'channel', 'category'].map((g) => Type.Literal(g))),
        { maxItems: 5 },
      ),
    ),
  },
  { additionalProperties: false },
);

const RuleProperties = {
  threshold: Type.Optional(Type.Integer({ minimum: 2, maximum: 100 })),
  windowDays: Type.Optional(Type.Integer({ minimum: 7, maximum: 366 })),
};

export const OutcomesQuery = Type.Object(
  { ...FilterProperties, ...RuleProperties },
  { additionalProperties: false },
);

export const AnnualReportQuery = Type.Object(
  { year: Type.Integer({ minimum: 2000, maximum: 9999 }), ...RuleProperties },
  { additionalProperties: false },
);

export const RegisterEntrySchema = Type.Object({
  id: Uuid,
  reference: Type.String(),
  receivedDate: LocalDateSchema,
  channel: Type.String(),
  complainantName: Type.String(),
  street: NullableString,
  postalCode: NullableString,
  city: NullableString,
  country: NullableString,
  product: NullableString,
  description: Type.String(),
  category: NullableString,
  rootCause: NullableString,
  handlerName: NullableString,
  status: Type.String(),
  acknowledgedDate: Nullable(LocalDateSchema),
  informationRequests: Count,
  hearings: Count,
  liabilityFlag: Type.Boolean(),
  delayNotices: Count,
  replyMode: Nullable(Type.String()),
  replyDate: Nullable(LocalDateSchema),
  outcome: NullableString,
  closedDate: Nullable(LocalDateSchema),
  withdrawnDate: Nullable(LocalDateSchema),
  kifidCaseNumber: NullableString,
  kifidOutcome: NullableString,
  handling: Type.String({ description: 'How it was handled, in one Dutch sentence' }),
});

const ClockShareSchema = Type.Object({
  onTime: Count,
  late: Count,
  missed: Count,
  open: Count,
  notApplicable: Count,
  settled: Count,
  share: Nullable(Type.Number()),
});

export const TimelinessFiguresSchema = Type.Object({
  complaints: Count,
  clocks: Type.Object({
    acknowledgment: ClockShareSchema,
    missingInformation: ClockShareSchema,
    decisionWithinTerm: ClockShareSchema,
    decisionByTarget: ClockShareSchema,
    delayNotice: ClockShareSchema,
  }),
  handlingTime: Type.Object({
    count: Count,
    medianDays: Nullable(Type.Number()),
    p90Days: Nullable(Type.Number()),
  }),
});

const GroupSchema = Type.Object({
  key: NullableString,
  label: NullableString,
  figures: TimelinessFiguresSchema,
});

export const TimelinessReportSchema = Type.Object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  computedAt: DateTime,
  overall: TimelinessFiguresSchema,
  groups: Type.Record(Type.String(), Type.Array(GroupSchema)),
});

const KeyedCount = Type.Object({ key: NullableString, label: NullableString, count: Count });
const MonthlyCount = Type.Object({
  month: Type.String(),
  key: NullableString,
  label: NullableString,
  count: Count,
});

export const OutcomesReportSchema = Type.Object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  computedAt: DateTime,
  complaints: Count,
  outcomes: Type.Object({
    gegrond: Count,
    deels_gegrond: Count,
    ongegrond: Count,
    ingetrokken: Count,
    none: Count,
  }),
  categories: Type.Array(KeyedCount),
  rootCauses: Type.Array(KeyedCount),
  categoriesPerMonth: Type.Array(MonthlyCount),
  rootCausesPerMonth: Type.Array(MonthlyCount),
  recurrenceRule: Type.Object({ threshold: Count, windowDays: Count }),
  recurringCauses: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      total: Count,
      peak: Type.Object({ count: Count, from: LocalDateSchema, to: LocalDateSchema }),
      references: Type.Array(Type.String()),
      recurring: Type.Boolean(),
    }),
  ),
  kifid: Type.Object({
    referred: Count,
    pending: Count,
    byOutcome: Type.Record(Type.String(), Count),
  }),
});

export const ExportLogSchema = Type.Array(
  Type.Object({
    id: Uuid,
    userId: Nullable(Uuid),
    userName: NullableString,
    actorKind: Type.String(),
    report: Type.String(),
    format: Type.String(),
    filters: Type.Record(Type.String(), Type.Unknown()),
    rowCount: Count,
    exportedAt: DateTime,
  }),
);

const KifidOutcomeCodeSchema = Type.Union(
  ['toegewezen', 'deels_toegewezen', 'afgewezen', 'niet_ontvankelijk', 'schikking', 'ingetrokken'].map((c) =>
    Type.Literal(c),
  ),
);

export const KifidOutcomeBody = Type.Object(
  { outcomeCode: KifidOutcomeCodeSchema, decidedOn: LocalDateSchema },
  { additionalProperties: false },
);

export const KifidOutcomeSchema = Type.Object({
  complaintId: Uuid,
  caseNumber: Type.String(),
  outcomeCode: Type.String(),
  decidedOn: LocalDateSchema,
  recordedAt: DateTime,
});

const ImprovementStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('done'),
  Type.Literal('cancelled'),
]);

const ImprovementFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  rootCause: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  ownerId: Uuid,
  dueDate: LocalDateSchema,
  status: Type.Optional(ImprovementStatusSchema),
  complaintIds: Type.Optional(Type.Array(Uuid, { maxItems: 500 })),
};

export const NewImprovementActionBody = Type.Object(ImprovementFields, { additionalProperties: false });

export const ImprovementActionChangeBody = Type.Partial(
  Type.Object(ImprovementFields, { additionalProperties: false }),
  { additionalProperties: false, minProperties: 1 },
);

export const ImprovementListQuery = Type.Object(
  { status: Type.Optional(ImprovementStatusSchema) },
  { additionalProperties: false },
);

export const ImprovementActionSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: NullableString,
  rootCause: NullableString,
  owner: Type.Object({ id: Uuid, name: Type.String() }),
  dueDate: LocalDateSchema,
  status: ImprovementStatusSchema,
  completedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  complaints: Type.Array(Type.Object({ id: Uuid, reference: Type.String() })),
});
