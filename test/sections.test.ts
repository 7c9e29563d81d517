import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatProblem } from '@/lib/content/errors';
import { readContent, termedEntries } from '@/lib/content/load';
import { hugoRootRedirects, movedPosts, staticRedirects } from '@/lib/content/redirects';
import { siteConfig } from '@/lib/site-config';
import { entryAssetPath, entryPath } from '@/lib/urls';
import { makeSite, optionsFor, post, TINY_PNG } from './fixtures';

// A dated section of notices, and an undated one of books served under another segment.
vi.mock('@/lib/site-settings', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/site-settings')>();
  return {
    ...original,
    siteSettings: original.parseSiteSettings({
      sections: [
        { name: 'notice', title: { en: 'Notices', zh: '通知' } },
        { name: 'book', segment: 'books', dated: false, feeds: false },
        { name: 'event', taxonomies: true },
      ],
    }),
  };
});

const withSections = (files: Record<string, string | Buffer>, includeUnpublished = false) => {
  const root = makeSite(files);
  return { root, options: optionsFor(root, { pagesDir: path.join(root, 'content'), includeUnpublished }) };
};

const notice = (fields: string, body = 'Details.') => post(`type: notice\n${fields}`, body);

describe('sections of items besides the blog', () => {
  it('title a section in every language, by its name where the settings give none', () => {
    expect(siteConfig.sections.map((section) => [section.segment, section.title.en, section.title.zh])).toEqual([
      ['notice', 'Notices', '通知'],
      ['books', 'Book', 'Book'],
      ['event', 'Event', 'Event'],
    ]);
  });

  it('read items from content/<lang>/<section>/, newest first, hiding drafts and expired items as posts', () => {
    const { options } = withSections({
      'posts/en/a.md': post('title: A\ndate: 2024-01-01'),
      'content/en/notice/kubecon.md': notice('title: KubeCon\ndate: 2023-05-01\nlink: "https://example.org/kubecon"'),
      'content/en/notice/release/index.md': notice('title: Release\ndate: 2024-02-01', '![The release](shot.png)'),
      'content/en/notice/release/shot.png': TINY_PNG,
      'content/en/notice/draft.md': notice('title: Draft\ndate: 2024-03-01\ndraft: true'),
      'content/en/notice/old.md': notice('title: Old\ndate: 2019-03-01\nexpiryDate: 2020-01-01'),
      'content/en/notice/2021/nested.md': notice('title: Nested\ndate: 2021-06-01'),
      'content/zh/notice/kubecon.md': notice('title: KubeCon 大会\ndate: 2023-05-01'),
    });
    const { content, problems } = readContent(options);
    expect(problems).toEqual([]);
    const items = content.sections.en.notice ?? [];
    expect(items.map((item) => item.slug)).toEqual(['release', 'kubecon', 'nested']);
    expect(content.posts.en.map((entry) => entry.slug)).toEqual(['a']);
    const [release, kubecon] = items;
    expect(kubecon?.link).toBe('https://example.org/kubecon');
    expect(kubecon?.dated).toBe(true);
    expect(entryPath(kubecon!)).toBe('/en/notice/kubecon');
    expect(kubecon?.translations).toEqual({ zh: 'kubecon' });
    expect(release?.source.assets).toEqual(['shot.png']);
    expect(entryAssetPath(release!, 'shot.png')).toBe('/en/notice/release/shot.png');
    expect(release?.bodyImageFiles.map((file) => path.basename(file))).toEqual(['shot.png']);
  });

  it('order an undated section by title, need no dates there, and serve it under its own segment', () => {
    const { options } = withSections({
      'content/en/book/zen.md': post('title: Zen of Mesh'),
      'content/en/book/art.md': post('title: Art of Istio'),
    });
    const { content, problems } = readContent(options);
    expect(problems).toEqual([]);
    expect(content.warnings).toEqual([]);
    expect(content.sections.en.book?.map((item) => [item.title, entryPath(item)])).toEqual([
      ['Art of Istio', '/en/books/art'],
      ['Zen of Mesh', '/en/books/zen'],
    ]);
    // Lists, pages and search show no date for them.
    expect(content.sections.en.book?.map((item) => item.dated)).toEqual([false, false]);
  });

  it('name what they cannot place: an undeclared folder, an item hiding the list\'s own URLs, a page hiding a section, terms, a broken link', () => {
    const { options } = withSections({
      'content/en/gallery/meetup.md': notice('title: Meetup\ndate: 2024-01-01'),
      'content/en/notice/page.md': notice('title: Page\ndate: 2024-01-01'),
      'content/en/notice/tagged.md': notice('title: Tagged\ndate: 2024-01-01\ntags: [istio]\nlink: "https:/ /example.org"'),
      'content/en/books.md': post('title: Books'),
    });
    const { content, problems } = readContent(options);
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/content\/en\/books\.md: the page "books" would be hidden by the section list at \/en\/books/),
      expect.stringMatching(/content\/en\/gallery\/meetup\.md: content\/en\/gallery\/ is not a declared section: add \{ "name": "gallery" \}/),
      expect.stringMatching(/content\/en\/notice\/page\.md: the item "page" would be hidden by the section's own \/en\/notice\/page/),
    ]);
    expect(content.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/notice\/tagged\.md:5: tags: only blog posts are listed under tags, so the items of section "notice" are not: remove the field, or set "taxonomies": true on the section "notice"/),
      expect.stringMatching(/notice\/tagged\.md:6: link: "https:\/ \/example\.org" is not a full URL .*the page is built without the link/),
    ]);
    expect(content.sections.en.notice?.map((item) => [item.slug, item.link, item.tags])).toEqual([['tagged', undefined, []]]);
  });

  it('list the terms of a section that opts in, with the posts, newest first', () => {
    const { options } = withSections({
      'posts/en/a.md': post('title: A\ndate: 2024-01-01\ntags: [Istio]'),
      'content/en/event/istiocon.md': post('title: IstioCon\ndate: 2024-06-01\ntags: [Istio, Events]\ncategories: [Community]'),
      'content/en/notice/quiet.md': notice('title: Quiet\ndate: 2024-07-01'),
    });
    const { content, problems } = readContent(options);
    expect(problems).toEqual([]);
    expect(content.warnings).toEqual([]);
    expect(content.terms.en.tags.map((term) => [term.name, term.count])).toEqual([['Istio', 2], ['Events', 1]]);
    expect(content.terms.en.categories.map((term) => term.name)).toEqual(['Community']);
    expect(termedEntries(content, 'en').filter((entry) => entry.tags.some((term) => term.slug === 'istio')).map(entryPath)).toEqual(['/en/event/istiocon', '/en/blog/a']);
  });

  it("lead Hugo's URLs of a section to the new ones: root items, aliases, and a renamed segment", () => {
    const { options } = withSections({
      // An alias that is the item's own address (the real site has one) leads nowhere else.
      'content/zh/notice/kubecon.md': notice('title: KubeCon\ndate: 2023-05-01\naliases: ["/2023/kubecon-notice/", "/zh/notice/kubecon/"]'),
      'content/en/book/zen.md': post('title: Zen'),
    });
    const { content } = readContent(options);
    const aliases = movedPosts(content).moved.map(({ from, to }) => `${from} -> ${to}`);
    // As a post's: the alias, and the language-prefixed form older Hugo versions served it at.
    expect(aliases).toEqual(['/2023/kubecon-notice -> /zh/notice/kubecon', '/zh/2023/kubecon-notice -> /zh/notice/kubecon']);
    const rules = hugoRootRedirects().map(({ source, destination }) => `${source} -> ${destination}`);
    expect(rules).toEqual(expect.arrayContaining(['/notice/:path* -> /zh/notice/:path*', '/en/book/:path* -> /en/books/:path*', '/notice/index.xml -> /zh/notice/feed.xml']));
    const moved = staticRedirects(content, options.postsDir).map(({ from, to }) => `${from} -> ${to}`);
    expect(moved).toEqual(expect.arrayContaining(['/notice -> /zh/notice', '/notice/kubecon -> /zh/notice/kubecon', '/en/book/zen -> /en/books/zen']));
  });

  it('npm run check follows links into a section, and names one to an item that is not there', () => {
    const { options } = withSections({
      'posts/en/a.md': post('title: A\ndate: 2024-01-01', 'See [the notice](/en/notice/kubecon/), [the list](/en/notice/) and [gone](/en/notice/gone/).'),
      'content/en/notice/kubecon.md': notice('title: KubeCon\ndate: 2023-05-01'),
    });
    const linkWarnings = checkContent(options).warnings.map(formatProblem).filter((line) => line.includes('posts/en/a.md'));
    expect(linkWarnings).toEqual([expect.stringMatching(/posts\/en\/a\.md:\d+: .*\/en\/notice\/gone\//)]);
  });
});
