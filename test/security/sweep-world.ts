import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { issueApiToken } from '../../src/auth/api-token.ts';
import type { Clock } from '../../src/clock.ts';
import type { Database, Role } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { newId } from '../../src/ids.ts';
import { sessionHandle } from '../../src/auth/own-sessions.service.ts';
import { registerCancellationRequest } from '../../src/intake/cancellation.service.ts';
import { notifyUsers } from '../../src/notifications/notification.repository.ts';
import { addClosingDay } from '../../src/organisations/procedure-settings.service.ts';
import { takeStep } from '../../src/procedure/procedure.service.ts';
import { insertUser } from '../../src/users/user.repository.ts';
import {
  createTestComplaint,
  createTestOrganisation,
  type TestOrganisation,
  type TestUser,
} from '../support/factories.ts';
import {
  attachOtherDocument,
  issueLink,
  pdfBytes,
  PortalBrowser,
  storeLetter,
} from '../support/portal-fixtures.ts';
import type { Ids } from './route-rule-kit.ts';
import { addInboundMail, addWorldRecords } from './sweep-world-records.ts';

/**
 * The world the route sweeps run in: two organisations with one of everything a route can name
 * (complaints, documents, letters, users, notifications, intake items, cancellation requests,
 * mailboxes, quarantined mail, closing days, and the records of sweep-world-records.ts), the staff
 * of every role with an API token, and a complainant's portal session; plus the application built
 * in-process, with its routes as Fastify registered them.
 */

/** The people who knock on every door. `handler` handles `complaint`; `otherHandler` handles nothing. */
export const ACTORS = ['coordinator', 'handler', 'otherHandler', 'employee', 'auditor', 'adminOnly'] as const;
export type Actor = (typeof ACTORS)[number];

export interface OrgWorld {
  org: TestOrganisation;
  users: Record<Actor, TestUser & { roles: readonly Role[] }>;
  /** Assigned to the handler, the employee involved with a hearing asked, one information request open. */
  ids: Ids;
  /** The same kinds of object in a second complaint of the same organisation (unassigned). */
  sibling: Ids;
  /** Words that appear only in this organisation's data: no answer to the other may contain them. */
  secrets: string[];
  portal: PortalBrowser;
}

async function extraUser(
  db: Kysely<Database>,
  org: TestOrganisation,
  clock: Clock,
  name: string,
  roles: Role[],
) {
  const id = newId();
  const token = await withTenant(db, org.id, async (tx) => {
    await insertUser(tx, {
      organisation_id: org.id,
      id,
      email: `${name.toLowerCase().replaceAll(' ', '.')}@${org.slug}.nl`,
      display_name: name,
      roles,
      password_hash: null,
      must_change_password: true,
      disabled_at: null,
      created_at: clock.now(),
    });
    return issueApiToken(tx, clock, { organisationId: org.id, userId: id, name: 'test' });
  });
  return {
    id,
    token: token.token,
    roles,
    context: { organisationId: org.id, userId: id, roles, actor: { kind: 'user' as const, id } },
  };
}

