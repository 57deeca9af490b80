import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDate } from '../../../../../shared/domain/import/dates';
import {
  detectTemperatureScale,
  parseCount,
  parseKind,
  parseSource,
  parseTemperature,
  type Parsed,
} from '../../../../../shared/domain/import/values';
import { cellProblemText, inEnglish } from '../../../../../shared/domain/import/problems';

const value = <T>(parsed: Parsed<T>) =>
  parsed.ok ? parsed.value : `error: ${cellProblemText(parsed.problem, inEnglish())}`;

describe('legacy labels onto the temperature scale', () => {
  it('reads Spanish and English words in any case, with or without accents', () => {
    expect(
      ['Muy enfadado', 'ENFADADO', 'neutral', 'contento', 'muy contento'].map((w) => value(parseTemperature(w, null))),
    ).toEqual([-2, -1, 0, 1, 2]);
    expect(
      ['muy negativo', 'negativo', 'Positivo', 'very negative', 'negative', 'positive', 'Very Positive'].map((w) =>
        value(parseTemperature(w, null)),
      ),
    ).toEqual([-2, -1, 1, -2, -1, 1, 2]);
  });

  it("reads research corpora's codes: P+ P NEU N N+, three-level words, and NONE as no label at all", () => {
    expect(['P+', 'P', 'NEU', 'N', 'N+', 'NONE'].map((w) => value(parseTemperature(w, null)))).toEqual([
      2,
      1,
      0,
      -1,
      -2,
      null,
    ]);
    expect(
      ['positivo', 'negativo', 'neutro', 'pos', 'neg', 'neu', 'positive', 'neutral'].map((w) =>
        value(parseTemperature(w, null)),
      ),
    ).toEqual([1, -1, 0, 1, -1, 0, 1, 0]);
  });

  it("reads a listening tool's unrated mention (Meltwater's Not Rated) as no label, not neutral", () => {
    expect(
      ['Not Rated', 'unrated', 'Unclassified', 'N/A', 'sin valorar'].map((w) => value(parseTemperature(w, null))),
    ).toEqual([null, null, null, null, null]);
  });

  it('reads numbers on −2..2 and on 1–5, deciding the scale from the column', () => {
    expect(detectTemperatureScale(['-2', '0', '2'])).toBe('signed');
    expect(detectTemperatureScale(['1', '5', '3'])).toBe('five');
    expect(detectTemperatureScale(['1', '2', ''])).toBe('ambiguous');
    expect(detectTemperatureScale(['positive'])).toBeNull();
    // A stray value outside the scale the rest are on is that row's error, not a reason to read them all otherwise.
    expect(detectTemperatureScale(['-2', '1', '3', '0'])).toBe('signed');
    expect(detectTemperatureScale(['5', '4', '0', '1'])).toBe('five');
    expect(detectTemperatureScale(['-2', '3', '1'])).toBe('ambiguous');
    expect(['1', '2', '3', '4', '5'].map((n) => value(parseTemperature(n, 'five')))).toEqual([-2, -1, 0, 1, 2]);
    expect(value(parseTemperature('-1', 'signed'))).toBe(-1);
    expect(value(parseTemperature('', 'five'))).toBeNull();
  });

  it('never guesses: an unknown word or an out-of-scale number is an error', () => {
    expect(value(parseTemperature('furioso', null))).toBe('error: unknown temperature "furioso"');
    expect(value(parseTemperature('7', 'five'))).toMatch(/outside the 1–5 scale/);
    expect(value(parseTemperature('2', null))).toMatch(/cannot tell/);
  });

  it('reads kinds in both languages', () => {
    expect(
      ['Tramitación', 'queja', 'Suggestion', 'opinión', 'charla', 'SPAM', 'irrelevante'].map((w) =>
        value(parseKind(w)),
      ),
    ).toEqual(['case', 'complaint', 'suggestion', 'opinion', 'chat', 'spam', 'irrelevant']);
    expect(value(parseKind('otra cosa'))).toBe('error: unknown kind "otra cosa"');
  });

  it('maps networks, keeping unknown ones as other', () => {
    expect([
      parseSource('Twitter'),
      parseSource('X'),
      parseSource('fb'),
      parseSource('Foro'),
      parseSource('Mastodon'),
      parseSource('reddit'),
      parseSource('Forums'),
      parseSource('Blogs'),
      parseSource('Online News'),
    ]).toEqual(['twitter', 'twitter', 'facebook', 'forum', 'other', 'forum', 'forum', 'blog', 'news']);
  });
});

