/**
 * Checks every post without building the site, in seconds: front matter, unknown keys,
 * shortcodes, images, internal links and anchors, malformed URLs, old-URL conflicts.
 * Prints `file:line: message`, errors first, and exits 1 when there are errors.
 *
 *   npm run check
 */
import { checkContent } from '../lib/content/check';
import { formatProblem } from '../lib/content/errors';
import { defaultContentOptions } from '../lib/content/load';

const started = performance.now();
const { errors, warnings, postCount } = checkContent(defaultContentOptions());
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (errors.length) {
  console.log(`Errors (${errors.length}): the build fails until they are fixed`);
  for (const problem of errors) console.log(`  ${formatProblem(problem)}`);
}
if (warnings.length) {
  console.log(`Warnings (${warnings.length}): the build goes on, but readers would notice`);
  for (const problem of warnings) console.log(`  ${formatProblem(problem)}`);
}
console.log(`Checked ${postCount} posts in ${seconds} s: ${errors.length} errors, ${warnings.length} warnings.`);
process.exitCode = errors.length ? 1 : 0;
