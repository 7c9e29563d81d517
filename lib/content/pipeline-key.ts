import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { siteSettings } from '../site-settings';

// The key of everything that shapes what the content layer caches (body facts, compiled bodies,
// feed HTML), in a module of its own: reading a cached fact must not load the compiler.

/** Packages whose output is in the compiled code. */
const PIPELINE_PACKAGES = [
  'next-mdx-remote',
  '@mdx-js/mdx',
  'remark-gfm',
  'rehype-raw',
  'rehype-slug',
  'rehype-pretty-code',
  'shiki',
  'image-size',
  'beautiful-mermaid',
  'hast-util-from-html',
];
/** Our own modules that shape the compiled code (URLs are written into it too). */
const PIPELINE_SOURCES = [
  ...['markdown.ts', 'hast.ts', 'mermaid.ts', 'images.ts', 'image-variants.ts', 'body.ts', 'summary.ts', 'reading.ts', 'shortcodes.ts', 'site-shortcodes.ts', 'go-template.ts', 'compile-cache.ts', 'load-cache.ts', 'pipeline-key.ts'].map((name) => `lib/content/${name}`),
  'lib/urls.ts',
];

let pipelineKey: string | undefined;

/** The versions and sources that shape what the content layer caches, hashed once per process. */
export function currentPipelineKey(): string {
  if (pipelineKey) return pipelineKey;
  const hash = createHash('sha256');
  for (const name of PIPELINE_PACKAGES) {
    const manifest = path.resolve(/*turbopackIgnore: true*/ 'node_modules', name, 'package.json');
    hash.update(`${name}@${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}\n`);
  }
  for (const name of PIPELINE_SOURCES) {
    // A deployment without the sources cannot change them either.
    const source = path.resolve(/*turbopackIgnore: true*/ name);
    hash.update(existsSync(source) ? readFileSync(source) : name);
  }
  // The author's settings change bodies too (captions from alt text, mermaid diagrams).
  hash.update(JSON.stringify(siteSettings));
  pipelineKey = hash.digest('hex');
  return pipelineKey;
}

let sourceTreeKey: string | undefined;

/**
 * The key of all the code and settings that read content: every file under lib/, the lockfile
 * (every package's version) and site.config.json, hashed once per process. A cache keyed by it
 * cannot miss a source that shapes what it keeps, since none is listed by hand.
 */
export function currentSourceTreeKey(): string {
  if (sourceTreeKey) return sourceTreeKey;
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(path.relative(process.cwd(), file)).update('\0').update(existsSync(file) ? readFileSync(file) : 'absent').update('\0');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(/*turbopackIgnore: true*/ dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) add(full);
    }
  };
  walk(path.resolve(/*turbopackIgnore: true*/ 'lib'));
  add(path.resolve(/*turbopackIgnore: true*/ 'package-lock.json'));
  add(path.resolve(/*turbopackIgnore: true*/ 'site.config.json'));
  hash.update(JSON.stringify(siteSettings));
  sourceTreeKey = hash.digest('hex');
  return sourceTreeKey;
}
