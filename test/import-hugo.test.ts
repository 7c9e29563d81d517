import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importHugoSite, toYamlFrontMatter } from '@/lib/hugo/import';
import { hugoSite, readHugoConfig } from '@/lib/hugo/config';
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

  it("copies the site's and its theme's shortcode templates, the site's winning, and the posts draw from them", () => {
    const { report, target } = importInto({
      'config.toml': 'defaultContentLanguage = "en"\ntheme = "beautiful"\n',
      'themes/beautiful/layouts/shortcodes/photo-card.html': '<p>the theme card</p>',
      'themes/beautiful/layouts/shortcodes/figure.html': '<p>the theme figure</p>',
      'layouts/shortcodes/photo-card.html': '<div class="gallery"><img src="{{ .Get "link" }}" alt="{{ .Get "title" }}"><i>{{ .Get "title" }}</i></div>',
      'content/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n\n{{< photo-card link="/images/a.png" title="West Lake" >}}\n',
      'static/images/a.png': TINY_PNG,
    });
    expect(report.shortcodeTemplates).toEqual({ evaluated: ['photo-card'], drawnHere: ['figure'] });
    expect(readFileSync(path.join(target, 'layouts/shortcodes/photo-card.html'), 'utf8')).toContain('class="gallery"');
    expect(report.warnings.filter((warning) => warning.message.includes('shortcode'))).toEqual([]);
    const content = loadContent(optionsFor(target, { shortcodesDir: path.join(target, 'layouts/shortcodes') }));
    expect(content.posts.en[0]?.body).toContain('<div class="gallery"><img src="/images/a.png" alt="West Lake"><i>West Lake</i></div>');
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

  it('reads config keys in any case, as Hugo does: no language is lost to [Languages.zh]', () => {
    const { report, target } = importInto({
      'config.toml': [
        'DefaultContentLanguage = "zh"',
        '[Params]',
        '  Description = "d"',
        '[Languages.en]',
        '  ContentDir = "content/en"',
        '  Weight = 2',
        '[Languages.zh]',
        '  contentdir = "content/zh"',
        '  weight = 1',
        '[[Languages.zh.Menu.Main]]',
        '  Name = "关于"',
        '  URL = "/about/"',
      ].join('\n'),
      'content/en/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n',
      'content/zh/blog/b.md': '---\ntitle: B\ndate: 2020-01-01\n---\n',
      'content/zh/blog/c.md': '---\ntitle: C\ndate: 2020-01-01\n---\n',
    });
    expect(report.postsByLang).toEqual({ en: 1, zh: 2 });
    expect(loadContent(optionsFor(target)).posts.zh.map((p) => p.slug).sort()).toEqual(['b', 'c']);
    const yamlSite = makeSite({ 'hugo.yaml': 'Languages:\n  ZH: { Weight: 1, Menus: { Main: [{ Name: x, URL: /x/ }] } }\nParams: { Author: Me }\n' });
    const site = hugoSite(readHugoConfig(yamlSite));
    expect(site.languages.map((l) => l.code)).toEqual(['zh']);
    expect(site.languages[0]?.menus).toEqual({ main: [{ name: 'x', url: '/x/' }] });
    expect(site.params).toEqual({ author: 'Me' });
  });

  it('merges config/_default/ and config/production/ over the root file, per-language files included', () => {
    const dir = makeSite({
      'config.toml': 'title = "root"\nbaseURL = "https://root.example/"\n',
      'config/_default/hugo.toml': 'title = "default"\ndefaultContentLanguage = "zh"\n',
      'config/_default/languages.toml': '[zh]\nweight = 1\n[en]\nweight = 2\ndisabled = true\n',
      'config/_default/menus.zh.toml': '[[main]]\nname = "首页"\nurl = "/"\nweight = 1\n',
      // One language's own file, as PaperMod sites write it: its keys are the language's.
      'config/_default/languages.fr.yaml': 'contentDir: content/fr\nweight: 3\nmenu:\n  main:\n    - name: Accueil\n      url: /fr/\n',
      'config/_default/params.toml': 'Author = "A"\n',
      'config/production/params.toml': 'author = "Production"\n',
    });
    const site = hugoSite(readHugoConfig(dir));
    expect(site.title).toBe('default');
    expect(site.baseUrl).toBe('https://root.example/');
    expect(site.defaultContentLanguage).toBe('zh');
    expect(site.params).toEqual({ author: 'Production' });
    expect(site.languages.map((l) => [l.code, l.disabled])).toEqual([['zh', false], ['en', true], ['fr', false]]);
    expect(site.languages[2]).toMatchObject({ contentDir: 'content/fr', menus: { main: [{ name: 'Accueil', url: '/fr/' }] } });
    expect(site.languages[0]?.menus).toEqual({ main: [{ name: '首页', url: '/', weight: 1 }] });
  });

  it('accounts for every file: imported and where to, or skipped with a reason', () => {
    const { report } = importInto({
      'config.yaml': 'defaultContentLanguage: en\nlanguages:\n  en: { contentDir: content/en }\n  zh: { contentDir: content/zh, disabled: true }\n',
      'content/en/_index.md': '---\ntitle: Home\n---\n',
      'content/en/about.md': '---\ntitle: About\n---\n\nAbout us.\n',
      'content/en/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n',
      'content/en/notice/n.md': '---\ntitle: N\ndate: 2020-01-01\n---\n',
      'content/zh/blog/b.md': '---\ntitle: B\ndate: 2020-01-01\n---\n',
      'content/fr/blog/c.md': '---\ntitle: C\ndate: 2020-01-01\n---\n',
      'static/img/x.png': TINY_PNG,
    });
    const outcome = (file: string) => report.files.find((entry) => entry.file === file);
    expect(outcome('content/en/blog/a.md')).toMatchObject({ into: 'posts/en', to: expect.stringMatching(/posts\/en\/a\.md$/) });
    expect(outcome('static/img/x.png')).toMatchObject({ into: 'public' });
    expect(outcome('content/en/_index.md')?.skipped).toMatch(/home page/);
    expect(outcome('content/en/about.md')).toMatchObject({ into: expect.stringMatching(/content\/en$/), to: expect.stringMatching(/content\/en\/about\.md$/) });
    expect(outcome('content/en/notice/n.md')).toMatchObject({ into: expect.stringMatching(/content\/en\/notice$/), to: expect.stringMatching(/content\/en\/notice\/n\.md$/) });
    expect(outcome('content/zh/blog/b.md')?.skipped).toMatch(/language zh is disabled/);
    expect(outcome('content/fr/blog/c.md')?.skipped).toMatch(/content\/fr is claimed by no language/);
    expect(report.files).toHaveLength(7);
    expect(report.unaccounted).toEqual([]);
  });

  it('turns the render hooks into settings, without replacing what the author set', () => {
    const hugo = makeSite({
      'hugo.toml': 'defaultContentLanguage = "en"\n',
      'content/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n',
      // In shape like real hooks: the caption goes through a variable.
      'layouts/_default/_markup/render-image.html':
        '<figure>{{ $cap := or .Title (.Text | htmlUnescape) }}<img src="{{ .Destination | safeURL }}" alt="{{ .Text }}"><figcaption>{{ $cap }}</figcaption></figure>\n',
      'layouts/_default/_markup/render-link.html': '<a href="{{ .Destination }}"{{ if strings.HasPrefix .Destination "http" }} target="_blank"{{ end }}>{{ .Text }}</a>',
      'layouts/_default/_markup/render-codeblock-mermaid.html': '<pre class="mermaid">{{ .Inner }}</pre>',
    });
    const target = makeSite({ 'site.config.json': '{ "strict": true, "markdown": { "externalLinksNewTab": false } }' });
    const settingsFile = path.join(target, 'site.config.json');
    const report = importHugoSite({ siteDir: hugo, postsDir: path.join(target, 'posts'), publicDir: path.join(target, 'public'), settingsFile });
    expect(report.settings.written).toEqual(['markdown.captionsFromAlt = true', 'markdown.mermaid = true', 'hugo.section = "blog"', 'hugo.disablePathToLower = false']);
    expect(report.settings.kept).toEqual(['markdown.externalLinksNewTab = false (the Hugo site says true; --overwrite takes it)']);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({
      strict: true,
      markdown: { externalLinksNewTab: false, captionsFromAlt: true, mermaid: true },
      hugo: { section: 'blog', disablePathToLower: false },
    });
  });

  it('gives a translation the bundle files only the other language has, as Hugo serves them to both', () => {
    const { report, target } = importInto({
      'hugo.toml': 'defaultContentLanguage = "zh"\n[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n',
      'content/zh/posts/trip/index.md': '---\ntitle: 旅行\ndate: 2020-02-02\n---\n\n![地图](imgs/map.png)\n',
      'content/zh/posts/trip/imgs/map.png': TINY_PNG,
      'content/zh/posts/trip/imgs/only-chinese.png': TINY_PNG,
      'content/en/posts/trip/index.md': '---\ntitle: Trip\ndate: 2020-02-02\n---\n\n![Map](imgs/map.png)\n',
    });
    expect(report.sharedResources).toBe(1);
    expect(report.defects).toEqual([]);
    expect(loadContent(optionsFor(target)).posts.en[0]?.source.assets).toEqual(['imgs/map.png']);
  });
});

