import type { AccessContext } from '../auth/access-context.ts';
import type { Tx } from '../db/tenant.ts';
import { amsterdamDateOf, type LocalDate } from '../domain/calendar/local-date.ts';
import { formatDutchDate } from '../domain/calendar/explain.ts';
import { composeLetter } from '../domain/letters/compose-letter.ts';
import { disputesBodyBlock } from '../domain/letters/disputes-body-block.ts';
import { meetingCalendar, meetingEventOf } from '../domain/letters/ical.ts';
import type { LetterCommon, LetterContentMap } from '../domain/letters/letter-content.ts';
import { letterToText } from '../domain/letters/letter-text.ts';
import { LETTER_TYPE_SPECS, type LetterLanguage, type LetterType } from '../domain/letters/letter-types.ts';
import type { RenderableLetter } from '../domain/letters/renderable-letter.ts';
import { computeClocks } from '../domain/procedure/clocks.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { loadCalendar } from '../procedure/clock-columns.ts';
import { loadComplaintSnapshot } from '../procedure/snapshot.repository.ts';
import type { Secrets } from '../secrets.ts';
import { letterheadFromOrganisation } from './render/letterhead.ts';
import { renderLetterPdf } from './render/render-letter-pdf.ts';
import { issueLetter, type IssuedLetter } from './issue-letter.ts';
import { issuePortalLink } from '../portal/portal-link.ts';
import { resolveLetterTemplate } from './templates/letter-template.service.ts';

/** Letters about a complaint, filled in from its dossier; what staff typed overrides the defaults. */
export type ComplaintLetterType = Extract<
  LetterType,
  | 'acknowledgment'
  | 'information_request'
  | 'delay_notice'
  | 'meeting_invitation'
  | 'meeting_confirmation'
  | 'decision'
  | 'hearing_request'
  | 'hearing_statement'
  | 'insurer_notification'
  | 'insurer_consultation_record'
>;

export interface LetterDeps {
  secrets: Secrets;
  onMailQueued?: () => void;
  /** Where complainants reach the product; with it, the acknowledgment carries their portal link. */
  publicBaseUrl?: string;
}

export interface LetterRequest {
  /** For a letter to an involved employee (hearing request and statement): who; else the complainant. */
  employeeId?: string;
  /** Content fields to set or replace (e.g. the complaint summary in the handler's own words). */
  fields?: Record<string, unknown>;
  /** Defaults to e-mail when the recipient has an address, else post. */
  delivery?: 'email' | 'post';
  automatic?: boolean;
  /** For a preview before the step: what it is about to store; the letter is written from this. */
  pending?: PendingStep;
}

/** A step's input not stored yet (a preview): each replaces what the dossier holds for it. */
export interface PendingStep {
  meetingAt?: Date;
  consultation?: { at: Date | null; withWhom: string | null; agreed: string | null };
  statementText?: string | null;
}

interface Gathered {
  content: LetterContentMap[ComplaintLetterType];
  recipientKind: 'complainant' | 'employee' | 'insurer';
  recipientName: string;
  recipientEmail: string | null;
  language: LetterLanguage;
  organisationName: string;
  affiliationNumber: string | null;
  letterhead: ReturnType<typeof letterheadFromOrganisation>;
  mailDomain: string;
  /** For a letter with a calendar file: the event's UID and version (a confirmation updates it). */
  meeting: { uid: string | null; sequence: number } | null;
}

