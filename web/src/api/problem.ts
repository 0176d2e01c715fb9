import type { Problem, Refusal } from './types.ts';

/** Any answer that is not 2xx, as the problem document the server sent (or one made up for it). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): string {
    return this.problem.code;
  }

  /** The procedure's refusals of a 422; empty for every other error. */
  get refusals(): Refusal[] {
    return Array.isArray(this.problem.refusals) ? this.problem.refusals : [];
  }

  get fieldErrors(): Array<{ field: string; message: string }> {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['status'] === 'number' && typeof candidate['code'] === 'string';
}

/** Turns a failed response into an ApiError; a body that is not a problem document still gets a code. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, an empty body): the status alone has to do.
  }
  if (isProblem(body)) return new ApiError(body);
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    code: `http_${response.status}`,
  });
}

export function networkError(): ApiError {
  return new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'network_error' });
}
