import {
  ADMIN,
  at,
  body,
  C,
  empty,
  open,
  own,
  portal,
  READERS,
  self,
  staff,
  STEP,
  WORKERS,
  type RouteRule,
} from './route-rule-kit.ts';
import { LATER_RULES } from './route-rules-later.ts';

export { OBJECT_KINDS, STATE_CHANGING, type IdKind, type Ids, type RouteRule } from './route-rule-kit.ts';

/**
 * Every route of the application with the rule it must obey. The sweeps in this folder read the
 * routes from the application itself and fail on a route that is not listed here, so a new route
 * cannot escape them: add one line (the access rule, what its path parameters name, and for a
 * state-changing route a valid body), and every sweep tries it. The vocabulary is in
 * route-rule-kit.ts; the routes of letters, reports, privacy, hearings, saved views and user
 * administration are in route-rules-later.ts.
 */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  ...LATER_RULES,
  'GET /api/v1/openapi.json': open(),
  'GET /health': open(),
  'GET /ready': open(),

  'POST /api/v1/complaints': staff(
    WORKERS,
    {},
    body((ids) => ({
      channel: 'phone',
      complainant: { name: 'Nieuwe Klager' },
      description: 'Nieuwe klacht.',
      handlerId: ids.handler,
      involvedEmployeeIds: [ids.employee],
    })),
  ),
  'GET /api/v1/complaints': staff(READERS),
  'GET /api/v1/complaints/:id': staff(READERS, C),
  'GET /api/v1/complaints/:id/items': staff(READERS, C),
  'GET /api/v1/complaints/:id/events': staff(READERS, C),
  'GET /api/v1/complaints/:id/reads': staff(['coordinator', 'auditor'], C),
  'POST /api/v1/complaints/:id/notes': staff(
    WORKERS,
    C,
    body(() => ({ text: 'Een notitie.' })),
  ),
  'POST /api/v1/complaints/:id/attachments': staff(WORKERS, C, {
    query: () => ({ fileName: 'bijlage.pdf' }),
    octet: Buffer.from('%PDF-1.4\n% bijlage\n%%EOF\n'),
  }),
  'GET /api/v1/complaints/:id/documents/:documentId/content': staff(READERS, {
    id: 'complaint',
    documentId: 'document',
  }),
  'GET /api/v1/complaints/:id/procedure': staff(READERS, C),
  'GET /api/v1/complaints/:id/export': staff(READERS, C),

  'POST /api/v1/complaints/:id/actions/acknowledge': staff(STEP, C, empty),
  'POST /api/v1/complaints/:id/actions/assign-handler': staff(
    STEP,
    C,
    body((ids) => ({ handlerId: ids.handler })),
  ),
  'POST /api/v1/complaints/:id/actions/request-information': staff(
    STEP,
    C,
    body(() => ({ whatIsMissing: 'De polis.' })),
  ),
  'POST /api/v1/complaints/:id/actions/register-information-received': staff(
    STEP,
    C,
    body((ids) => ({ requestId: ids.informationRequest })),
  ),
  'POST /api/v1/complaints/:id/actions/close-information-not-needed': staff(STEP, C, empty),
  'POST /api/v1/complaints/:id/actions/start-hearing': staff(
    STEP,
    C,
    body((ids) => ({ employeeId: ids.employee, requestText: 'Uw reactie?' })),
  ),
  'POST /api/v1/complaints/:id/actions/record-hearing-statement': staff(
    STEP,
    C,
    body((ids) => ({ employeeId: ids.employee, statementText: 'Reactie.' })),
  ),
  // The employee signs at POST /api/v1/my/hearings/:id/sign; this step route stays closed to them.
  'POST /api/v1/complaints/:id/actions/sign-hearing-statement': staff(
    STEP,
    C,
    body((ids) => ({ employeeId: ids.employee })),
  ),
  'POST /api/v1/complaints/:id/actions/waive-hearing': staff(
    STEP,
    C,
    body((ids) => ({ employeeId: ids.employee, reason: 'Niet nodig.' })),
  ),
  'POST /api/v1/complaints/:id/actions/flag-liability': staff(STEP, C, empty),
  'POST /api/v1/complaints/:id/actions/notify-insurer': staff(STEP, C, empty),
  'POST /api/v1/complaints/:id/actions/record-insurer-consultation': staff(
    STEP,
    C,
    body(() => ({ at, withWhom: 'Verzekeraar', agreed: 'Niets.' })),
  ),
  'POST /api/v1/complaints/:id/actions/send-delay-notice': staff(
    STEP,
    C,
    body(() => ({ reason: 'Drukte.', newDate: '2027-01-15' })),
  ),
  'POST /api/v1/complaints/:id/actions/plan-meeting': staff(
    STEP,
    C,
    body(() => ({ scheduledFor: at })),
  ),
  'POST /api/v1/complaints/:id/actions/record-meeting': staff(
    STEP,
    C,
    body(() => ({ heldAt: at, minutes: 'Besproken.' })),
  ),
  'POST /api/v1/complaints/:id/actions/send-decision-letter': staff(
    STEP,
    C,
    body(() => ({
      letter: {
        receivedDate: null,
        complaintSummary: null,
        investigationResults: null,
        judgment: null,
        followUpActions: null,
        furtherContact: null,
        disputesBody: null,
      },
    })),
  ),
  'POST /api/v1/complaints/:id/actions/close': staff(STEP, C, empty),
  'POST /api/v1/complaints/:id/actions/withdraw': staff(STEP, C, empty),
  'POST /api/v1/complaints/:id/actions/reclassify': staff(
    STEP,
    C,
    body(() => ({ kind: 'question', reason: 'Een vraag.' })),
  ),
  'POST /api/v1/complaints/:id/actions/record-kifid-referral': staff(
    STEP,
    C,
    body(() => ({ caseNumber: 'K-1' })),
  ),

  'GET /api/v1/organisation': staff(['admin', 'coordinator', 'handler', 'employee', 'auditor']),
  'PATCH /api/v1/organisation': staff(
    ADMIN,
    {},
    body(() => ({ phone: '020-0000000' })),
  ),
  'PUT /api/v1/organisation/disputes-body': staff(
    ADMIN,
    {},
    body(() => ({
      name: 'Kifid',
      postalAddress: 'Postbus 93257',
      postalCodeCity: '2509 AG Den Haag',
      phone: '070-3338999',
      email: 'info@kifid.nl',
      website: 'www.kifid.nl',
    })),
  ),
  'GET /api/v1/organisation/procedure': staff(['admin', ...READERS]),
  'PUT /api/v1/organisation/procedure': staff(
    ADMIN,
    {},
    body(() => ({
      terms: {
        acknowledgment: { unit: 'working-days', amount: 3 },
        missingInformation: { unit: 'weeks', amount: 2 },
        decision: { unit: 'months', amount: 1 },
        hearingReaction: { unit: 'working-days', amount: 5 },
        kifidWindow: { unit: 'months', amount: 3 },
        kifidNoPosition: { unit: 'months', amount: 3 },
      },
      requireConsultationPerStep: false,
    })),
  ),
  'POST /api/v1/organisation/closing-days': staff(
    ADMIN,
    {},
    body(() => ({ date: '2027-03-01', name: 'Heidag' })),
  ),
  'DELETE /api/v1/organisation/closing-days/:date': staff(ADMIN, { date: 'closingDay' }),
  'GET /api/v1/organisation/smtp': staff(['admin', 'coordinator']),
  'PUT /api/v1/organisation/smtp': staff(
    ADMIN,
    {},
    body(() => ({
      host: '127.0.0.1',
      port: 2525,
      secure: false,
      username: null,
      fromAddress: 'klachten@example.nl',
      fromName: 'Klachten',
      replyTo: null,
    })),
  ),
  'POST /api/v1/organisation/smtp/test': staff(ADMIN),
  'GET /api/v1/organisation/sso': staff(ADMIN),
  'PUT /api/v1/organisation/sso': staff(
    ADMIN,
    {},
    body(() => ({
      enabled: false,
      issuer: 'http://127.0.0.1:9',
      clientId: 'klachtwijzer',
      clientSecret: 'geheim',
      allowedEmailDomain: null,
      trustIdpMfa: false,
      mfaAcr: null,
    })),
  ),
  'POST /api/v1/organisation/sso/test': staff(ADMIN),
  'GET /api/v1/organisation/sso/identities': staff(ADMIN),
  'POST /api/v1/users/:id/sso/unlink': staff(ADMIN, { id: 'user' }),
  'POST /api/v1/users/:id/sessions/end': staff(ADMIN, { id: 'user' }),
  'POST /api/v1/organisation/sessions/end': staff(ADMIN),

  'GET /api/v1/users': staff(['admin', ...READERS]),
  'POST /api/v1/users': staff(
    ADMIN,
    {},
    body(() => ({ email: 'nieuw@example.nl', displayName: 'Nieuw', roles: ['handler'] })),
  ),
  'POST /api/v1/users/:id/invite': staff(ADMIN, { id: 'user' }),
  'POST /api/v1/users/:id/disable': staff(ADMIN, { id: 'user' }),
  'GET /api/v1/users/:id/security': staff(ADMIN, { id: 'user' }),

  'GET /api/v1/notifications': own(),
  'POST /api/v1/notifications/:id/read': own({ id: 'notification' }, { owner: 'handler' }),
  'GET /api/v1/deadlines': staff(READERS, {}, { query: () => ({ receivedAt: '2026-11-23T10:00:00Z' }) }),

  'GET /api/v1/intake': staff(READERS),
  'POST /api/v1/intake/:id/classify': staff(
    WORKERS,
    { id: 'intake' },
    body(() => ({ kind: 'question', reason: 'Een vraag.' })),
  ),
  'POST /api/v1/intake/:id/open-complaint': staff(
    WORKERS,
    { id: 'intake' },
    body((ids) => ({ handlerId: ids.handler })),
  ),
  'POST /api/v1/intake/:id/open-cancellation': staff(
    WORKERS,
    { id: 'intake' },
    body((ids) => ({ policies: 'Polis 1', complaintId: ids.complaint })),
  ),
  'GET /api/v1/cancellations': staff(READERS),
  'POST /api/v1/cancellations': staff(
    WORKERS,
    {},
    body((ids) => ({
      channel: 'phone',
      receivedAt: at,
      customerName: 'Klant',
      policies: 'Polis 2',
      complaintId: ids.complaint,
    })),
  ),
  'POST /api/v1/cancellations/:id/confirm': staff(WORKERS, { id: 'cancellation' }, empty),
  'POST /api/v1/cancellations/:id/process': staff(WORKERS, { id: 'cancellation' }, empty),
  'POST /api/v1/cancellations/:id/withdraw': staff(WORKERS, { id: 'cancellation' }, empty),
  'POST /api/v1/cancellations/:id/link': staff(
    WORKERS,
    { id: 'cancellation' },
    body((ids) => ({ complaintId: ids.complaint })),
  ),

  'GET /api/v1/reports/afm-klachtenuitvraag/:year': staff(['coordinator', 'auditor'], { year: 'year' }),

  'GET /api/v1/mailboxes': staff(['admin', 'coordinator']),
  'POST /api/v1/mailboxes': staff(
    ADMIN,
    {},
    body(() => ({
      name: 'Nieuw',
      host: '127.0.0.1',
      port: 1,
      secure: false,
      username: 'u',
      password: 'p',
      ourAddresses: [],
    })),
  ),
  'POST /api/v1/mailboxes/:id/test': staff(ADMIN, { id: 'mailbox' }),
  'POST /api/v1/mailboxes/:id/enabled': staff(
    ADMIN,
    { id: 'mailbox' },
    body(() => ({ enabled: false })),
  ),
  'POST /api/v1/mailboxes/:id/poll': staff(['admin', 'coordinator'], { id: 'mailbox' }),
  'POST /api/v1/mail/:id/reprocess': staff(['coordinator'], { id: 'mail' }, empty),

  'POST /api/v1/auth/login': open(),
  'POST /api/v1/auth/password-reset': open(),
  'POST /api/v1/auth/password-reset/complete': open(),
  'POST /api/v1/auth/invitation/accept': open(),
  'POST /api/v1/auth/totp': self(body(() => ({ code: '000000' }))),
  'POST /api/v1/auth/totp/enrol': self(body(() => ({ currentPassword: 'x' }))),
  'POST /api/v1/auth/totp/enrol/confirm': self(body(() => ({ code: '000000' }))),
  'POST /api/v1/auth/logout': self(),
  'GET /api/v1/auth/session': self(),
  'GET /api/v1/auth/sessions': self(),
  'POST /api/v1/auth/sessions/:id/end': { ...self(), params: { id: 'session' } },
  'POST /api/v1/auth/sessions/end-others': self(),
  'POST /api/v1/auth/password': self(body(() => ({ currentPassword: 'x', newPassword: 'y' }))),
  'GET /api/v1/auth/sso/:organisation': open({ organisation: 'slug' }),
  'GET /api/v1/auth/sso/:organisation/start': open(
    { organisation: 'slug' },
    {
      getChanges:
        'keeps the authorization request (state, nonce, PKCE) for the callback, as OpenID Connect asks',
    },
  ),
  'GET /api/v1/auth/sso/:organisation/callback': open(
    { organisation: 'slug' },
    { getChanges: 'the redirect back from the identity provider signs in, as OpenID Connect asks' },
  ),
  'POST /api/v1/auth/sso/:organisation/backchannel-logout': open({ organisation: 'slug' }),

  'GET /klacht/_static/:file': open({ file: 'staticFile' }),
  'GET /klacht/:slug': open({ slug: 'slug' }),
  'POST /klacht/:slug/controleren': open({ slug: 'slug' }),
  'POST /klacht/:slug/versturen': open({ slug: 'slug' }),
  'GET /klacht/:slug/controleren': open({ slug: 'slug' }),
  'GET /klacht/:slug/versturen': open({ slug: 'slug' }),
  'GET /klacht/:slug/ontvangen': open({ slug: 'slug' }),
  'GET /klacht/:slug/privacy': open({ slug: 'slug' }),

  'GET /portaal/_static/:file': portal({ file: 'staticFile' }),
  'GET /portaal': portal(),
  'HEAD /portaal/': portal(),
  'GET /portaal/:link': portal(
    { link: 'portalLink' },
    { getChanges: 'exchanges the personal link for a session, as issue 6 asks; HEAD does not spend it' },
  ),
  'GET /portaal/code': portal(),
  'POST /portaal/code/versturen': portal(),
  'POST /portaal/code': portal(),
  'POST /portaal/afmelden': portal(),
  'GET /portaal/afgemeld': portal(),
  'GET /portaal/code/versturen': portal(),
  'GET /portaal/afmelden': portal(),
  'GET /portaal/klacht': portal(),
  'GET /portaal/brieven/:documentId': portal({ documentId: 'letterDocument' }),
  'GET /portaal/bericht': portal(),
  'POST /portaal/bericht': portal(),
  'GET /portaal/voorkeur': portal(),
  'POST /portaal/voorkeur': portal(),

  'GET /': open({}, { webApp: true }),
  'GET /app': open({}, { webApp: true }),
  'GET /uitnodiging': open({}, { webApp: true }),
  'GET /wachtwoord-herstellen': open({}, { webApp: true }),
  'GET /app/*': open({ '*': 'webPath' }, { webApp: true }),
};
