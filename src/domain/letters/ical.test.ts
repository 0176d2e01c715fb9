import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, meetingCalendar, meetingEventOf, type MeetingEvent } from './ical.ts';
import { COMPLETE, day } from './letter-fixtures.ts';

const EVENT: MeetingEvent = {
  uid: 'meeting-7f3a@klachtwijzer.example',
  stamp: new Date('2026-03-04T10:15:30.123Z'),
  date: day('2026-03-19'),
  startTime: '14:00',
  endTime: '15:00',
  summary: 'Gesprek over uw klacht met Brouwer & Zoën',
  location: 'Oudegracht 101, 3511 AD Utrecht; 1e verdieping',
  description: 'Persoonlijk gesprek.\nU spreekt met Sanne Prinsë.',
  organizer: { name: 'Brouwer & Zoën, klachten', email: 'klachten@brouwer-zoen.nl' },
};

function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
}

/** A property of the event (the time zone has a DTSTART of its own). */
function property(text: string, name: string): string | undefined {
  const lines = unfold(text);
  return lines
    .slice(lines.indexOf('BEGIN:VEVENT'))
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
}

describe('meetingCalendar (RFC 5545)', () => {
  const ics = meetingCalendar(EVENT);

  it('uses CRLF line endings only, and ends with one', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every line within 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('has one calendar with a time zone and one event', () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('TZID:Europe/Amsterdam');
    expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
  });

  it('states the times in Amsterdam time and the stamp in UTC', () => {
    expect(property(ics, 'DTSTART')).toBe('DTSTART;TZID=Europe/Amsterdam:20260319T140000');
    expect(property(ics, 'DTEND')).toBe('DTEND;TZID=Europe/Amsterdam:20260319T150000');
    expect(property(ics, 'DTSTAMP')).toBe('DTSTAMP:20260304T101530Z');
    expect(property(ics, 'UID')).toBe('UID:meeting-7f3a@klachtwijzer.example');
    expect(property(ics, 'SEQUENCE')).toBe('SEQUENCE:0');
  });

  it('escapes commas, semicolons, backslashes and line breaks', () => {
    expect(property(ics, 'LOCATION')).toBe('LOCATION:Oudegracht 101\\, 3511 AD Utrecht\\; 1e verdieping');
    expect(property(ics, 'DESCRIPTION')).toBe(
      'DESCRIPTION:Persoonlijk gesprek.\\nU spreekt met Sanne Prinsë.',
    );
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('quotes a parameter value with a comma', () => {
    expect(property(ics, 'ORGANIZER')).toBe(
      'ORGANIZER;CN="Brouwer & Zoën, klachten":mailto:klachten@brouwer-zoen.nl',
    );
  });

  it('cannot be made to add a property through a field', () => {
    const sneaky = meetingCalendar({
      ...EVENT,
      summary: 'Gesprek\r\nATTACH:https://evil.example/x',
      location: 'x\u0000y',
    });
    expect(unfold(sneaky).some((line) => line.startsWith('ATTACH'))).toBe(false);
    expect(property(sneaky, 'SUMMARY')).toBe('SUMMARY:Gesprek\\nATTACH:https://evil.example/x');
    expect(property(sneaky, 'LOCATION')).toBe('LOCATION:xy');
  });

  it('folds long Dutch text without splitting a character', () => {
    const description =
      'Wij bespreken ons oordeel over uw klacht en de vervolgstappen. '.repeat(4) + 'ëïé€'.repeat(30);
    const folded = meetingCalendar({ ...EVENT, description });
    const lines = folded.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(property(folded, 'DESCRIPTION')).toBe(`DESCRIPTION:${escapeText(description)}`);
  });

  it('folds at exactly 75 octets', () => {
    const line = `X:${'a'.repeat(200)}`;
    const parts = foldLine(line).split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((p) => p.startsWith(' ') && Buffer.byteLength(p) <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it.each([
    ['an end before the start', { endTime: '13:00' }],
    ['a time that is not HH:MM', { startTime: '2 uur' }],
    ['a date that does not exist', { date: '2026-02-30' }],
    ['an empty UID', { uid: ' ' }],
    ['an invalid stamp', { stamp: new Date('x') }],
  ])('refuses %s', (_what, change) => {
    expect(() => meetingCalendar({ ...EVENT, ...(change as Partial<MeetingEvent>) })).toThrow(RangeError);
  });
});

describe('meetingEventOf', () => {
  it('builds the event from the invitation', () => {
    const event = meetingEventOf(COMPLETE.meeting_invitation, {
      uid: 'm-1@klachtwijzer.example',
      stamp: new Date('2026-03-04T10:00:00Z'),
      organisationName: 'Brouwer & Zoën',
      language: 'nl',
    });
    expect(event).toMatchObject({
      date: '2026-03-19',
      startTime: '14:00',
      endTime: '15:00',
      summary: 'Gesprek over uw klacht met Brouwer & Zoën',
      sequence: 0,
    });
    expect(event?.description).toBe(
      'Persoonlijk gesprek over uw klacht.\nU spreekt met Sanne Prinsë.\nOns kenmerk: KL-2026-0042',
    );
    expect(meetingCalendar(event as MeetingEvent)).toContain('LOCATION:Ons kantoor\\, Oudegracht 101');
  });

  it('has no event while the letter lacks its time', () => {
    const options = { uid: 'm', stamp: new Date(), organisationName: 'X', language: 'en' } as const;
    expect(meetingEventOf({ ...COMPLETE.meeting_confirmation, startTime: null }, options)).toBeNull();
    expect(meetingEventOf({ ...COMPLETE.meeting_confirmation, location: ' ' }, options)).toBeNull();
  });
});
