import { Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const DateTime = Type.String({ format: 'date-time' });
export const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(
        Type.Object({ field: Type.String(), message: Type.String() }, { additionalProperties: false }),
      ),
    ),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** The error answers every authenticated route can give, for the OpenAPI document. */
export function problemResponses(...statuses: number[]): Record<number, unknown> {
  const all = new Set([400, 401, 403, 500, ...statuses]);
  return Object.fromEntries(
    [...all].map((status) => [
      status,
      {
        description: 'Problem (RFC 9457)',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  );
}

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
