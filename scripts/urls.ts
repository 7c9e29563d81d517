/**
 * Prints every old URL the site answers with a permanent redirect, and where it leads. Exits 1
 * when two posts claim one old URL, an old URL is the address of a live page, or an alias points
 * at nothing (a Hugo section page's alias).
 *
 *   npm run urls
 */
import { formatProblem } from '../lib/content/errors';
import { defaultContentOptions, loadContent } from '../lib/content/load';
import { aliasesLeadingNowhere, hugoRootRedirects, movedPosts } from '../lib/content/redirects';
import { defaultLang, languages } from '../lib/site-config';
import { postPath } from '../lib/urls';

const options = { ...defaultContentOptions(), includeUnpublished: false };
const content = loadContent(options);
const { moved, problems: conflicts } = movedPosts(content);
const nowhere = aliasesLeadingNowhere(options);
const problems = [...conflicts, ...nowhere.errors];

const rows: Array<[string, string, string]> = moved.map(({ from, to, origin }) => [decodeURI(from), decodeURI(to), origin]);
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

for (const note of nowhere.notes) console.log(`Note: ${formatProblem(note)}`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
  process.exitCode = 1;
}
