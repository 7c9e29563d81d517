import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem } from '@/lib/content/errors';
import { describe, expect, it } from 'vitest';
import { importHugoSite, type ImportReport } from '@/lib/hugo/import';
import { parseSiteSettings } from '@/lib/site-settings';
import { TINY_PNG, makeSite } from './fixtures';

const HUGO_FIXTURE = path.resolve('test/fixtures/hugo-site');

/** Imports a Hugo site into a fresh project whose site.config.json holds `settings`. */
function importSite(siteDir: string, settings: string, overwrite = false, target = makeSite({ 'site.config.json': settings })) {
  const settingsFile = path.join(target, 'site.config.json');
  const report = importHugoSite({ siteDir, postsDir: path.join(target, 'posts'), publicDir: path.join(target, 'public'), settingsFile, overwrite });
  const written = JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  return { report, target, written };
}

const outcomeOf = (report: ImportReport, file: string) => report.files.find((entry) => entry.file === file);

function filesUnder(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, child) : [child];
  });
}

const NOTICE = {
  name: 'notice',
  title: { zh: '通知', en: 'Notices' },
  description: { zh: '讲座、发布和值得记下的日期。', en: 'Talks, releases and dates worth knowing about.' },
  banner: { zh: 'images/backgrounds/fixture-banner.png', en: 'images/backgrounds/fixture-banner.png' },
  dated: true,
  feeds: true,
};

describe('import:hugo: the fixture site\'s notice section', () => {
  const { report, target, written } = importSite(HUGO_FIXTURE, '{ "strict": false }\n');
  const read = (file: string) => readFileSync(path.join(target, file), 'utf8');

  it('copies every item of each language to content/<lang>/notice/, drafts and expired ones included', () => {
    expect(report.sectionsByLang).toEqual({ en: { notice: 4 }, zh: { notice: 2 } });
    expect(filesUnder(path.join(target, 'content/en/notice')).sort()).toEqual([
      'fixture-conference-2024.md',
      'handbook-released/index.md',
      'handbook-released/photo.png',
      'meetup-2019.md',
      'office-move.md',
    ]);
    expect(filesUnder(path.join(target, 'content/zh/notice')).sort()).toEqual(['handbook-released/index.md', 'handbook-released/photo.png', 'shanghai-meetup-2021.md']);
    expect(read('content/en/notice/office-move.md')).toMatch(/^draft: true$/m);
    expect(read('content/en/notice/meetup-2019.md')).toMatch(/^expiryDate: 2020-01-01$/m);
    expect(report.errors).toEqual([]);
    expect(report.conflicts).toEqual([]);
  });

  it('keeps the theme keys of an item as written, and turns TOML front matter into YAML', () => {
    const conference = read('content/en/notice/fixture-conference-2024.md');
    expect(conference).toContain('link: "https://example.org/conference"');
    expect(conference).toContain('type: "notice"');
    expect(conference).toContain('image: "images/hero-b.png"');
    const handbook = read('content/en/notice/handbook-released/index.md');
    expect(handbook.startsWith('---\ntitle: The Migration Handbook Is Out\n')).toBe(true);
    expect(handbook).toContain('date: 2022-05-10T10:00:00.000+08:00');
    expect(handbook).toContain('![The printed handbook on the team\'s desk](photo.png)');
  });

  it("copies a bundle's image beside its item, and into the translation that shows it without having it", () => {
    const photo = readFileSync(path.join(HUGO_FIXTURE, 'content/en/notice/handbook-released/photo.png'));
    expect(readFileSync(path.join(target, 'content/en/notice/handbook-released/photo.png')).equals(photo)).toBe(true);
    expect(readFileSync(path.join(target, 'content/zh/notice/handbook-released/photo.png')).equals(photo)).toBe(true);
    expect(outcomeOf(report, 'content/en/notice/handbook-released/photo.png')).toMatchObject({ into: expect.stringMatching(/content\/en\/notice$/) });
  });

  it("declares the section in site.config.json from each language's _index.md, which is not copied as an item", () => {
    // Its title, description and banner picture (`bg_image`) are the section's settings: nothing is left to warn about.
    expect(report.warnings.filter((warning) => /notice\/_index\.md$/.test(warning.file)).map(formatProblem)).toEqual([]);
    expect(written.sections).toEqual([NOTICE]);
    expect(report.settings.written).toContain(`sections.notice = ${JSON.stringify(NOTICE)}`);
    expect(parseSiteSettings(written, 'site.config.json').sections).toEqual([{ ...NOTICE, taxonomies: false }]);
    for (const lang of ['en', 'zh']) {
      expect(existsSync(path.join(target, `content/${lang}/notice/_index.md`))).toBe(false);
      expect(outcomeOf(report, `content/${lang}/notice/_index.md`)).toMatchObject({ into: 'site.config.json sections', to: expect.stringMatching(/site\.config\.json$/) });
    }
  });

  it('accounts for every file of the Hugo content, and keeps the post\'s link into the section as written', () => {
    expect(report.unaccounted).toEqual([]);
    const contentFiles = filesUnder(path.join(HUGO_FIXTURE, 'content')).map((file) => `content/${file}`);
    for (const file of contentFiles) {
      const outcome = outcomeOf(report, file);
      expect(outcome?.to ?? outcome?.skipped, file).toBeTruthy();
    }
    // The blog keeps the Hugo form of the link; the site leads /en/notice/<slug>/ to the item.
    expect(read('posts/en/hugo-url-post.md')).toContain('[the conference notice](/en/notice/fixture-conference-2024/)');
    expect(report.postsByLang).toEqual({ zh: 5, en: 16 });
  });
});

