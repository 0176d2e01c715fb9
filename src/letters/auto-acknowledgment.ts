import type { Kysely } from 'kysely';
import { systemContext } from '../auth/access-context.ts';
import type { Clock } from '../clock.ts';
import type { AcknowledgmentTaskOutcome, Database } from '../db/schema.ts';
import { withSystem, withTenant, type Tx } from '../db/tenant.ts';
import type { LocalDate } from '../domain/calendar/local-date.ts';
import { decideAutoAcknowledgment } from '../domain/letters/auto-acknowledgment.ts';
import { appendDossierEvent } from '../dossier/event-log.repository.ts';
import { AppError } from '../errors.ts';
import { isMailSystemAddress } from '../mail/mail-address.ts';
import { notifyComplaintStaff } from '../notifications/notification.repository.ts';
import { performActionInTransaction } from '../procedure/procedure.service.ts';
import {
  claimAcknowledgmentTask,
  findOpenAcknowledgmentTasks,
  markAcknowledgmentTaskWaiting,
  recordAcknowledgmentAttempt,
  settleAcknowledgmentTask,
} from './acknowledgment-task.repository.ts';
import { checkComplaintLetter, type LetterDeps } from './complaint-letters.ts';

export interface AutoAcknowledgmentDeps {
  db: Kysely<Database>;
  clock: Clock;
  letters: LetterDeps;
}

/** After this many failed runs a person takes over; the task is settled as `failed`. */
export const MAX_ATTEMPTS = 5;

export interface SettleReport {
  settled: number;
  sent: number;
  failed: number;
}

/**
 * Settles the acknowledgment of newly registered complaints (R2): each registration left a task in
 * its own transaction, so none is lost; each task is settled in one transaction with what it
 * causes — the acknowledge step with its letter and outbox mail, or a notice to a person — so a
 * crash in between leaves the task open and the next run does it again, never twice (the task row
 * is locked and settled in the same commit).
 */
export async function settleAcknowledgmentTasks(
  deps: AutoAcknowledgmentDeps,
  limit = 50,
): Promise<SettleReport> {
  const report: SettleReport = { settled: 0, sent: 0, failed: 0 };
  const tasks = await withSystem(deps.db, (tx) => findOpenAcknowledgmentTasks(tx, limit));
  for (const task of tasks) {
    const now = deps.clock.now();
    try {
      const outcome = await withTenant(deps.db, task.organisationId, (tx) =>
        settleOne(tx, deps, task.organisationId, task.complaintId, now),
      );
      if (outcome === null) continue;
      report.settled++;
      if (outcome === 'sent') report.sent++;
    } catch (error) {
      report.failed++;
      await withTenant(deps.db, task.organisationId, (tx) =>
        recordFailure(tx, task.organisationId, task.complaintId, error, now),
      );
    }
  }
  if (report.sent > 0) deps.letters.onMailQueued?.();
  return report;
}

interface ComplaintFacts {
  reference: string;
  status: string;
  handler_id: string | null;
  acknowledge_due: string | null;
  acknowledgment_sent_at: Date | string | null;
}

