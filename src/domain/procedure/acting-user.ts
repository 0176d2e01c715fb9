/**
 * The roles as the domain knows them. They mirror the database's roles; the domain keeps its own
 * copy because it imports nothing from outside `domain/`.
 */
export const PROCEDURE_ROLES = ['coordinator', 'handler', 'employee', 'auditor', 'admin'] as const;

export type ProcedureRole = (typeof PROCEDURE_ROLES)[number];

/** The person asking to take a step. Kept apart from the snapshot: the deadline job has no such person. */
export interface ActingUser {
  readonly id: string;
  readonly roles: readonly ProcedureRole[];
}
