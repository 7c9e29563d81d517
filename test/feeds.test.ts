import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { buildFeed, postFeedHtml } from '@/lib/feeds';
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

  it('stay well-formed XML whatever the titles and bodies hold, newest posts first', () => {
    const nasty = 'A & <b> ]]> "quoted" </script><script>alert(1)</script>';
    const content = site({
      'posts/en/a.md': post(`title: '${nasty}'\ndate: 2024-01-01\ncategories: ['C&D <x>']`, 'Body with ]]> inside & <tags>.'),
      'posts/en/b.md': post('title: B\ndate: 2024-02-01'),
    });
    const feed = buildFeed({ lang: 'en', title: 'T & <t>', description: 'D', listPath: '/en', posts: content.posts.en });
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const xml of [feed.rss2(), feed.atom1()]) expect(XMLValidator.validate(xml)).toBe(true);
    const rss = parser.parse(feed.rss2());
    expect(rss.rss.channel.item.map((item: { title: string }) => item.title)).toEqual(['B', nasty]);
    expect(rss.rss.channel.item[1]['content:encoded']).toContain('Body with ]]> inside &#x26; <tags>.</tags>');
    expect(rss.rss.channel.item[1].category['#text']).toBe('C&D <x>');
    const atom = parser.parse(feed.atom1());
    expect(atom.feed.entry[1].title['#text']).toBe(nasty);
    expect(JSON.parse(feed.json1()).items.map((item: { title: string }) => item.title)).toEqual(['B', nasty]);
  });
});