async function findComplaintFacts(tx: Tx, organisationId: string, complaintId: string) {
  const complaint: ComplaintFacts = await tx
    .selectFrom('complaints')
    .select(['reference', 'status', 'handler_id', 'acknowledge_due', 'acknowledgment_sent_at'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  const organisation = await tx
    .selectFrom('organisations')
    .select('auto_acknowledgment')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  // The arrival as src/mail classified it: a complaint opened from an auto-reply or a delivery
  // report gets no automatic answer (that is how mail loops start).
  const arrivals = await tx
    .selectFrom('intake_items as i')
    .innerJoin('mail_messages as m', (j) =>
      j.onRef('m.organisation_id', '=', 'i.organisation_id').onRef('m.id', '=', 'i.mail_message_id'),
    )
    .select('m.classification')
    .where('i.organisation_id', '=', organisationId)
    .where('i.complaint_id', '=', complaintId)
    .execute();
  return {
    complaint,
    setting: organisation.auto_acknowledgment,
    automaticArrival: arrivals.some(
      (a) => a.classification === 'auto_reply' || a.classification === 'bounce',
    ),
  };
}

async function settleOne(
  tx: Tx,
  deps: AutoAcknowledgmentDeps,
  organisationId: string,
  complaintId: string,
  now: Date,
): Promise<AcknowledgmentTaskOutcome | null> {
  const task = await claimAcknowledgmentTask(tx, organisationId, complaintId);
  if (!task) return null;
  const { complaint, setting, automaticArrival } = await findComplaintFacts(tx, organisationId, complaintId);
  const awaiting = complaint.status === 'received' && complaint.acknowledgment_sent_at === null;
  const check =
    awaiting && !automaticArrival
      ? await checkComplaintLetter(tx, organisationId, complaintId, 'acknowledgment', {}, now)
      : { problems: [], recipientEmail: null };
  const email = check.recipientEmail;
  const decision = decideAutoAcknowledgment({
    setting,
    reference: complaint.reference,
    awaitingAcknowledgment: awaiting,
    handlerAssigned: complaint.handler_id !== null,
    automaticArrival,
    recipientEmail: email !== null && !isMailSystemAddress(email) ? email : null,
    problems: check.problems,
    acknowledgeBy: complaint.acknowledge_due as LocalDate | null,
  });

  if (decision.kind === 'wait') {
    // Told once; the task comes back when a handler is assigned (see findOpenAcknowledgmentTasks).
    if (task.waiting_since === null) {
      await notifyComplaintStaff(
        tx,
        organisationId,
        complaintId,
        null,
        { kind: 'acknowledgment_task', message: decision.message },
        now,
      );
      await markAcknowledgmentTaskWaiting(tx, organisationId, complaintId, now);
    }
    return null;
  }
  let outcome: AcknowledgmentTaskOutcome;
  if (decision.kind === 'nothing') {
    outcome = decision.outcome;
  } else if (decision.kind === 'send') {
    const step = await performActionInTransaction(
      tx,
      deps.letters,
      systemContext(organisationId),
      complaintId,
      { action: 'acknowledge', delivery: 'email', automatic: true },
      now,
    );
    if (step.refused) {
      // The refusal is in the dossier already; a person decides what the procedure asks.
      await notifyComplaintStaff(
        tx,
        organisationId,
        complaintId,
        complaint.handler_id,
        {
          kind: 'acknowledgment_task',
          message: `De ontvangstbevestiging voor ${complaint.reference} kon niet automatisch worden verstuurd: ${step.refused.map((r) => r.message).join(' ')}`,
        },
        now,
      );
      outcome = 'failed';
    } else {
      outcome = 'sent';
    }
  } else {
    await notifyComplaintStaff(
      tx,
      organisationId,
      complaintId,
      complaint.handler_id,
      { kind: decision.notice, message: decision.message },
      now,
    );
    outcome = decision.outcome;
  }
  if (setting === 'send' && outcome !== 'sent' && outcome !== 'not_needed') {
    // Why the organisation's "send automatically" did not happen for this dossier.
    await appendDossierEvent(tx, organisationId, complaintId, {
      type: 'acknowledgment.not_sent_automatically',
      actor: { kind: 'system', id: null },
      occurredAt: now,
      data: { outcome },
    });
  }
  await settleAcknowledgmentTask(tx, organisationId, complaintId, outcome, now);
  return outcome;
}

/** Counts a failed run; after the last one a person is told and the task is closed as failed. */
async function recordFailure(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  error: unknown,
  now: Date,
): Promise<void> {
  // Only a code or a class name: messages of library errors may quote personal data.
  const what = error instanceof AppError ? error.code : error instanceof Error ? error.name : 'unknown';
  const attempts = await recordAcknowledgmentAttempt(tx, organisationId, complaintId, what);
  if (attempts < MAX_ATTEMPTS) return;
  const complaint = await tx
    .selectFrom('complaints')
    .select(['reference', 'handler_id'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  await notifyComplaintStaff(
    tx,
    organisationId,
    complaintId,
    complaint.handler_id,
    {
      kind: 'acknowledgment_task',
      message: `De ontvangstbevestiging voor ${complaint.reference} kon na ${attempts} pogingen niet automatisch worden gemaakt; verstuur hem zelf.`,
    },
    now,
  );
  await settleAcknowledgmentTask(tx, organisationId, complaintId, 'failed', now);
}
