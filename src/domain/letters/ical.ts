import { isLocalDate, type LocalDate } from '../calendar/local-date.ts';
import type { ClockTime, MeetingDetails } from './letter-content.ts';
import { isClockTime, minutesOf } from './letter-format.ts';
import type { LetterLanguage } from './letter-types.ts';

/** A personal conversation as an RFC 5545 event, in Amsterdam's wall-clock time. */
export interface MeetingEvent {
  /** Stable for the meeting (e.g. "<meeting id>@<our domain>"), so a later version replaces it. */
  readonly uid: string;
  /** When this version of the event was made (DTSTAMP); taken from the injected clock. */
  readonly stamp: Date;
  readonly date: LocalDate;
  readonly startTime: ClockTime;
  readonly endTime: ClockTime;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
  /** 0 for the invitation; raise it for every change (the confirmation of a moved meeting). */
  readonly sequence?: number;
  readonly organizer?: { readonly name: string; readonly email: string } | null;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const TZID = 'Europe/Amsterdam';

// Amsterdam's rules since 1996 (EU summer time: last Sunday of March to last Sunday of October).
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19810329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19961027T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

// Control characters would end a content line early or smuggle in a property of their own.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A parameter value (CN=…): no DQUOTE is possible inside, so it is dropped; quoted when needed. */
function paramValue(value: string): string {
  const clean = value
    .replace(/[\r\n"]/g, ' ')
    .replace(CONTROL, '')
    .trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return code < 0x10000 ? 3 : 4;
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one space. Folding happens
 * between characters, never inside a multi-byte UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function compactDate(date: LocalDate): string {
  return date.replace(/-/g, '');
}

function localDateTime(date: LocalDate, time: ClockTime): string {
  return `${compactDate(date)}T${time.replace(':', '')}00`;
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * The calendar file that goes with the meeting invitation and its confirmation: METHOD:PUBLISH (a
 * file to add to one's calendar, not a meeting request that expects a reply), the event in
 * Amsterdam time with its VTIMEZONE, CRLF line endings, folded lines.
 */
export function meetingCalendar(event: MeetingEvent): string {
  if (!isLocalDate(event.date)) throw new RangeError(`not a date: ${JSON.stringify(event.date)}`);
  if (!isClockTime(event.startTime) || !isClockTime(event.endTime)) {
    throw new RangeError('start and end must be times as HH:MM');
  }
  if (minutesOf(event.endTime) <= minutesOf(event.startTime)) {
    throw new RangeError('the meeting must end after it starts');
  }
  if (Number.isNaN(event.stamp.getTime())) throw new RangeError('invalid DTSTAMP');
  const uid = event.uid.replace(/[\s"]/g, '').replace(CONTROL, '');
  if (uid === '') throw new RangeError('a meeting event needs a UID');
  const organizer = event.organizer;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Klachtwijzer//Brieven//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence ?? 0))}`,
    `DTSTART;TZID=${TZID}:${localDateTime(event.date, event.startTime)}`,
    `DTEND;TZID=${TZID}:${localDateTime(event.date, event.endTime)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(organizer === null || organizer === undefined
      ? []
      : [
          `ORGANIZER;CN=${paramValue(organizer.name)}:mailto:${organizer.email.replace(/[\s"<>]/g, '').replace(CONTROL, '')}`,
        ]),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/**
 * The event for a meeting letter's details. Returns null while the letter lacks a date, times or
 * place: such a letter cannot be sent either (`checkLetter`).
 */
export function meetingEventOf(
  details: MeetingDetails & { readonly reference: string | null },
  options: {
    readonly uid: string;
    readonly stamp: Date;
    readonly organisationName: string;
    readonly language: LetterLanguage;
    readonly sequence?: number;
    readonly organizer?: MeetingEvent['organizer'];
  },
): MeetingEvent | null {
  const { meetingDate, startTime, endTime, location, handlerName, reference } = details;
  if (!isLocalDate(meetingDate) || !isClockTime(startTime) || !isClockTime(endTime)) return null;
  if (location === null || location.trim() === '') return null;
  const who = handlerName?.trim() ?? '';
  const ref = reference?.trim() ?? '';
  const nl = options.language === 'nl';
  const summary = nl
    ? `Gesprek over uw klacht met ${options.organisationName}`
    : `Meeting about your complaint with ${options.organisationName}`;
  const description = [
    nl ? 'Persoonlijk gesprek over uw klacht.' : 'Personal meeting about your complaint.',
    who === '' ? '' : nl ? `U spreekt met ${who}.` : `You will meet ${who}.`,
    ref === '' ? '' : nl ? `Ons kenmerk: ${ref}` : `Our reference: ${ref}`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  return {
    uid: options.uid,
    stamp: options.stamp,
    date: meetingDate,
    startTime,
    endTime,
    summary,
    location: location.trim(),
    description,
    sequence: options.sequence ?? 0,
    organizer: options.organizer ?? null,
  };
}
