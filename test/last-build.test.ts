import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setAsideLastBuild, staleBuildsDir } from '../scripts/last-build';

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe("npm run build's removal of the last build's pages", () => {
  it('takes the pages out of the way at once, removes them with what a stopped build left, and keeps the caches', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'blog-last-build-'));
    write(path.join(project, '.next/server/app/en/blog/removed-post.html'), '<p>a post since removed</p>');
    write(path.join(project, '.next/server/app/en/blog/removed-post.segments/_tree.segment.rsc'), 'tree');
    write(path.join(staleBuildsDir(project), 'server-1-1/app/en.html'), 'left by a build that was stopped');
    write(path.join(project, '.next/cache/blog-mdx/entry.json'), '{"value":"compiled"}');

    const removal = setAsideLastBuild(project);
    // next build, which starts now, finds no last build's pages to remove.
    expect(existsSync(path.join(project, '.next/server'))).toBe(false);
    await removal;

    expect(readdirSync(staleBuildsDir(project))).toEqual([]);
    expect(readFileSync(path.join(project, '.next/cache/blog-mdx/entry.json'), 'utf8')).toBe('{"value":"compiled"}');
  });

  it('does nothing before the first build', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'blog-first-build-'));
    await setAsideLastBuild(project);
    expect(existsSync(path.join(project, '.next'))).toBe(false);
  });
});
