import { readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerPagePinning, siteOwnScripts, type WorkerPinning } from '@/lib/page-pinning';
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

  it("takes what the build's worker found pinning a page as it wrote it, unless the page is not the one it wrote", () => {
    const { root, write, record } = setUp();
    // As Next.js's export worker does (patches/next+16.4.6.patch): the page pinned before it is written.
    registerPagePinning();
    const pinPage = (globalThis as Record<symbol, unknown>)[Symbol.for('bilingual-blog.pin-page')] as (html: string, file: string) => WorkerPinning & { html: string };
    const byWorkers = new Map<string, WorkerPinning>();
    for (const name of ['app/en/blog/kept.html', 'app/en/blog/edited.html']) {
      const { html, ...found } = pinPage(readFileSync(path.join(root, name), 'utf8'), name);
      write(name, html);
      byWorkers.set(name, { ...found, file: name });
    }
    const keptHtml = readFileSync(path.join(root, 'app/en/blog/kept.html'), 'utf8');
    expect(keptHtml).toContain('http-equiv="Content-Security-Policy"');
    // Written again after the worker's pinning (not by the worker): the size the worker wrote no longer matches.
    write('app/en/blog/edited.html', page('<p>Written by something else</p>'));

    const pages = pinPages(root, siteOwnScripts(), record, byWorkers);
    expect(pages.get('app/en/blog/kept.html')).toEqual({ hashes: 1, unknown: ['alert("from a post")'], read: false, byWorker: true });
    expect(readFileSync(path.join(root, 'app/en/blog/kept.html'), 'utf8')).toBe(keptHtml);
    expect(pages.get('app/en/blog/edited.html')?.read).toBe(true);
    expect(readFileSync(path.join(root, 'app/en/blog/edited.html'), 'utf8')).toContain('http-equiv="Content-Security-Policy"');
    // Kept in the record: the next build takes the page back without a worker's list.
    expect(pinPages(root, siteOwnScripts(), record).get('app/en/blog/kept.html')?.read).toBe(false);
    // The worker's findings hold for the policy they were made with only.
    expect(pinPages(root, [...siteOwnScripts(), 'console.log("a new script")'], undefined, byWorkers).get('app/en/blog/kept.html')?.read).toBe(true);
  });

  it('reads every page without a record (a static export)', () => {
    const { root } = setUp();
    pinPages(root, PAGE_SCRIPTS);
    expect([...pinPages(root, PAGE_SCRIPTS).values()].every((pinned) => pinned.read)).toBe(true);
  });
});
