import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  formatBusinessHours,
  parseBusinessHours,
  type BusinessCalendar,
} from '../../../../shared/domain/business-time';
import { evaluateSla, parseDuration, type SlaTargets } from '../../../../shared/domain/sla';

const ZONE = 'Europe/Madrid';
const calendar = (hours: string, holidays: string[] = []): BusinessCalendar => ({
  week: parseBusinessHours(hours),
  holidays,
  timeZone: ZONE,
});
/** A Madrid wall time written with its offset, as a person checks it on a calendar. */
const at = (iso: string): number => Date.parse(iso);
const HOUR = 60;

describe('business time (hand-computed, Europe/Madrid)', () => {
  it('carries what is left at closing time to the next working morning', () => {
    // Friday 16:30 + 1 h in a 09:00–17:00 team: 30 minutes on Friday, 30 on Monday.
    expect(addBusinessMinutes(at('2026-07-03T16:30+02:00'), HOUR, calendar('mon-fri 09:00-17:00'))).toBe(
      at('2026-07-06T09:30+02:00'),
    );
    // The same in a 09:00–18:00 team, opened at 17:30.
    expect(addBusinessMinutes(at('2026-07-03T17:30+02:00'), HOUR, calendar('mon-fri 09:00-18:00'))).toBe(
      at('2026-07-06T09:30+02:00'),
    );
    // Opened at 16:30 in a 09:00–18:00 team, the hour fits on Friday.
    expect(addBusinessMinutes(at('2026-07-03T16:30+02:00'), HOUR, calendar('mon-fri 09:00-18:00'))).toBe(
      at('2026-07-03T17:30+02:00'),
    );
    // Opened on a Saturday night: the clock starts on Monday at nine.
    expect(addBusinessMinutes(at('2026-07-04T23:00+02:00'), HOUR, calendar('mon-fri 09:00-18:00'))).toBe(
      at('2026-07-06T10:00+02:00'),
    );
  });

  it('skips a holiday', () => {
    // Thursday 17:30 + 2 h: 30 minutes on Thursday; Good Friday off; 90 minutes on Monday.
    expect(
      addBusinessMinutes(at('2026-04-02T17:30+02:00'), 2 * HOUR, calendar('mon-fri 09:00-18:00', ['2026-04-03'])),
    ).toBe(at('2026-04-06T10:30+02:00'));
  });

  it('keeps wall times across a daylight-saving change', () => {
    // Friday 27 March 17:00 (UTC+1) + 2 h: one hour on Friday, one on Monday 30 March from 09:00 (now UTC+2).
    const due = addBusinessMinutes(at('2026-03-27T17:00+01:00'), 2 * HOUR, calendar('mon-fri 09:00-18:00'));
    expect(due).toBe(at('2026-03-30T10:00+02:00'));
    expect(new Date(due).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // A round-the-clock team on the short Sunday: 01:30 + 2 h of real time is 04:30, the clock having jumped.
    expect(addBusinessMinutes(at('2026-03-29T01:30+01:00'), 2 * HOUR, calendar('mon-sun 00:00-24:00'))).toBe(
      at('2026-03-29T04:30+02:00'),
    );
    // And on the long Sunday of October, 01:30 + 2 h is 02:30 the second time.
    expect(addBusinessMinutes(at('2026-10-25T01:30+02:00'), 2 * HOUR, calendar('mon-sun 00:00-24:00'))).toBe(
      at('2026-10-25T02:30+01:00'),
    );
  });

  it('counts several periods a day and reads Spanish day names', () => {
    const split = calendar('lun-vie 09:00-14:00 16:00-19:00');
    expect(addBusinessMinutes(at('2026-07-01T13:30+02:00'), HOUR, split)).toBe(at('2026-07-01T16:30+02:00'));
    expect(formatBusinessHours(split.week)).toBe('mon-fri 09:00-14:00 16:00-19:00');
    expect(formatBusinessHours(parseBusinessHours('mon-thu 09:00-18:00; fri 08:00-15:00'))).toBe(
      'mon-thu 09:00-18:00; fri 08:00-15:00',
    );
  });

  it('refuses business hours it cannot read, saying what is wrong', () => {
    expect(() => parseBusinessHours('weekdays 9-5')).toThrow(/not a weekday|write days then hours/);
    expect(() => parseBusinessHours('mon-fri 18:00-09:00')).toThrow(/does not end after it starts/);
    expect(() => parseBusinessHours('mon 09:00-14:00 13:00-18:00')).toThrow(/overlap/);
  });

  it('reads durations as people write them', () => {
    expect(parseDuration('1h')).toBe(60);
    expect(parseDuration('1h30m')).toBe(90);
    expect(parseDuration('2d')).toBe(2880);
    expect(parseDuration('45')).toBe(45);
    expect(parseDuration('soon')).toBeNull();
    expect(parseDuration('0m')).toBeNull();
  });
});

describe('a case’s SLA', () => {
  const targets: SlaTargets = {
    firstResponseMinutes: 60,
    nextResponseMinutes: 120,
    resolutionMinutes: 24 * 60,
    calendar: calendar('mon-fri 09:00-18:00'),
  };
  const opened = at('2026-07-03T17:30+02:00');

  it('is due on Monday 09:30 and active until then, missed after', () => {
    const timeline = { openedAt: opened, customerMessages: [opened], responses: [], resolvedAt: null };
    const before = evaluateSla(timeline, targets, at('2026-07-06T09:00+02:00'));
    expect(before.firstResponseDue).toBe(at('2026-07-06T09:30+02:00'));
    expect(before.state).toBe('active');
    expect(before.nextDue).toBe(at('2026-07-06T09:30+02:00'));
    const after = evaluateSla(timeline, targets, at('2026-07-06T10:00+02:00'));
    expect(after.state).toBe('active_with_misses');
    expect(after.misses).toEqual([{ target: 'first_response', at: at('2026-07-06T09:30+02:00') }]);
  });

  it('counts a next-response miss once per customer message, however often it is evaluated', () => {
    const firstReply = at('2026-07-06T09:10+02:00');
    const timeline = {
      openedAt: opened,
      customerMessages: [opened, at('2026-07-06T10:00+02:00'), at('2026-07-06T10:05+02:00')],
      responses: [firstReply, at('2026-07-06T15:00+02:00')],
      resolvedAt: null,
    };
    const later = evaluateSla(timeline, targets, at('2026-07-06T16:00+02:00'));
    expect(later.misses.filter((miss) => miss.target === 'next_response')).toEqual([
      { target: 'next_response', at: at('2026-07-06T12:00+02:00') },
      { target: 'next_response', at: at('2026-07-06T12:05+02:00') },
    ]);
    expect(evaluateSla(timeline, targets, at('2026-07-07T09:00+02:00')).misses).toHaveLength(2);
    // Answered in time, a customer message is no miss; unanswered, its due time is the one running.
    const waiting = { ...timeline, customerMessages: [...timeline.customerMessages, at('2026-07-06T15:30+02:00')] };
    const now = evaluateSla(waiting, targets, at('2026-07-06T16:00+02:00'));
    expect(now.nextResponseDue).toBe(at('2026-07-06T17:30+02:00'));
    expect(now.misses).toHaveLength(2);
  });

  it('is hit or missed once resolved', () => {
    const base = { openedAt: opened, customerMessages: [opened], responses: [at('2026-07-06T09:15+02:00')] };
    const hit = evaluateSla({ ...base, resolvedAt: at('2026-07-06T12:00+02:00') }, targets, at('2026-08-01T00:00Z'));
    expect(hit.state).toBe('hit');
    expect(hit.nextDue).toBeNull();
    // 24 business hours from Friday 17:30: 30 min Friday, 9 h each Monday and Tuesday, 5.5 h Wednesday → 14:30.
    expect(hit.resolutionDue).toBe(at('2026-07-08T14:30+02:00'));
    const missed = evaluateSla({ ...base, resolvedAt: at('2026-07-08T15:00+02:00') }, targets, at('2026-08-01T00:00Z'));
    expect(missed.state).toBe('missed');
    expect(missed.misses).toEqual([{ target: 'resolution', at: at('2026-07-08T14:30+02:00') }]);
  });
});
