import { Type, type Static } from 'typebox';
import { ComplaintFilterProperties } from '../complaints/complaint.schemas.ts';
import { DateTime, Uuid } from '../http/common-schemas.ts';

export const SavedViewFilters = Type.Object(ComplaintFilterProperties, { additionalProperties: false });
export type SavedViewFilters = Static<typeof SavedViewFilters>;

export const CreateSavedViewBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 80 }), filters: SavedViewFilters },
  { additionalProperties: false },
);

export const SavedViewSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  filters: SavedViewFilters,
  createdAt: DateTime,
});
