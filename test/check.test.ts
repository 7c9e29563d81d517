import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatProblem, groupedProblemLines } from '@/lib/content/errors';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';

function check(files: Record<string, string | Buffer>) {
  const report = checkContent(optionsFor(makeSite(files)));
  const strip = (problem: Parameters<typeof formatProblem>[0]) => formatProblem(problem).replace(/^.*?posts\//, 'posts/');
  return { errors: report.errors.map(strip), defects: report.defects.map(strip), warnings: report.warnings.map(strip), postCount: report.postCount };
}

describe('npm run check', () => {
  it('reports every planted problem with file:line: errors, defects Hugo tolerates, warnings', () => {
    const report = check({
      'posts/en/target.md': post('title: Target\ndate: 2024-01-01', '## Real heading\n\nText.'),
      'posts/en/sibling/index.md': post('title: Sibling\ndate: 2024-01-01'),
      'posts/en/hidden.md': post('title: Hidden\ndate: 2024-01-01\ndraft: true'),
      'posts/en/source/index.md': post(
        'title: Source\ndate: 2024-01-01\naliasses: ["/typo/"]\nweight: 2',
        [
          'Good: [t](/en/blog/target), [t2](/en/blog/target/#real-heading), [s](../sibling/), [f](files/a.png), [h](#local).',
          '',
          '## Local',
          '',
          'Broken: [x](/en/blog/nope), [y](/en/blog/target#no-such), [z](#nowhere), [d](/en/blog/hidden).',
          '',
          'Malformed: [Envoy](https:/ /envoyproxy.io).',
          '',
          '{{< mystery >}}',
        ].join('\n'),
      ),
      'posts/en/source/files/a.png': TINY_PNG,
      'posts/en/bad.md': post('title: Bad\ndate: 2020-13-01'),
      'posts/en/pictures/index.md': post('title: Pictures\ndate: 2024-01-01', 'A [link](/en/blog/nope).\n\n![Missing](images/none.png)'),
    });
    expect(report.errors).toEqual([
      'posts/en/bad.md:3: date: "2020-13-01" is not a valid date: write a date such as 2020-08-31 or 2020-08-31T08:27:17+08:00',
    ]);
    // Hugo builds a page whose image is missing: the post stays, and so do its other warnings.
    expect(report.defects).toEqual([
      'posts/en/pictures/index.md:8: image "images/none.png" is not a file in the post bundle or under public/: add the file or fix the path (its alt text is shown instead)',
    ]);
    expect(report.warnings).toEqual([
      'posts/en/pictures/index.md:6: broken link "/en/blog/nope": no page or file answers at /en/blog/nope',
      'posts/en/source/index.md:4: unknown key "aliasses", did you mean aliases? It is ignored as written',
      'posts/en/source/index.md:5: key "weight" is kept but this site does not use it',
      'posts/en/source/index.md:12: broken link "/en/blog/nope": no page or file answers at /en/blog/nope',
      'posts/en/source/index.md:12: link "/en/blog/target#no-such": that post has no heading "#no-such"',
      'posts/en/source/index.md:12: link "#nowhere" names no heading of this post: fix the anchor',
      expect.stringMatching(/^posts\/en\/source\/index\.md:12: link "\/en\/blog\/hidden" leads to .*hidden\.md, which is not published \(draft\)$/),
      'posts/en/source/index.md:14: malformed URL "https:/ /envoyproxy.io": it renders as plain text; write it as https://host/path',
      expect.stringMatching(/^posts\/en\/source\/index\.md:16: unknown shortcode "mystery"/),
    ]);
  });

  it('reports two posts claiming one old URL as a defect: the URL goes to the post Hugo gave it', () => {
    const report = check({
      'posts/en/a.md': post('title: A\ndate: 2024-02-01\naliases: /same/'),
      'posts/en/b.md': post('title: B\ndate: 2024-01-01\naliases: /same/'),
    });
    expect(report.errors).toEqual([]);
    expect(report.defects).toEqual([expect.stringMatching(/^posts\/en\/a\.md: aliases: alias "\/same\/" is also an alias of .*b\.md, which keeps it \(Hugo gives a shared alias to the earliest post\)/)]);
  });

  it('does not count a term that only drafts have as a page', () => {
    const report = check({
      'posts/en/live.md': post('title: Live\ndate: 2024-01-01', 'See [drafts only](/en/tags/secret) and [shared](/en/tags/shared).'),
      'posts/en/draft.md': post('title: Draft\ndate: 2024-01-01\ndraft: true\ntags: [secret, shared]'),
      'posts/en/other.md': post('title: Other\ndate: 2024-01-01\ntags: [shared]'),
    });
    expect(report.warnings).toEqual(['posts/en/live.md:6: broken link "/en/tags/secret": no page or file answers at /en/tags/secret']);
  });

  it('warns when the OpenGraph card cannot draw a character of a title or of the first category', () => {
    const report = check({
      'posts/zh/fine.md': post('title: 没有 Sidecar 的服务网格：Ambient 模式实践观察\ndate: 2024-01-01\ncategories: [服务网格]'),
      'posts/en/rocket.md': post('title: "Launch 🚀 day, 龘 and 🚀"\ndate: 2024-01-01\ncategories: [Space 🛰]\ntags: [🚀]'),
      'posts/en/draft.md': post('date: 2024-01-01\ndraft: true\ntitle: Draft 🚀'),
    });
    expect(report.warnings).toEqual([
      'posts/en/draft.md:4: title: the OpenGraph card\'s font has no "🚀" (U+1F680), so the card leaves it out: run npm run og-font to add what Noto Sans SC has',
      'posts/en/rocket.md:2: title: the OpenGraph card\'s font has no "🚀" (U+1F680), "龘" (U+9F98), so the card leaves them out: run npm run og-font to add what Noto Sans SC has',
      'posts/en/rocket.md:4: categories: the OpenGraph card\'s font has no "🛰" (U+1F6F0), so the card leaves it out: run npm run og-font to add what Noto Sans SC has',
    ]);
  });
});

describe('npm run check, read by a person', () => {
  it('says a repeated warning once, with its count and its first places', () => {
    const unknown = (file: string, line: number) => ({ file, line, message: 'unknown key "noreward" is kept but ignored' });
    const lines = groupedProblemLines([
      unknown('posts/zh/a.md', 8),
      { file: 'posts/zh/b.md', line: 3, message: 'broken link "/job/x": no page answers' },
      unknown('posts/zh/c.md', 5),
      unknown('posts/zh/d.md', 9),
      unknown('posts/zh/e.md', 2),
    ]);
    expect(lines).toEqual([
      '4 × unknown key "noreward" is kept but ignored: posts/zh/a.md:8, posts/zh/c.md:5, posts/zh/d.md:9, …',
      'posts/zh/b.md:3: broken link "/job/x": no page answers',
    ]);
  });
});