function dayOf(value: Date | string): LocalDate {
  return amsterdamDateOf(new Date(value));
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function clockTimeOf(instant: Date): string {
  return AMSTERDAM_TIME.format(instant);
}

/** The ways to reach us, as the templates' "U kunt ons bereiken via …" continues. */
export function contactLine(org: {
  email: string | null;
  phone: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
}): string {
  const ways = [
    org.email ? `e-mail (${org.email})` : null,
    org.phone ? `telefoon (${org.phone})` : null,
    org.street && org.city
      ? `post (${org.street}, ${[org.postal_code, org.city].filter(Boolean).join(' ')})`
      : null,
  ].filter((w): w is string => w !== null);
  if (ways.length === 0) return 'de klachtencoördinator';
  return ways.length === 1 ? ways[0]! : `${ways.slice(0, -1).join(', ')} of ${ways.at(-1)!}`;
}

async function gather(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  type: ComplaintLetterType,
  fields: Record<string, unknown>,
  now: Date,
  portal: { baseUrl: string; issue: boolean } | null,
  employeeId: string | undefined,
  pending: PendingStep = {},
): Promise<Gathered> {
  const row = await tx
    .selectFrom('complaints as c')
    .innerJoin('complainants as p', (j) =>
      j.onRef('p.organisation_id', '=', 'c.organisation_id').onRef('p.id', '=', 'c.complainant_id'),
    )
    .leftJoin('users as h', (j) =>
      j.onRef('h.organisation_id', '=', 'c.organisation_id').onRef('h.id', '=', 'c.handler_id'),
    )
    .select([
      'c.reference',
      'c.received_at',
      'c.description',
      'p.name as complainant_name',
      'p.email as complainant_email',
      'p.street',
      'p.postal_code',
      'p.city',
      'h.display_name as handler_name',
    ])
    .where('c.organisation_id', '=', organisationId)
    .where('c.id', '=', complaintId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('De klacht');
  const org = await tx
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const smtp = await tx
    .selectFrom('smtp_settings')
    .select('from_address')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  const snapshot = await loadComplaintSnapshot(tx, organisationId, complaintId);
  if (!snapshot) throw new NotFoundError('De klacht');
  const clocks = computeClocks(snapshot, await loadCalendar(tx, organisationId), now);
  const decisionDue = clocks.find((c) => c.kind === 'decision')?.dueDate ?? null;

  const language = org.letter_language;
  const reference = row.reference;
  const handlerName = row.handler_name ?? org.signer_name ?? 'de klachtencoördinator';
  const contactDetails = contactLine(org);
  const common: LetterCommon = {
    reference,
    letterDate: dayOf(now),
    place: org.city ?? null,
    recipient: {
      name: row.complainant_name,
      addressLines: [row.street, [row.postal_code, row.city].filter(Boolean).join(' ')].filter(
        (l): l is string => !!l,
      ),
    },
    salutation: null,
    signer: {
      name: row.handler_name ?? org.signer_name,
      role: row.handler_name ? 'Klachtbehandelaar' : org.signer_title,
    },
  };
  const receivedDate = dayOf(row.received_at);
  const summary = row.description.length > 400 ? `${row.description.slice(0, 397)}...` : row.description;

  let content: LetterContentMap[ComplaintLetterType];
  let meeting: Gathered['meeting'] = type === 'meeting_invitation' ? { uid: null, sequence: 0 } : null;
  let recipient: { kind: 'complainant' | 'employee' | 'insurer'; name: string; email: string | null } = {
    kind: 'complainant',
    name: row.complainant_name,
    email: row.complainant_email,
  };
  switch (type) {
    case 'insurer_notification': {
      // R5: what the insurer needs to judge the risk: the complaint and the dossier so far.
      const insurerName = org.liability_insurer_name ?? 'Beroepsaansprakelijkheidsverzekeraar';
      recipient = { kind: 'insurer', name: insurerName, email: org.liability_insurer_email };
      const when = (value: Date) => formatDutchDate(dayOf(value));
      const extract = [
        `${formatDutchDate(receivedDate)}: klacht ontvangen`,
        ...(snapshot.acknowledgmentSentAt
          ? [`${when(snapshot.acknowledgmentSentAt)}: ontvangst bevestigd`]
          : []),
        ...snapshot.informationRequests.map((r) => `${when(r.sentAt)}: ontbrekende informatie gevraagd`),
        ...snapshot.hearings.flatMap((h) =>
          h.requestedAt ? [`${when(h.requestedAt)}: betrokken medewerker om reactie gevraagd`] : [],
        ),
        ...(snapshot.liability.flaggedAt
          ? [`${when(snapshot.liability.flaggedAt)}: gemarkeerd als mogelijke aansprakelijkstelling`]
          : []),
      ];
      content = {
        ...common,
        recipient: {
          name: [
            insurerName,
            org.liability_insurer_contact ? `t.a.v. ${org.liability_insurer_contact}` : null,
          ]
            .filter(Boolean)
            .join(', '),
          addressLines: [],
        },
        salutation: null,
        yourReference: null,
        policyNumber: org.liability_insurer_policy_number,
        receivedDate,
        handlerName,
        complaintSummary: summary,
        liabilityReason: null,
        dossierExtract: extract,
        contactDetails,
        claimAmount: null,
      };
      break;
    }
    case 'hearing_request': {
      const employee = employeeId
        ? await tx
            .selectFrom('users')
            .select(['display_name', 'email'])
            .where('organisation_id', '=', organisationId)
            .where('id', '=', employeeId)
            .executeTakeFirst()
        : undefined;
      if (!employee) throw new NotFoundError('De medewerker');
      recipient = { kind: 'employee', name: employee.display_name, email: employee.email };
      const hearing = clocks.find((c) => c.kind === 'hearing_reaction' && c.subjectId === employeeId);
      content = {
        ...common,
        recipient: { name: employee.display_name, addressLines: [] },
        salutation: null,
        receivedDate,
        complaintSummary: summary,
        requestedComment: null,
        respondBy: hearing?.dueDate ?? null,
        handlerName,
      };
      break;
    }
    case 'hearing_statement': {
      // R4: the summary of the employee's reaction as recorded, put to them for signature.
      const hearing = employeeId
        ? await tx
            .selectFrom('hearings as h')
            .innerJoin('users as u', (j) =>
              j.onRef('u.organisation_id', '=', 'h.organisation_id').onRef('u.id', '=', 'h.employee_id'),
            )
            .select(['u.display_name', 'u.email', 'h.statement_text', 'h.statement_recorded_at'])
            .where('h.organisation_id', '=', organisationId)
            .where('h.complaint_id', '=', complaintId)
            .where('h.employee_id', '=', employeeId)
            .executeTakeFirst()
        : undefined;
      if (!hearing) throw new NotFoundError('De medewerker');
      recipient = { kind: 'employee', name: hearing.display_name, email: hearing.email };
      content = {
        ...common,
        recipient: { name: hearing.display_name, addressLines: [] },
        salutation: null,
        reactionDate:
          pending.statementText !== undefined
            ? dayOf(now)
            : hearing.statement_recorded_at
              ? dayOf(hearing.statement_recorded_at)
              : null,
        recordedBy: handlerName,
        reactionSummary: pending.statementText !== undefined ? pending.statementText : hearing.statement_text,
        complaintSummary: summary,
        signBy: null,
      };
      break;
    }
    case 'insurer_consultation_record': {
      // R5: the record of the latest consultation, to the insurer so they can correct it.
      const consultation = pending.consultation
        ? {
            consulted_at: pending.consultation.at,
            with_whom: pending.consultation.withWhom,
            agreed: pending.consultation.agreed,
          }
        : await tx
            .selectFrom('insurer_consultations')
            .select(['consulted_at', 'with_whom', 'agreed'])
            .where('organisation_id', '=', organisationId)
            .where('complaint_id', '=', complaintId)
            .orderBy('recorded_at', 'desc')
            .limit(1)
            .executeTakeFirst();
      const insurerName = org.liability_insurer_name ?? 'Beroepsaansprakelijkheidsverzekeraar';
      recipient = { kind: 'insurer', name: insurerName, email: org.liability_insurer_email };
      content = {
        ...common,
        recipient: {
          name: [
            insurerName,
            org.liability_insurer_contact ? `t.a.v. ${org.liability_insurer_contact}` : null,
          ]
            .filter(Boolean)
            .join(', '),
          addressLines: [],
        },
        salutation: null,
        yourReference: null,
        consultationDate: consultation?.consulted_at ? dayOf(consultation.consulted_at) : null,
        withWhom: consultation?.with_whom ?? null,
        policyNumber: org.liability_insurer_policy_number,
        agreed: consultation?.agreed ?? null,
        recordedBy: handlerName,
        consultationMode: null,
        nextStep: null,
      };
      break;
    }
    case 'meeting_confirmation': {
      // R7: the meeting the complainant accepted, at the time now agreed (the invitation's or a new one).
      const planned = await tx
        .selectFrom('meetings')
        .select(['invited_at', 'scheduled_for'])
        .where('organisation_id', '=', organisationId)
        .where('complaint_id', '=', complaintId)
        .where('held_at', 'is', null)
        .orderBy('invited_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const start = planned ? (pending.meetingAt ?? new Date(planned.scheduled_for)) : null;
      const earlier = planned
        ? await tx
            .selectFrom('letters')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organisation_id', '=', organisationId)
            .where('complaint_id', '=', complaintId)
            .where('letter_type', '=', 'meeting_confirmation')
            .where('issued_at', '>=', new Date(planned.invited_at))
            .executeTakeFirstOrThrow()
        : { n: '0' };
      // The invitation's event had this UID; the confirmation replaces it in the calendar.
      meeting = planned
        ? { uid: `${complaintId}-${new Date(planned.invited_at).getTime()}`, sequence: Number(earlier.n) + 1 }
        : null;
      content = {
        ...common,
        meetingDate: start ? dayOf(start) : null,
        startTime: start ? clockTimeOf(start) : null,
        endTime: start ? clockTimeOf(new Date(start.getTime() + 60 * 60_000)) : null,
        location: org.street && org.city ? `${org.name}, ${org.street}, ${org.city}` : null,
        handlerName,
        contactDetails,
        notes: null,
      };
      break;
    }
    case 'acknowledgment': {
      // The personal link to the portal is made only when the letter really goes out.
      const link = portal
        ? portal.issue
          ? (
              await issuePortalLink(tx, {
                organisationId,
                complaintId,
                now,
                baseUrl: portal.baseUrl,
                language,
              })
            ).url
          : `${portal.baseUrl.replace(/\/$/, '')}/portaal/…`
        : null;
      content = {
        ...common,
        receivedDate,
        complaintSummary: summary,
        investigationMethod:
          'Wij bestuderen uw klacht en uw dossier. Gaat de klacht over een medewerker, dan vragen wij die om een reactie. Missen wij informatie, dan laten wij u dat binnen tien werkdagen weten.',
        expectedContactDate: decisionDue,
        handlerName,
        contactDetails: link ? `${contactDetails}, of via uw persoonlijke pagina ${link}` : contactDetails,
      };
      break;
    }
    case 'information_request':
      content = {
        ...common,
        missingInformation: [],
        answerBy: null,
        contactDetails,
        receivedDate,
        consequence: null,
      };
      break;
    case 'delay_notice':
      content = {
        ...common,
        reason: null,
        newDate: null,
        contactDetails,
        receivedDate,
        originalDate: decisionDue,
      };
      break;
    case 'meeting_invitation':
      content = {
        ...common,
        meetingDate: null,
        startTime: null,
        endTime: null,
        location: org.street && org.city ? `${org.name}, ${org.street}, ${org.city}` : null,
        handlerName,
        contactDetails,
        topic: summary,
        respondBy: null,
      };
      break;
    case 'decision': {
      const body = await tx
        .selectFrom('disputes_bodies')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow();
      content = {
        ...common,
        receivedDate,
        complaintSummary: summary,
        investigationResults: null,
        judgment: null,
        followUpActions: null,
        furtherContact: `Wilt u over ons standpunt verder praten? Neem dan contact met ons op via ${contactDetails}.`,
        disputesBody: disputesBodyBlock(
          {
            name: body.name,
            postalAddress: body.postal_address,
            postalCodeCity: body.postal_code_city,
            phone: body.phone,
            email: body.email,
            website: body.website,
          },
          org.kifid_affiliation_number,
          language,
        ),
      };
      break;
    }
  }
  return {
    content: { ...content, ...fields } as LetterContentMap[ComplaintLetterType],
    recipientKind: recipient.kind,
    recipientName: recipient.name,
    recipientEmail: recipient.email,
    language,
    organisationName: org.name,
    affiliationNumber: org.kifid_affiliation_number,
    letterhead: letterheadFromOrganisation(org),
    mailDomain: (smtp?.from_address.split('@')[1] ?? 'klachtwijzer.invalid').toLowerCase(),
    meeting,
  };
}

async function compose(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  type: ComplaintLetterType,
  request: LetterRequest,
  now: Date,
  portal: { baseUrl: string; issue: boolean } | null = null,
): Promise<{ gathered: Gathered; letter: RenderableLetter }> {
  const gathered = await gather(
    tx,
    organisationId,
    complaintId,
    type,
    request.fields ?? {},
    now,
    portal,
    request.employeeId,
    request.pending,
  );
  const letter = composeLetter({
    type,
    content: gathered.content,
    template: await resolveLetterTemplate(tx, organisationId, type, gathered.language),
    organisation: { name: gathered.organisationName, kifidAffiliationNumber: gathered.affiliationNumber },
  });
  return { gathered, letter };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The PDF as it would go out now; a letter that is not complete yet is marked as a draft. */
export async function previewComplaintLetter(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  type: ComplaintLetterType,
  request: LetterRequest,
  now: Date,
  publicBaseUrl?: string,
): Promise<{ pdf: Buffer; problems: readonly string[]; subject: string; fileName: string }> {
  // The portal link shows as a placeholder: a preview hands out no link.
  const portal = publicBaseUrl ? { baseUrl: publicBaseUrl, issue: false } : null;
  const { gathered, letter } = await compose(tx, organisationId, complaintId, type, request, now, portal);
  return {
    pdf: await renderLetterPdf(letter, gathered.letterhead, { language: gathered.language }),
    problems: letter.problems,
    subject: `${letter.subject} [${letter.reference}]`,
    fileName: `${letter.title}.pdf`,
  };
}

/** What the letter would miss if it went out now (empty: complete); composes but renders nothing. */
export async function checkComplaintLetter(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  type: ComplaintLetterType,
  request: LetterRequest,
  now: Date,
): Promise<{ problems: readonly string[]; recipientEmail: string | null }> {
  const { gathered, letter } = await compose(tx, organisationId, complaintId, type, request, now);
  return { problems: letter.problems, recipientEmail: gathered.recipientEmail };
}

/**
 * A letter composed again from the content it was sent with (`letters.content`), through the same
 * template choice as every letter: for a copy that adds to it, such as the signed hearing statement.
 */
export async function recomposeComplaintLetter(
  tx: Tx,
  organisationId: string,
  complaintId: string,
  type: ComplaintLetterType,
  request: LetterRequest & { fields: Record<string, unknown> },
  now: Date,
): Promise<{
  letter: RenderableLetter;
  letterhead: ReturnType<typeof letterheadFromOrganisation>;
  language: LetterLanguage;
}> {
  const { gathered, letter } = await compose(tx, organisationId, complaintId, type, request, now);
  return { letter, letterhead: gathered.letterhead, language: gathered.language };
}

/**
 * Composes, checks, renders and issues the letter in the caller's transaction. A letter with an
 * empty required element is refused with a Dutch message naming each one; nothing is stored then.
 */
export async function sendComplaintLetter(
  tx: Tx,
  context: AccessContext,
  deps: LetterDeps,
  complaintId: string,
  type: ComplaintLetterType,
  request: LetterRequest,
  now: Date,
): Promise<IssuedLetter> {
  const portal = deps.publicBaseUrl ? { baseUrl: deps.publicBaseUrl, issue: true } : null;
  const { gathered, letter } = await compose(
    tx,
    context.organisationId,
    complaintId,
    type,
    request,
    now,
    portal,
  );
  if (letter.problems.length > 0) {
    throw new ValidationError(
      `${capitalise(LETTER_TYPE_SPECS[type].noun.nl)} kan nog niet worden verstuurd: ${letter.problems.join(' ')}`,
      letter.problems.map((message) => ({ field: '/letter', message })),
      'letter_incomplete',
    );
  }
  const delivery = request.delivery ?? (gathered.recipientEmail ? 'email' : 'post');
  if (delivery === 'email' && !gathered.recipientEmail) {
    throw new ValidationError('De klager heeft geen e-mailadres; verstuur de brief per post.', [
      { field: '/delivery', message: 'no e-mail address on the dossier' },
    ]);
  }
  const pdf = await renderLetterPdf(letter, gathered.letterhead, { language: gathered.language });
  const calendar = gathered.meeting
    ? meetingEventOf(gathered.content as LetterContentMap['meeting_invitation'], {
        uid: `${gathered.meeting.uid ?? `${complaintId}-${now.getTime()}`}@${gathered.mailDomain}`,
        sequence: gathered.meeting.sequence,
        stamp: now,
        organisationName: gathered.organisationName,
        language: gathered.language,
      })
    : null;
  return issueLetter(
    tx,
    context,
    deps.secrets,
    gathered.mailDomain,
    {
      complaintId,
      cancellationRequestId: null,
      dossierId: complaintId,
      letterType: type,
      language: gathered.language,
      recipientKind: gathered.recipientKind,
      recipientName: gathered.recipientName,
      recipientEmail: gathered.recipientEmail,
      delivery,
      automatic: request.automatic ?? false,
      subject: `${letter.subject} [${letter.reference}]`,
      text: letterToText(letter),
      pdf,
      fileName: `${letter.title}.pdf`,
      content: gathered.content,
      ...(calendar
        ? {
            extraAttachments: [
              {
                fileName: 'gesprek.ics',
                mediaType: 'text/calendar',
                content: Buffer.from(meetingCalendar(calendar)),
              },
            ],
          }
        : {}),
    },
    now,
  );
}
