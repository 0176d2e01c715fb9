import { ConflictError, TooManyRequestsError, UnauthenticatedError, ValidationError } from '../errors.ts';

/**
 * The answers of the sign-in routes, with stable codes. One message for an unknown address, a wrong
 * password, a locked, disabled or not yet activated account: the answer says nothing about which
 * accounts exist (ASVS 6.3.8). The lockout itself is recorded for the administrator.
 */
export function signInFailed(): UnauthenticatedError {
  return new UnauthenticatedError(
    'Het e-mailadres of het wachtwoord klopt niet, of het account is tijdelijk geblokkeerd. ' +
      'Probeer het later opnieuw of vraag een nieuw wachtwoord aan.',
    'login_failed',
  );
}

export function secondFactorFailed(): UnauthenticatedError {
  return new UnauthenticatedError('De code klopt niet of is al gebruikt.', 'second_factor_failed');
}

export function tooManyAttempts(waitMs: number): TooManyRequestsError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new TooManyRequestsError(
    `Te veel pogingen vanaf dit adres. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    seconds,
    'too_many_attempts',
  );
}

/** Unknown, used, expired, blank or malformed: one answer for every bad link. */
export function linkInvalid(): ValidationError {
  return new ValidationError(
    'Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.',
    [],
    'link_invalid',
  );
}

export function stepNotExpected(): ConflictError {
  return new ConflictError('Deze stap van het aanmelden is nu niet aan de orde.', 'login_step_unexpected');
}

export function passwordRejected(field: string, problems: string[]): ValidationError {
  return new ValidationError(
    problems[0] ?? 'Dit wachtwoord kan niet.',
    problems.map((message) => ({ field, message })),
    'password_rejected',
  );
}
