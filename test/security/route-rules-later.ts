import type { Role } from '../../src/db/schema.ts';
import {
  ADMIN,
  body,
  C,
  empty,
  own,
  READERS,
  staff,
  STEP,
  WORKERS,
  type Params,
  type RouteRule,
} from './route-rule-kit.ts';

/**
 * The rules of the routes added after the first sweep (one line each, as in route-rules.ts): user
 * administration, cancellation detail and letters, the employee's own hearings, letter templates and complaint letters, reports and improvement actions, privacy,
 * saved views and quarantine. Each rule follows the service's own role check.
 */
const COORDINATOR = ['coordinator'] as const satisfies Role[];
/** Reports, export logs, legal holds and access exports: the coordinator and the auditor. */
const OVERSIGHT = ['coordinator', 'auditor'] as const satisfies Role[];
/** Letter templates are the firm's word: administrators and coordinators shape them, auditors read. */
const TEMPLATE_EDITORS = ['admin', 'coordinator'] as const satisfies Role[];
const TEMPLATE_READERS = [...TEMPLATE_EDITORS, 'auditor'] as const satisfies Role[];
const TEMPLATE = { type: 'letterType', language: 'language' } as const satisfies Params;
const ACTION = { id: 'improvementAction' } as const satisfies Params;
const CANCELLATION = { id: 'cancellation' } as const satisfies Params;
const mine = (params: Params, spec: Parameters<typeof own>[1] = {}) =>
  own(params, { owner: 'employee', ...spec });
const year = { year: '2026' };

