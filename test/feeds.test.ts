import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderToStaticMarkup } from 'react-dom/server';
// The components this file renders after setting NODE_ENV to production are compiled for React's
// development JSX runtime, which has no jsxDEV once loaded in production: it is loaded first, here.
import 'react/jsx-dev-runtime';
import { describe, expect, it, vi } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { postFeedHtml } from '@/lib/content/feed-html';
import { feedBody } from '@/lib/feeds';
import { siteConfig } from '@/lib/site-config';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';

function site(files: Record<string, string | Buffer>) {
  const root = makeSite(files);
  const cwd = process.cwd();
  process.chdir(root);
  try {
    return loadContent(optionsFor(root));
  } finally {
    process.chdir(cwd);
  }
}

describe('feeds', () => {
  it('carry each post as HTML with absolute links and images, captions and shortcodes rendered', () => {
    const content = site({
      'posts/en/trip/index.md': post(
        'title: Trip\ndate: 2024-01-01',
        '![Map](images/map.png)\n*Where we went*\n\nSee [the other post](/en/blog/other) and [#top](#top).\n\n{{< notice tip >}}\nPack light.\n{{< /notice >}}',
      ),
      'posts/en/trip/images/map.png': TINY_PNG,
      'posts/en/keys.mdx': post('title: Keys\ndate: 2024-01-02', 'Press <kbd>Ctrl</kbd> and <span title="x">kept text</span>.'),
    });
    const [keys, trip] = content.posts.en;
    const base = siteConfig.baseUrl;
    const tripHtml = postFeedHtml(trip!);
    expect(tripHtml).toContain(`<figure><img src="${base}/en/blog/trip/images/map.png" alt="Map" width="1" height="1"><figcaption>Where we went</figcaption></figure>`);
    expect(tripHtml).toContain(`<a href="${base}/en/blog/other">the other post</a>`);
    expect(tripHtml).toContain('<a href="#top">');
    expect(tripHtml).toContain('<aside class="callout callout-tip" role="note">');
    expect(postFeedHtml(keys!)).toBe('<p>Press <kbd>Ctrl</kbd> and <span title="x">kept text</span>.</p>');
  });

  it("in a production build, come from the tree the post's page parsed: a feed rendered elsewhere parses nothing", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'blog-feed-cache-'));
    const body = 'See [the other post](/en/blog/other).\n\n## Steps\n\n```sh\nmake\n```\n';
    const feedOf = async (compileThePageFirst: boolean) => {
      vi.resetModules();
      const root = makeSite({ 'posts/en/steps.md': post('title: Steps\ndate: 2024-01-01', body) });
      const entry = loadContent(optionsFor(root)).posts.en[0]!;
      const cwd = process.cwd();
      process.chdir(root);
      try {
        if (compileThePageFirst) {
          // The page's worker: compiles the body, and keeps the feed HTML made from its tree.
          const { PostBody } = await import('@/components/post-body');
          renderToStaticMarkup(await PostBody({ post: entry }));
        }
        // The feed's worker: a process that has not read the body.
        vi.resetModules();
        const [{ postFeedHtml: feedHtml }, { hasTreeAtHand }] = await Promise.all([import('@/lib/content/feed-html'), import('@/lib/content/hast')]);
        return { html: feedHtml(entry), parsed: hasTreeAtHand(entry) };
      } finally {
        process.chdir(cwd);
      }
    };
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('BLOG_CACHE_DIR', cacheDir);
    try {
      const fromThePage = await feedOf(true);
      expect(readdirSync(path.join(cacheDir, 'blog-feed-html'))).toHaveLength(1);
      expect(fromThePage.parsed).toBe(false);
      vi.stubEnv('BLOG_CACHE_DIR', mkdtempSync(path.join(tmpdir(), 'blog-feed-cache-')));
      const parsedHere = await feedOf(false);
      expect(parsedHere.parsed).toBe(true);
      expect(fromThePage.html).toBe(parsedHere.html);
      expect(fromThePage.html).toContain(`<a href="${siteConfig.baseUrl}/en/blog/other">the other post</a>`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('stay well-formed XML whatever the titles and bodies hold, with the text as nasty, newest posts first', async () => {
    const nasty = 'A & &amp; <b> ]]> "quoted" ]]> </script><script>alert(1)</script>';
    const category = 'C&D &amp; <x> "q" ]]>';
    const content = site({
      'posts/en/a.md': post(`title: '${nasty}'\ndate: 2024-01-01\ncategories: ['${category}']`, 'Body with ]]> inside & <tags>, then ]]> again and a backspace\u0008 XML cannot hold.'),
      'posts/en/b.md': post('title: B\ndate: 2024-02-01'),
    });
    const spec = { lang: 'en' as const, title: 'T & <t>', description: 'D', listPath: '/en', posts: content.posts.en };
    const [rss, atom, json] = await Promise.all((['rss', 'atom', 'json'] as const).map((format) => feedBody(spec, format)));
    for (const xml of [rss!, atom!]) expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    const channel = parser.parse(rss!).rss.channel;
    expect(channel.title).toBe('T & <t>');
    expect(channel.item.map((item: { title: string }) => item.title)).toEqual(['B', nasty]);
    expect(channel.item[1]['content:encoded']).toContain('Body with ]]> inside &#x26; <tags>, then ]]> again and a backspace XML cannot hold.</tags>');
    expect(channel.item[1].category['#text']).toBe(category);
    const entry = parser.parse(atom!).feed.entry[1];
    expect(entry.title['#text']).toBe(nasty);
    expect(entry.category.term).toBe(category);
    const item = JSON.parse(json!).items[1];
    expect(item).toMatchObject({ title: nasty, tags: [category] });
  });

  it('date each item in the offset its author wrote, as the post page does', async () => {
    const content = site({
      'posts/en/beijing.md': post('title: Beijing\ndate: 2020-08-31T08:27:17+08:00\nlastmod: 2021-01-02T03:04:05+08:00'),
      'posts/en/utc.md': post('title: UTC\ndate: 2019-05-01'),
      'posts/en/west.md': post('title: West\ndate: 2018-12-31T23:30:00-05:30'),
    });
    const spec = { lang: 'en' as const, title: 'T', description: 'D', listPath: '/en', posts: content.posts.en };
    const parser = new XMLParser();
    const rss = parser.parse(await feedBody(spec, 'rss'));
    expect(rss.rss.channel.item.map((item: { pubDate: string }) => item.pubDate)).toEqual([
      'Mon, 31 Aug 2020 08:27:17 +0800',
      'Wed, 01 May 2019 00:00:00 +0000',
      'Mon, 31 Dec 2018 23:30:00 -0530',
    ]);
    const atom = parser.parse(await feedBody(spec, 'atom'));
    expect(atom.feed.entry[0]).toMatchObject({ published: '2020-08-31T08:27:17+08:00', updated: '2021-01-02T03:04:05+08:00' });
    expect(atom.feed.entry[2]).toMatchObject({ published: '2018-12-31T23:30:00-05:30' });
    const json = JSON.parse(await feedBody(spec, 'json'));
    expect(json.items[0]).toMatchObject({ date_published: '2020-08-31T08:27:17+08:00', date_modified: '2021-01-02T03:04:05+08:00' });
    for (const [older, newer] of [[1, 0], [2, 1]] as const) {
      expect(Date.parse(json.items[older].date_published)).toBeLessThan(Date.parse(json.items[newer].date_published));
    }
  });
});
