import type { Kysely } from 'kysely';
import type { Actor } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { Database, PortalSessionStage } from '../db/schema.ts';
import { withTenant, type Tx } from '../db/tenant.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { newId } from '../ids.ts';
import { enqueueMail } from '../letters/outbox.repository.ts';
import { createSignedMessageId } from '../mail/message-id-signature.ts';
import { findOrganisation } from '../organisations/organisation.repository.ts';
import type { Language } from '../public-form/language.ts';
import { codeMail } from './code-mail.ts';
import { codeHmac, codeMatches, newOneTimeCode, normaliseCodeInput } from './one-time-code.ts';
import {
  findLatestCodeOfSession,
  insertPortalCode,
  listCodeMomentsSince,
  markCodeUsed,
  takeCodeAttempt,
  type PortalCodeRecord,
} from './portal-code.repository.ts';
import {
  isPortalLinkValid,
  isPortalSessionLive,
  PORTAL_CODE_MAX_ATTEMPTS,
  PORTAL_CODE_TTL_MS,
  PORTAL_CODES_PER_COMPLAINT_PER_HOUR,
  PORTAL_SESSION_ABSOLUTE_MS,
  PORTAL_SESSION_TOUCH_MS,
} from './portal-policy.ts';
import { issuePortalSecret, parsePortalSecret } from './portal-secret.ts';
import {
  endPortalSession,
  findPortalSessionBySecret,
  insertPortalSession,
  touchPortalSession,
} from './portal-session.repository.ts';
import { claimFirstUse, findPortalTokenBySecret } from './portal-token.repository.ts';
import { findPortalComplaint } from './portal-view.repository.ts';

export interface PortalAccessDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** PORTAL_TOKEN_DAYS_AFTER_CLOSE */
  daysAfterClose: number;
  /** Signs the Message-ID of the code mail, like all our mail. */
  messageIdKey: Buffer;
}

/** A browser's portal session: one complaint, and the secret its CSRF token and codes are keyed with. */
export interface PortalSession {
  organisationId: string;
  id: string;
  tokenId: string;
  complaintId: string;
  stage: PortalSessionStage;
  secret: string;
}

const COMPLAINANT: Actor = { kind: 'complainant', id: null };
const HOUR_MS = 60 * 60 * 1000;

/** The session behind a cookie value, or null for every kind of missing, bad, ended or expired one. */
export async function resolvePortalSession(
  deps: PortalAccessDeps,
  cookie: string | undefined,
): Promise<PortalSession | null> {
  const parsed = parsePortalSecret('session', cookie);
  if (!parsed) return null;
  const now = deps.clock.now();
  return withTenant(deps.db, parsed.organisationId, async (tx) => {
    const row = await findPortalSessionBySecret(tx, parsed.organisationId, parsed.secretSha256);
    if (!row || !isPortalSessionLive(row, now)) return null;
    if (!isPortalLinkValid(row.end, row.tokenRevokedAt, deps.daysAfterClose, now)) return null;
    if (now.getTime() - row.lastSeenAt.getTime() >= PORTAL_SESSION_TOUCH_MS) {
      await touchPortalSession(tx, parsed.organisationId, row.id, now);
    }
    return {
      organisationId: parsed.organisationId,
      id: row.id,
      tokenId: row.tokenId,
      complaintId: row.complaintId,
      stage: row.stage,
      secret: parsed.secret,
    };
  });
}

export type LinkOutcome =
  /** Unknown, expired, revoked, blank or malformed: one answer for all, so nothing is revealed. */
  | { kind: 'invalid' }
  | { kind: 'signed_in'; cookie: string }
  /** The browser already has a live session for this complaint: nothing to exchange. */
  | { kind: 'already_signed_in' }
  /** Used before: the complainant proves themselves with a code by e-mail; `cookie` null keeps the current one. */
  | { kind: 'code_required'; cookie: string | null };

/**
 * GET /portaal/<link>. The first use opens a session at once; every later use opens only a session
 * that can ask for a one-time code, so a link found in someone's mailbox, history or a forwarded
 * letter is not enough on its own. Claiming the first use is one conditional UPDATE: two browsers
 * racing with the same link get one session between them.
 */
