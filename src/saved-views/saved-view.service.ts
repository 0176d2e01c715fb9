import type { Kysely } from 'kysely';
import { requireRole, type AccessContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import { withTenant } from '../db/tenant.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  ValidationError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { normaliseLine } from '../text.ts';
import {
  countSavedViews,
  deleteSavedView as removeSavedView,
  insertSavedView,
  listSavedViews as selectSavedViews,
  type SavedViewRow,
} from './saved-view.repository.ts';
import type { SavedViewFilters } from './saved-view.schemas.ts';

/** Whoever reads the work queue may keep views of it. */
const QUEUE_READERS = ['coordinator', 'handler', 'auditor'] as const;
export const MAX_SAVED_VIEWS = 50;

export interface SavedView {
  id: string;
  name: string;
  filters: SavedViewFilters;
  createdAt: Date;
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
}

function ownerOf(context: AccessContext): string {
  requireRole(context, QUEUE_READERS);
  if (context.userId === null) throw new ForbiddenError('Alleen een gebruiker kan weergaven bewaren.');
  return context.userId;
}

function toView(row: SavedViewRow): SavedView {
  return {
    id: row.id,
    name: row.name,
    filters: row.filters as SavedViewFilters,
    createdAt: new Date(row.created_at),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** A user's own saved views of the work queue, by name. Nobody sees another user's views. */
export async function listSavedViews(deps: Deps, context: AccessContext): Promise<SavedView[]> {
  const userId = ownerOf(context);
  const rows = await withTenant(deps.db, context.organisationId, (tx) =>
    selectSavedViews(tx, context.organisationId, userId),
  );
  return rows.map(toView);
}

export async function createSavedView(
  deps: Deps,
  context: AccessContext,
  input: { name: string; filters: SavedViewFilters },
): Promise<SavedView> {
  const userId = ownerOf(context);
  // Collapsed so "Mijn  spoed" and "Mijn spoed" are one name to the unique index.
  const name = normaliseLine(input.name).replace(/\s+/g, ' ');
  if (name === '')
    throw new ValidationError('Geef de weergave een naam.', [
      { field: '/name', message: 'De naam is leeg.' },
    ]);
  try {
    return await withTenant(deps.db, context.organisationId, async (tx) => {
      if ((await countSavedViews(tx, context.organisationId, userId)) >= MAX_SAVED_VIEWS) {
        throw new RuleViolationError(
          'too_many_saved_views',
          `U heeft al ${MAX_SAVED_VIEWS} bewaarde weergaven. Verwijder er een voordat u een nieuwe bewaart.`,
        );
      }
      const row = await insertSavedView(tx, {
        organisation_id: context.organisationId,
        id: newId(),
        user_id: userId,
        name,
        filters: JSON.stringify(input.filters),
        created_at: deps.clock.now(),
      });
      return toView(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `U heeft al een weergave met de naam "${name}". Kies een andere naam of verwijder die eerst.`,
        'saved_view_name_taken',
      );
    }
    throw error;
  }
}

export async function deleteSavedView(deps: Deps, context: AccessContext, viewId: string): Promise<void> {
  const userId = ownerOf(context);
  const deleted = await withTenant(deps.db, context.organisationId, (tx) =>
    removeSavedView(tx, context.organisationId, userId, viewId),
  );
  if (deleted === 0) throw new NotFoundError('De bewaarde weergave');
}
