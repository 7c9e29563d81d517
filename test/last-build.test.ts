import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalPayload, keepLastBuild, lastBuildDir, removeLastBuild, staleBuildsDir } from '../scripts/last-build';

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe("npm run build's handling of the last build's pages", () => {
  it('moves them out of next build’s way at once, to take unchanged pages back from, and removes the rest after', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'blog-last-build-'));
    write(path.join(project, '.next/server/app/en/blog/kept.html'), '<p>a page that did not change</p>');
    write(path.join(project, '.next/server/app/en/blog/removed-post.html'), '<p>a post since removed</p>');
    write(path.join(lastBuildDir(project), 'server/app/en.html'), 'left by a build that was stopped');
    write(path.join(project, '.next/cache/blog-mdx/entry.json'), '{"value":"compiled"}');

    const removal = keepLastBuild(project);
    // next build, which starts now, finds no last build's pages to remove one by one.
    expect(existsSync(path.join(project, '.next/server'))).toBe(false);
    expect(readFileSync(path.join(lastBuildDir(project), 'server/app/en/blog/kept.html'), 'utf8')).toBe('<p>a page that did not change</p>');
    await removal;
    // What a stopped build left is gone; the last build's pages wait.
    expect(readdirSync(staleBuildsDir(project))).toEqual([]);
    expect(existsSync(path.join(lastBuildDir(project), 'server/app/en.html'))).toBe(false);

    await removeLastBuild(project);
    expect(existsSync(lastBuildDir(project))).toBe(false);
    expect(readdirSync(staleBuildsDir(project))).toEqual([]);
    expect(readFileSync(path.join(project, '.next/cache/blog-mdx/entry.json'), 'utf8')).toBe('{"value":"compiled"}');
  });

  it('does nothing before the first build', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'blog-first-build-'));
    await keepLastBuild(project);
    await removeLastBuild(project);
    expect(existsSync(path.join(project, '.next/server'))).toBe(false);
    expect(existsSync(lastBuildDir(project))).toBe(false);
  });
});

describe("the verifier's view of a page's React Server Components payload", () => {
  // The same page twice: its body finished later the second time, so the rows after it were
  // numbered on, and the rows that refer to them name other numbers.
  const first = '0:["$","main",null,{"children":["$L1","$L2","$3"]}]\n1:["$","p",null,{"children":"Body"}]\n2:I[9,["/c.js"],"Copy"]\n3:T6,héllo';
  const later = '0:["$","main",null,{"children":["$L2","$L1","$3"]}]\n2:["$","p",null,{"children":"Body"}]\n1:I[9,["/c.js"],"Copy"]\n3:T6,héllo';

  it('is the same when only the order and numbers of its rows differ', () => {
    expect(canonicalPayload(Buffer.from(later))).toBe(canonicalPayload(Buffer.from(first)));
  });

  it('follows references to rows numbered with the letters a-f', () => {
    // A text row (`T`, its length in bytes) ends where its text does, with no newline.
    const lettered = '0:["$","pre",null,{"children":"$e1","title":"$Lfa"}]\n1:"One"\na:"A"\ne1:T4,codefa:"Copy"';
    const renumbered = '0:["$","pre",null,{"children":"$c2","title":"$Lab"}]\n1:"One"\na:"A"\nab:"Copy"\nc2:T4,code';
    expect(canonicalPayload(Buffer.from(renumbered))).toBe(canonicalPayload(Buffer.from(lettered)));
    expect(canonicalPayload(Buffer.from(lettered.replace('T4,code', 'T4,edit')))).not.toBe(canonicalPayload(Buffer.from(lettered)));
  });

  it('differs when what the page shows does', () => {
    expect(canonicalPayload(Buffer.from(first.replace('"Body"', '"Body, edited"')))).not.toBe(canonicalPayload(Buffer.from(first)));
    expect(canonicalPayload(Buffer.from(first.replace('3:T6,héllo', '3:T6,hallo!')))).not.toBe(canonicalPayload(Buffer.from(first)));
  });
});
