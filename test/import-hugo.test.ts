import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importHugoSite, toYamlFrontMatter } from '@/lib/hugo/import';
import { loadContent } from '@/lib/content/load';
import { TINY_PNG, makeSite, optionsFor } from './fixtures';

function importInto(files: Record<string, string | Buffer>, sections?: string[]) {
  const hugo = makeSite(files);
  const target = makeSite({});
  const report = importHugoSite({
    siteDir: hugo,
    postsDir: path.join(target, 'posts'),
    publicDir: path.join(target, 'public'),
    sections,
  });
  return { report, target };
}

describe('import:hugo', () => {
  it('reads .<lang>.md suffixes from a single content folder, bundles included', () => {
    const { report, target } = importInto({
      'config.yaml': 'defaultContentLanguage: zh\nlanguages:\n  zh: { weight: 1 }\n  en: { weight: 2 }\n',
      'content/posts/hello.md': '---\ntitle: 你好\ndate: 2020-01-01\n---\n\n正文\n',
      'content/posts/hello.en.md': '---\ntitle: Hello\ndate: 2020-01-01\n---\n\nBody\n',
      'content/posts/trip/index.zh.md': '---\ntitle: 旅行\ndate: 2020-02-02\n---\n\n![地图](map.png)\n',
      'content/posts/trip/index.en.md': '---\ntitle: Trip\ndate: 2020-02-02\n---\n\n![Map](map.png)\n',
      'content/posts/trip/map.png': TINY_PNG,
      'static/images/logo.png': TINY_PNG,
    });
    expect(report.postsByLang).toEqual({ zh: 2, en: 2 });
    expect(report.translationPairs).toBe(2);
    expect(report.staticFiles).toBe(1);
    expect(report.errors).toEqual([]);
    const content = loadContent(optionsFor(target));
    expect(content.posts.en.map((p) => p.slug).sort()).toEqual(['hello', 'trip']);
    expect(content.posts.en.find((p) => p.slug === 'trip')?.source.assets).toEqual(['map.png']);
    expect(content.posts.zh.find((p) => p.slug === 'trip')?.source.assets).toEqual(['map.png']);
  });

  it('maps regional language codes, counts shortcodes and reports languages it cannot place', () => {
    const { report } = importInto({
      'hugo.toml': 'defaultContentLanguage = "zh-cn"\n[languages.zh-cn]\nweight = 1\n[languages.fr]\nweight = 2\n',
      'content/zh-cn/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n\n{{< youtube abc >}} {{< figure src="https://x.example/a.png" >}}\n',
      'content/fr/blog/b.md': '---\ntitle: B\ndate: 2020-01-01\n---\n',
    });
    expect(report.postsByLang).toEqual({ zh: 1 });
    expect(report.shortcodes).toEqual({ youtube: 1, figure: 1 });
    expect(report.skippedLanguages).toEqual(['fr (1 files): add it to languages in lib/site-config.ts and import again']);
  });

  it('never overwrites a different file, and says so', () => {
    const hugo = makeSite({
      'config.toml': 'defaultContentLanguage = "en"\n',
      'content/blog/a.md': '---\ntitle: New\ndate: 2020-01-01\n---\n',
    });
    const target = makeSite({ 'posts/en/a.md': '---\ntitle: Mine\ndate: 2020-01-01\n---\n' });
    const report = importHugoSite({ siteDir: hugo, postsDir: path.join(target, 'posts'), publicDir: path.join(target, 'public') });
    expect(report.conflicts).toEqual([expect.stringMatching(/posts\/en\/a\.md$/)]);
    expect(readFileSync(path.join(target, 'posts/en/a.md'), 'utf8')).toContain('Mine');
  });

  it('refuses a folder that is not a Hugo site', () => {
    expect(() => importInto({ 'README.md': 'hi' })).toThrow(/has no Hugo config/);
  });

  it('rewrites TOML and JSON front matter as YAML that means the same', () => {
    const toml = toYamlFrontMatter('+++\ntitle = "T"\ndate = 2019-07-01T08:00:00+08:00\ntags = ["a"]\n+++\n\nBody\n', 'x.md');
    expect(toml.from).toBe('toml');
    expect(toml.text).toBe("---\ntitle: T\ndate: 2019-07-01T08:00:00.000+08:00\ntags:\n  - a\n---\n\nBody\n");
    const json = toYamlFrontMatter('{\n  "title": "J",\n  "date": "2020-01-01"\n}\n\nBody\n', 'y.md');
    expect(json.text).toBe("---\ntitle: J\ndate: 2020-01-01\n---\n\nBody\n");
  });
});
