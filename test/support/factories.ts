import type { Kysely } from 'kysely';
import type { AccessContext } from '../../src/auth/access-context.ts';
import { issueApiToken } from '../../src/auth/api-token.ts';
import { fixedClock, type Clock } from '../../src/clock.ts';
import { registerComplaint, type RegisterComplaintInput } from '../../src/complaints/complaint.service.ts';
import type { ComplaintView } from '../../src/complaints/complaint.view.ts';
import type { Database, Role } from '../../src/db/schema.ts';
import { withTenant } from '../../src/db/tenant.ts';
import { newId } from '../../src/ids.ts';
import { createOrganisation } from '../../src/organisations/organisation.service.ts';
import { insertUser } from '../../src/users/user.repository.ts';

export interface TestUser {
  id: string;
  context: AccessContext;
  token: string;
}

export interface TestOrganisation {
  id: string;
  slug: string;
  admin: TestUser;
  coordinator: TestUser;
  handler: TestUser;
  employee: TestUser;
  auditor: TestUser;
}

let counter = 0;

export async function createTestOrganisation(
  db: Kysely<Database>,
  clock: Clock = fixedClock(new Date('2026-11-24T09:00:00Z')),
): Promise<TestOrganisation> {
  counter++;
  const slug = `kantoor-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await createOrganisation(db, clock, {
    slug,
    name: `Testkantoor ${counter}`,
    admin: { email: `beheer@${slug}.nl`, displayName: 'Beheerder' },
  });
  const organisationId = created.organisation.id;
  const user = async (name: string, roles: Role[]): Promise<TestUser> => {
    const id = newId();
    const token = await withTenant(db, organisationId, async (tx) => {
      await insertUser(tx, {
        organisation_id: organisationId,
        id,
        email: `${name}@${slug}.nl`,
        display_name: name,
        roles,
        password_hash: null,
        must_change_password: true,
        disabled_at: null,
        created_at: clock.now(),
      });
      return issueApiToken(tx, clock, { organisationId, userId: id, name: 'test' });
    });
    return {
      id,
      token: token.token,
      context: { organisationId, userId: id, roles, actor: { kind: 'user', id } },
    };
  };
  return {
    id: organisationId,
    slug,
    admin: {
      id: created.adminUserId,
      token: created.adminApiToken,
      context: {
        organisationId,
        userId: created.adminUserId,
        roles: ['admin', 'coordinator'],
        actor: { kind: 'user', id: created.adminUserId },
      },
    },
    coordinator: await user('Coördinator Cor', ['coordinator']),
    handler: await user('Behandelaar Bea', ['handler']),
    employee: await user('Medewerker Mo', ['employee']),
    auditor: await user('Auditor Aad', ['auditor']),
  };
}

export function complaintInput(overrides: Partial<RegisterComplaintInput> = {}): RegisterComplaintInput {
  return {
    channel: 'email',
    complainant: { name: 'Jan de Vries', email: 'jan@example.nl' },
    product: 'Woonhuisverzekering',
    description: 'De schade-expert is na drie weken nog niet langs geweest.',
    desiredOutcome: 'Een afspraak deze week.',
    ...overrides,
  };
}

export async function createTestComplaint(
  db: Kysely<Database>,
  organisation: TestOrganisation,
  overrides: Partial<RegisterComplaintInput> = {},
  clock: Clock = fixedClock(new Date('2026-11-24T09:00:00Z')),
): Promise<ComplaintView> {
  return registerComplaint({ db, clock }, organisation.coordinator.context, complaintInput(overrides));
}
