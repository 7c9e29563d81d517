/**
 * A date as the author wrote it in front matter. `instant` orders posts and decides whether a post
 * is scheduled; `year`/`month`/`day` are the calendar date in the author's own offset, which is
 * what readers see, whatever time zone the build machine runs in.
 */
export type AuthorDate = {
  instant: Date;
  year: number;
  month: number;
  day: number;
  /** The value as written, e.g. `2020-08-31T08:27:17+08:00`. */
  written: string;
  /** The author's UTC offset in minutes (0 when none was written). */
  offsetMinutes: number;
};

// YAML 1.1 timestamps as Hugo accepts them: date-only, or date and time separated by `T` or
// spaces, with optional fraction and an optional `Z` / `+08:00` / `+0800` / `+8` offset.
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

export function parseAuthorDate(value: string): AuthorDate | undefined {
  const written = value.trim();
  const match = TIMESTAMP.exec(written);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const isRealDay =
    calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
  if (!isRealDay || hour > 23 || minute > 59 || second > 60) return undefined;
  const offsetMinutes = parseOffsetMinutes(offset);
  if (offsetMinutes === undefined) return undefined;
  const millis = Math.round(Number(`0.${fraction}`) * 1000);
  const instant = new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000,
  );
  return { instant, year, month, day, written, offsetMinutes };
}

function parseOffsetMinutes(offset: string | undefined): number | undefined {
  // Without an offset Hugo reads the time as UTC (its default `timeZone`).
  if (!offset || offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.length <= 2 ? digits : digits.slice(0, -2));
  const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** The author's calendar date in the reader's language: "August 31, 2020" / "2020年8月31日". */
export function formatAuthorDate(date: AuthorDate, locale: string): string {
  return longDateFormat(locale).format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}

/**
 * One formatter per locale: making an Intl.DateTimeFormat costs about a millisecond, and a build
 * formats every date of every list it renders (0.7 s of a real site's static generation).
 */
const longDateFormats = new Map<string, Intl.DateTimeFormat>();

function longDateFormat(locale: string): Intl.DateTimeFormat {
  let format = longDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    longDateFormats.set(locale, format);
  }
  return format;
}

/** `YYYY-MM-DD` of the author's calendar date, for `<time dateTime>`. */
export function isoCalendarDate(date: AuthorDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/** ISO 8601 in the author's own offset: `2020-08-31T08:27:17+08:00` (UTC as `Z`). */
export function authorIsoString(date: AuthorDate): string {
  const local = new Date(date.instant.getTime() + date.offsetMinutes * 60_000).toISOString().replace(/\.000Z$|Z$/, '');
  if (!date.offsetMinutes) return `${local}Z`;
  const sign = date.offsetMinutes > 0 ? '+' : '-';
  const minutes = Math.abs(date.offsetMinutes);
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const RFC822_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC822_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 (RSS) in the author's own offset: `Mon, 31 Aug 2020 08:27:17 +0800`. */
export function authorRfc822String(date: AuthorDate): string {
  const local = new Date(date.instant.getTime() + date.offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const minutes = Math.abs(date.offsetMinutes);
  const offset = `${date.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;
  return (
    `${RFC822_DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${RFC822_MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${offset}`
  );
}
