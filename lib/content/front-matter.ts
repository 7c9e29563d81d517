import matter from 'gray-matter';
import { CORE_SCHEMA, YAMLException, load } from 'js-yaml';
import { TomlError, parse as parseToml } from 'smol-toml';
import { z } from 'zod';
import { parseAuthorDate } from './dates';
import { goBool } from './go-bool';
import { THEME_KEYS, type ThemeKey } from './theme-vocabulary';
import type { ContentProblem } from './errors';

const DATE_EXAMPLE = 'a date such as 2020-08-31 or 2020-08-31T08:27:17+08:00';

const authorDate = z
  .string({ error: `must be ${DATE_EXAMPLE}` })
  .transform((value, ctx) => {
    const parsed = parseAuthorDate(value);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a valid date: write ${DATE_EXAMPLE}` });
      return z.NEVER;
    }
    return parsed;
  });

function optionalText(example: string) {
  return z.string({ error: `must be text, e.g. ${example}` }).trim().optional();
}

/** A single value or a list of values (Hugo accepts both), as a de-duplicated list. */
function nameList(example: string) {
  const item = z.union([z.string(), z.number()]);
  return z
    .union([item, z.array(item)], { error: `must be a name or a list of names, e.g. ${example}` })
    .transform((value, ctx) => {
      if (!Array.isArray(value)) {
        const name = String(value).trim();
        return name ? [name] : [];
      }
      const names = value.map((entry) => String(entry).trim());
      names.forEach((name, index) => {
        if (!name) ctx.addIssue({ code: 'custom', message: `entry ${index + 1} is empty: remove it or fill it in` });
      });
      return [...new Set(names.filter(Boolean))];
    })
    .default([]);
}

/**
 * The front matter of a post. Unknown keys are kept (real Hugo sites carry many) and ignored.
 */
export const frontMatterSchema = z.looseObject({
  title: z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'is required: add a line like title: "My first post"' : 'must be text, e.g. title: "My first post"',
    })
    .trim()
    .min(1, { error: 'is empty: write the post title, e.g. title: "My first post"' }),
  date: authorDate.optional(),
  publishDate: authorDate.optional(),
  expiryDate: authorDate.optional(),
  lastmod: authorDate.optional(),
  draft: z.boolean({ error: 'must be true or false (without quotes), e.g. draft: true' }).default(false),
  description: optionalText('description: "One sentence about the post"'),
  summary: optionalText('summary: "A short summary"'),
  categories: nameList('categories: ["Cloud Native"]'),
  tags: nameList('tags: ["Istio", "Envoy"]'),
  image: optionalText('image: "/images/banner/cover.jpg"'),
  bg_image: optionalText('bg_image: "images/backgrounds/page-title.jpg"'),
  aliases: nameList('aliases: ["/old/path/"]'),
  slug: optionalText('slug: "my-post"'),
  url: optionalText('url: "/2020/08/my-post/"'),
  translationKey: optionalText('translationKey: "my-post"'),
  author: nameList('author: "Jane Doe"'),
  type: optionalText('type: "post"'),
  /** A section item's external page (a notice's event or release). */
  link: optionalText('link: "https://example.org/conference"'),
  // The themes' own words for the header photo, the hero, the subtitle and the table of contents,
  // read in any shape the themes accept (see theme-vocabulary.ts).
  ...(Object.fromEntries(THEME_KEYS.map((key) => [key, z.unknown().optional()])) as Record<ThemeKey, z.ZodOptional<z.ZodUnknown>>),
}).transform((frontMatter, ctx) => {
  // Hugo's default `[frontmatter] date = ["date", "publishDate", "lastmod"]`.
  const date = frontMatter.date ?? frontMatter.publishDate ?? frontMatter.lastmod;
  if (!date) {
    ctx.addIssue({ code: 'custom', path: ['date'], message: 'is required: add a line like date: 2020-08-31T08:27:17+08:00' });
    return z.NEVER;
  }
  return { ...frontMatter, date };
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const KEY_BY_LOWERCASE = new Map(Object.keys(frontMatterSchema.in.shape).map((key) => [key.toLowerCase(), key]));

/**
 * Hugo reads front-matter keys in any case, and many sites write `expirydate`, `publishdate` or
 * `Title`: each is read as the schema's key. Where a file has both spellings, the schema's wins.
 */
function withSchemaKeys(values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const known = KEY_BY_LOWERCASE.get(key.toLowerCase()) ?? key;
    if (known === key || !(known in values)) result[known] = value;
  }
  return result;
}

export type ParsedSource = {
  frontMatter: FrontMatter;
  /** The keys the author wrote (after cascading), for the checker's "unknown key" report. */
  keys: string[];
  body: string;
  /** 1-based line of the file where the body starts, so body problems can name their line. */
  bodyLine: number;
  /** Keys written more than once: the last value is used, as in Hugo. */
  defects: ContentProblem[];
};

export type ParseResult = { ok: true; value: ParsedSource } | { ok: false; problems: ContentProblem[] };

export type FrontMatterBlock = { data: Record<string, unknown>; body: string; bodyLine: number };

type SplitResult = { ok: true; value: FrontMatterBlock } | { ok: false; problems: ContentProblem[] };

const NO_FRONT_MATTER =
  'has no front matter: start the file with a --- line, then title: and date:, then ---';

/**
 * Splits a file into front matter and body. YAML (`---`) is read with the core schema, so dates
 * stay as written; TOML (`+++`) and JSON (`{ ... }`) front matter, which Hugo also accepts, too.
 */
export function splitFrontMatter(raw: string, file: string): SplitResult {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.startsWith('{')) return splitJsonFrontMatter(text, file);
  const isToml = text.startsWith('+++');
  if (!isToml && !matter.test(text)) return fail({ file, line: 1, message: NO_FRONT_MATTER });
  const delimiter = isToml ? '\\+\\+\\+' : '---';
  if (!new RegExp(`\\n${delimiter}[ \\t]*(\\r?\\n|$)`).test(text.slice(3))) {
    const closing = isToml ? '+++' : '---';
    return fail({ file, line: 1, message: `front matter is never closed: add a ${closing} line after its last key` });
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(
      text,
      isToml
        ? { delimiters: '+++', language: 'toml', engines: { toml: tomlData } }
        : // `json: true`: a key written twice keeps its last value, as Hugo does (see duplicateKeys).
          { engines: { yaml: (source: string) => load(source, { schema: CORE_SCHEMA, filename: file, json: true }) as object } },
    );
  } catch (error) {
    if (error instanceof YAMLException) {
      // gray-matter hands over the text after `---`, starting with its newline: the mark's
      // 0-based line is then the file's 1-based line.
      const line = error.mark ? error.mark.line + 1 : undefined;
      return fail({ file, line, message: `front matter is not valid YAML (${error.reason}): fix the syntax on that line` });
    }
    if (error instanceof TomlError) {
      // As for YAML, the text starts with the newline after `+++`: its 1-based line is the file's.
      return fail({ file, line: error.line, message: `front matter is not valid TOML (${error.message.split('\n')[0]}): fix the syntax on that line` });
    }
    throw error;
  }
  const bodyLine = text.slice(0, text.length - parsed.content.length).split('\n').length;
  return asBlock(parsed.data, parsed.content, bodyLine, file);
}

function splitJsonFrontMatter(text: string, file: string): SplitResult {
  const end = closingBraceIndex(text);
  if (end === undefined) return fail({ file, line: 1, message: 'JSON front matter has no closing }: close the object' });
  let data: unknown;
  try {
    data = JSON.parse(text.slice(0, end + 1));
  } catch (error) {
    return fail({ file, line: 1, message: `front matter is not valid JSON (${(error as Error).message}): fix the syntax` });
  }
  const body = text.slice(end + 1).replace(/^[ \t]*\r?\n/, '');
  return asBlock(data, body, text.slice(0, text.length - body.length).split('\n').length, file);
}

/** Index of the `}` that closes the object opened at index 0, skipping braces inside strings. */
function closingBraceIndex(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index;
  }
  return undefined;
}

/** TOML front matter, with dates as the strings the author wrote (offset kept). */
function tomlData(source: string): object {
  return Object.fromEntries(Object.entries(parseToml(source)).map(([key, value]) => [key, plainValue(value)]));
}

function plainValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plainValue(entry)]));
  }
  return value;
}

function asBlock(data: unknown, body: string, bodyLine: number, file: string): SplitResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail({ file, line: 2, message: 'front matter must be "key: value" lines, e.g. title: "My first post"' });
  }
  // An empty value (`description:`) means "not set", as in Hugo.
  const entries = Object.entries(data).filter(([, value]) => value !== null);
  return { ok: true, value: { data: Object.fromEntries(entries), body, bodyLine } };
}

/** What a post that Hugo builds without a title or a date is given instead (see parsePostSource). */
export type MissingValues = { title: string; date: string };

/**
 * Splits and validates a post. `inherited` holds the `cascade` values of the `_index.md` files
 * above the post; the post's own values win.
 */
export function parsePostSource(
  raw: string,
  file: string,
  inherited: Record<string, unknown> = {},
  missing?: MissingValues,
): ParseResult {
  const split = splitFrontMatter(raw, file);
  if (!split.ok) return split;
  const { body, bodyLine } = split.value;
  const data = withSchemaKeys(split.value.data);
  const merged = { ...withSchemaKeys(inherited), ...data };
  // Hugo builds a page without a title (an empty one) or a date (year 1): it gets its file's
  // name, and the date the file was last changed, with a defect that says where to add them.
  const filled: ContentProblem[] = [];
  if (missing && (merged.title === undefined || (typeof merged.title === 'string' && !merged.title.trim()))) {
    merged.title = missing.title;
    filled.push({ file, field: 'title', line: fieldLine(raw, 'title') ?? 2, message: `is missing: the page is titled "${missing.title}" after its file; add a line like title: "My first post"`, tolerated: true });
  }
  if (typeof merged.draft === 'string' || typeof merged.draft === 'number') {
    // Hugo reads draft with Go's strconv.ParseBool (cast.ToBool): anything else is false.
    const written = String(merged.draft).trim();
    const parsed = goBool(written);
    merged.draft = parsed ?? false;
    if (parsed === undefined) {
      filled.push({
        file,
        field: 'draft',
        line: fieldLine(raw, 'draft'),
        message: `"${written}" is not true or false: Hugo reads it as false, so the post is published; write draft: true or draft: false`,
        tolerated: true,
      });
    }
  }
  if (missing && merged.date === undefined && merged.publishDate === undefined && merged.lastmod === undefined) {
    merged.date = missing.date;
    filled.push({ file, field: 'date', line: 2, message: `is missing: the page is dated ${missing.date.slice(0, 10)}, when its file last changed; add a line like date: 2020-08-31T08:27:17+08:00`, tolerated: true });
  }
  const result = frontMatterSchema.safeParse(merged);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => {
        const field = issue.path.length ? String(issue.path[0]) : undefined;
        return { file, field, line: field ? fieldLine(raw, field) : undefined, message: issue.message };
      }),
    };
  }
  return { ok: true, value: { frontMatter: result.data, keys: Object.keys(data), body, bodyLine, defects: [...filled, ...duplicateKeys(raw, file)] } };
}

/**
 * Top-level YAML keys written twice (`draft:` in two places). Hugo's YAML reader keeps the last
 * value without a word; we keep it too, and say where, so the author can remove the other.
 */
export function duplicateKeys(raw: string, file: string): ContentProblem[] {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return [];
  const firstLine = new Map<string, number>();
  const defects: ContentProblem[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '---') break;
    const key = /^([^\s#'"{[\]-][^:]*?)\s*:(?:\s|$)/.exec(line)?.[1] ?? /^(["'])(.+?)\1\s*:(?:\s|$)/.exec(line)?.[2];
    if (!key) continue;
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, index + 1);
      continue;
    }
    defects.push({
      file,
      field: key,
      line: index + 1,
      message: `is written twice (first on line ${first}): this last value is used, as in Hugo; remove the other line`,
      tolerated: true,
    });
  }
  return defects;
}

function fail(problem: ContentProblem): { ok: false; problems: ContentProblem[] } {
  return { ok: false, problems: [problem] };
}

/** The 1-based line where a top-level front-matter key is written, if it is written. */
export function fieldLine(raw: string, field: string): number | undefined {
  const lines = raw.split(/\r?\n/);
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // YAML `key:`, TOML `key =`, JSON `"key":`.
  // Keys are read in any case (see withSchemaKeys).
  const pattern = new RegExp(`^(?:${escaped}|\\s*"${escaped}")\\s*[:=]`, 'i');
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '---' || line.trim() === '+++') return undefined;
    if (pattern.test(line)) return index + 1;
  }
  return undefined;
}
