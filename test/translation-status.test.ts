import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatProblem } from '@/lib/content/errors';
import { loadContent } from '@/lib/content/load';
import { makeSite, optionsFor, post } from './fixtures';

// A translation falls behind when its original changes after it (the original's lastmod, written
// or from git, is on a later day than the translation's own).

const site = (files: Record<string, string>) => makeSite(files);

describe('translation status', () => {
  it('marks a translation its original changed after, names the original, and leaves the original alone', () => {
    const root = site({
      'posts/zh/mesh.md': post('title: 网格\ndate: 2024-01-01\nlastmod: 2025-05-01'),
      'posts/en/mesh.md': post('title: Mesh\ndate: 2024-01-03'),
      'posts/zh/dns.md': post('title: DNS\ndate: 2024-01-01\nlastmod: 2025-05-01'),
      'posts/en/dns.md': post('title: DNS\ndate: 2024-01-03\nlastmod: 2025-06-01'),
    });
    const content = loadContent(optionsFor(root));
    const en = Object.fromEntries(content.posts.en.map((entry) => [entry.slug, entry]));
    expect(en.mesh?.originalUpdate).toMatchObject({ lang: 'zh', path: '/zh/blog/mesh', file: expect.stringMatching(/posts\/zh\/mesh\.md$/), date: { year: 2025, month: 5, day: 1 } });
    expect(en.dns?.originalUpdate).toBeUndefined();
    expect(content.posts.zh.every((entry) => entry.originalUpdate === undefined)).toBe(true);
    const report = checkContent(optionsFor(root));
    expect(report.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/posts\/en\/mesh\.md: this translation is behind its original \S*posts\/zh\/mesh\.md, changed on 2025-05-01: bring it up to date \(its page says so until then\), or set its lastmod if it already is$/),
    ]);
  });

  it('the original is the one published first; on the same day, the one in the default language', () => {
    const root = site({
      'posts/en/first.md': post('title: First\ndate: 2023-12-01\nlastmod: 2025-01-01'),
      'posts/zh/first.md': post('title: 第一\ndate: 2024-01-01'),
      'posts/en/tie.md': post('title: Tie\ndate: 2024-01-01\nlastmod: 2025-01-01'),
      'posts/zh/tie.md': post('title: 同日\ndate: 2024-01-01\nlastmod: 2025-02-01'),
    });
    const content = loadContent(optionsFor(root));
    const of = (lang: 'en' | 'zh', slug: string) => content.posts[lang].find((entry) => entry.slug === slug)?.originalUpdate;
    expect(of('zh', 'first')).toMatchObject({ lang: 'en', path: '/en/blog/first' });
    expect(of('en', 'first')).toBeUndefined();
    expect(of('en', 'tie')).toMatchObject({ lang: 'zh', date: { month: 2 } });
    expect(of('zh', 'tie')).toBeUndefined();
  });
});
