import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent, type ContentOptions } from '@/lib/content/load';

/** A 1x1 PNG, so image-size has real bytes to measure. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export type FixtureFiles = Record<string, string | Buffer>;

/** Writes files (paths relative to a fresh temporary site root) and returns the root. */
export function makeSite(files: FixtureFiles): string {
  const root = mkdtempSync(path.join(tmpdir(), 'blog-fixture-'));
  mkdirSync(path.join(root, 'posts'), { recursive: true });
  mkdirSync(path.join(root, 'public'), { recursive: true });
  for (const [relative, contents] of Object.entries(files)) {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, contents);
  }
  return root;
}

export function post(frontMatter: string, body = 'Some text.'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}\n`;
}

export const NOW = new Date('2025-01-01T00:00:00Z');

export function optionsFor(root: string, overrides: Partial<ContentOptions> = {}): ContentOptions {
  return {
    postsDir: path.join(root, 'posts'),
    publicDir: path.join(root, 'public'),
    now: NOW,
    includeUnpublished: false,
    ...overrides,
  };
}

export function load(files: FixtureFiles, overrides: Partial<ContentOptions> = {}) {
  return loadContent(optionsFor(makeSite(files), overrides));
}

/** The error `fn` throws, for assertions on its message. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`);
  }
  throw new Error('expected an error, but nothing was thrown');
}
