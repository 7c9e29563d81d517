/**
 * Checks every post without building the site, in seconds: front matter, unknown keys,
 * shortcodes, images, internal links and anchors, malformed URLs, old-URL conflicts.
 * Prints `file:line: message`, errors first, then the defects Hugo tolerates (the build resolves
 * them as Hugo does), then warnings. Exits 1 when there are errors or defects.
 *
 *   npm run check [-- --strict] [--all]
 *
 * A warning said more than once is one line, with its count and first places; `--all` lists each.
 * `--strict` (or `strict` in site.config.json) counts the defects as errors, as a strict build does.
 */
import { checkContent } from '../lib/content/check';
import { formatProblem, groupedProblemLines } from '../lib/content/errors';
import { defaultContentOptions } from '../lib/content/load';
import { siteSettings } from '../lib/site-settings';
import { readBodyFactsOnEveryCore } from './body-facts-on-every-core';
import { commandOptions } from './command-line';

const { values } = commandOptions({ options: { strict: { type: 'boolean', default: false }, all: { type: 'boolean', default: false } } }, 'npm run check [-- --strict] [--all]');
const strict = values.strict || siteSettings.strict;

const started = performance.now();
// What reading each body told is kept in .next/cache, keyed by the body: a second check reads it,
// and a first one reads the bodies on every core before checking.
const options = { ...defaultContentOptions(), diskCache: true };
// The check reads drafts and scheduled posts too (checkContent): the threads read the same posts.
await readBodyFactsOnEveryCore(import.meta.url, { ...options, includeUnpublished: true });
const report = checkContent(options);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const { warnings, postCount } = report;
const errors = strict ? [...report.errors, ...report.defects] : report.errors;
const defects = strict ? [] : report.defects;

if (errors.length) {
  console.log(`Errors (${errors.length}): the build fails until they are fixed`);
  for (const problem of errors) console.log(`  ${formatProblem(problem)}`);
}
if (defects.length) {
  console.log(`Defects Hugo tolerates (${defects.length}): the build resolves them as Hugo does; fix them, or they fail a strict build`);
  for (const problem of defects) console.log(`  ${formatProblem(problem)}`);
}
if (warnings.length) {
  console.log(`Warnings (${warnings.length}): the build goes on, but readers would notice`);
  const lines = values.all ? warnings.map(formatProblem) : groupedProblemLines(warnings);
  for (const line of lines) console.log(`  ${line}`);
  if (!values.all && lines.length < warnings.length) console.log('  (npm run check -- --all lists every one)');
}
console.log(`Checked ${postCount} posts in ${seconds} s: ${errors.length} errors, ${defects.length} tolerated defects, ${warnings.length} warnings.`);
process.exitCode = errors.length || defects.length ? 1 : 0;
