import { isApiError } from '../../api/problem.ts';
import { templateProblemsOf } from '../../api/settings-records.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

const TEMPLATE_CODES = new Set(['template_element_removed', 'template_invalid']);

/** A refused template: a required element left out gets its own Dutch title; each problem as the server names it. */
export function TemplateProblems({ error, note }: { error: unknown; note?: string }) {
  const { t } = useI18n();
  if (!isApiError(error) || !TEMPLATE_CODES.has(error.code)) return <ErrorNotice error={error} />;
  const problems = templateProblemsOf(error.problem);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">
        {error.code === 'template_element_removed' ? t.templates.elementRemoved : t.templates.invalid}
      </p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.code}:${p.block ?? ''}:${p.message}`}>{p.message}</li>
        ))}
      </ul>
      <p>{note ?? t.templates.keptTyping}</p>
    </div>
  );
}

/** The message per block index, to show beside the block itself. */
export function problemsPerBlock(error: unknown): Map<number, string> {
  const found = new Map<number, string>();
  if (!isApiError(error)) return found;
  for (const p of templateProblemsOf(error.problem)) {
    if (p.block !== undefined) found.set(p.block, p.message);
  }
  return found;
}
