import { describe, expect, it } from 'vitest';
import { ContentError, formatProblem, toleratedDefects } from '@/lib/content/errors';
import { siteSettings } from '@/lib/site-settings';
import { load, post, thrown } from './fixtures';

// Malformed and unusual posts, each with the outcome a writer should get: the post builds as
// meant, or the build stops with a message naming the file, the line or field, and the fix.

const fm = (lines: string) => post(lines);

function errorOf(files: Record<string, string | Buffer>): string {
  const error = thrown(() => load(files));
  expect(error).toBeInstanceOf(ContentError);
  return error.message;
}

describe('bad input: the build stops and says where and what to do', () => {
  it.each([
    ['bad indentation', 'title: T\n date: 2024-01-01', /x\.md:3: front matter is not valid YAML .*fix the syntax/],
    ['an unclosed quote', 'title: "T\ndate: 2024-01-01', /x\.md:\d+: front matter is not valid YAML/],
    ['a tab for indentation', 'title: T\ntags:\n\t- a\ndate: 2024-01-01', /x\.md:\d+: front matter is not valid YAML/],
    ['an impossible date', 'title: T\ndate: 2020-13-45', /x\.md:3: date: "2020-13-45" is not a valid date/],
    ['a date in another format', 'title: T\ndate: 31/08/2020', /date: "31\/08\/2020" is not a valid date: write a date such as 2020-08-31/],
    ['a date as a number', 'title: T\ndate: 2020', /x\.md:3: date: must be a date such as/],
    ['tags with an empty entry', 'title: T\ndate: 2024-01-01\ntags: [a, ""]', /x\.md:4: tags: entry 2 is empty/],
    ['a slug that is a path', 'title: T\ndate: 2024-01-01\nslug: a/b', /slug: slug "a\/b" contains \//],
    ['a slug with %2F', 'title: T\ndate: 2024-01-01\nslug: a%2Fb', /slug "a%2Fb" contains/],
    ['a slug of dots', 'title: T\ndate: 2024-01-01\nslug: ".."', /slug "\.\." is not a name/],
    ['an empty slug', 'title: T\ndate: 2024-01-01\nslug: "  "', /slug is empty|slug: .* is empty/],
    ['a term with nothing to make a URL from', 'title: T\ndate: 2024-01-01\ncategories: ["???"]', /categories: "\?\?\?" has no letters or digits/],
    ['a term that is only dots, a path step in a URL', 'title: T\ndate: 2024-01-01\ntags: [".."]', /x\.md:4: tags: "\.\." has no letters or digits/],
  ])('%s', (_what, frontMatter, message) => {
    expect(errorOf({ 'posts/en/x.md': fm(frontMatter) })).toMatch(message);
  });

  it('front matter that is never closed', () => {
    expect(errorOf({ 'posts/en/x.md': '---\ntitle: T\ndate: 2024-01-01\n\nBody without the closing line' })).toMatch(
      /x\.md:1: front matter is never closed: add a --- line after its last key/,
    );
  });

  it('Latin-1 bytes: the file is not UTF-8', () => {
    expect(errorOf({ 'posts/en/x.md': Buffer.from('---\ntitle: "Caf\xe9"\ndate: 2024-01-01\n---\n', 'latin1') })).toMatch(
      /x\.md:2: is not UTF-8 text .*save the file as UTF-8/,
    );
  });

  it('an empty file', () => {
    expect(errorOf({ 'posts/en/x.md': '' })).toMatch(/x\.md:1: has no front matter/);
  });

  it('a duplicate slug, by file name and by slug: named where the slug is written, once', () => {
    const message = errorOf({ 'posts/en/b.md': fm('title: B\ndate: 2024-01-01\nslug: c'), 'posts/en/c.md': fm('title: C\ndate: 2024-01-01') });
    expect(message).toMatch(/Content has 1 problem:\n.*posts\/en\/b\.md:4: slug: slug "c" is also used by .*posts\/en\/c\.md: give one of them a different slug$/);
  });

  it('a duplicate translationKey the author wrote', () => {
    expect(errorOf({ 'posts/en/a.md': fm('title: A\ndate: 2024-01-01'), 'posts/en/b.md': fm('title: B\ndate: 2024-01-01\ntranslationKey: a') })).toMatch(
      /posts\/en\/b\.md:4: translationKey: translationKey "a" is also used by .*posts\/en\/a\.md/,
    );
  });

  it('a language folder that is not configured', () => {
    expect(errorOf({ 'posts/de/x.md': fm('title: T\ndate: 2024-01-01') })).toMatch(/folder "de" is not a configured language/);
  });

  it('every invalid post at once', () => {
    const message = errorOf({
      'posts/en/a.md': fm('title: A\ndate: 2024-01-01\ndraft: [yes]'),
      'posts/en/b.md': fm('title: B\ndate: nope'),
      'posts/zh/c.md': '',
    });
    expect(message).toContain('Content has 3 problems');
  });
});

describe('bad bodies: refused when the posts are read, before any page renders', () => {
  it.each([
    [
      'an unclosed JSX tag',
      'a.mdx',
      'Fine.\n\n<Unclosed>\n\ntext',
      /a\.mdx:8: cannot be parsed \(Expected a closing tag for `<Unclosed>`\): fix the MDX syntax there .*rename the file to \.md/,
    ],
    ['a stray brace', 'a.mdx', 'Fine.\n\nA stray { brace', /a\.mdx:8: cannot be parsed \(.*brace.*\): fix the MDX syntax there \(write \\\{/],
    ['an import statement', 'a.mdx', 'import Chart from "./chart.js"\n\nText', /a\.mdx:6: MDX JavaScript "import Chart from "\.\/chart\.js"" is turned off: remove the line, or set allowMdxJavaScript/],
    ['a component the site does not provide', 'a.mdx', 'Text\n\n<Callout type="tip">Hi</Callout>', /a\.mdx:8: <Callout> is not a component this site provides/],
  ])('%s', (_what, name, body, message) => {
    expect(errorOf({ [`posts/en/${name}`]: post('title: T\ndate: 2024-01-01', body) })).toMatch(message);
  });

  it('every expression and export of an MDX post, each at its line', () => {
    expect(errorOf({ 'posts/en/a.mdx': post('title: T\ndate: 2024-01-01', 'Value: {1 + 1}\n\nexport const x = 1') })).toMatch(
      /Content has 2 problems:\n.*a\.mdx:6: MDX JavaScript "\{1 \+ 1\}" is turned off: write \\\{ for a literal brace.*\n.*a\.mdx:8: MDX JavaScript "export const x = 1" is turned off/,
    );
  });

  it('lowercase HTML in MDX and the same characters in Markdown are fine', () => {
    const content = load({
      'posts/en/a.mdx': post('title: A\ndate: 2024-01-01', 'Press <kbd>Ctrl</kbd>, write \\{ and \\<.'),
      'posts/en/b.md': post('title: B\ndate: 2024-01-01', 'A stray { brace, <Callout> and import x from "y".'),
    });
    expect(content.posts.en.map((p) => p.slug)).toEqual(['a', 'b']);
  });
});

describe('unusual input that builds as written', () => {
  it.each([
    ['a UTF-8 BOM', `\uFEFF${fm('title: BOM\ndate: 2024-01-01')}`, 'BOM'],
    ['CRLF line endings', '---\r\ntitle: CRLF\r\ndate: 2024-01-01\r\n---\r\n\r\nBody\r\n', 'CRLF'],
    ['front matter only', '---\ntitle: Only\ndate: 2024-01-01\n---\n', 'Only'],
    ['a 500-character title', fm(`title: "${'长'.repeat(500)}"\ndate: 2024-01-01`), '长'.repeat(500)],
    ['emoji, right-to-left text and combining marks', fm('title: "🚀 مرحبا Cafe\u0301"\ndate: 2024-01-01'), '🚀 مرحبا Cafe\u0301'],
  ])('%s', (_what, source, title) => {
    const content = load({ 'posts/en/x.md': source });
    expect(content.posts.en[0]?.title).toBe(title);
  });

  it('a 2 MB post', { timeout: 30_000 }, () => {
    const body = 'A long paragraph of text. '.repeat(80_000);
    expect(body.length).toBeGreaterThan(2_000_000);
    const content = load({ 'posts/en/x.md': post('title: Big\ndate: 2024-01-01', body) });
    expect(content.posts.en[0]?.reading.words).toBeGreaterThan(300_000);
  });

  it('terms with / # ? % & . and zero-width characters get usable URLs', () => {
    const content = load({
      'posts/en/x.md': fm('title: T\ndate: 2024-01-01\ntags: ["CI/CD", "C#", "what?", "100%", "R&D", "node.js", "zero\u200bwidth"]'),
    });
    const slugs = content.terms.en.tags.map((tag) => tag.slug);
    for (const slug of slugs) expect(slug).not.toMatch(/[/?#%\\]/);
    expect(slugs).toContain('ci-cd');
    expect(slugs).toContain('node.js');
    expect(slugs).toContain('zerowidth');
  });

  it('duplicate tags in one post count once', () => {
    const content = load({ 'posts/en/x.md': fm('title: T\ndate: 2024-01-01\ntags: [Go, go, GO]') });
    expect(content.terms.en.tags).toEqual([{ slug: 'go', name: 'Go', count: 1 }]);
  });
});

describe('defects Hugo tolerates: the post builds as in Hugo, and the author is told where', () => {
  const defectsOf = (files: Record<string, string | Buffer>) => {
    // Now, not the fixtures' fixed moment: a post dated by its file's change is from today.
    const content = load(files, { now: new Date(Date.now() + 60_000) });
    return { content, defects: toleratedDefects(content.warnings).map(formatProblem) };
  };

  it.each([
    ['a missing hero image', 'title: T\ndate: 2024-01-01\nimage: /images/nope.png', 'Body.', /x\.md:4: image: image "\/images\/nope\.png" is not a file under public\/.*built without it/],
    ['a missing local image', 'title: T\ndate: 2024-01-01', 'Intro.\n\n![Gone](/images/gone.png)', /x\.md:8: image "\/images\/gone\.png" is not a file under public\/.*alt text is shown/],
    [
      'a missing image after shortcodes changed the line count',
      'title: T\ndate: 2024-01-01',
      '{{< details summary="x" >}}\ny\n{{< /details >}}\n\n![Gone](/images/gone.png)',
      /x\.md:10: image "\/images\/gone\.png"/,
    ],
    ['a key written twice', 'title: T\ndraft: true\ndate: 2024-01-01\ndraft: false', 'Body.', /x\.md:5: draft: is written twice \(first on line 3\): this last value is used/],
    ['draft as a word Hugo reads as false', 'title: T\ndate: 2024-01-01\ndraft: ture', 'Body.', /x\.md:4: draft: "ture" is not true or false: Hugo reads it as false, so the post is published/],
    ['a missing title', 'date: 2024-01-01', 'Body.', /x\.md:2: title: is missing: the page is titled "x" after its file; add a line like title:/],
    ['an empty title', 'title: ""\ndate: 2024-01-01', 'Body.', /x\.md:2: title: is missing: the page is titled "x"/],
    ['a missing date', 'title: T', 'Body.', /x\.md:2: date: is missing: the page is dated \d{4}-\d\d-\d\d, when its file last changed/],
  ])('%s', (_what, frontMatter, body, message) => {
    const { content, defects } = defectsOf({ 'posts/en/x.md': post(frontMatter, body) });
    expect(content.posts.en.map((p) => p.slug)).toEqual(['x']);
    expect(defects).toEqual([expect.stringMatching(message)]);
  });

  it('draft written as text is read as Hugo reads it', () => {
    const { content, defects } = defectsOf({
      'posts/en/a.md': post('title: A\ndate: 2024-01-01\ndraft: "true"'),
      'posts/en/b.md': post('title: B\ndate: 2024-01-01\ndraft: "False"'),
    });
    expect(content.posts.en.map((p) => p.slug)).toEqual(['b']);
    expect(defects).toEqual([]);
  });

  it('a post without a date takes its lastmod, as Hugo does', () => {
    const { content, defects } = defectsOf({ 'posts/en/x.md': post('title: T\nlastmod: 2021-02-03') });
    expect(content.posts.en[0]?.date.written).toBe('2021-02-03');
    expect(defects).toEqual([]);
  });

  it('a key written twice keeps its last value, as Hugo does', () => {
    const { content } = defectsOf({ 'posts/en/x.md': post('title: First\ntags: [a]\ndate: 2024-01-01\ntags: [b, c]\ntitle: Last') });
    expect(content.posts.en[0]?.title).toBe('Last');
    expect(content.posts.en[0]?.tags.map((t) => t.name)).toEqual(['b', 'c']);
  });

  it('strict mode fails the build on them', () => {
    siteSettings.strict = true;
    try {
      expect(errorOf({ 'posts/en/x.md': post('title: T\ndate: 2024-01-01\nimage: /images/nope.png') })).toMatch(/x\.md:4: image: image "\/images\/nope\.png"/);
    } finally {
      siteSettings.strict = false;
    }
  });
});
