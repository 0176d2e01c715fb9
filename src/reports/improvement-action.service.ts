import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import type { LocalDate } from '../domain/calendar/local-date.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseLine, normaliseOptional } from '../text.ts';
import { findUsers } from '../users/user.repository.ts';
import {
  deleteImprovementAction,
  existingComplaintIds,
  findImprovementActions,
  findLinkedComplaints,
  insertImprovementAction,
  linkComplaints,
  unlinkComplaints,
  updateImprovementAction,
} from './improvement-action.repository.ts';
import { REPORT_READERS, type ReportDeps } from './reports.service.ts';

export type ImprovementStatus = 'open' | 'done' | 'cancelled';

export interface ImprovementActionInput {
  title: string;
  description?: string | null;
  rootCause?: string | null;
  ownerId: string;
  dueDate: LocalDate;
  status?: ImprovementStatus;
  complaintIds?: readonly string[];
}

export interface ImprovementActionView {
  id: string;
  title: string;
  description: string | null;
  rootCause: string | null;
  owner: { id: string; name: string };
  dueDate: LocalDate;
  status: ImprovementStatus;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  complaints: Array<{ id: string; reference: string }>;
}

const CHANGERS = ['coordinator'] as const;

async function viewsOf(
  tx: Tx,
  organisationId: string,
  filter: { id?: string; status?: ImprovementStatus },
): Promise<ImprovementActionView[]> {
  const rows = await findImprovementActions(tx, organisationId, filter);
  const links = await findLinkedComplaints(
    tx,
    organisationId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    rootCause: row.root_cause,
    owner: { id: row.owner_id, name: row.owner_name },
    dueDate: row.due_date as LocalDate,
    status: row.status,
    completedAt: row.completed_at === null ? null : new Date(row.completed_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    complaints: links
      .filter((l) => l.action_id === row.id)
      .map((l) => ({ id: l.complaint_id, reference: l.reference })),
  }));
}

async function checkOwner(tx: Tx, organisationId: string, ownerId: string): Promise<void> {
  const [owner] = await findUsers(tx, organisationId, [ownerId]);
  if (!owner || owner.disabled_at !== null) {
    throw new ValidationError(
      'De eigenaar van de verbeteractie is geen actieve gebruiker van dit kantoor.',
      [{ field: '/ownerId', message: 'not an active user of this organisation' }],
      'improvement_owner_invalid',
    );
  }
}

function checkTitle(title: string): string {
  const clean = normaliseLine(title);
  if (clean === '') {
    throw new ValidationError('Geef de verbeteractie een titel.', [{ field: '/title', message: 'empty' }]);
  }
  return clean;
}

/**
 * The set of linked complaints becomes exactly `wanted`. Each link and unlink is also an event in
 * the complaint's dossier (the action's id only), so the dossier shows what was learnt from it.
 */
async function setLinks(
  tx: Tx,
  context: AccessContext,
  actionId: string,
  wanted: readonly string[],
  now: Date,
): Promise<void> {
  const org = context.organisationId;
  const unique = [...new Set(wanted)];
  const known = await existingComplaintIds(tx, org, unique);
  if (unique.some((id) => !known.has(id))) throw new NotFoundError('De klacht');
  const current = new Set((await findLinkedComplaints(tx, org, [actionId])).map((l) => l.complaint_id));
  const added = unique.filter((id) => !current.has(id));
  const removed = [...current].filter((id) => !unique.includes(id));
  await linkComplaints(tx, org, actionId, added, now);
  await unlinkComplaints(tx, org, actionId, removed);
  for (const [ids, type] of [
    [added, 'complaint.improvement_action_linked'],
    [removed, 'complaint.improvement_action_unlinked'],
  ] as const) {
    for (const complaintId of ids.toSorted()) {
      await appendDossierEvent(tx, org, complaintId, {
        type,
        actor: context.actor,
        occurredAt: now,
        data: { actionId },
      });
    }
  }
}

export async function listImprovementActions(
  deps: ReportDeps,
  context: AccessContext,
  status?: ImprovementStatus,
): Promise<ImprovementActionView[]> {
  requireRole(context, REPORT_READERS);
  return withTenant(deps.db, context.organisationId, (tx) =>
    viewsOf(tx, context.organisationId, status ? { status } : {}),
  );
}

export async function getImprovementAction(
  deps: ReportDeps,
  context: AccessContext,
  id: string,
): Promise<ImprovementActionView> {
  requireRole(context, REPORT_READERS);
  const [view] = await withTenant(deps.db, context.organisationId, (tx) =>
    viewsOf(tx, context.organisationId, { id }),
  );
  if (!view) throw new NotFoundError('De verbeteractie');
  return view;
}

export async function createImprovementAction(
  deps: ReportDeps,
  context: AccessContext,
  input: ImprovementActionInput,
): Promise<ImprovementActionView> {
  requireRole(context, CHANGERS);
  const now = deps.clock.now();
  const id = newId();
  const status = input.status ?? 'open';
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await checkOwner(tx, context.organisationId, input.ownerId);
    await insertImprovementAction(tx, {
      organisation_id: context.organisationId,
      id,
      title: checkTitle(input.title),
      description: normaliseOptional(input.description),
      root_cause: normaliseOptional(input.rootCause),
      owner_id: input.ownerId,
      due_date: input.dueDate,
      status,
      completed_at: status === 'done' ? now : null,
      created_at: now,
      created_by: context.userId,
      updated_at: now,
    });
    await setLinks(tx, context, id, input.complaintIds ?? [], now);
    const [view] = await viewsOf(tx, context.organisationId, { id });
    return view!;
  });
}

export async function changeImprovementAction(
  deps: ReportDeps,
  context: AccessContext,
  id: string,
  input: Partial<ImprovementActionInput>,
): Promise<ImprovementActionView> {
  requireRole(context, CHANGERS);
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    const [existing] = await findImprovementActions(tx, context.organisationId, { id, forUpdate: true });
    if (!existing) throw new NotFoundError('De verbeteractie');
    if (input.ownerId !== undefined) await checkOwner(tx, context.organisationId, input.ownerId);
    const completedAt =
      input.status === undefined
        ? undefined
        : input.status === 'done'
          ? existing.status === 'done'
            ? existing.completed_at
            : now
          : null;
    await updateImprovementAction(tx, context.organisationId, id, {
      ...(input.title !== undefined ? { title: checkTitle(input.title) } : {}),
      ...(input.description !== undefined ? { description: normaliseOptional(input.description) } : {}),
      ...(input.rootCause !== undefined ? { root_cause: normaliseOptional(input.rootCause) } : {}),
      ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
      ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
      ...(input.status !== undefined ? { status: input.status, completed_at: completedAt ?? null } : {}),
      updated_at: now,
    });
    if (input.complaintIds !== undefined) await setLinks(tx, context, id, input.complaintIds, now);
    const [view] = await viewsOf(tx, context.organisationId, { id });
    return view!;
  });
}

export async function removeImprovementAction(
  deps: ReportDeps,
  context: AccessContext,
  id: string,
): Promise<void> {
  requireRole(context, CHANGERS);
  const now = deps.clock.now();
  await withTenant(deps.db, context.organisationId, async (tx) => {
    const [existing] = await findImprovementActions(tx, context.organisationId, { id, forUpdate: true });
    if (!existing) throw new NotFoundError('De verbeteractie');
    await setLinks(tx, context, id, [], now);
    await deleteImprovementAction(tx, context.organisationId, id);
  });
}