describe('counts with either separator', () => {
  it('reads thousands and decimal separators', () => {
    expect(
      ['1.234', '1,234', '1 234', '1.234.567', '1,234,567', '1.234,6', '1,234.4', '12', '2,5K', '1.2M', ''].map((t) =>
        value(parseCount(t)),
      ),
    ).toEqual([1234, 1234, 1234, 1234567, 1234567, 1235, 1234, 12, 2500, 1200000, null]);
    expect(value(parseCount('muchos'))).toMatch(/not a number/);
    expect(value(parseCount(42))).toBe(42);
    expect(['0', '007', '123456789012345', '1234567890123456'].map((t) => value(parseCount(t)))).toEqual([
      0, 7, 123456789012345, 1234567890123456,
    ]);
  });
});

describe('dates', () => {
  const madrid = 'Europe/Madrid';
  it('reads ISO with and without zone; zone-less values are in the workspace zone', () => {
    expect(value(parseDate('2026-03-05T10:00:00Z', null, madrid))).toBe(Date.UTC(2026, 2, 5, 10));
    expect(value(parseDate('2026-03-05 10:00', null, madrid))).toBe(Date.UTC(2026, 2, 5, 9));
    expect(value(parseDate('2015-02-24 11:35:52 -0800', null, madrid))).toBe(Date.UTC(2015, 1, 24, 19, 35, 52));
    expect(value(parseDate('2026-07-01', null, madrid))).toBe(Date.UTC(2026, 5, 30, 22));
  });

  it('reads day/month and month/day with 12 and 24 hour times', () => {
    expect(value(parseDate('05/03/2026 14:30', 'dmy', madrid))).toBe(Date.UTC(2026, 2, 5, 13, 30));
    expect(value(parseDate('03/05/2026 2:30 PM', 'mdy', madrid))).toBe(Date.UTC(2026, 2, 5, 13, 30));
    expect(value(parseDate('12/05/2026 12:15 a.m.', 'mdy', 'UTC'))).toBe(Date.UTC(2026, 11, 5, 0, 15));
    expect(value(parseDate('25/12/2026', null, 'UTC'))).toBe(Date.UTC(2026, 11, 25));
    expect(value(parseDate('05/03/2026', null, 'UTC'))).toMatch(/choose the date order/);
    expect(value(parseDate('31/02/2026', 'dmy', 'UTC'))).toMatch(/not a real date/);
    expect(value(parseDate('mañana', 'dmy', 'UTC'))).toMatch(/cannot read date/);
  });

  it('reads UTC timestamps as Date.parse does, and refuses impossible ones', () => {
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const two = (n: number): string => String(n).padStart(2, '0');
    for (let i = 0; i < 5000; i++) {
      const text = `${1990 + next(60)}-${two(1 + next(13))}-${two(1 + next(31))}T${two(next(25))}:${two(next(61))}:${two(next(61))}${next(2) ? `.${String(next(1000)).padStart(3, '0')}` : ''}Z`;
      const parsed = Date.parse(text);
      const real = Number.isFinite(parsed) && new Date(parsed).toISOString().slice(0, 19) === text.slice(0, 19);
      expect(value(parseDate(text, null, madrid)), text).toEqual(
        real ? parsed : expect.stringMatching(/not a real date|cannot read/),
      );
    }
    expect(value(parseDate('2026-03-05T1a:00:00Z', null, madrid))).toMatch(/cannot read date/);
    expect(value(parseDate('2024-02-29T00:00:00Z', null, madrid))).toBe(Date.UTC(2024, 1, 29));
    expect(value(parseDate('2100-02-29T00:00:00Z', null, madrid))).toMatch(/not a real date/);
  });

  it('reads year-first dates with / or ., UTC and GMT, month names in Spanish and English, and seconds or milliseconds since 1970', () => {
    const march5 = (hour = 0, minute = 0): number => Date.UTC(2026, 2, 5, hour, minute);
    expect(['2026/03/05 14:30:00', '2026.03.05 14:30'].map((t) => value(parseDate(t, null, madrid)))).toEqual([
      march5(13, 30),
      march5(13, 30),
    ]);
    expect(
      ['2026-03-05 14:30:00 UTC', '2026-03-05 14:30 GMT', '2026-03-05T14:30+01'].map((t) =>
        value(parseDate(t, null, madrid)),
      ),
    ).toEqual([march5(14, 30), march5(14, 30), march5(13, 30)]);
    const named = [
      '5 mar 2026',
      '5 de marzo de 2026',
      '05-Mar-2026',
      '5 Sept. 2026',
      'March 5, 2026',
      'Mar 5th 2026',
      '5 setiembre 2026',
    ];
    expect(named.map((t) => value(parseDate(t, null, 'UTC')))).toEqual([
      march5(),
      march5(),
      march5(),
      Date.UTC(2026, 8, 5),
      march5(),
      march5(),
      Date.UTC(2026, 8, 5),
    ]);
    expect(value(parseDate('5 de marzo de 2026, 2:30 p. m.', null, madrid))).toBe(march5(13, 30));
    expect(value(parseDate('Mar 5, 2026 14:30', null, madrid))).toBe(march5(13, 30));
    expect(['1772721000', '1772721000000', 1772721000].map((t) => value(parseDate(t, null, madrid)))).toEqual([
      march5(14, 30),
      march5(14, 30),
      march5(14, 30),
    ]);
    // Words that are not months, impossible days, mixed separators and 12-hour clocks past 12 are refused, never
    // guessed.
    expect(value(parseDate('5 marzzo 2026', null, 'UTC'))).toMatch(/cannot read date/);
    expect(value(parseDate('Marvelous 5, 2026', null, 'UTC'))).toMatch(/cannot read date/);
    expect(value(parseDate('30 feb 2026', null, 'UTC'))).toMatch(/not a real date/);
    expect(value(parseDate('2026/03-05', null, 'UTC'))).toMatch(/cannot read date/);
    expect(value(parseDate('5 mar 2026 13:00 pm', null, 'UTC'))).toMatch(/12-hour clock/);
    expect(value(parseDate('170964900', null, 'UTC'))).toMatch(/cannot read date/);
  });

  it('finds a date column by month-name values, not by numbers that could be ids', async () => {
    const { detectMapping } = await import('../../../../../shared/domain/import/mapping');
    const sample = [
      ['1772721000', '5 de marzo de 2026', 'el router no funciona desde ayer'],
      ['1772721060', '6 de marzo de 2026', 'gracias por la ayuda con la factura'],
    ];
    expect(detectMapping(['ref', 'cuándo', 'lo que dijo'], sample).mapping.columns).toMatchObject({
      postedAt: 'cuándo',
      text: 'lo que dijo',
    });
    // By name, as Facebook, YouTube and TikTok exports call it, a column of seconds since 1970 is the time.
    const seconds = sample.map((row) => [row[0] as string, '1772721000', row[2] as string]);
    for (const header of [
      'created_time',
      'publishedAt',
      'Published at',
      'create_time',
      'Fecha de publicación',
      'createdAt',
    ]) {
      expect(detectMapping(['ref', header, 'lo que dijo'], seconds).mapping.columns.postedAt, header).toBe(header);
    }
    expect(detectMapping(['TweetID', 'screenName', 'text', 'created_at'], []).mapping.columns).toEqual({
      externalId: 'TweetID',
      authorHandle: 'screenName',
      text: 'text',
      postedAt: 'created_at',
    });
  });

  it('reads Twitter timestamps and Excel serials', () => {
    expect(value(parseDate('Sat Dec 02 15:24:09 +0000 2017', null, madrid))).toBe(Date.UTC(2017, 11, 2, 15, 24, 9));
    expect(value(parseDate(46000.5, null, 'UTC'))).toBe(Date.UTC(2025, 11, 9, 12));
    expect(value(parseDate('46000', null, 'UTC'))).toBe(Date.UTC(2025, 11, 9));
  });

  it('decides the order from the data', () => {
    expect(detectDateOrder(['01/02/2026', '25/02/2026'])).toBe('dmy');
    expect(detectDateOrder(['02/25/2026 1:00 PM'])).toBe('mdy');
    expect(detectDateOrder(['01/02/2026', '03/04/2026'])).toBe('ambiguous');
    expect(detectDateOrder(['25/02/2026', '02/25/2026'])).toBe('inconsistent');
    expect(detectDateOrder(['2026-01-01'])).toBeNull();
  });
});
