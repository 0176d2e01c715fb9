import { checkAttachment, type AttachmentLimits } from '../domain/attachment-policy.ts';
import { displayFileName } from '../domain/file-name.ts';
import { detectMediaType } from '../domain/media-type.ts';
import { normaliseLine, normaliseText } from '../text.ts';
import {
  addError,
  emptyValues,
  TEXT_FIELDS,
  type FieldErrors,
  type FormValues,
  type TextField,
} from './form-values.ts';
import type { Language } from './language.ts';
import { megabytes, type Messages } from './messages.ts';
import type { Submission, UploadedFile } from './read-submission.ts';

/**
 * The form's own checks, in words for the complainant. The complaint service checks the same rules
 * again (its messages are written for staff); these run first so that every problem is shown next to
 * its field at once.
 */
const MAX_LENGTH: Readonly<Record<TextField, number>> = {
  name: 200,
  email: 254,
  phone: 40,
  street: 200,
  postalCode: 20,
  city: 100,
  product: 200,
  description: 20_000,
  desiredOutcome: 5_000,
};

const EMAIL = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/;
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

export function valuesFromSubmission(submission: Submission): FormValues {
  const values = emptyValues();
  const first = (name: string): string => submission.fields.get(name)?.[0] ?? '';
  for (const field of TEXT_FIELDS) values[field] = first(field);
  values.consent = first('consent') === 'yes';
  return values;
}

export function validateValues(
  values: FormValues,
  truncated: ReadonlySet<string>,
  messages: Messages,
): FieldErrors {
  const errors: FieldErrors = {};
  const line = (field: TextField): string => normaliseLine(values[field]);
  for (const field of TEXT_FIELDS) {
    if (truncated.has(field)) addError(errors, field, messages.errUnreadable);
    else if (normaliseText(values[field]).length > MAX_LENGTH[field]) {
      addError(errors, field, messages.errTooLong(MAX_LENGTH[field]));
    }
  }
  if (line('name') === '') addError(errors, 'name', messages.errNameMissing);
  const email = line('email');
  const phone = line('phone');
  if (email !== '' && !EMAIL.test(email)) addError(errors, 'email', messages.errEmailInvalid);
  if (phone !== '' && (!PHONE_CHARACTERS.test(phone) || !/^\d{6,15}$/.test(phone.replace(/\D/g, '')))) {
    addError(errors, 'phone', messages.errPhoneInvalid);
  }
  const fullAddress = line('street') !== '' && line('postalCode') !== '' && line('city') !== '';
  if (email === '' && phone === '' && !fullAddress) addError(errors, 'email', messages.errContactMissing);
  if (normaliseText(values.description) === '')
    addError(errors, 'description', messages.errDescriptionMissing);
  if (!values.consent) addError(errors, 'consent', messages.errConsentMissing);
  return errors;
}

export interface CheckedUploads {
  accepted: Array<{ fileName: string; content: Buffer }>;
  errors: string[];
}

/**
 * Checks new uploads with the rules of the complaint service (type by content, size, count and total,
 * counting the files already kept for this form). Refused files are named; the others are kept.
 */
export function checkUploads(
  submission: Submission,
  kept: ReadonlyArray<{ size: number }>,
  limits: AttachmentLimits,
  messages: Messages,
  language: Language,
): CheckedUploads {
  const errors: string[] = [];
  const accepted: CheckedUploads['accepted'] = [];
  for (const problem of submission.uploadProblems) {
    if (problem.kind === 'file_too_large') {
      errors.push(
        messages.errFileTooLarge(displayFileName(problem.fileName), megabytes(limits.maxFileBytes, language)),
      );
    } else if (problem.kind === 'too_many_files') {
      errors.push(messages.errTooManyFiles(limits.maxFiles));
    } else {
      errors.push(messages.errFilesTooLarge(megabytes(limits.maxTotalBytes, language)));
    }
  }
  let count = kept.length;
  let total = kept.reduce((sum, file) => sum + file.size, 0);
  for (const file of submission.files) {
    const refusal = refuse(file, limits, messages, language);
    if (refusal !== null) {
      errors.push(refusal);
    } else if (count >= limits.maxFiles) {
      if (!errors.includes(messages.errTooManyFiles(limits.maxFiles)))
        errors.push(messages.errTooManyFiles(limits.maxFiles));
    } else if (total + file.content.length > limits.maxTotalBytes) {
      const message = messages.errFilesTooLarge(megabytes(limits.maxTotalBytes, language));
      if (!errors.includes(message)) errors.push(message);
    } else {
      accepted.push({ fileName: displayFileName(file.fileName), content: file.content });
      count++;
      total += file.content.length;
    }
  }
  return { accepted, errors };
}

function refuse(
  file: UploadedFile,
  limits: AttachmentLimits,
  messages: Messages,
  language: Language,
): string | null {
  const name = displayFileName(file.fileName);
  const refusal = checkAttachment(name, detectMediaType(file.content), file.content.length, limits);
  if (refusal === null) return null;
  switch (refusal.code) {
    case 'attachment_empty':
      return messages.errFileEmpty(name);
    case 'attachment_too_large':
      return messages.errFileTooLarge(name, megabytes(limits.maxFileBytes, language));
    default:
      return messages.errFileType(name);
  }
}
