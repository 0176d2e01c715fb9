import { Type, type TSchema } from 'typebox';
import { ComplaintSchema } from '../complaints/complaint.schemas.ts';
import { DateTime, NullableString, Uuid } from '../http/common-schemas.ts';

const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Empty = Type.Object({}, { additionalProperties: false });
const strict = <T extends Record<string, TSchema>>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

const OutcomeSchema = Type.Union([
  Type.Literal('gegrond'),
  Type.Literal('deels_gegrond'),
  Type.Literal('ongegrond'),
  Type.Literal('ingetrokken'),
]);

const DisputesBodyBlockSchema = strict({
  name: NullableString,
  postalAddress: NullableString,
  postalCodeCity: NullableString,
  phone: NullableString,
  email: NullableString,
  website: NullableString,
  affiliationNumber: NullableString,
  term: NullableString,
});

export const DecisionLetterSchema = strict({
  receivedDate: Type.Union([LocalDate, Type.Null()]),
  complaintSummary: NullableString,
  investigationResults: NullableString,
  judgment: NullableString,
  followUpActions: NullableString,
  furtherContact: NullableString,
  disputesBody: Type.Union([DisputesBodyBlockSchema, Type.Null()]),
});

/** How a step's letter goes out, and the letter fields staff wrote themselves (see docs/letters.md). */
const LetterOptions = {
  delivery: Type.Optional(Type.Union([Type.Literal('email'), Type.Literal('post')])),
  letterFields: Type.Optional(
    Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 40 }),
  ),
};

/** The body each step takes; the path names the step. */
export const ACTION_BODIES = {
  acknowledge: strict({ ...LetterOptions }),
  assign_handler: strict({ handlerId: Uuid }),
  request_information: strict({ whatIsMissing: Text(5000), ...LetterOptions }),
  register_information_received: strict({ requestId: Type.Optional(Uuid) }),
  close_information_not_needed: Empty,
  start_hearing: strict({ employeeId: Uuid, requestText: Text(10_000) }),
  record_hearing_statement: strict({ employeeId: Uuid, statementText: Text(50_000), ...LetterOptions }),
  sign_hearing_statement: strict({ employeeId: Uuid }),
  waive_hearing: strict({ employeeId: Uuid, reason: Text(2000) }),
  flag_liability: Empty,
  notify_insurer: strict({ ...LetterOptions }),
  record_insurer_consultation: strict({
    at: DateTime,
    withWhom: Text(300),
    agreed: Text(10_000),
    ...LetterOptions,
  }),
  send_delay_notice: strict({ reason: Text(2000), newDate: LocalDate, ...LetterOptions }),
  plan_meeting: strict({ scheduledFor: DateTime, ...LetterOptions }),
  confirm_meeting: strict({ scheduledFor: Type.Optional(DateTime), ...LetterOptions }),
  record_meeting: strict({ heldAt: DateTime, minutes: Text(50_000) }),
  send_decision_letter: strict({ letter: DecisionLetterSchema, ...LetterOptions }),
  close: strict({
    category: Type.Optional(Type.Union([Text(200), Type.Null()])),
    rootCause: Type.Optional(Type.Union([Text(500), Type.Null()])),
    outcome: Type.Optional(Type.Union([OutcomeSchema, Type.Null()])),
  }),
  withdraw: Empty,
  reclassify: strict({
    kind: Type.Union([
      Type.Literal('question'),
      Type.Literal('claim'),
      Type.Literal('cancellation'),
      Type.Literal('other'),
    ]),
    reason: Text(2000),
  }),
  record_kifid_referral: strict({
    caseNumber: Text(100),
    outcome: Type.Optional(Type.Union([Text(500), Type.Null()])),
  }),
} as const;

const ClockSchema = Type.Object({
  kind: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  informative: Type.Boolean(),
  dueDate: Type.Union([LocalDate, Type.Null()]),
  dueAt: Type.Union([DateTime, Type.Null()]),
  originalDueDate: Type.Union([LocalDate, Type.Null()]),
  state: Type.String(),
  metAt: Type.Union([DateTime, Type.Null()]),
  metBy: Type.Union([Type.String(), Type.Null()]),
  explanation: Type.String({ description: 'How the date was found, in Dutch (the language of record)' }),
  explanationText: Type.String({ description: 'The same in the language asked for (lang)' }),
  explanationDetail: Type.Unknown({
    description:
      'The same as facts: kind (term, decision, delay_notice_*, insurer_notification, ...) with its dates, counted and skipped days and their reasons',
  }),
  provisional: Type.Boolean(),
});

const RefusalSchema = Type.Object({
  code: Type.String(),
  message: Type.String({ description: 'Dutch' }),
  text: Type.String({ description: 'In the language asked for (lang)' }),
  details: Type.Optional(Type.Record(Type.String(), Type.String())),
});

export const ProcedureStateSchema = Type.Object({
  language: Type.Union([Type.Literal('nl'), Type.Literal('en')]),
  complaint: ComplaintSchema,
  substates: Type.Array(Type.String()),
  clocks: Type.Array(ClockSchema),
  actions: Type.Array(
    Type.Object({ action: Type.String(), allowed: Type.Boolean(), refusals: Type.Array(RefusalSchema) }),
  ),
});
