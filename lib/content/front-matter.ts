import matter from 'gray-matter';
import { CORE_SCHEMA, YAMLException, load } from 'js-yaml';
import { z } from 'zod';
import { parseAuthorDate } from './dates';
import type { ContentProblem } from './errors';

const DATE_EXAMPLE = 'a date such as 2020-08-31 or 2020-08-31T08:27:17+08:00';

const authorDate = z
  .string({
    error: (issue) =>
      issue.input === undefined ? `is required: add a line like date: 2020-08-31T08:27:17+08:00` : `must be ${DATE_EXAMPLE}`,
  })
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
  date: authorDate,
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
  translationKey: optionalText('translationKey: "my-post"'),
  author: nameList('author: "Jane Doe"'),
  type: optionalText('type: "post"'),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export type ParsedSource = {
  frontMatter: FrontMatter;
  body: string;
  /** 1-based line of the file where the body starts, so body problems can name their line. */
  bodyLine: number;
};

export type ParseResult = { ok: true; value: ParsedSource } | { ok: false; problems: ContentProblem[] };

/** Splits a post into YAML front matter and body, and validates the front matter. */
export function parsePostSource(raw: string, file: string): ParseResult {
  if (!matter.test(raw)) {
    return fail({ file, line: 1, message: 'has no front matter: start the file with a --- line, then title: and date:, then ---' });
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(raw, {
      engines: { yaml: (text: string) => load(text, { schema: CORE_SCHEMA, filename: file }) as object },
    });
  } catch (error) {
    if (error instanceof YAMLException) {
      return fail({
        file,
        // The mark counts from the first front-matter line, which follows the opening `---`.
        line: error.mark ? error.mark.line + 2 : undefined,
        message: `front matter is not valid YAML (${error.reason}): fix the syntax on that line`,
      });
    }
    throw error;
  }
  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail({ file, line: 2, message: 'front matter must be "key: value" lines, e.g. title: "My first post"' });
  }
  // An empty YAML value (`description:`) means "not set", as in Hugo.
  const withoutEmpty = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
  const result = frontMatterSchema.safeParse(withoutEmpty);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => {
        const field = issue.path.length ? String(issue.path[0]) : undefined;
        return { file, field, line: field ? fieldLine(raw, field) : undefined, message: issue.message };
      }),
    };
  }
  const bodyLine = raw.slice(0, raw.length - parsed.content.length).split('\n').length;
  return { ok: true, value: { frontMatter: result.data, body: parsed.content, bodyLine } };
}

function fail(problem: ContentProblem): ParseResult {
  return { ok: false, problems: [problem] };
}

/** The 1-based line where a top-level front-matter key is written, if it is written. */
export function fieldLine(raw: string, field: string): number | undefined {
  const lines = raw.split(/\r?\n/);
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped}\\s*:`);
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '---') return undefined;
    if (pattern.test(line)) return index + 1;
  }
  return undefined;
}
