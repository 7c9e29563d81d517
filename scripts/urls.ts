/**
 * Prints every old URL the site answers with a permanent redirect, and where it leads; old URLs
 * claimed twice are listed with the post Hugo gave them to.
 *
 *   npm run urls
 *
 * With --against, asks the built site (`npm run build` first; or --base for a server already
 * running, such as a static export being served) for every URL of the old site, from its built
 * folder (Hugo's public/) or its sitemap.xml, and lists what each answers now: 200, 308 and
 * where it leads, or 404. Exits 1 on any 404: the proof that no old link broke.
 *
 *   npm run urls -- --against ../old-site/public [--files] [--all] [--base http://127.0.0.1:3000]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatProblem } from '../lib/content/errors';
import { defaultContentOptions, loadContent } from '../lib/content/load';
import { aliasesLeadingNowhere, hugoRootRedirects, movedPosts, movedSectionPages, movedTerms } from '../lib/content/redirects';
import { defaultLang, languages } from '../lib/site-config';
import { postPath } from '../lib/urls';
import { oldSiteUrls } from '../lib/hugo/old-urls';
import { freePort, nextEnv, startNextServer } from './bench/next-process';
import { commandOptions } from './command-line';

const { values } = commandOptions({
  options: {
    against: { type: 'string' },
    base: { type: 'string' },
    files: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
  },
}, 'npm run urls [-- --against <old site: its built public/ folder or sitemap.xml>] [--files] [--all] [--base <url of a running site>]');

if (values.against) await compareWithOldSite(values.against);
else listMovedUrls();

function listMovedUrls(): void {
  const options = { ...defaultContentOptions(), includeUnpublished: false };
  const content = loadContent(options);
  const { moved, problems: conflicts } = movedPosts(content);
  const notes = aliasesLeadingNowhere(options);

  const rows: Array<[string, string, string]> = [...moved, ...movedTerms(content), ...movedSectionPages(options.postsDir)].map(({ from, to, origin }) => [decodeURI(from), decodeURI(to), origin]);
  for (const post of content.posts[defaultLang]) {
    const to = postPath(defaultLang, post.slug);
    rows.push([decodeURI(`/blog/${encodeURIComponent(post.slug)}/`), decodeURI(to), 'Hugo default-language URL']);
  }
  const width = Math.max(...rows.map(([from]) => from.length), 10);
  console.log(`${'Old URL'.padEnd(width)}  New URL`);
  for (const [from, to, origin] of rows) console.log(`${from.padEnd(width)}  ${to}  (${origin})`);
  console.log('\nPatterns, for every post, term and page:');
  for (const rule of hugoRootRedirects()) console.log(`  ${rule.source} -> ${rule.destination}`);
  console.log(`  /<any path>/ -> /<any path> (trailing slash)`);
  console.log(`\n${rows.length} old URLs of posts in ${languages.join(' and ')}; each answers with a 308 redirect.`);

  for (const note of notes) console.log(`Note: ${formatProblem(note)}`);
  for (const conflict of conflicts) console.log(`Resolved as Hugo does: ${formatProblem(conflict)}`);
}

type Answer = { status: number; via: number[]; to: string };

/** What the site answers for a path, following its redirects (at most 10). */
async function answer(base: string, pathname: string): Promise<Answer> {
  const via: number[] = [];
  let url = new URL(pathname, base);
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual' });
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return { status: response.status, via, to: url.pathname };
    via.push(response.status);
    url = new URL(location, url);
  }
  return { status: 508, via, to: url.pathname };
}

async function compareWithOldSite(source: string): Promise<void> {
  const old = oldSiteUrls(path.resolve(source));
  const paths = values.files ? [...old.pages, ...old.files] : old.pages;
  const server = values.base
    ? undefined
    : await startNextServer(process.cwd(), await freePort(), nextEnv(), path.join(mkdtempSync(path.join(tmpdir(), 'blog-urls-')), 'next-start.log'));
  const base = values.base ?? server?.url ?? '';
  try {
    const answers = new Map<string, Answer>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < paths.length) {
          const pathname = paths[next++] ?? '';
          answers.set(pathname, await answer(base, pathname));
        }
      }),
    );
    const shown = (value: string) => {
      try {
        return decodeURI(value);
      } catch {
        return value;
      }
    };
    const broken = paths.filter((pathname) => (answers.get(pathname)?.status ?? 0) >= 400);
    const moved = paths.filter((pathname) => answers.get(pathname)?.via.length && !broken.includes(pathname));
    for (const pathname of values.all ? paths : broken) {
      const { status, via, to } = answers.get(pathname) ?? { status: 0, via: [], to: '' };
      const route = via.length ? `${via.join(' → ')} → ${shown(to)} ` : '';
      console.log(`${String(status).padEnd(4)} ${shown(pathname)}${route ? `  ${route}` : ''}`);
    }
    const skipped = values.files ? '' : ` (and ${old.files.length} other files, not asked: --files asks them too)`;
    console.log(
      `\n${paths.length} old URLs from ${source}${skipped}: ${paths.length - broken.length - moved.length} answer 200, ` +
        `${moved.length} redirect to a page that answers, ${broken.length} are broken.`,
    );
    if (broken.length) process.exitCode = 1;
  } finally {
    await server?.stop();
  }
}
