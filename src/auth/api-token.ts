import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/schema.ts';
import type { Tx } from '../db/tenant.ts';
import { newId, isUuid } from '../ids.ts';
import type { AccessContext } from './access-context.ts';

/**
 * API tokens for other systems (people sign in with a session instead). The token names its
 * organisation and id, so the lookup key starts with organisation_id like every other key; only a
 * SHA-256 of the secret is stored.
 */
const PREFIX = 'kw1';

function hex(uuid: string): string {
  return uuid.replaceAll('-', '');
}

function uuidFromHex(value: string): string | undefined {
  if (!/^[0-9a-f]{32}$/.test(value)) return undefined;
  const uuid = `${value.slice(0, 8)}-${value.slice(8, 12)}-${value.slice(12, 16)}-${value.slice(16, 20)}-${value.slice(20)}`;
  return isUuid(uuid) ? uuid : undefined;
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export async function issueApiToken(
  tx: Tx,
  clock: Clock,
  input: { organisationId: string; userId: string; name: string },
): Promise<{ id: string; token: string }> {
  const id = newId();
  const secret = randomBytes(32).toString('base64url');
  await tx
    .insertInto('api_tokens')
    .values({
      organisation_id: input.organisationId,
      id,
      user_id: input.userId,
      name: input.name,
      secret_sha256: digest(secret),
      created_at: clock.now(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token: `${PREFIX}_${hex(input.organisationId)}_${hex(id)}_${secret}` };
}

interface ParsedToken {
  organisationId: string;
  tokenId: string;
  secret: string;
}

// The secret is base64url, which itself may contain "_": parse by position, never by splitting.
const TOKEN = new RegExp(`^${PREFIX}_([0-9a-f]{32})_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$`);

export function parseApiToken(token: string): ParsedToken | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const organisationId = uuidFromHex(match[1]!);
  const tokenId = uuidFromHex(match[2]!);
  if (!organisationId || !tokenId) return undefined;
  return { organisationId, tokenId, secret: match[3]! };
}

/** Returns undefined for every kind of bad token alike, so a caller learns nothing from the answer. */
export async function authenticateApiToken(
  db: Kysely<Database>,
  token: string,
): Promise<AccessContext | undefined> {
  const parsed = parseApiToken(token);
  const expected = digest(parsed?.secret ?? 'no-token');
  if (!parsed) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', (join) =>
      join
        .onRef('users.organisation_id', '=', 'api_tokens.organisation_id')
        .onRef('users.id', '=', 'api_tokens.user_id'),
    )
    .select([
      'api_tokens.secret_sha256',
      'api_tokens.revoked_at',
      'users.id as user_id',
      'users.roles',
      'users.disabled_at',
    ])
    .where('api_tokens.organisation_id', '=', parsed.organisationId)
    .where('api_tokens.id', '=', parsed.tokenId)
    .executeTakeFirst();
  const stored = Buffer.from(row?.secret_sha256 ?? '0'.repeat(64), 'hex');
  const matches = timingSafeEqual(stored, Buffer.from(expected, 'hex'));
  if (!row || !matches || row.revoked_at !== null || row.disabled_at !== null) return undefined;
  return {
    organisationId: parsed.organisationId,
    userId: row.user_id,
    roles: row.roles,
    actor: { kind: 'user', id: row.user_id },
  };
}
