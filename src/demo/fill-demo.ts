import type { Kysely } from 'kysely';
import { systemContext, type AccessContext } from '../auth/access-context.ts';
import { fixedClock, type Clock } from '../clock.ts';
import { registerComplaint } from '../complaints/complaint.service.ts';
import type { Database, Role } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { newId } from '../ids.ts';
import { findUserByEmail, insertUser } from '../users/user.repository.ts';
import { takeStep } from '../procedure/procedure.service.ts';
import { proposeIntakeKind } from '../domain/intake-recognition.ts';
import { insertIntakeItem } from '../intake/intake.repository.ts';
import { DEMO_COMPLAINTS } from './demo-complaints.ts';
import { progressDemoComplaint, type DemoActors, type DemoComplaintFacts } from './demo-progress.ts';

const DEMO_STAFF: ReadonlyArray<{ email: string; displayName: string; roles: Role[] }> = [
  { email: 'anja.bos@demo-assurantien.nl', displayName: 'Anja Bos', roles: ['coordinator'] },
  { email: 'ruben.smit@demo-assurantien.nl', displayName: 'Ruben Smit', roles: ['handler'] },
  { email: 'lisa.dewit@demo-assurantien.nl', displayName: 'Lisa de Wit', roles: ['handler'] },
  { email: 'mark.janssen@demo-assurantien.nl', displayName: 'Mark Janssen', roles: ['employee'] },
  { email: 'eva.peeters@demo-assurantien.nl', displayName: 'Eva Peeters', roles: ['employee', 'handler'] },
  { email: 'compliance@demo-assurantien.nl', displayName: 'Compliance Officer', roles: ['auditor'] },
];

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoFillResult {
  complaints: number;
  skipped: boolean;
}

/**
 * Fills an organisation with staff and about thirty realistic complaints spread over the last
 * months, through the same services as real intake, so the demo shows what the product does.
 * Does nothing when the organisation already holds complaints.
 */
export async function fillDemoOrganisation(
  db: Kysely<Database>,
  clock: Clock,
  organisationId: string,
): Promise<DemoFillResult> {
  const context = systemContext(organisationId);
  const staff = await withTenant(db, organisationId, async (tx) => {
    const existing = await tx
      .selectFrom('complaints')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .limit(1)
      .executeTakeFirst();
    if (existing) return undefined;
    // A letterhead to write with; only what the organisation has not filled in itself.
    const org = await tx
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', organisationId)
      .executeTakeFirstOrThrow();
    await tx
      .updateTable('organisations')
      .set({
        street: org.street ?? 'Stationsplein 14',
        postal_code: org.postal_code ?? '3511 ED',
        city: org.city ?? 'Utrecht',
        phone: org.phone ?? '030-123 45 67',
        website: org.website ?? 'www.demo-assurantien.nl',
        kvk_number: org.kvk_number ?? '12345678',
        afm_number: org.afm_number ?? '12000123',
        signer_name: org.signer_name ?? 'Anja Bos',
        signer_title: org.signer_title ?? 'Klachtencoördinator',
      })
      .where('id', '=', organisationId)
      .execute();
    const ids = new Map<string, string>();
    for (const person of DEMO_STAFF) {
      const found = await findUserByEmail(tx, organisationId, person.email);
      const user =
        found ??
        (await insertUser(tx, {
          organisation_id: organisationId,
          id: newId(),
          email: person.email,
          display_name: person.displayName,
          roles: person.roles,
          password_hash: null,
          must_change_password: true,
          disabled_at: null,
          created_at: clock.now(),
        }));
      ids.set(person.displayName, user.id);
    }
    return ids;
  });
  if (!staff) return { complaints: 0, skipped: true };

  const handlers = [staff.get('Ruben Smit')!, staff.get('Lisa de Wit')!, staff.get('Anja Bos')!];
  const employees = [staff.get('Mark Janssen')!, staff.get('Eva Peeters')!];
  const now = clock.now().getTime();
  let index = 0;
  // Oldest first, so reference numbers follow the order of receipt as they would in real life.
  const oldestFirst = DEMO_COMPLAINTS.toSorted((a, b) => b.daysAgo - a.daysAgo);
  const registered: DemoComplaintFacts[] = [];
  for (const demo of oldestFirst) {
    const employee = demo.involvesEmployee ? employees[index % employees.length]! : undefined;
    let handlerId = handlers[index % handlers.length]!;
    if (handlerId === employee) handlerId = handlers[(index + 1) % handlers.length]!;
    // Spread receipt over the working day so the list does not look machine-made.
    const receivedAt = new Date(now - demo.daysAgo * DAY_MS - ((index * 37) % 300) * 60_000);
    const complaint = await registerComplaint({ db, clock }, context, {
      channel: demo.channel,
      receivedAt,
      complainant: {
        name: demo.name,
        email: demo.email,
        phone: demo.phone,
        street: demo.address?.street ?? null,
        postalCode: demo.address?.postalCode ?? null,
        city: demo.address?.city ?? null,
      },
      product: demo.product,
      description: demo.description,
      desiredOutcome: demo.desiredOutcome,
      handlerId,
      involvedEmployeeIds: employee ? [employee] : [],
    });
    registered.push({
      id: complaint.id,
      receivedAt,
      involvedEmployeeId: employee,
      liability: demo.liability ?? false,
      daysAgo: demo.daysAgo,
      index,
    });
    index++;
  }
  const contextOf = (id: string): AccessContext => ({
    organisationId,
    userId: id,
    roles: DEMO_STAFF.find((p) => staff.get(p.displayName) === id)?.roles ?? [],
    actor: { kind: 'user', id },
  });
  const actors: DemoActors = {
    coordinator: contextOf(staff.get('Anja Bos')!),
    employees: new Map(employees.map((id) => [id, contextOf(id)])),
  };
  // One complaint was withdrawn by the complainant before anything else happened.
  const withdrawn = registered.find((r) => r.daysAgo === 33);
  for (const facts of registered) {
    if (facts === withdrawn) {
      await takeStep(
        { db, clock: fixedClock(new Date(facts.receivedAt.getTime() + DAY_MS)) },
        actors.coordinator,
        facts.id,
        {
          action: 'withdraw',
        },
      );
      continue;
    }
    await progressDemoComplaint(db, actors, facts, clock.now());
  }
  await fillDemoIntake(db, clock, organisationId);
  return { complaints: DEMO_COMPLAINTS.length + 1, skipped: false };
}

