import { useEffect, useRef, useState } from 'react';
import { letters, pdfUrlOf, type LetterPreview, type PreviewRequest } from '../../api/dossier-letters.ts';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { Field } from '../../components/field.tsx';
import { Icon } from '../../components/icon.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

interface Shown {
  preview: LetterPreview;
  url: string;
}

export interface LetterPreviewState {
  busy: boolean;
  error: unknown;
  shown: Shown | null;
  show: (request: PreviewRequest) => Promise<void>;
}

/**
 * The letter as it would go out now. The PDF lives in a blob URL for as long as it is shown, so
 * the link opens without another request; the previous one is let go when a newer one comes.
 */
export function useLetterPreview(complaintId: string): LetterPreviewState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );

  const show = async (request: PreviewRequest) => {
    setBusy(true);
    setError(null);
    try {
      const preview = await letters.preview(complaintId, request);
      const url = pdfUrlOf(preview);
      if (current.current) URL.revokeObjectURL(current.current);
      current.current = url;
      setShown({ preview, url });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, shown, show };
}

export function PreviewButton({ state, onClick }: { state: LetterPreviewState; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button-secondary" disabled={state.busy} onClick={onClick}>
      <Icon name="file" size={14} />
      {state.busy ? t.letters.previewBusy : t.letters.preview}
    </button>
  );
}

/** What the preview found: the server's Dutch problems (each a missing element) and the PDF. */
export function PreviewResult({ state }: { state: LetterPreviewState }) {
  const { t } = useI18n();
  if (state.error) return <ErrorNotice error={state.error} />;
  if (!state.shown) return null;
  const { preview, url } = state.shown;
  return (
    <div
      className={`notice ${preview.complete ? 'notice-success' : 'notice-warning'} letter-preview`}
      role="status"
    >
      <p className="notice-title">{preview.complete ? t.letters.complete : t.letters.incomplete}</p>
      {preview.problems.length > 0 ? (
        <ul className="preview-problems">
          {preview.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <p className="preview-open">
        <a href={url} target="_blank" rel="noopener" className="preview-link">
          <Icon name="download" size={14} />
          {t.letters.openPdf(preview.subject)}
        </a>{' '}
        <a href={url} download={preview.fileName} className="preview-download">
          {t.letters.downloadPdf}
          <span className="visually-hidden"> {preview.fileName}</span>
        </a>
      </p>
    </div>
  );
}

/** How the step's letter goes out; empty leaves it to the server (e-mail when known, else post). */
export function DeliveryChoice({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t.letters.delivery} hint={t.letters.deliveryHint}>
      {(props) => (
        <select {...props} name="delivery" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.letters.deliveryAuto}</option>
          <option value="email">{t.letters.deliveryEmail}</option>
          <option value="post">{t.letters.deliveryPost}</option>
        </select>
      )}
    </Field>
  );
}
