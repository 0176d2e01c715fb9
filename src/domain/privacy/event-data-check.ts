import type { JsonValue } from '../event-chain.ts';

/**
 * The promise that lets anonymisation leave the event chain alone: event data holds ids, codes,
 * dates, numbers and digests, never free text. This names every string in an event's data that is
 * none of those, so a test can hold every event a realistic dossier produces against it.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DIGEST = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const CODE = /^[a-z][a-z0-9_.:-]{0,63}$/;
const REFERENCE = /^(KL|OP)-\d{4}-\d{4,}$/;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,63}$/;

/** Keys whose value is an identifier given by someone else (not a code of ours), allowed as they are. */
const EXTERNAL_IDENTIFIERS = new Set(['caseNumber']);

export interface SuspectValue {
  path: string;
  value: string;
}

export function isSafeEventString(value: string): boolean {
  return [UUID, DIGEST, DATE, INSTANT, CODE, REFERENCE, MEDIA_TYPE].some((pattern) => pattern.test(value));
}

export function suspectEventValues(data: JsonValue, path = ''): SuspectValue[] {
  if (typeof data === 'string') {
    const key = path.split('.').at(-1) ?? '';
    return isSafeEventString(data) || EXTERNAL_IDENTIFIERS.has(key) ? [] : [{ path, value: data }];
  }
  if (Array.isArray(data))
    return data.flatMap((item, index) => suspectEventValues(item, `${path}[${index}]`));
  if (data !== null && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) =>
      suspectEventValues(value, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}
