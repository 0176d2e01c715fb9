import type { AttachmentLimits } from '../domain/attachment-policy.ts';
import { displayFileName } from '../domain/file-name.ts';
import { megabytes } from '../public-form/messages.ts';
import { FILE_FIELD, type UploadProblem } from '../public-form/read-submission.ts';
import type { PortalMessageProblem } from './portal-contact.service.ts';
import type { PortalRequest } from './portal-http.ts';
import type { FieldError } from './pages/form-parts.ts';

/** What the multipart reader already refused (cut off, too many, too much), in the complainant's words. */
export function uploadProblemErrors(
  problems: readonly UploadProblem[],
  context: PortalRequest,
  limits: AttachmentLimits,
): FieldError[] {
  const language = context.choice.language;
  return problems.map((problem) => ({
    target: FILE_FIELD,
    message:
      problem.kind === 'file_too_large'
        ? context.messages.errFileTooLarge(
            displayFileName(problem.fileName),
            megabytes(limits.maxFileBytes, language),
          )
        : problem.kind === 'too_many_files'
          ? context.messages.errTooManyFiles(limits.maxFiles)
          : context.messages.errFilesTooLarge(megabytes(limits.maxTotalBytes, language)),
  }));
}

export function messageProblemError(
  problem: PortalMessageProblem,
  context: PortalRequest,
  limits: AttachmentLimits,
): FieldError {
  const messages = context.messages;
  const language = context.choice.language;
  switch (problem.code) {
    case 'empty':
      return { target: 'message', message: messages.errMessageEmpty };
    case 'too_long':
      return { target: 'message', message: messages.errMessageTooLong(problem.max) };
    case 'attachment_empty':
      return { target: FILE_FIELD, message: messages.errFileEmpty(problem.fileName ?? '') };
    case 'attachment_too_large':
      return {
        target: FILE_FIELD,
        message: messages.errFileTooLarge(problem.fileName ?? '', megabytes(limits.maxFileBytes, language)),
      };
    case 'attachment_type_not_allowed':
      return { target: FILE_FIELD, message: messages.errFileType(problem.fileName ?? '') };
    case 'too_many_attachments':
      return { target: FILE_FIELD, message: messages.errTooManyFiles(limits.maxFiles) };
    default:
      return {
        target: FILE_FIELD,
        message: messages.errFilesTooLarge(megabytes(limits.maxTotalBytes, language)),
      };
  }
}
