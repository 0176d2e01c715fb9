import type { StaffSession } from '../api/auth.ts';

/**
 * Someone whose only role is employee works with Klachtwijzer for one thing: their own hearing
 * requests. They get that screen as their start, and no queue or dossier they could not open anyway.
 */
export function isEmployeeOnly(session: StaffSession | null): boolean {
  return session?.roles != null && session.roles.length > 0 && session.roles.every((r) => r === 'employee');
}
