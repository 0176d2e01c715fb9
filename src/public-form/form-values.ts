/** What the complainant typed, exactly as typed, so that every page can show it back. */
export interface FormValues {
  name: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  product: string;
  description: string;
  desiredOutcome: string;
  consent: boolean;
}

export const TEXT_FIELDS = [
  'name',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
  'product',
  'description',
  'desiredOutcome',
] as const;

export type TextField = (typeof TEXT_FIELDS)[number];

/** Every place an error can be shown: a field, the attachments, the consent box. */
export type ErrorTarget = TextField | 'attachments' | 'consent';

export type FieldErrors = Partial<Record<ErrorTarget, string[]>>;

export function emptyValues(): FormValues {
  return {
    name: '',
    email: '',
    phone: '',
    street: '',
    postalCode: '',
    city: '',
    product: '',
    description: '',
    desiredOutcome: '',
    consent: false,
  };
}

export function addError(errors: FieldErrors, target: ErrorTarget, message: string): void {
  (errors[target] ??= []).push(message);
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((messages) => messages.length > 0);
}
