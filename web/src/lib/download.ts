import { api } from '../api/client.ts';

/**
 * Documents are fetched with the app's own credentials (an API token cannot ride on a plain link)
 * and handed to the browser as a download; the server already sends them as attachments.
 */
export async function downloadFromApi(path: string, fallbackName: string): Promise<void> {
  const { blob, fileName } = await api.download(path);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
