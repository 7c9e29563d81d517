import { readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPTS, THEME_SCRIPT } from '@/lib/page-scripts';
import { pinPages } from '../scripts/pin-pages';
import { makeSite } from './fixtures';

// The pinning step after a build (scripts/pin-page-scripts.ts): a page the build took back from
// the last one is pinned already and is not read again, but what pinning it found (an inline
// script the site does not know) is still reported with every build.

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><script>${THEME_SCRIPT}</script></head><body>${body}</body></html>`;

describe("the pinning of a build's pages", () => {
  const setUp = () => {
    const root = makeSite({
      'app/en/blog/kept.html': page('<p>Kept</p><script>alert("from a post")</script>'),
      'app/en/blog/edited.html': page('<p>Before</p>'),
    });
    const write = (name: string, html: string) => writeFileSync(path.join(root, name), html);
    return { root, write, record: path.join(root, 'cache/pinned.json') };
  };

  it('reads again only the pages written since it last pinned them, and reports every unknown script each time', () => {
    const { root, write, record } = setUp();
    const first = pinPages(root, PAGE_SCRIPTS, record);
    expect([...first.values()].every((pinned) => pinned.read)).toBe(true);
    expect(first.get('app/en/blog/kept.html')?.unknown).toEqual(['alert("from a post")']);
    const keptHtml = readFileSync(path.join(root, 'app/en/blog/kept.html'), 'utf8');
    expect(keptHtml).toContain('http-equiv="Content-Security-Policy"');

    // The next build: kept.html is taken back (renamed back, as pinned), edited.html rendered again.
    renameSync(path.join(root, 'app/en/blog/kept.html'), path.join(root, 'kept.html'));
    renameSync(path.join(root, 'kept.html'), path.join(root, 'app/en/blog/kept.html'));
    // Rendered again, a second later, with a change of the same length: the same size, in the same file.
    const edited = path.join(root, 'app/en/blog/edited.html');
    write('app/en/blog/edited.html', readFileSync(edited, 'utf8').replace('Before', 'After!'));
    const later = new Date(statSync(edited).mtimeMs + 1000);
    utimesSync(edited, later, later);
    write('app/en/blog/new.html', page('<p>New</p>'));
    const second = pinPages(root, PAGE_SCRIPTS, record);

    expect(second.get('app/en/blog/kept.html')).toEqual({ hashes: 1, unknown: ['alert("from a post")'], read: false });
    expect(second.get('app/en/blog/edited.html')?.read).toBe(true);
    expect(second.get('app/en/blog/new.html')?.read).toBe(true);
    expect(readFileSync(path.join(root, 'app/en/blog/new.html'), 'utf8')).toContain('http-equiv="Content-Security-Policy"');
    expect(readFileSync(path.join(root, 'app/en/blog/kept.html'), 'utf8')).toBe(keptHtml);
  });

  it('reads every page again when the policy it writes has changed', () => {
    const { root, record } = setUp();
    pinPages(root, PAGE_SCRIPTS, record);
    const withAnotherScript = pinPages(root, [...PAGE_SCRIPTS, 'console.log("a new script of the site")'], record);
    expect([...withAnotherScript.values()].every((pinned) => pinned.read)).toBe(true);
  });

  it('reads every page without a record (a static export)', () => {
    const { root } = setUp();
    pinPages(root, PAGE_SCRIPTS);
    expect([...pinPages(root, PAGE_SCRIPTS).values()].every((pinned) => pinned.read)).toBe(true);
  });
});