describe('import:hugo: pages outside the blog', () => {
  it('imports a section that holds only its _index.md, and a file at the top, as standalone pages', () => {
    const { report, target } = importInto({
      'config.toml': 'DefaultContentLanguage = "en"\n[Languages.en]\nweight = 1\n[Languages.zh]\nweight = 2\n',
      'content/blog/hello.md': '---\ntitle: Hello\ndate: 2020-01-01\n---\n\nBody\n',
      'content/about/_index.md': '+++\ntitle = "About Me"\n+++\n\nWho I am.\n',
      'content/about/_index.zh.md': '+++\ntitle = "关于我"\n+++\n\n我是谁。\n',
      'content/about/portrait.png': TINY_PNG,
      'content/contact.md': '---\ntitle: Contact\n---\n\nWrite to me.\n',
      'content/tags/_index.md': '---\ntitle: Tag cloud\nlayout: tags\n---\n',
      'content/search/_index.md': '---\ntitle: Search results\nlayout: search\n---\n',
    });
    expect(report.pagesByLang).toEqual({ en: 2, zh: 1 });
    expect(report.unaccounted).toEqual([]);
    expect(readFileSync(path.join(target, 'content/en/about.md'), 'utf8')).toContain('title: About Me');
    expect(readFileSync(path.join(target, 'content/zh/about.md'), 'utf8')).toContain('title: 关于我');
    // Nothing serves a page's own files yet: the import says so, for each of them.
    const portrait = report.files.find((file) => file.file === 'content/about/portrait.png');
    expect(portrait?.skipped).toMatch(/pages cannot have files of their own yet/);
    expect(readFileSync(path.join(target, 'content/en/contact.md'), 'utf8')).toContain('Write to me.');
    const skipped = (file: string) => report.files.find((entry) => entry.file === file)?.skipped;
    // Hugo's taxonomy list, and a page the theme drew without any text of its own, are not pages.
    expect(skipped('content/tags/_index.md')).toMatch(/list page of the taxonomy "tags"/);
    expect(skipped('content/search/_index.md')).toMatch(/no text of its own, drawn by the theme's "search" layout/);

    const content = loadContent({ ...optionsFor(target), pagesDir: path.join(target, 'content') });
    expect(content.pages.en.map((page) => [page.slug, page.title])).toEqual([
      ['about', 'About Me'],
      ['contact', 'Contact'],
    ]);
    expect(content.pages.en[0]!.translations).toEqual({ zh: 'about' });
    expect(content.posts.en.map((post) => post.slug)).toEqual(['hello']);
  });
});

describe('import:hugo: who the site is, and its menus', () => {
  it('takes titles, descriptions, author, base URL and menus, per language, in any casing', () => {
    const hugo = makeSite({
      'config.toml': [
        'baseURL = "https://notes.example.com/"',
        'Title = "Site title"',
        'DefaultContentLanguage = "zh"',
        'copyright = "&copy; 2024 Ada"',
        '[Params]',
        '  Description = "Site description"',
        '  Author = "Ada"',
        '[[Params.social]]',
        '  title = "github"',
        '  link = "https://github.com/ada"',
        '[[Params.social]]',
        '  title = "RSS"',
        '  link = "/blog/index.xml"',
        '[Languages.zh]',
        '  title = "中文标题"',
        '  [Languages.zh.Params]',
        '    copyright = "&copy; 2024 Ada <b>版权所有</b>"',
        '[Languages.en]',
        '  [Languages.en.Params]',
        '    description = "English description"',
        '[[Languages.zh.Menu.main]]',
        '  Name = "关于"',
        '  URL = "about"',
        '  Weight = 2',
        '[[Languages.zh.Menu.main]]',
        '  Name = "博客"',
        '  URL = "/blog/"',
        '  Weight = 1',
        '[[menu.main]]',
        '  name = "About"',
        '  url = "/en/about/"',
        '[[menu.main]]',
        '  name = "A post"',
        '  url = "/blog/a/"',
        '  weight = 3',
        '[[menu.footer]]',
        '  name = "Elsewhere"',
        '  url = "https://elsewhere.example/"',
      ].join('\n'),
      'content/zh/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n\n正文\n',
    });
    const target = makeSite({ 'site.config.json': '{ "site": { "author": "Set by the author" } }' });
    const settingsFile = path.join(target, 'site.config.json');
    const report = importHugoSite({ siteDir: hugo, postsDir: path.join(target, 'posts'), publicDir: path.join(target, 'public'), settingsFile });
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    expect(settings.site).toEqual({
      author: 'Set by the author',
      title: { zh: '中文标题', en: 'Site title' },
      description: { zh: 'Site description', en: 'English description' },
      // As readers saw it: entities decoded, tags dropped; the feed link is no profile elsewhere.
      copyright: { zh: '© 2024 Ada 版权所有', en: '© 2024 Ada' },
      social: [{ name: 'github', url: 'https://github.com/ada' }],
      baseUrl: 'https://notes.example.com',
    });
    expect(report.settings.kept).toContain('site.author = "Set by the author" (the Hugo site says "Ada"; --overwrite takes it)');
    // Links lead where the pages are now: each language has its prefix, the blog list is the home.
    expect(settings.menus.main).toEqual({
      zh: [
        { name: '关于', url: '/zh/about', weight: 2 },
        { name: '博客', url: '/zh', weight: 1 },
      ],
      en: [
        { name: 'About', url: '/en/about', weight: 0 },
        { name: 'A post', url: '/en/blog/a', weight: 3 },
      ],
    });
    expect(settings.menus.footer.en).toEqual([{ name: 'Elsewhere', url: 'https://elsewhere.example/', weight: 0 }]);
  });
});

describe("import:hugo: the themes' keys", () => {
  it('counts the keys it reads as a header photo, hero, subtitle or TOC switch, and lists look-alikes it does not', () => {
    const { report } = importInto({
      'config.toml': 'DefaultContentLanguage = "en"\n',
      'content/posts/a.md': '---\ntitle: A\ndate: 2020-01-01\nbigimg: [{src: /img/a.jpg, desc: Credit}]\nSubtitle: Translated\nnotoc: true\ntoc_hide: true\n---\n\nText\n',
      'content/posts/b.md': '---\ntitle: B\ndate: 2020-01-01\ncover: {image: b.jpg}\nShowToc: false\nfeatureimage: b.jpg\nheader_image: b.jpg\n---\n\nText\n',
    });
    expect(report.themeKeys).toEqual({ bigimg: 1, subtitle: 1, notoc: 1, cover: 1, ShowToc: 1, featureimage: 1 });
    expect(report.unmappedKeys).toEqual({ toc_hide: 1, header_image: 1 });
  });
});

describe('import:hugo: comments', () => {
  const giscusPartial = [
    '<script src="https://giscus.app/client.js"',
    '        data-repo="owner/site-comments"',
    '        data-repo-id="R_abc=="',
    '        data-category="Announcements"',
    '        data-category-id="DIC_xyz"',
    '        data-mapping="pathname"',
    '        {{ if eq .Site.Language.Lang "zh" }}data-lang="zh-CN"{{ else }}data-lang="en"{{ end }}',
    '        async></script>',
  ].join('\n');
  const importSettings = (files: Record<string, string>) => {
    const hugo = makeSite({ 'content/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n\nText\n', ...files });
    const target = makeSite({});
    const settingsFile = path.join(target, 'site.config.json');
    importHugoSite({ siteDir: hugo, postsDir: path.join(target, 'posts'), publicDir: path.join(target, 'public'), settingsFile });
    return JSON.parse(readFileSync(settingsFile, 'utf8'));
  };
  const expected = { repo: 'owner/site-comments', repoId: 'R_abc==', category: 'Announcements', categoryId: 'DIC_xyz', mapping: 'pathname' };

  it("takes giscus from the site's own partial, as its layout loaded it", () => {
    expect(importSettings({ 'hugo.toml': 'title = "T"\n', 'layouts/partials/giscus.html': giscusPartial }).comments).toEqual(expected);
  });

  it('takes giscus from params, as Stack and others write them', () => {
    const config = 'title = "T"\n[Params.Comments.Giscus]\n  repo = "owner/site-comments"\n  repoID = "R_abc=="\n  category = "Announcements"\n  categoryID = "DIC_xyz"\n';
    expect(importSettings({ 'hugo.toml': config }).comments).toEqual(expected);
  });

  it('sets no comments when the site has none', () => {
    expect(importSettings({ 'hugo.toml': 'title = "T"\n' }).comments).toBeUndefined();
  });
});