describe('import:hugo: sections the author has declared', () => {
  const authors = { name: 'notice', title: { en: 'News' }, dated: false };
  const events = { name: 'events', title: { en: 'Events' } };
  const settings = `${JSON.stringify({ sections: [authors, events] })}\n`;

  it("keeps the author's entry of the same name, and the others, unless --overwrite", () => {
    const { report, target, written } = importSite(HUGO_FIXTURE, settings);
    expect(written.sections).toEqual([authors, events]);
    expect(report.settings.kept).toContain(`sections.notice = ${JSON.stringify(authors)} (the Hugo site says ${JSON.stringify(NOTICE)}; --overwrite takes it)`);
    expect(report.settings.written.filter((line) => line.startsWith('sections'))).toEqual([]);
    // The items are imported all the same.
    expect(existsSync(path.join(target, 'content/en/notice/meetup-2019.md'))).toBe(true);

    const again = importSite(HUGO_FIXTURE, settings, true, target);
    expect(again.written.sections).toEqual([NOTICE, events]);
    expect(again.report.settings.written).toContain(`sections.notice = ${JSON.stringify(NOTICE)}`);
  });
});

describe('import:hugo: sections of every shape', () => {
  it('reads items at any depth and language suffixes, and says what it leaves out of a section and why', () => {
    const hugo = makeSite({
      'hugo.toml': 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.zh]\nweight = 2\n[permalinks]\nevent = "/happenings/:slug/"\n',
      'content/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n\nText\n',
      'content/event/_index.md': '---\ntitle: Events\n---\n\nEverything we go to.\n',
      'content/event/spring.md': '---\ntitle: Spring\ndate: 2023-04-01\nurl: /2023/spring-event/\naliases: [/old/spring/]\n---\n\nSpring.\n',
      'content/event/spring.zh.md': '---\ntitle: 春天\ndate: 2023-04-01\n---\n\n春天。\n',
      'content/event/talk/index.md': '---\ntitle: Talk\ndate: 2022-01-01\n---\n\n![Slides](slides.png)\n',
      'content/event/talk/index.zh.md': '---\ntitle: 讲座\ndate: 2022-01-01\n---\n\n![幻灯片](slides.png)\n',
      'content/event/talk/slides.png': TINY_PNG,
      'content/event/talk/notes.md': '---\ntitle: Notes\n---\n\nSpeaker notes.\n',
      'content/event/poster.pdf': 'not really a PDF',
      'content/event/2021/_index.md': '---\ntitle: 2021\ncascade:\n  image: /img/2021.png\n---\n',
      'content/event/2021/autumn.md': '---\ntitle: Autumn\ndate: 2021-10-01\ntags: community\n---\n\nAutumn.\n',
      'content/event/2020/_index.md': '---\ntitle: 2020\n---\n',
      'content/event/2020/winter.md': '---\ntitle: Winter\ndate: 2020-12-01\n---\n\nWinter.\n',
      // Only the Chinese side has items: the English _index.md is the title, not a page.
      'content/book/_index.md': '+++\ntitle = "Books"\ndescription = "What we read"\n+++\n',
      'content/book/_index.zh.md': '+++\ntitle = "书"\n+++\n',
      'content/book/go.zh.md': '---\ntitle: Go 语言\n---\n\n一本书。\n',
      'content/My Notes/one.md': '---\ntitle: One\ndate: 2020-01-01\n---\n\nOne.\n',
      'content/files/handout.pdf': 'not really a PDF',
    });
    const { report, target, written } = importSite(hugo, '{}');
    const skipped = (file: string) => outcomeOf(report, file)?.skipped;
    const copied = (file: string) => existsSync(path.join(target, 'content', file));

    expect(report.sectionsByLang).toEqual({ en: { event: 4 }, zh: { event: 2, book: 1 } });
    expect(report.pagesByLang).toEqual({});
    expect(['en/event/spring.md', 'en/event/2021/autumn.md', 'en/event/2020/winter.md', 'en/event/talk/index.md', 'en/event/talk/slides.png'].every(copied)).toBe(true);
    expect(['zh/event/spring.md', 'zh/event/talk/index.md', 'zh/event/talk/slides.png', 'zh/book/go.md'].every(copied)).toBe(true);
    // Hugo's url and aliases stay as written: the site leads those old addresses to the item.
    expect(readFileSync(path.join(target, 'content/en/event/spring.md'), 'utf8')).toContain('url: /2023/spring-event/\naliases: [/old/spring/]');

    expect(written.sections).toEqual([
      { name: 'book', title: { en: 'Books', zh: '书' }, description: { en: 'What we read' }, dated: false, feeds: true },
      // An item with tags: Hugo listed it on the tag's page, as the site will.
      { name: 'event', title: { en: 'Events' }, dated: true, feeds: true, taxonomies: true },
    ]);
    expect(outcomeOf(report, 'content/book/_index.md')).toMatchObject({ into: 'site.config.json sections' });

    // A subfolder's list page is copied only for the cascade its items inherit.
    expect(copied('en/event/2021/_index.md')).toBe(true);
    expect(copied('en/event/2020/_index.md')).toBe(false);
    expect(skipped('content/event/2020/_index.md')).toMatch(/list page of event\/2020\/: the items of "event" are listed in one list here/);
    expect(skipped('content/event/talk/notes.md')).toMatch(/Markdown inside the bundle event\/talk\/, which Hugo publishes as no page/);
    expect(skipped('content/event/poster.pdf')).toMatch(/outside the items' bundles .*move it into the bundle that shows it, or under static\//);
    expect(skipped('content/My Notes/one.md')).toMatch(/content\/My Notes\/ cannot be a section: .*rename the folder \(e\.g\. "my-notes"\)/);
    expect(skipped('content/files/handout.pdf')).toMatch(/content\/files\/ holds no page to list/);
    expect(report.unaccounted).toEqual([]);

    const warnings = report.warnings.map((warning) => warning.message);
    expect(warnings).toContainEqual(expect.stringMatching(/^its text is not shown: the list of "event" has a title and a description only/));
    expect(warnings).toContainEqual(expect.stringMatching(/^Hugo served these items at "\/happenings\/:slug\/" \(permalinks\.event\)/));
  });

  it('without a settings file, says where the section list would have gone', () => {
    const hugo = makeSite({
      'config.toml': 'defaultContentLanguage = "en"\n',
      'content/blog/a.md': '---\ntitle: A\ndate: 2020-01-01\n---\n\nText\n',
      'content/notice/_index.md': '---\ntitle: Notices\n---\n',
      'content/notice/one.md': '---\ntitle: One\ndate: 2020-01-01\n---\n\nOne.\n',
    });
    const target = makeSite({});
    const report = importHugoSite({ siteDir: hugo, postsDir: path.join(target, 'posts'), publicDir: path.join(target, 'public') });
    expect(report.sectionsByLang).toEqual({ en: { notice: 1 } });
    expect(outcomeOf(report, 'content/notice/_index.md')?.skipped).toMatch(/title and description are settings \(sections in site\.config\.json\), which this import does not write/);
    expect(report.unaccounted).toEqual([]);
  });
});
