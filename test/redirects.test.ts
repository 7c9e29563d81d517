import { describe, expect, it, vi } from 'vitest';
import { formatProblem } from '@/lib/content/errors';
import path from 'node:path';
import { aliasesLeadingNowhere, hugoRootRedirects, movedPages, movedPosts, movedSectionPages, normalizePath, redirectRules, siteRedirects, staticRedirects } from '@/lib/content/redirects';
import { siteSettings } from '@/lib/site-settings';
import { load, makeSite, optionsFor, post } from './fixtures';

const withAliases = (aliases: string, title = 'T') => post(`title: ${title}\ndate: 2024-01-01\naliases: ${aliases}`);

describe('old URLs of posts', () => {
  it('turns aliases and url into old URLs, in the forms Hugo wrote them over its versions', () => {
    const content = load({
      'posts/en/mesh.md': withAliases('["/2020/08/mesh/", "old-mesh", "https://old.example.com/posts/mesh.html"]'),
      'posts/zh/wangge.md': post('title: 网格\ndate: 2024-01-01\nurl: /zh/网格/'),
    });
    const { moved, problems } = movedPosts(content);
    expect(problems).toEqual([]);
    expect(moved.map(({ from, to }) => [from, to])).toEqual([
      // English is not the default language: current Hugo prefixes its aliases.
      ['/en/2020/08/mesh', '/en/blog/mesh'],
      ['/en/blog/old-mesh', '/en/blog/mesh'],
      ['/en/posts/mesh.html', '/en/blog/mesh'],
      ['/zh/网格', '/zh/blog/wangge'],
      // The forms older Hugo wrote, kept while no other post claims them.
      ['/2020/08/mesh', '/en/blog/mesh'],
      ['/posts/mesh.html', '/en/blog/mesh'],
    ]);
  });

  it('gives default-language aliases the unprefixed form first', () => {
    const content = load({
      'posts/zh/a.md': withAliases('/shared/'),
      'posts/en/a.md': withAliases('/shared/'),
    });
    const { moved, problems } = movedPosts(content);
    expect(problems).toEqual([]);
    expect(moved.map(({ from, to }) => [from, to])).toEqual([
      ['/en/shared', '/en/blog/a'],
      ['/shared', '/zh/blog/a'],
      ['/zh/shared', '/zh/blog/a'],
    ]);
  });

  it('gives one old URL claimed by two posts to the one Hugo gave it, and names both files', () => {
    const content = load({
      'posts/en/a.md': withAliases('/shared/'),
      'posts/en/b.md': withAliases('/en/shared'),
      'posts/en/c.md': post('title: C\ndate: 2023-06-01\naliases: /en/shared'),
    });
    const { moved, problems } = movedPosts(content);
    // Hugo: the earliest post, then by title, then by file.
    expect(moved.filter(({ from }) => from === '/en/shared').map(({ to }) => to)).toEqual(['/en/blog/c']);
    expect(problems.map((problem) => problem.file.replace(/^.*posts\//, ''))).toEqual(['en/a.md', 'en/b.md']);
    expect(problems.every((problem) => problem.tolerated)).toBe(true);
    expect(problems[1]?.message).toMatch(/alias "\/en\/shared" is also an alias of .*posts\/en\/c\.md, which keeps it/);
  });

  it('warns of a shared alias once per process, though next.config.ts is read more than once', () => {
    vi.stubEnv('BLOG_SAID_OLD_URLS', undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const shared = load({ 'posts/en/a.md': withAliases('/shared/'), 'posts/en/c.md': post('title: C\ndate: 2023-06-01\naliases: /shared/') });
      siteRedirects(shared);
      siteRedirects(shared);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toMatch(/^Old URLs:\n  - .*a\.md: aliases: alias "\/shared\/" is also an alias of .*c\.md/);
      // Another list (the posts changed) is said again.
      siteRedirects(load({ 'posts/en/b.md': withAliases('/other/'), 'posts/en/c.md': post('title: C\ndate: 2023-06-01\naliases: /other/') }));
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it('leaves a live post its address when another claims it as an alias', () => {
    const content = load({ 'posts/en/a.md': withAliases('/en/blog/b/'), 'posts/en/b.md': withAliases('[]') });
    expect(movedPosts(content).problems[0]?.message).toMatch(/alias "\/en\/blog\/b\/" is the address of .*b\.md/);
  });

  it('ignores an alias that is the post itself', () => {
    const content = load({ 'posts/en/a.md': withAliases('/en/blog/a/') });
    expect(movedPosts(content)).toEqual({ moved: [], problems: [] });
  });

  it('drops the aliases of unpublished posts with them', () => {
    const content = load({ 'posts/en/a.md': post('title: A\ndate: 2024-01-01\ndraft: true\naliases: /old-a/') });
    expect(movedPosts(content).moved).toEqual([]);
  });
});

describe('old URLs of the section the posts came from', () => {
  const withHugo = <T>(hugo: Partial<typeof siteSettings.hugo>, run: () => T): T => {
    const saved = { ...siteSettings.hugo };
    Object.assign(siteSettings.hugo, hugo);
    try {
      return run();
    } finally {
      siteSettings.hugo = saved;
    }
  };

  it('leads /posts/<slug>/, /en/posts/<slug>/ and the section lists to the posts and homes', () => {
    const rules = withHugo({ section: 'posts' }, () => hugoRootRedirects('zh'));
    const pairs = rules.map((rule) => [rule.source, rule.destination]);
    expect(pairs).toContainEqual(['/posts/:path*', '/zh/blog/:path*']);
    expect(pairs).toContainEqual(['/en/posts/:path*', '/en/blog/:path*']);
    expect(pairs).toContainEqual(['/posts', '/zh']);
    expect(pairs).toContainEqual(['/en/posts/page/:number(\\d+)', '/en/page/:number']);
    expect(pairs).toContainEqual(['/blog', '/zh']);
    // The list comes before the catch-all that would send it to a post named "page".
    const index = (source: string) => pairs.findIndex(([from]) => from === source);
    expect(index('/posts/page/:number(\\d+)')).toBeLessThan(index('/posts/:path*'));
  });

  it('leads a permalink pattern\'s URLs to the posts, and lists them for a static export', () => {
    const content = load({
      'posts/zh/mesh.md': post('title: 服务网格\ndate: 2020-08-31T08:00:00+08:00'),
      'posts/en/mesh.md': post('title: Service Mesh 101\ndate: 2021-01-05\nslug: mesh'),
    });
    const moved = withHugo({ section: 'posts', permalink: '/:year/:month/:slug/' }, () => staticRedirects(content));
    const pairs = moved.map(({ from, to }) => [decodeURI(from), to]);
    expect(pairs).toContainEqual(['/2020/08/服务网格', '/zh/blog/mesh']);
    expect(pairs).toContainEqual(['/en/2021/01/mesh', '/en/blog/mesh']);
    expect(pairs).toContainEqual(['/posts/mesh', '/zh/blog/mesh']);
    expect(pairs).toContainEqual(['/en/posts/mesh', '/en/blog/mesh']);
  });
});

describe('redirect rules', () => {
  it('normalizes paths', () => {
    expect(normalizePath('old/')).toBe('/old');
    expect(normalizePath('/a//b/?x=1#y')).toBe('/a/b');
    expect(normalizePath('/')).toBe('/');
  });

  it('escapes path-to-regexp syntax and adds the percent-encoded form of non-ASCII paths', () => {
    const rules = redirectRules([
      { from: '/c++/(draft)', to: '/en/blog/c', origin: '' },
      { from: '/zh/网格', to: '/zh/blog/w', origin: '' },
    ]);
    expect(rules.slice(0, 3).map((rule) => rule.source)).toEqual([
      '/c\\+\\+/\\(draft\\)',
      '/zh/网格',
      '/zh/%E7%BD%91%E6%A0%BC',
    ]);
    expect(rules.every((rule) => rule.permanent)).toBe(true);
    expect(rules.map((rule) => rule.source)).toContain('/blog/:path*');
  });
});

describe('aliases of section pages and of unpublished posts', () => {
  it('lead a section page\'s aliases to its language\'s home; note those of unpublished posts', () => {
    const root = makeSite({
      'posts/en/_index.md': '---\ntitle: Blog\naliases: ["/posts/", "/en/old-list/"]\n---\n',
      'posts/en/draft.md': post('title: D\ndate: 2024-01-01\ndraft: true\naliases: /old-draft/'),
      'posts/en/live.md': post('title: L\ndate: 2024-01-01\naliases: /old-live/'),
    });
    expect(movedSectionPages(path.join(root, 'posts')).map(({ from, to }) => [from, to])).toEqual([
      ['/en/posts', '/en'],
      ['/posts', '/en'],
      ['/en/old-list', '/en'],
    ]);
    expect(aliasesLeadingNowhere(optionsFor(root)).map(formatProblem)).toEqual([
      expect.stringMatching(/posts\/en\/draft\.md: aliases: alias "\/old-draft\/" leads nowhere until the post is published \(it is draft\)/),
    ]);
  });
});

describe('old URLs of standalone pages', () => {
  it("are Hugo's root URL of a default-language page, and the pages' aliases", () => {
    const root = makeSite({
      'content/en/about.md': post('title: About\naliases: ["/about-me/"]'),
      'content/zh/about.md': post('title: 关于'),
    });
    const content = load({}, { pagesDir: path.join(root, 'content') });
    // This site's default language is Chinese: Hugo served its pages at the root.
    // Hugo also gave a page made from a section's _index.md a feed: the language's feed replaces it.
    expect(movedPages(content).map(({ from, to }) => [from, to])).toEqual([
      ['/en/about/index.xml', '/en/feed.xml'],
      ['/zh/about/index.xml', '/zh/feed.xml'],
      ['/about', '/zh/about'],
      ['/about/index.xml', '/zh/feed.xml'],
    ]);
    expect(movedPosts(content).moved.map(({ from, to }) => [from, to])).toEqual([
      ['/en/about-me', '/en/about'],
      ['/about-me', '/en/about'],
    ]);
  });
});
