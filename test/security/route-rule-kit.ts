import type { Role } from '../../src/db/schema.ts';
import type { Actor } from './sweep-world.ts';

/**
 * The vocabulary of route-rules.ts: what a path parameter names, what a rule says, and the short
 * constructors the rule lists are written with.
 *
 * Access rules:
 * - `staff(roles)`: staff credentials (API token or session); the roles that pass the function-level
 *   check. Objects of another organisation, and objects a role may not see, answer 404.
 * - `own(roles)`: a staff member's own objects (notifications, saved views, their own hearings):
 *   someone else's is 404, whoever asks; `owner` names who owns the world's object.
 * - `self()`: the signed-in person's own account (sign-in steps, password, logout).
 * - `portal()`: the complainant portal: its own cookie, one complaint, public to the staff hook.
 * - `open()`: public (health, the complaint form, the staff app's files).
 */
export type IdKind =
  | 'complaint'
  | 'document'
  | 'letterDocument'
  | 'letter'
  | 'hearingDocument'
  | 'user'
  | 'handler'
  | 'employee'
  | 'notification'
  | 'intake'
  | 'cancellation'
  | 'cancellationDocument'
  | 'mailbox'
  | 'mail'
  | 'closingDay'
  | 'informationRequest'
  | 'improvementAction'
  | 'legalHold'
  | 'cancellationLegalHold'
  | 'savedView'
  | 'bulkAssignment'
  | 'session'
  | 'year'
  | 'letterType'
  | 'language'
  | 'slug'
  | 'portalLink'
  | 'staticFile'
  | 'webPath';

/** Kinds that name an object of one organisation; the others are values (a year, a file name). */
export const OBJECT_KINDS: ReadonlySet<IdKind> = new Set<IdKind>([
  'complaint',
  'document',
  'letterDocument',
  'letter',
  'hearingDocument',
  'user',
  'handler',
  'employee',
  'notification',
  'intake',
  'cancellation',
  'cancellationDocument',
  'mailbox',
  'mail',
  'closingDay',
  'informationRequest',
  'improvementAction',
  'legalHold',
  'cancellationLegalHold',
  'savedView',
  'bulkAssignment',
  'session',
]);

/** Kinds that name an object of one complaint (or one cancellation request) under it in a path. */
export const NESTED_KINDS = [
  'document',
  'letterDocument',
  'letter',
  'hearingDocument',
  'informationRequest',
  'cancellationDocument',
  'legalHold',
  'cancellationLegalHold',
] as const satisfies readonly IdKind[];

export type Ids = Readonly<Record<IdKind, string>>;

export interface RequestSpec {
  /** JSON body (as a function of the ids, so a body can name other objects). */
  body?: (ids: Ids) => unknown;
  query?: (ids: Ids) => Record<string, string>;
  /** Raw bytes sent as application/octet-stream instead of a JSON body. */
  octet?: Buffer;
  /**
   * A POST that only reads (a preview rendered from a draft), with the reason: whoever may read may
   * call it, the auditor too, and it changes nothing beyond the records of reads.
   */
  reads?: string;
}

export interface RouteRule extends RequestSpec {
  access: 'staff' | 'own' | 'self' | 'portal' | 'open';
  roles: readonly Role[];
  params: Readonly<Record<string, IdKind>>;
  /** For `own` routes that name an object: who owns the world's object (everyone else gets 404). */
  owner?: Actor;
  /** A GET that changes state on purpose, with the reason; the GET sweep leaves it out. */
  getChanges?: string;
  /** Only present when the staff app was built (web/dist). */
  webApp?: boolean;
}

export type Params = Record<string, IdKind>;
export const ALL_ROLES = ['admin', 'coordinator', 'handler', 'employee', 'auditor'] as const satisfies Role[];

export const staff = (roles: readonly Role[], params: Params = {}, spec: RequestSpec = {}): RouteRule => ({
  access: 'staff',
  roles,
  params,
  ...spec,
});
export const own = (
  params: Params = {},
  spec: RequestSpec & { roles?: readonly Role[]; owner?: Actor } = {},
): RouteRule => ({ access: 'own', roles: ALL_ROLES, params, ...spec });
export const self = (spec: RequestSpec = {}): RouteRule => ({
  access: 'self',
  roles: [],
  params: {},
  ...spec,
});
export const portal = (params: Params = {}, extra: Partial<RouteRule> = {}): RouteRule => ({
  access: 'portal',
  roles: [],
  params,
  ...extra,
});
export const open = (params: Params = {}, extra: Partial<RouteRule> = {}): RouteRule => ({
  access: 'open',
  roles: [],
  params,
  ...extra,
});

export const ADMIN = ['admin'] as const satisfies Role[];
export const READERS = ['coordinator', 'handler', 'auditor'] as const satisfies Role[];
export const WORKERS = ['coordinator', 'handler'] as const satisfies Role[];
/** Procedure steps: whoever sees the dossier (no role check before the dossier check). */
export const STEP = ['coordinator', 'handler'] as const satisfies Role[];
export const C = { id: 'complaint' } as const satisfies Params;
export const body = (make: (ids: Ids) => unknown): RequestSpec => ({ body: make });
export const empty = body(() => ({}));
export const at = '2026-11-25T10:00:00.000Z';

export const STATE_CHANGING = (method: string): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(method);
