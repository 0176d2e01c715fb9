import { isApiError } from '../../api/problem.ts';
import type { Messages } from '../../i18n/nl.ts';

/** A sign-in failure in the user's language where we know the code, else the server's Dutch. */
export function explainSignInError(error: unknown, t: Messages): string {
  if (!isApiError(error)) return t.app.unknownError;
  if (error.status === 0) return t.app.networkError;
  switch (error.code) {
    case 'login_failed':
      return t.login.invalidPassword;
    case 'second_factor_failed':
      return t.login.invalidCode;
    case 'too_many_attempts':
    case 'too_many_requests':
      return error.problem.detail ?? t.login.tooMany;
    case 'unauthenticated':
      return t.login.invalidToken;
    case 'session_expired':
    case 'login_incomplete':
    case 'login_step_unexpected':
      return t.login.startOver;
    default:
      return error.problem.detail ?? t.app.unknownError;
  }
}