export async function useLink(
  deps: PortalAccessDeps,
  link: string,
  current: PortalSession | null,
): Promise<LinkOutcome> {
  const parsed = parsePortalSecret('link', link);
  if (!parsed) return { kind: 'invalid' };
  const organisationId = parsed.organisationId;
  const now = deps.clock.now();
  return withTenant(deps.db, organisationId, async (tx) => {
    const token = await findPortalTokenBySecret(tx, organisationId, parsed.secretSha256);
    if (!token || !isPortalLinkValid(token.end, token.revokedAt, deps.daysAfterClose, now)) {
      return { kind: 'invalid' };
    }
    const mine = current?.organisationId === organisationId ? current : null;
    if (mine?.stage === 'active' && mine.complaintId === token.complaintId) {
      return { kind: 'already_signed_in' };
    }
    if (await claimFirstUse(tx, organisationId, token.id, now)) {
      if (mine) await endPortalSession(tx, organisationId, mine.id, now);
      const cookie = await startSession(tx, organisationId, token, 'active', now);
      await appendDossierEvent(tx, organisationId, token.complaintId, {
        type: 'portal.session_started',
        actor: COMPLAINANT,
        occurredAt: now,
        data: { portalTokenId: token.id, portalSessionId: cookie.sessionId, via: 'link' },
      });
      return { kind: 'signed_in', cookie: cookie.value };
    }
    if (mine?.stage === 'code' && mine.tokenId === token.id) return { kind: 'code_required', cookie: null };
    if (mine) await endPortalSession(tx, organisationId, mine.id, now);
    const cookie = await startSession(tx, organisationId, token, 'code', now);
    return { kind: 'code_required', cookie: cookie.value };
  });
}

async function startSession(
  tx: Tx,
  organisationId: string,
  token: { id: string; complaintId: string },
  stage: PortalSessionStage,
  now: Date,
): Promise<{ sessionId: string; value: string }> {
  const issued = issuePortalSecret('session', organisationId);
  const sessionId = newId();
  await insertPortalSession(tx, {
    organisation_id: organisationId,
    id: sessionId,
    token_id: token.id,
    complaint_id: token.complaintId,
    secret_sha256: issued.secretSha256,
    stage,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(now.getTime() + PORTAL_SESSION_ABSOLUTE_MS),
    ended_at: null,
  });
  return { sessionId, value: issued.value };
}

export type CodeState = 'none' | 'active' | 'expired' | 'locked';

export interface CodeStep {
  organisationName: string;
  contact: { email: string | null; phone: string | null };
  /** Where the code goes, half hidden; null when the dossier has no e-mail address. */
  maskedEmail: string | null;
  code: CodeState;
}

function codeStateOf(code: PortalCodeRecord | undefined, now: Date): CodeState {
  if (!code || code.usedAt !== null) return 'none';
  if (code.attempts >= PORTAL_CODE_MAX_ATTEMPTS) return 'locked';
  return now >= code.expiresAt ? 'expired' : 'active';
}

/** What the code page shows: where the code goes and how far the latest code got. */
export async function describeCodeStep(deps: PortalAccessDeps, session: PortalSession): Promise<CodeStep> {
  const now = deps.clock.now();
  return withTenant(deps.db, session.organisationId, async (tx) => {
    const [complaint, organisation, code] = await Promise.all([
      findPortalComplaint(tx, session.organisationId, session.complaintId),
      findOrganisation(tx, session.organisationId),
      findLatestCodeOfSession(tx, session.organisationId, session.id),
    ]);
    return {
      organisationName: organisation?.name ?? '',
      contact: { email: organisation?.email ?? null, phone: organisation?.phone ?? null },
      maskedEmail: complaint?.complainantEmail ? maskEmail(complaint.complainantEmail) : null,
      code: codeStateOf(code, now),
    };
  });
}

export type CodeRequestOutcome =
  { kind: 'sent' } | { kind: 'no_email' } | { kind: 'too_many'; retryAfterMs: number };

/**
 * Sends a new code to the e-mail address on the dossier, through the outbox in this transaction.
 * Counted per complaint in the database, so the limit holds across browsers and processes.
 */
