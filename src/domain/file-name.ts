/**
 * A user's file name is only ever a display name: files are stored under internal ids. Still, the
 * name is shown to people and goes into Content-Disposition, so path parts, control and bidi
 * characters (factuur\u202Efdp.exe), and absurd lengths are taken out here.
 */
const MAX_LENGTH = 150;
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF<>:"|?*\\/]/g;

export function displayFileName(raw: string, fallback = 'bestand'): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  name = name.replace(/^\.+/, '').trim();
  if (name === '') return fallback;
  if (name.length > MAX_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_LENGTH - extension.length).trimEnd() + extension;
  }
  return name;
}