export const LATER_RULES: Readonly<Record<string, RouteRule>> = {
  'GET /api/v1/complaints/categories': staff(READERS),
  'POST /api/v1/complaints/:id/actions/confirm-meeting': staff(STEP, C, empty),
  'POST /api/v1/complaints/:id/involved-employees': staff(
    WORKERS,
    C,
    body((ids) => ({ employeeId: ids.employee })),
  ),

  'POST /api/v1/invitations': staff(
    ADMIN,
    {},
    body(() => ({ email: 'uitgenodigd@example.nl', displayName: 'Uitgenodigd', roles: ['handler'] })),
  ),
  'GET /api/v1/invitations': staff(ADMIN),
  'DELETE /api/v1/users/:id/invitation': staff(ADMIN, { id: 'user' }),
  'PUT /api/v1/users/:id/roles': staff(
    ADMIN,
    { id: 'user' },
    body(() => ({ roles: ['handler'] })),
  ),

  'GET /api/v1/cancellations/:id': staff(READERS, CANCELLATION),
  'GET /api/v1/cancellations/:id/letters': staff(READERS, CANCELLATION),
  'GET /api/v1/cancellations/:id/documents/:documentId/content': staff(READERS, {
    ...CANCELLATION,
    documentId: 'cancellationDocument',
  }),

  'GET /api/v1/my/hearings': own(),
  'GET /api/v1/my/hearings/:id': mine(C),
  'POST /api/v1/my/hearings/:id/reaction': mine(
    C,
    body(() => ({ text: 'Mijn kant.' })),
  ),
  'POST /api/v1/my/hearings/:id/sign': mine(C, empty),
  'GET /api/v1/my/hearings/:id/documents/:documentId/content': mine({ ...C, documentId: 'hearingDocument' }),

  'GET /api/v1/letter-templates': staff(TEMPLATE_READERS),
  'GET /api/v1/letter-templates/history': staff(TEMPLATE_READERS),
  'GET /api/v1/letter-templates/:type/:language': staff(TEMPLATE_READERS, TEMPLATE),
  'PUT /api/v1/letter-templates/:type/:language': staff(
    TEMPLATE_EDITORS,
    TEMPLATE,
    body(() => ({ subject: 'Ontvangstbevestiging' })),
  ),
  'DELETE /api/v1/letter-templates/:type/:language': staff(TEMPLATE_EDITORS, TEMPLATE),
  'POST /api/v1/letter-templates/:type/:language/restore': staff(
    TEMPLATE_EDITORS,
    TEMPLATE,
    body(() => ({ changeId: '00000000-0000-4000-8000-000000000000' })),
  ),
  'GET /api/v1/letter-templates/:type/:language/preview': staff(TEMPLATE_READERS, TEMPLATE),
  'POST /api/v1/letter-templates/:type/:language/preview': staff(TEMPLATE_READERS, TEMPLATE, {
    body: () => ({ subject: 'Concept' }),
    reads: 'renders an unsaved draft; stores nothing',
  }),
  'POST /api/v1/complaints/:id/letters/preview': staff(READERS, C, {
    body: (ids) => ({ type: 'hearing_request', employeeId: ids.employee }),
    reads: 'renders the letter as it would go out; issues nothing, records the read',
  }),
  'GET /api/v1/complaints/:id/letters': staff(READERS, C),
  'POST /api/v1/complaints/:id/letters/:letterId/posted': staff(
    WORKERS,
    { ...C, letterId: 'letter' },
    body(() => ({ postedOn: '2026-11-24' })),
  ),

  'GET /api/v1/reports/register': staff(OVERSIGHT),
  'GET /api/v1/reports/register/export': staff(OVERSIGHT, {}, { query: () => ({ format: 'csv' }) }),
  'GET /api/v1/reports/timeliness': staff(OVERSIGHT),
  'GET /api/v1/reports/outcomes': staff(OVERSIGHT),
  'GET /api/v1/reports/annual': staff(OVERSIGHT, {}, { query: () => year }),
  'GET /api/v1/reports/exports': staff(OVERSIGHT),
  'GET /api/v1/improvement-actions': staff(OVERSIGHT),
  'POST /api/v1/improvement-actions': staff(
    COORDINATOR,
    {},
    body((ids) => ({
      title: 'Beter uitleggen',
      ownerId: ids.handler,
      dueDate: '2027-03-01',
      complaintIds: [ids.complaint],
    })),
  ),
  'GET /api/v1/improvement-actions/:id': staff(OVERSIGHT, ACTION),
  'PATCH /api/v1/improvement-actions/:id': staff(
    COORDINATOR,
    ACTION,
    body((ids) => ({ ownerId: ids.handler, complaintIds: [ids.complaint] })),
  ),
  'DELETE /api/v1/improvement-actions/:id': staff(COORDINATOR, ACTION),
  'PUT /api/v1/complaints/:id/kifid-outcome': staff(
    COORDINATOR,
    C,
    body(() => ({ outcomeCode: 'afgewezen', decidedOn: '2026-11-20' })),
  ),

  'GET /api/v1/organisation/retention': staff(['admin', ...OVERSIGHT]),
  'PUT /api/v1/organisation/retention': staff(
    ADMIN,
    {},
    body(() => ({ retentionYears: 8 })),
  ),
  'GET /api/v1/complaints/:id/legal-holds': staff(OVERSIGHT, C),
  'POST /api/v1/complaints/:id/legal-holds': staff(
    COORDINATOR,
    C,
    body(() => ({ reason: 'court_case', explanation: 'Rechtszaak.' })),
  ),
  'POST /api/v1/complaints/:id/legal-holds/:holdId/lift': staff(
    COORDINATOR,
    { ...C, holdId: 'legalHold' },
    body(() => ({ explanation: 'Afgelopen.' })),
  ),
  'GET /api/v1/cancellations/:id/legal-holds': staff(OVERSIGHT, CANCELLATION),
  'POST /api/v1/cancellations/:id/legal-holds': staff(
    COORDINATOR,
    CANCELLATION,
    body(() => ({ reason: 'court_case', explanation: 'Rechtszaak over de opzegging.' })),
  ),
  'POST /api/v1/cancellations/:id/legal-holds/:holdId/lift': staff(
    COORDINATOR,
    { ...CANCELLATION, holdId: 'cancellationLegalHold' },
    body(() => ({ explanation: 'Afgelopen.' })),
  ),
  'GET /api/v1/privacy/anonymisation/preview': staff(OVERSIGHT),
  'POST /api/v1/privacy/anonymisation/run': staff(COORDINATOR),
  'POST /api/v1/privacy/access-exports': staff(
    COORDINATOR,
    {},
    body(() => ({ name: 'Niemand Bekend' })),
  ),
  'GET /api/v1/privacy/access-exports': staff(OVERSIGHT),

  'GET /api/v1/saved-views': own({}, { roles: READERS }),
  'POST /api/v1/saved-views': own(
    {},
    { roles: READERS, ...body(() => ({ name: 'Nieuwe weergave', filters: {} })) },
  ),
  'DELETE /api/v1/saved-views/:id': own({ id: 'savedView' }, { roles: READERS, owner: 'handler' }),

  'GET /api/v1/mail/quarantine': staff(OVERSIGHT),

  'POST /api/v1/complaints/bulk-assignments': staff(
    COORDINATOR,
    {},
    body((ids) => ({ complaintIds: [ids.complaint], handlerId: ids.handler })),
  ),
  'GET /api/v1/complaints/bulk-assignments/:id': staff(['coordinator', 'auditor'], { id: 'bulkAssignment' }),
};
