/**
 * The few error kinds the product raises on purpose. Each has a stable `code` that API clients and
 * tests can rely on, and a Dutch message for people; HTTP mapping lives in one place (http/problem.ts).
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly fields: FieldProblem[];
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { fields?: FieldProblem[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
  }
}

export class ValidationError extends AppError {
  constructor(message: string, fields: FieldProblem[] = [], code = 'validation_failed') {
    super(400, code, message, { fields });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'U bent niet aangemeld of uw sleutel is ongeldig.', code = 'unauthenticated') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'U heeft geen recht op deze handeling.', code = 'forbidden') {
    super(403, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, code = 'not_found') {
    super(404, code, `${what} is niet gevonden.`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict', details: Record<string, unknown> = {}) {
    super(409, code, message, { details });
  }
}

/** A procedure rule refuses the step; `code` names the rule so the UI can explain it beforehand. */
export class RuleViolationError extends AppError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(422, code, message, { details });
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string, limitBytes: number) {
    super(413, 'payload_too_large', message, { details: { limitBytes } });
  }
}

/** Too many attempts from one place; `retryAfterSeconds` also goes out as the Retry-After header. */
export class TooManyRequestsError extends AppError {
  constructor(message: string, retryAfterSeconds: number, code = 'too_many_requests') {
    super(429, code, message, { details: { retryAfterSeconds } });
  }
}
