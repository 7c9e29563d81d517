import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { languages } from '@/lib/site-config';
import { postPath, taxonomies, termPath } from '@/lib/urls';
import { copyProject } from '@/scripts/project-copy';
import { post } from '../fixtures';

// A real `next build` of a copy of this project over a temporary posts folder: a broken set
// must stop the build with every problem listed as file:line, and an unusual but valid set must
// build with every post and term page where the content layer says it is.

const site = path.join(tmpdir(), 'blog-corpus-build');
const nextBin = path.join(site, 'node_modules/next/dist/bin/next');

function writePosts(files: Record<string, string>): void {
  rmSync(path.join(site, 'posts'), { recursive: true, force: true });
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), contents);
  }
}

function environment(): NodeJS.ProcessEnv {
  // Vitest sets NODE_ENV=test, which Next would otherwise build and serve with.
  return { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', BLOG_POSTS_DIR: 'posts' };
}

function nextBuild(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: site, env: environment(), encoding: 'utf8', timeout: 200_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const fm = (frontMatter: string, body?: string) => post(frontMatter, body);

/** Each broken post, with the exact line the build must print for it. */
const BROKEN: Array<[file: string, source: string, problem: string]> = [
  [
    'posts/en/yaml-error.md',
    fm('title: Indented\n date: 2024-01-01'),
    'posts/en/yaml-error.md:3: front matter is not valid YAML (bad indentation of a mapping entry): fix the syntax on that line',
  ],
  [
    'posts/en/impossible-date.md',
    fm('title: Thirteenth month\ndate: 2020-13-45'),
    'posts/en/impossible-date.md:3: date: "2020-13-45" is not a valid date: write a date such as 2020-08-31 or 2020-08-31T08:27:17+08:00',
  ],
  [
    'posts/en/draft-yes.md',
    fm('title: Listed draft\ndate: 2024-01-01\ndraft: [yes]'),
    'posts/en/draft-yes.md:4: draft: must be true or false (without quotes), e.g. draft: true',
  ],
  [
    'posts/en/second.md',
    fm('title: Second\ndate: 2024-01-02\nslug: first'),
    'posts/en/second.md:4: slug: slug "first" is also used by posts/en/first.md: give one of them a different slug',
  ],
  [
    'posts/en/unclosed.mdx',
    fm('title: Unclosed\ndate: 2024-01-01', 'Text.\n\n<div>\n\nnever closed'),
    'posts/en/unclosed.mdx:8: cannot be parsed (Expected a closing tag for `<div>`): fix the MDX syntax there (write \\{ and \\< for a literal brace or angle bracket), or rename the file to .md to treat it as plain Markdown',
  ],
  [
    'posts/en/stray-brace.mdx',
    fm('title: Brace\ndate: 2024-01-01', 'It costs { nothing.'),
    'posts/en/stray-brace.mdx:6: cannot be parsed (Unexpected end of file in expression, expected a corresponding closing brace for `{`): fix the MDX syntax there (write \\{ and \\< for a literal brace or angle bracket), or rename the file to .md to treat it as plain Markdown',
  ],
  [
    'posts/en/import.mdx',
    fm('title: Import\ndate: 2024-01-01', 'import Chart from "./chart.js"\n\nText.'),
    'posts/en/import.mdx:6: MDX JavaScript "import Chart from "./chart.js"" is turned off: remove the line, or set allowMdxJavaScript in lib/site-config.ts',
  ],
  [
    'posts/en/unknown-component.mdx',
    fm('title: Component\ndate: 2024-01-01', 'Text.\n\n<Callout type="tip">Hi</Callout>'),
    'posts/en/unknown-component.mdx:8: <Callout> is not a component this site provides: use Markdown or HTML elements (lowercase, such as <kbd>), or write \\< for a literal angle bracket',
  ],
  [
    'posts/de/hallo.md',
    fm('title: Hallo\ndate: 2024-01-01'),
    'posts/de: folder "de" is not a configured language (en, zh): move its posts into a language folder, or add the language to lib/site-config.ts',
  ],
];

const LONG_TITLE = `${'Long title '.repeat(45)}ends.`;
const BIG_BODY = Array.from(
  { length: 400 },
  (_, part) => `## Part ${part}\n\n${'A paragraph about queues, retries and back-pressure in distributed systems. '.repeat(66)}`,
).join('\n\n');

/** Unusual but valid: each must build, at the URL the content layer computes. */
const UNUSUAL: Record<string, string> = {
  'posts/en/big-post.md': fm('title: A Two-Megabyte Post\ndate: 2024-02-01\ntags: ["long read"]', BIG_BODY),
  'posts/en/long-title.md': fm(`title: "${LONG_TITLE}"\ndate: 2024-02-02\ncategories: ["Edge Cases"]`),
  'posts/en/unicode.md': fm(
    'title: "🚀 Launch notes: مرحبا بالعالم, Cafe\u0301 and zero\u200bwidth"\ndate: 2024-02-03\n' +
      'categories: ["Cafe\u0301 Culture", "عربي"]\ntags: ["🚀 rockets", "Zero\u200bWidth", "naïve"]',
    'Emoji 🎉, שלום עולם, e\u0301 and a zero\u200bwidth space.',
  ),
  'posts/en/odd-terms.md': fm(
    'title: Terms with URL characters\ndate: 2024-02-04\ncategories: ["Edge Cases"]\n' +
      'tags: ["CI/CD", "C#", "what?", "100%", "R&D", "node.js", ".NET"]',
  ),
  'posts/en/crlf.md': '---\r\ntitle: Written on Windows\r\ndate: 2024-02-05\r\ntags: [crlf]\r\n---\r\n\r\nEvery line ends in CR LF.\r\n',
  'posts/en/markup.mdx': fm('title: MDX with HTML and escapes\ndate: 2024-02-06', 'Press <kbd>Ctrl</kbd>; \\{braces\\} and \\<angles> stay text.'),
  'posts/zh/bom.md': `\uFEFF${fm('title: 以 BOM 开头的文章\ndate: 2024-02-07\ncategories: ["编码"]', '这篇文章的文件以 BOM 开头。')}`,
  // Defects Hugo builds anyway: they build here too, reported in the build output.
  'posts/en/missing-hero.md': fm('title: No hero\ndate: 2024-02-08\nimage: /images/nope.png'),
  'posts/en/no-title.md': fm('date: 2024-02-10'),
  'posts/en/missing-figure.md': fm('title: No figure\ndate: 2024-02-09\ndraft: true\ndraft: false', 'Intro.\n\n![Chart of the queue](/images/chart.png)'),
};

/** The defects among the unusual posts, each with the line the build output must show. */
const TOLERATED = [
  'posts/en/no-title.md:2: title: is missing: the page is titled "no-title" after its file; add a line like title: "My first post"',
  'posts/en/missing-hero.md:4: image: image "/images/nope.png" is not a file under public/: add the file or fix the path (the page is built without it)',
  'posts/en/missing-figure.md:5: draft: is written twice (first on line 4): this last value is used, as in Hugo; remove the other line',
  'posts/en/missing-figure.md:10: image "/images/chart.png" is not a file under public/: add the file or fix the path (its alt text is shown instead)',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The text of an HTML page with React's escapes undone, to search for what the author wrote. */
function decodedHtml(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

let server: ChildProcess | undefined;

beforeAll(() => copyProject(process.cwd(), site));

afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(site, { recursive: true, force: true });
});

describe('next build over a temporary posts folder', () => {
  it('stops on broken posts before rendering a page, listing every one as file:line: field: what to do', () => {
    writePosts({
      'posts/en/first.md': fm('title: First\ndate: 2024-01-01'),
      'posts/zh/fine.md': fm('title: 没问题\ndate: 2024-01-01'),
      ...Object.fromEntries(BROKEN.map(([file, source]) => [file, source])),
    });
    const { status, output } = nextBuild();
    expect(status, output).not.toBe(0);
    expect(output).toContain(`Error [ContentError]: Content has ${BROKEN.length} problems:`);
    const listed = output.split('\n').filter((line) => line.startsWith('  - ')).map((line) => line.slice(4));
    // Next.js collects page data in two workers: when both read the content before the build
    // stops, each prints the list (seen once in a CI run). Every problem is there, and nothing else.
    expect([...new Set(listed)].sort()).toEqual(BROKEN.map(([, , problem]) => problem).sort());
    // It stopped at the first read of the content, before any page was rendered.
    expect(output).not.toMatch(/Generating static pages|prerendering/);
  });

  it('builds unusual but valid posts, each post and term page at the URL the content layer computes', async () => {
    writePosts(UNUSUAL);
    expect(UNUSUAL['posts/en/big-post.md']!.length).toBeGreaterThan(2_000_000);
    const { status, output } = nextBuild();
    expect(status, output).toBe(0);
    for (const line of TOLERATED) expect(output).toContain(line);

    const content = loadContent({
      postsDir: path.join(site, 'posts'),
      publicDir: path.join(site, 'public'),
      now: new Date(),
      includeUnpublished: false,
    });
    const posts = languages.flatMap((lang) => content.posts[lang]);
    expect(posts).toHaveLength(Object.keys(UNUSUAL).length);

    const port = await freePort();
    server = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: site, env: environment(), stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(() => fetch(`${base}/en`).then((response) => response.status, () => 0), { timeout: 30_000 }).toBe(200);
    const page = async (url: string) => {
      const response = await fetch(`${base}${url}`);
      return { status: response.status, html: decodedHtml(await response.text()) };
    };

    for (const { lang, slug, title } of posts) {
      const { status: code, html } = await page(postPath(lang, slug));
      expect(code, postPath(lang, slug)).toBe(200);
      expect(html, postPath(lang, slug)).toContain(`>${title}</h1>`);
    }
    expect((await page(postPath('en', 'big-post'))).html).toContain('Part 399');
    expect((await page(postPath('en', 'missing-figure'))).html).toMatch(/<span class="missing-image"[^>]*>Chart of the queue<\/span>/);

    let termPages = 0;
    for (const lang of languages) {
      for (const taxonomy of taxonomies) {
        for (const term of content.terms[lang][taxonomy]) {
          const url = termPath(lang, taxonomy, term.slug);
          const { status: code, html } = await page(url);
          expect(code, url).toBe(200);
          expect(html, url).toContain(term.name);
          for (const tagged of posts.filter((p) => p.lang === lang && p[taxonomy].some((t) => t.slug === term.slug))) {
            expect(html, `${url} lists ${tagged.slug}`).toContain(`href="${postPath(lang, tagged.slug)}"`);
          }
          termPages++;
        }
      }
    }
    expect(termPages).toBe(16);
  });
});
