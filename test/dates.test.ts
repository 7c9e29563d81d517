import { describe, expect, it } from 'vitest';
import { authorIsoString, formatAuthorDate, isoCalendarDate, parseAuthorDate } from '@/lib/content/dates';

describe('parseAuthorDate', () => {
  it('keeps the calendar date the author wrote, whatever the offset', () => {
    const date = parseAuthorDate('2020-08-31T02:00:00+08:00');
    expect(date?.instant.toISOString()).toBe('2020-08-30T18:00:00.000Z');
    expect(date && isoCalendarDate(date)).toBe('2020-08-31');
    expect(date && formatAuthorDate(date, 'en')).toBe('August 31, 2020');
    expect(date && formatAuthorDate(date, 'zh-CN')).toBe('2020年8月31日');
  });

  it.each([
    ['2020-08-31', '2020-08-31T00:00:00.000Z'],
    ['2020-08-31T08:27:17+08:00', '2020-08-31T00:27:17.000Z'],
    ['2020-08-31T08:27:17Z', '2020-08-31T08:27:17.000Z'],
    ['2020-08-31T08:27:17', '2020-08-31T08:27:17.000Z'],
    ['2020-08-31 08:27:17 +0800', '2020-08-31T00:27:17.000Z'],
    ['2020-08-31T08:27:17.5-05:00', '2020-08-31T13:27:17.500Z'],
    ['2020-8-1', '2020-08-01T00:00:00.000Z'],
  ])('reads %s', (written, instant) => {
    expect(parseAuthorDate(written)?.instant.toISOString()).toBe(instant);
  });

  it.each(['2020-13-45', '2021-02-29', '31/08/2020', 'yesterday', '2020-08-31T25:00:00', ''])('refuses %s', (written) => {
    expect(parseAuthorDate(written)).toBeUndefined();
  });
});

describe('authorIsoString', () => {
  it.each([
    ['2020-08-31T08:27:17+08:00', '2020-08-31T08:27:17+08:00'],
    ['2020-08-31 08:27:17 -0530', '2020-08-31T08:27:17-05:30'],
    ['2020-08-31', '2020-08-31T00:00:00Z'],
    ['2020-08-31T08:27:17.250Z', '2020-08-31T08:27:17.250Z'],
  ])('writes %s as %s', (written, iso) => {
    const date = parseAuthorDate(written);
    expect(date && authorIsoString(date)).toBe(iso);
  });
});