/** A few fresh arrivals for the intake queue: a form complaint awaiting triage and two e-mails. */
async function fillDemoIntake(db: Kysely<Database>, clock: Clock, organisationId: string): Promise<void> {
  const now = clock.now().getTime();
  await registerComplaint(
    { db, clock },
    { ...systemContext(organisationId), actor: { kind: 'complainant', id: null } },
    {
      channel: 'web_form',
      receivedAt: new Date(now - 3 * 60 * 60 * 1000),
      complainant: { name: 'Romy Verhoeven', email: 'romy.verhoeven@example.nl', phone: '06-24681357' },
      product: 'Reisverzekering doorlopend',
      description:
        'Mijn claim voor de gestolen fiets in Gent is na vijf weken nog steeds niet beoordeeld. Ik heb alle bonnen en het proces-verbaal gestuurd.',
      desiredOutcome: 'Een beslissing op mijn claim binnen een week.',
    },
  );
  const emails = [
    {
      hoursAgo: 5,
      name: 'Hans Kuiper',
      email: 'hans.kuiper@example.nl',
      subject: 'Opzegging inboedelverzekering',
      body: 'Geachte heer, mevrouw,\n\nHierbij zeg ik mijn inboedelverzekering (polis 4471-220) op per 1 januari. Wilt u de opzegging schriftelijk bevestigen?\n\nMet vriendelijke groet,\nHans Kuiper',
    },
    {
      hoursAgo: 26,
      name: 'Naima Haddou',
      email: 'n.haddou@example.nl',
      subject: 'Zeer ontevreden over uw reactie',
      body: 'Ik heb drie keer gebeld over mijn premieverhoging en word steeds afgescheept. Ik ben hier zeer ontevreden over en wil een klacht indienen.',
    },
  ];
  await withTenant(db, organisationId, async (tx) => {
    for (const mail of emails) {
      const proposal = proposeIntakeKind(mail.subject, mail.body);
      await insertIntakeItem(tx, {
        organisation_id: organisationId,
        id: newId(),
        channel: 'email',
        received_at: new Date(now - mail.hoursAgo * 60 * 60 * 1000),
        kind: 'unclassified',
        proposed_kind: proposal.kind,
        proposal_reason: proposal.reason,
        status: 'new',
        sender_name: mail.name,
        sender_email: mail.email,
        subject: mail.subject,
        body_text: mail.body,
        mail_message_id: null,
        complaint_id: null,
        cancellation_request_id: null,
        triaged_by: null,
        triaged_at: null,
        created_at: clock.now(),
      });
    }
  });
}
