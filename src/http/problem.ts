import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors.ts';

/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable `code`; this is the one
 * place that decides status and code. Unknown errors become 500 without their message, because
 * messages of library errors may quote personal data from a query.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet aangemeld',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  409: 'Conflict',
  413: 'Te groot',
  415: 'Niet-ondersteund formaat',
  422: 'Niet toegestaan volgens de klachtenprocedure',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Niet beschikbaar',
};

export function problem(
  status: number,
  code: string,
  detail?: string,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `urn:klachtwijzer:problem:${code}`,
    title: TITLES[status] ?? 'Fout',
    status,
    code,
    ...(detail === undefined ? {} : { detail }),
    ...extra,
  };
}

interface AjvErrorLike {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldOf(error: AjvErrorLike, context: string | undefined): string {
  const base = error.instancePath ?? '';
  const missing = error.params?.['missingProperty'];
  const extra = error.params?.['additionalProperty'];
  const leaf = typeof missing === 'string' ? `/${missing}` : typeof extra === 'string' ? `/${extra}` : '';
  const path = `${base}${leaf}` || '/';
  return context && context !== 'body' ? `${context}:${path}` : path;
}

function messageOf(error: AjvErrorLike): string {
  if (error.keyword === 'additionalProperties') return 'unknown field';
  return error.message ?? 'invalid';
}

/** SQLSTATE classes and socket errors that mean "the database went away", not "the request was wrong". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/**
 * A restart or failover of PostgreSQL: the transaction was rolled back, so the client may safely
 * retry. (A lost COMMIT acknowledgment is the one ambiguous case; Idempotency-Key covers it.)
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))
      return true;
  }
  return /^Connection terminated|^timeout exceeded when trying to connect|^Client has encountered a connection error/.test(
    error.message,
  );
}

export function toProblem(error: unknown): Problem {
  if (error instanceof AppError) {
    return problem(error.status, error.code, error.message, {
      ...(error.fields.length > 0 ? { errors: error.fields } : {}),
      ...error.details,
    });
  }
  const fastifyError = error as Partial<FastifyError> & {
    validation?: AjvErrorLike[];
    validationContext?: string;
  };
  if (Array.isArray(fastifyError.validation)) {
    const errors = fastifyError.validation.map((e) => ({
      field: fieldOf(e, fastifyError.validationContext),
      message: messageOf(e),
    }));
    return problem(400, 'validation_failed', 'De invoer voldoet niet aan het schema.', { errors });
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'payload_too_large', 'Het verzoek is groter dan is toegestaan.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported_media_type', 'Dit soort inhoud wordt hier niet aangenomen.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'malformed_json', 'De JSON in het verzoek is niet leesbaar.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'invalid_content_length', 'De Content-Length klopt niet met de inhoud.');
    default:
      break;
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return problem(400, 'malformed_json', 'De JSON in het verzoek is niet leesbaar.');
  }
  if (isDatabaseUnavailable(error)) {
    return problem(
      503,
      'database_unavailable',
      'De database is even niet bereikbaar. Er is niets opgeslagen; probeer het over enkele seconden opnieuw.',
      { retryAfterSeconds: 5 },
    );
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, 'bad_request', 'Het verzoek kan niet worden verwerkt.');
  }
  return problem(500, 'internal_error', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: Problem): FastifyReply {
  if (typeof body['retryAfterSeconds'] === 'number')
    reply.header('retry-after', String(body['retryAfterSeconds']));
  return reply
    .status(body.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...body, instance: request.id });
}