export async function requestCode(
  deps: PortalAccessDeps,
  session: PortalSession,
  language: Language,
): Promise<CodeRequestOutcome> {
  const now = deps.clock.now();
  const { organisationId, complaintId } = session;
  return withTenant(deps.db, organisationId, async (tx) => {
    const complaint = await findPortalComplaint(tx, organisationId, complaintId);
    if (!complaint?.complainantEmail) return { kind: 'no_email' };
    const sent = await listCodeMomentsSince(
      tx,
      organisationId,
      complaintId,
      new Date(now.getTime() - HOUR_MS),
    );
    const limitedBy = sent[sent.length - PORTAL_CODES_PER_COMPLAINT_PER_HOUR];
    if (limitedBy !== undefined) {
      return {
        kind: 'too_many',
        retryAfterMs: Math.max(1000, limitedBy.getTime() + HOUR_MS - now.getTime()),
      };
    }
    const organisation = await findOrganisation(tx, organisationId);
    const code = newOneTimeCode();
    const codeId = newId();
    await insertPortalCode(tx, {
      organisation_id: organisationId,
      id: codeId,
      session_id: session.id,
      complaint_id: complaintId,
      code_hmac: codeHmac(session.secret, code),
      created_at: now,
      expires_at: new Date(now.getTime() + PORTAL_CODE_TTL_MS),
      used_at: null,
    });
    const mail = codeMail(language, {
      reference: complaint.reference,
      code,
      organisationName: organisation?.name ?? '',
    });
    const outboxId = await enqueueMail(
      tx,
      organisationId,
      {
        letterId: null,
        complaintId,
        messageId: createSignedMessageId(
          { organisationId, complaintId },
          deps.messageIdKey,
          await mailDomain(tx, organisationId),
        ),
        recipient: complaint.complainantEmail,
        subject: mail.subject,
        textBody: mail.textBody,
        attachments: [],
        automatic: true,
      },
      now,
    );
    await appendDossierEvent(tx, organisationId, complaintId, {
      type: 'portal.sign_in_code_sent',
      actor: COMPLAINANT,
      occurredAt: now,
      data: { portalSessionId: session.id, portalCodeId: codeId, outboxId },
    });
    return { kind: 'sent' };
  });
}

export type CodeCheckOutcome =
  | { kind: 'signed_in'; cookie: string }
  | { kind: 'malformed' }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked' }
  | { kind: 'expired' }
  | { kind: 'no_code' };

/**
 * Checks a typed code against the session's newest code. Every well-formed guess counts, the right
 * one included, so no ordering of concurrent guesses gets past five. The right code ends the code
 * session and starts a new, active one: a new secret (and CSRF token) at every sign-in.
 */
export async function checkCode(
  deps: PortalAccessDeps,
  session: PortalSession,
  input: string,
): Promise<CodeCheckOutcome> {
  const typed = normaliseCodeInput(input);
  if (typed === null) return { kind: 'malformed' };
  const now = deps.clock.now();
  const { organisationId, complaintId } = session;
  return withTenant(deps.db, organisationId, async (tx) => {
    const code = await findLatestCodeOfSession(tx, organisationId, session.id);
    const state = codeStateOf(code, now);
    if (!code || state === 'none') return { kind: 'no_code' };
    if (state === 'locked') return { kind: 'locked' };
    if (state === 'expired') return { kind: 'expired' };
    const attempts = await takeCodeAttempt(tx, organisationId, code.id, PORTAL_CODE_MAX_ATTEMPTS);
    if (attempts === null) return { kind: 'locked' };
    if (!codeMatches(session.secret, typed, code.codeHmac)) {
      if (attempts < PORTAL_CODE_MAX_ATTEMPTS) {
        return { kind: 'wrong', attemptsLeft: PORTAL_CODE_MAX_ATTEMPTS - attempts };
      }
      await appendDossierEvent(tx, organisationId, complaintId, {
        type: 'portal.sign_in_code_locked',
        actor: COMPLAINANT,
        occurredAt: now,
        data: { portalSessionId: session.id, portalCodeId: code.id },
      });
      return { kind: 'locked' };
    }
    await markCodeUsed(tx, organisationId, code.id, now);
    await endPortalSession(tx, organisationId, session.id, now);
    const cookie = await startSession(
      tx,
      organisationId,
      { id: session.tokenId, complaintId },
      'active',
      now,
    );
    await appendDossierEvent(tx, organisationId, complaintId, {
      type: 'portal.session_started',
      actor: COMPLAINANT,
      occurredAt: now,
      data: { portalTokenId: session.tokenId, portalSessionId: cookie.sessionId, via: 'code' },
    });
    return { kind: 'signed_in', cookie: cookie.value };
  });
}

export async function endSession(deps: PortalAccessDeps, session: PortalSession): Promise<void> {
  await withTenant(deps.db, session.organisationId, (tx) =>
    endPortalSession(tx, session.organisationId, session.id, deps.clock.now()),
  );
}

/** "jan.devries@example.nl" → "j•••@e•••.nl": enough to recognise, too little to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${email[0]}•••@${host[0] ?? ''}•••${tld}`;
}

/** The domain of the organisation's sending address, so the Message-ID looks like its other mail. */
async function mailDomain(tx: Tx, organisationId: string): Promise<string> {
  const settings = await tx
    .selectFrom('smtp_settings')
    .select('from_address')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  const domain = settings?.from_address.split('@')[1]?.trim() ?? '';
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'klachtwijzer.invalid';
}