export async function buildOrgWorld(
  db: Kysely<Database>,
  clock: Clock,
  app: FastifyInstance,
  tag: string,
  remoteAddress: string,
): Promise<OrgWorld> {
  const org = await createTestOrganisation(db, clock);
  const users = {
    coordinator: { ...org.coordinator, roles: ['coordinator'] },
    handler: { ...org.handler, roles: ['handler'] },
    otherHandler: await extraUser(db, org, clock, `Andere Behandelaar ${tag}`, ['handler']),
    employee: { ...org.employee, roles: ['employee'] },
    auditor: { ...org.auditor, roles: ['auditor'] },
    adminOnly: await extraUser(db, org, clock, `Alleen Beheer ${tag}`, ['admin']),
  } satisfies OrgWorld['users'];
  const secret = (what: string) => `${what}-${tag}-${randomBytes(4).toString('hex')}`;
  const secrets = [
    secret('Klager'),
    secret('Omschrijving'),
    secret('Klager2'),
    secret('Polis'),
    `afzender-${tag}@example.nl`,
  ];
  const now = clock.now();

  const complaint = await createTestComplaint(
    db,
    org,
    {
      handlerId: org.handler.id,
      involvedEmployeeIds: [org.employee.id],
      complainant: { name: secrets[0]!, email: `klager-${tag}@example.nl` },
      description: secrets[1]!,
    },
    clock,
  );
  const sibling = await createTestComplaint(
    db,
    org,
    {
      handlerId: users.otherHandler.id,
      involvedEmployeeIds: [org.employee.id],
      complainant: { name: secrets[2]!, email: `tweede-${tag}@example.nl` },
    },
    clock,
  );
  const deps = { db, clock };
  await takeStep(deps, org.coordinator.context, complaint.id, { action: 'acknowledge' });
  await takeStep(deps, org.coordinator.context, complaint.id, {
    action: 'start_hearing',
    employeeId: org.employee.id,
    requestText: 'Uw reactie?',
  });
  await takeStep(deps, org.coordinator.context, complaint.id, {
    action: 'request_information',
    whatIsMissing: 'De polis.',
  });
  await takeStep(deps, org.coordinator.context, sibling.id, { action: 'acknowledge' });
  await takeStep(deps, org.coordinator.context, sibling.id, {
    action: 'request_information',
    whatIsMissing: 'Het schadeformulier.',
  });

  const objects = await withTenant(db, org.id, async (tx) => {
    const request = async (complaintId: string) =>
      (
        await tx
          .selectFrom('information_requests')
          .select('id')
          .where('organisation_id', '=', org.id)
          .where('complaint_id', '=', complaintId)
          .executeTakeFirstOrThrow()
      ).id;
    await notifyUsers(
      tx,
      org.id,
      [org.handler.id],
      { kind: 'deadline_warning', message: `Let op ${tag}`, complaintId: complaint.id },
      now,
    );
    const { mailbox, mail, intake } = await addInboundMail(tx, org.id, tag, now);
    return {
      notification: (
        await tx
          .selectFrom('notifications')
          .select('id')
          .where('organisation_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).id,
      mailbox,
      mail,
      intake,
      informationRequest: await request(complaint.id),
      siblingRequest: await request(sibling.id),
    };
  });
  const cancellation = await registerCancellationRequest(deps, org.coordinator.context, {
    channel: 'letter',
    receivedAt: now,
    customerName: 'Klant',
    customerEmail: null,
    policies: secrets[3]!,
    effectiveDate: null,
  });
  const closingDay = tag === 'A' ? '2027-02-01' : '2027-02-02';
  await addClosingDay(db, clock, org.admin.context, { date: closingDay as never, name: 'Heidag' });

  const document = await attachOtherDocument(db, org.id, complaint.id, {
    fileName: 'stuk.pdf',
    content: pdfBytes(`stuk ${tag}`),
    kind: 'attachment',
    now,
  });
  const letterDocument = await storeLetter(db, org.id, complaint.id, {
    fileName: 'ontvangst.pdf',
    content: pdfBytes(`brief ${tag}`),
    recipientKind: 'complainant',
    now,
  });
  const siblingDocument = await attachOtherDocument(db, org.id, sibling.id, {
    fileName: 'ander.pdf',
    content: pdfBytes(`ander ${tag}`),
    kind: 'attachment',
    now,
  });
  const siblingLetter = await storeLetter(db, org.id, sibling.id, {
    fileName: 'ontvangst2.pdf',
    content: pdfBytes(`brief2 ${tag}`),
    recipientKind: 'complainant',
    now,
  });

  const link = await issueLink(db, org.id, complaint.id, now);
  const portal = new PortalBrowser(app, remoteAddress);
  const exchanged = await portal.get(link.path);
  if (exchanged.statusCode !== 303) throw new Error(`portal link: ${exchanged.statusCode}`);
  const siblingLink = await issueLink(db, org.id, sibling.id, now);

  const records = await addWorldRecords(db, clock, {
    org,
    complaint: complaint.id,
    sibling: sibling.id,
    cancellation: cancellation.id,
    letterDocuments: { complaint: letterDocument, sibling: siblingLetter },
    secret,
  });
  secrets.push(...records.secrets);

  const shared = {
    year: '2026',
    letterType: 'acknowledgment',
    language: 'nl',
    slug: org.slug,
    staticFile: 'bestaat-niet.css',
    webPath: 'dossier',
  };
  const ids: Ids = {
    ...shared,
    ...records.ids,
    complaint: complaint.id,
    document,
    letterDocument,
    user: org.employee.id,
    handler: org.handler.id,
    employee: org.employee.id,
    notification: objects.notification,
    intake: objects.intake,
    mailbox: objects.mailbox,
    mail: objects.mail,
    closingDay,
    informationRequest: objects.informationRequest,
    portalLink: link.path.slice('/portaal/'.length),
    // The handle of a session nobody has: the world signs in with API tokens, which have no sessions.
    session: sessionHandle(newId()),
  };
  const siblingIds: Ids = {
    ...ids,
    ...records.sibling,
    complaint: sibling.id,
    document: siblingDocument,
    letterDocument: siblingLetter,
    informationRequest: objects.siblingRequest,
    portalLink: siblingLink.path.slice('/portaal/'.length),
  };
  return { org, users, ids, sibling: siblingIds, secrets, portal };
}
