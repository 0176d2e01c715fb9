import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import { requireDossierAccess } from '../auth/complaint-access.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import { sha256Hex } from '../domain/event-chain.ts';
import { MAX_HOLD_EXPLANATION, type LegalHoldReason } from '../domain/privacy/legal-hold.ts';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../domain/privacy/retention.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseText } from '../text.ts';
import {
  findRetentionSettings,
  insertLegalHold,
  liftLegalHold,
  listLegalHolds,
  lockRetentionFacts,
  saveRetentionYears,
  type LegalHoldRow,
  type RetentionSettingsRow,
} from './retention.repository.ts';

export interface PrivacyDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export interface LegalHoldView {
  id: string;
  reason: LegalHoldReason;
  explanation: string;
  placedBy: string;
  placedAt: Date;
  lifted: { by: string; at: Date; explanation: string | null } | null;
}

export function toView(row: LegalHoldRow): LegalHoldView {
  return {
    id: row.id,
    reason: row.reason,
    explanation: row.explanation,
    placedBy: row.placed_by,
    placedAt: new Date(row.placed_at),
    lifted:
      row.lifted_at === null || row.lifted_by === null
        ? null
        : { by: row.lifted_by, at: new Date(row.lifted_at), explanation: row.lift_explanation },
  };
}

/** Holds name who placed and lifted them: a person, never the system or an anonymous key. */
export function personOf(context: AccessContext): string {
  if (!context.userId) throw new ForbiddenError('Een bewaarplicht wordt door een medewerker geregeld.');
  return context.userId;
}

export function explanationOf(text: string, field: string): string {
  const explanation = normaliseText(text);
  if (explanation === '' || explanation.length > MAX_HOLD_EXPLANATION) {
    throw new ValidationError(`Licht toe waarom (ten hoogste ${MAX_HOLD_EXPLANATION} tekens).`, [
      { field, message: `1 to ${MAX_HOLD_EXPLANATION} characters` },
    ]);
  }
  return explanation;
}

export async function listHolds(
  deps: PrivacyDeps,
  context: AccessContext,
  complaintId: string,
): Promise<LegalHoldView[]> {
  requireRole(context, ['coordinator', 'auditor']);
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    return (await listLegalHolds(tx, context.organisationId, complaintId)).map(toView);
  });
}

/** Suspends the retention term: the dossier is kept whole until every hold is lifted. */
export async function placeHold(
  deps: PrivacyDeps,
  context: AccessContext,
  complaintId: string,
  input: { reason: LegalHoldReason; explanation: string },
): Promise<LegalHoldView> {
  requireRole(context, ['coordinator']);
  const placedBy = personOf(context);
  const explanation = explanationOf(input.explanation, '/explanation');
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    // Locked first, so an anonymisation running now either finishes before or sees this hold.
    const facts = await lockRetentionFacts(tx, context.organisationId, complaintId);
    if (!facts) throw new NotFoundError('De klacht');
    if (facts.anonymisedAt !== null) {
      throw new ConflictError(
        'Dit dossier is al geanonimiseerd; er valt niets meer vast te houden.',
        'dossier_anonymised',
      );
    }
    const row = await insertLegalHold(tx, {
      organisationId: context.organisationId,
      id: newId(),
      complaintId,
      reason: input.reason,
      explanation,
      placedBy,
      placedAt: now,
    });
    await appendDossierEvent(tx, context.organisationId, complaintId, {
      type: 'privacy.legal_hold_placed',
      actor: context.actor,
      occurredAt: now,
      data: { legalHoldId: row.id, reason: row.reason, explanationSha256: sha256Hex(explanation) },
    });
    return toView(row);
  });
}

export async function liftHold(
  deps: PrivacyDeps,
  context: AccessContext,
  complaintId: string,
  holdId: string,
  input: { explanation: string },
): Promise<LegalHoldView> {
  requireRole(context, ['coordinator']);
  const liftedBy = personOf(context);
  const explanation = explanationOf(input.explanation, '/explanation');
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    await requireDossierAccess(tx, context, complaintId, null);
    const existing = (await listLegalHolds(tx, context.organisationId, complaintId)).find(
      (h) => h.id === holdId,
    );
    if (!existing) throw new NotFoundError('De bewaarplicht');
    const row = await liftLegalHold(tx, context.organisationId, complaintId, holdId, {
      by: liftedBy,
      at: now,
      explanation,
    });
    if (!row) throw new ConflictError('Deze bewaarplicht is al opgeheven.', 'legal_hold_already_lifted');
    await appendDossierEvent(tx, context.organisationId, complaintId, {
      type: 'privacy.legal_hold_lifted',
      actor: context.actor,
      occurredAt: now,
      data: { legalHoldId: row.id, reason: row.reason, explanationSha256: sha256Hex(explanation) },
    });
    return toView(row);
  });
}

export async function getRetentionSettings(
  deps: PrivacyDeps,
  context: AccessContext,
): Promise<RetentionSettingsRow> {
  requireRole(context, ['admin', 'coordinator', 'auditor']);
  return withTenant(deps.db, context.organisationId, (tx) =>
    findRetentionSettings(tx, context.organisationId),
  );
}

export async function changeRetentionSettings(
  deps: PrivacyDeps,
  context: AccessContext,
  input: { retentionYears?: number; cancellationRetentionYears?: number },
): Promise<RetentionSettingsRow> {
  requireRole(context, ['admin']);
  for (const field of ['retentionYears', 'cancellationRetentionYears'] as const) {
    const years = input[field];
    if (
      years !== undefined &&
      (!Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS)
    ) {
      throw new ValidationError(
        `De bewaartermijn is een heel aantal jaren van ${MIN_RETENTION_YEARS} tot ${MAX_RETENTION_YEARS}.`,
        [{ field: `/${field}`, message: `integer ${MIN_RETENTION_YEARS}..${MAX_RETENTION_YEARS}` }],
      );
    }
  }
  const now = deps.clock.now();
  return withTenant(deps.db, context.organisationId, async (tx) => {
    // What is not sent stays as it is (or its default until the organisation first saves).
    const current = await findRetentionSettings(tx, context.organisationId);
    await saveRetentionYears(
      tx,
      context.organisationId,
      {
        retentionYears: input.retentionYears ?? current.retentionYears,
        cancellationRetentionYears: input.cancellationRetentionYears ?? current.cancellationRetentionYears,
      },
      context.userId,
      now,
    );
    return findRetentionSettings(tx, context.organisationId);
  });
}
