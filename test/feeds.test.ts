import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { buildFeed, postFeedHtml, renderFeed } from '@/lib/feeds';
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
      'posts/en/keys.mdx': post('title: Keys\ndate: 2024-01-02', 'Press <kbd>Ctrl</kbd> and <Custom>kept text</Custom>.'),
    });
    const [keys, trip] = content.posts.en;
    const base = siteConfig.baseUrl;
    const tripHtml = postFeedHtml(trip!);
    expect(tripHtml).toContain(`<figure><img src="${base}/en/blog/trip/images/map.png" alt="Map" width="1" height="1"><figcaption>Where we went</figcaption></figure>`);
    expect(tripHtml).toContain(`<a href="${base}/en/blog/other">the other post</a>`);
    expect(tripHtml).toContain('<a href="#top">');
    expect(tripHtml).toContain('<aside class="callout callout-tip" role="note">');
    expect(postFeedHtml(keys!)).toBe('<p>Press <kbd>Ctrl</kbd> and kept text.</p>');
  });

  it('stay well-formed XML whatever the titles and bodies hold, newest posts first', () => {
    const nasty = 'A & <b> ]]> "quoted" </script><script>alert(1)</script>';
    const content = site({
      'posts/en/a.md': post(`title: '${nasty}'\ndate: 2024-01-01\ncategories: ['C&D <x>']`, 'Body with ]]> inside & <tags>.'),
      'posts/en/b.md': post('title: B\ndate: 2024-02-01'),
    });
    const feed = buildFeed({ lang: 'en', title: 'T & <t>', description: 'D', listPath: '/en', posts: content.posts.en });
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const xml of [renderFeed(feed, 'rss'), renderFeed(feed, 'atom')]) expect(XMLValidator.validate(xml)).toBe(true);
    const rss = parser.parse(renderFeed(feed, 'rss'));
    expect(rss.rss.channel.item.map((item: { title: string }) => item.title)).toEqual(['B', nasty]);
    expect(rss.rss.channel.item[1]['content:encoded']).toContain('Body with ]]> inside &#x26; <tags>.</tags>');
    expect(rss.rss.channel.item[1].category['#text']).toBe('C&D <x>');
    const atom = parser.parse(renderFeed(feed, 'atom'));
    expect(atom.feed.entry[1].title['#text']).toBe(nasty);
    expect(JSON.parse(renderFeed(feed, 'json')).items.map((item: { title: string }) => item.title)).toEqual(['B', nasty]);
  });

  it('date each item in the offset its author wrote, as the post page does', () => {
    const content = site({
      'posts/en/beijing.md': post('title: Beijing\ndate: 2020-08-31T08:27:17+08:00\nlastmod: 2021-01-02T03:04:05+08:00'),
      'posts/en/utc.md': post('title: UTC\ndate: 2019-05-01'),
      'posts/en/west.md': post('title: West\ndate: 2018-12-31T23:30:00-05:30'),
    });
    const feed = buildFeed({ lang: 'en', title: 'T', description: 'D', listPath: '/en', posts: content.posts.en });
    const parser = new XMLParser();
    const rss = parser.parse(renderFeed(feed, 'rss'));
    expect(rss.rss.channel.item.map((item: { pubDate: string }) => item.pubDate)).toEqual([
      'Mon, 31 Aug 2020 08:27:17 +0800',
      'Wed, 01 May 2019 00:00:00 +0000',
      'Mon, 31 Dec 2018 23:30:00 -0530',
    ]);
    const atom = parser.parse(renderFeed(feed, 'atom'));
    expect(atom.feed.entry[0]).toMatchObject({ published: '2020-08-31T08:27:17+08:00', updated: '2021-01-02T03:04:05+08:00' });
    expect(atom.feed.entry[2]).toMatchObject({ published: '2018-12-31T23:30:00-05:30' });
    const json = JSON.parse(renderFeed(feed, 'json'));
    expect(json.items[0]).toMatchObject({ date_published: '2020-08-31T08:27:17+08:00', date_modified: '2021-01-02T03:04:05+08:00' });
    for (const [older, newer] of [[1, 0], [2, 1]] as const) {
      expect(Date.parse(json.items[older].date_published)).toBeLessThan(Date.parse(json.items[newer].date_published));
    }
  });
});
