import { SITE_SETTINGS_FILE, siteSettings, type MenuEntry, type SectionSettings } from './site-settings';

export const languages = ['en', 'zh'] as const;
export type Lang = (typeof languages)[number];

export const defaultLang: Lang = 'zh';

export function isLang(value: string): value is Lang {
  return (languages as readonly string[]).includes(value);
}

export type UiStrings = {
  languageName: string;
  /** BCP 47 tag for `<html lang>`, `hreflang` and date formatting. */
  locale: string;
  home: string;
  categories: string;
  tags: string;
  allCategories: string;
  allTags: string;
  newer: string;
  older: string;
  pageOf: (page: number, total: number) => string;
  postCount: (count: number) => string;
  readInOtherLanguage: string;
  draft: string;
  scheduled: string;
  expired: string;
  notFoundTitle: string;
  notFoundBody: string;
  backHome: string;
  noPosts: string;
  /** A section with no items in this language. */
  noItems: string;
  /** The call to a section item's external page (a notice's `link`), naming its site. */
  continueAt: (host: string) => string;
  skipToContent: string;
  /** The footer's list of standalone pages (about, contact...). */
  sitePages: string;
  /** The footer's list of the author's profiles on other sites. */
  elsewhere: string;
  primaryNav: string;
  pagination: string;
  subscribe: string;
  tableOfContents: string;
  linkToSection: string;
  copyCode: string;
  copiedCode: string;
  /** The lightbox of a post's images. */
  image: { enlarge: string; close: string; zoomIn: string; zoomOut: string };
  archive: string;
  darkTheme: string;
  comments: string;
  search: string;
  searchPlaceholder: string;
  searchLoading: string;
  searchFailed: string;
  /** Shown beside results while the posts' full text is still loading, and if it could not be. */
  searchLoadingText: string;
  searchTextFailed: string;
  /** Templates, not functions, because the search dialog runs in the browser: `{query}`, `{count}`. */
  searchNoResults: string;
  searchResultCount: { one: string; other: string };
  close: string;
  /** The announcement bar's name for assistive technology, and its dismiss control. */
  announcement: string;
  dismissAnnouncement: string;
  relatedPosts: string;
  editThisPage: string;
  newerPost: string;
  olderPost: string;
  readingTime: (minutes: number) => string;
  /** Before the date a post was last changed, when that is not the day it was published. */
  updated: string;
  /** On a translation whose original changed after it: the original's language name and date, and the link. */
  translationBehind: (language: string, date: string) => string;
  readOriginal: string;
  wordCount: (words: number) => string;
  /** Default titles of Hugo callout shortcodes (note, tip, warning, danger). */
  callouts: Record<'note' | 'tip' | 'warning' | 'danger', string>;
};

/** Comments in GitHub Discussions through giscus; the values come from https://giscus.app. */
export type GiscusConfig = {
  repo: `${string}/${string}`;
  repoId: string;
  category: string;
  categoryId: string;
  /** How a post finds its discussion; `pathname` keeps each language's comments apart. */
  mapping: 'pathname' | 'url' | 'title' | 'og:title';
};

/**
 * The first segments of a language's URLs that the site itself uses (`/en/archive`, the feeds, the
 * search files; `/en/search` is where Hugo themes' search pages redirect): no page or section can
 * take one, which the site's own URL would shadow.
 */
export const SITE_SEGMENTS: ReadonlySet<string> = new Set(['blog', 'page', 'archive', 'search', 'categories', 'tags', 'atom.xml', 'feed.xml', 'feed.json', 'search.json', 'search-text.json', 'opengraph-image', 'opengraph-image.png']);

/** A section of items besides the blog (site.config.json `sections`), with its titles filled in. */
export type SectionConfig = {
  /** The folder under `content/<lang>/`. */
  name: string;
  /** The URL segment: `/<lang>/<segment>/<slug>`. */
  segment: string;
  title: Record<Lang, string>;
  description: Partial<Record<Lang, string>>;
  /** The list's banner picture (`bg_image` of Hugo's `_index.md`), where the section has its own. */
  banner: Partial<Record<Lang, string>>;
  /** Newest first with dates, scheduled and expired as posts; else by title. */
  dated: boolean;
  feeds: boolean;
  /** Its items' categories and tags are listed with the posts'. */
  taxonomies: boolean;
};

export type SiteConfig = {
  /** Absolute origin used for canonical URLs and alternates; override with SITE_URL. */
  baseUrl: string;
  postsPerPage: number;
  /** The page-title banner used when a post has no `bg_image`. */
  defaultBanner: string;
  title: Record<Lang, string>;
  description: Record<Lang, string>;
  author: string;
  /** MDX `{expressions}`, `import` and `export` run code at build time; off unless the author opts in. */
  allowMdxJavaScript: boolean;
  /** Comments under posts: off until giscus is configured (site.config.json `comments`). */
  comments: GiscusConfig | undefined;
  /** The sites a page may frame: YouTube's privacy-enhanced player, giscus, and site.config.json `embedOrigins`. */
  frameOrigins: readonly string[];
  /** The sites whose scripts a page may load besides its own: giscus, and site.config.json `scriptOrigins`. */
  scriptOrigins: readonly string[];
  /** The author's profiles elsewhere (site.config.json `site.social`). */
  social: ReadonlyArray<{ name: string; url: string }>;
  /** The footer's copyright line per language (site.config.json `site.copyright`). */
  copyright: Partial<Record<Lang, string>>;
  /** Where a post's or page's file is edited (site.config.json `site.editUrl`), without the file's path. */
  editUrl: string | undefined;
  /** The header's and the footer's links per language, by weight (site.config.json `menus`). */
  menus: Record<'main' | 'footer', Partial<Record<Lang, MenuEntry[]>>>;
  /** Sections of items besides the blog (site.config.json `sections`). */
  sections: SectionConfig[];
  /** The section whose newest item the announcement bar shows (site.config.json `announcement`). */
  announcementSection: string | undefined;
  ui: Record<Lang, UiStrings>;
};

/** A per-language value of site.config.json, refusing a language this site does not have. */
function perLanguage<T>(field: string, values: Record<string, T>): Partial<Record<Lang, T>> {
  for (const code of Object.keys(values)) {
    if (!isLang(code)) throw new Error(`${SITE_SETTINGS_FILE}: ${field}.${code}: "${code}" is not one of this site's languages (${languages.join(', ')}): remove it, or add the language to lib/site-config.ts`);
  }
  return values as Partial<Record<Lang, T>>;
}

const byWeight = (menus: Record<string, MenuEntry[]>, field: string) =>
  Object.fromEntries(Object.entries(perLanguage(field, menus)).map(([lang, entries]) => [lang, [...(entries ?? [])].sort((a, b) => a.weight - b.weight)]));

/** The declared sections, each name and URL segment once, titled in every language (else by its name). */
function sectionConfigs(sections: readonly SectionSettings[]): SectionConfig[] {
  const seen = new Set<string>();
  return sections.map((section, index) => {
    const segment = section.segment ?? section.name;
    if (SITE_SEGMENTS.has(segment)) throw new Error(`${SITE_SETTINGS_FILE}: sections.${index}: "${segment}" is a URL the site uses itself (/<lang>/${segment}): give the section another "segment"`);
    for (const [field, value] of [['name', section.name], ['segment', segment]] as const) {
      if (seen.has(`${field}:${value}`)) throw new Error(`${SITE_SETTINGS_FILE}: sections.${index}.${field}: "${value}" is used by another section: give each section its own`);
      seen.add(`${field}:${value}`);
    }
    const titles = perLanguage(`sections.${index}.title`, section.title);
    const fallback = section.name.charAt(0).toUpperCase() + section.name.slice(1);
    return {
      name: section.name,
      segment,
      title: Object.fromEntries(languages.map((lang) => [lang, titles[lang] ?? fallback])) as Record<Lang, string>,
      description: perLanguage(`sections.${index}.description`, section.description),
      banner: perLanguage(`sections.${index}.banner`, section.banner),
      dated: section.dated,
      feeds: section.feeds,
      taxonomies: section.taxonomies,
    };
  });
}

function announcementSection(name: string | undefined): string | undefined {
  if (name !== undefined && !currentSections().some((section) => section.name === name)) {
    throw new Error(`${SITE_SETTINGS_FILE}: announcement.section: "${name}" is not one of the sections (${currentSections().map((section) => section.name).join(', ') || 'none declared'}): name a section, or remove the announcement`);
  }
  return name;
}

let sectionsRead: { from: readonly SectionSettings[]; configs: SectionConfig[] } | undefined;

function currentSections(): SectionConfig[] {
  if (sectionsRead?.from !== siteSettings.sections) sectionsRead = { from: siteSettings.sections, configs: sectionConfigs(siteSettings.sections) };
  return sectionsRead.configs;
}

const { site, menus } = siteSettings;

export const siteConfig: SiteConfig = {
  baseUrl: process.env.SITE_URL ?? site.baseUrl ?? 'http://localhost:3000',
  postsPerPage: 10,
  defaultBanner: '/images/backgrounds/page-title.jpg',
  title: {
    en: 'Cloud Native Notes',
    zh: '云原生笔记',
    ...perLanguage('site.title', site.title),
  },
  description: {
    en: 'Essays and field notes on service mesh, Kubernetes and open source communities.',
    zh: '关于服务网格、Kubernetes 与开源社区的文章和实践笔记。',
    ...perLanguage('site.description', site.description),
  },
  author: site.author ?? 'Blog Author',
  editUrl: site.editUrl?.replace(/\/+$/, ''),
  social: site.social,
  copyright: perLanguage('site.copyright', site.copyright),
  menus: { main: byWeight(menus.main, 'menus.main'), footer: byWeight(menus.footer, 'menus.footer') },
  announcementSection: announcementSection(siteSettings.announcement?.section),
  // Read through a getter: the importer completes the settings and then checks the content with them.
  get sections() {
    return currentSections();
  },
  allowMdxJavaScript: false,
  comments: siteSettings.comments as GiscusConfig | undefined,
  // A getter too: the import allows the sites its content frames, then checks the content.
  get frameOrigins() {
    return ['https://www.youtube-nocookie.com', ...(siteSettings.comments ? ['https://giscus.app'] : []), ...siteSettings.embedOrigins];
  },
  get scriptOrigins() {
    return [...(siteSettings.comments ? ['https://giscus.app'] : []), ...siteSettings.scriptOrigins];
  },
  ui: {
    en: {
      languageName: 'English',
      locale: 'en',
      home: 'Home',
      categories: 'Categories',
      tags: 'Tags',
      allCategories: 'All categories',
      allTags: 'All tags',
      newer: 'Newer posts',
      older: 'Older posts',
      pageOf: (page, total) => `Page ${page} of ${total}`,
      postCount: (count) => (count === 1 ? '1 post' : `${count} posts`),
      readInOtherLanguage: 'Read in English',
      draft: 'Draft',
      scheduled: 'Scheduled',
      expired: 'Expired',
      notFoundTitle: 'Page not found',
      notFoundBody: 'The page you asked for does not exist or has moved.',
      backHome: 'Back to the home page',
      noPosts: 'No posts yet.',
      noItems: 'Nothing here yet.',
      continueAt: (host) => `Continue at ${host}`,
      skipToContent: 'Skip to content',
      sitePages: 'About this site',
      elsewhere: 'Elsewhere',
      primaryNav: 'Main navigation',
      pagination: 'Pagination',
      subscribe: 'Subscribe via RSS',
      tableOfContents: 'On this page',
      linkToSection: 'Link to this section',
      copyCode: 'Copy',
      copiedCode: 'Copied',
      image: { enlarge: 'Enlarge image', close: 'Close', zoomIn: 'Zoom in', zoomOut: 'Fit to screen' },
      archive: 'Archive',
      darkTheme: 'Dark theme',
      comments: 'Comments',
      search: 'Search',
      searchPlaceholder: 'Search posts',
      searchLoading: 'Loading the search index…',
      searchFailed: 'Search could not be loaded. Check your connection and try again.',
      searchLoadingText: 'Still loading the full text of the posts…',
      searchTextFailed: 'The full text could not be loaded: only titles, tags, headings and summaries were searched.',
      searchNoResults: 'No posts match “{query}”.',
      searchResultCount: { one: '1 result', other: '{count} results' },
      close: 'Close',
      announcement: 'Announcement',
      dismissAnnouncement: 'Dismiss the announcement',
      relatedPosts: 'Related posts',
      editThisPage: 'Edit this page',
      newerPost: 'Newer post',
      olderPost: 'Older post',
      readingTime: (minutes) => `${minutes} min read`,
      updated: 'Updated',
      translationBehind: (language, date) => `The original (${language}) was updated on ${date}, after this translation.`,
      readOriginal: 'Read the original',
      wordCount: (words) => (words === 1 ? '1 word' : `${words.toLocaleString('en')} words`),
      callouts: { note: 'Note', tip: 'Tip', warning: 'Warning', danger: 'Danger' },
    },
    zh: {
      languageName: '中文',
      locale: 'zh-CN',
      home: '首页',
      categories: '分类',
      tags: '标签',
      allCategories: '全部分类',
      allTags: '全部标签',
      newer: '较新的文章',
      older: '较早的文章',
      pageOf: (page, total) => `第 ${page} 页，共 ${total} 页`,
      postCount: (count) => `${count} 篇文章`,
      readInOtherLanguage: '阅读中文版',
      draft: '草稿',
      scheduled: '定时发布',
      expired: '已过期',
      notFoundTitle: '页面不存在',
      notFoundBody: '你要找的页面不存在或已被移动。',
      backHome: '返回首页',
      noPosts: '还没有文章。',
      noItems: '暂无内容。',
      continueAt: (host) => `前往 ${host} 查看详情`,
      skipToContent: '跳到正文',
      sitePages: '关于本站',
      elsewhere: '其他平台',
      primaryNav: '主导航',
      pagination: '分页',
      subscribe: '通过 RSS 订阅',
      tableOfContents: '本页目录',
      linkToSection: '链接到本节',
      copyCode: '复制',
      copiedCode: '已复制',
      image: { enlarge: '放大图片', close: '关闭', zoomIn: '放大', zoomOut: '适应屏幕' },
      archive: '归档',
      darkTheme: '深色主题',
      comments: '评论',
      search: '搜索',
      searchPlaceholder: '搜索文章',
      searchLoading: '正在加载搜索索引…',
      searchFailed: '搜索无法加载，请检查网络后重试。',
      searchLoadingText: '正在加载文章全文…',
      searchTextFailed: '全文未能加载：只搜索了标题、标签、小标题和摘要。',
      searchNoResults: '没有与“{query}”匹配的文章。',
      searchResultCount: { one: '{count} 个结果', other: '{count} 个结果' },
      close: '关闭',
      announcement: '公告',
      dismissAnnouncement: '关闭公告',
      relatedPosts: '相关文章',
      editThisPage: '编辑本页',
      newerPost: '较新一篇',
      olderPost: '较早一篇',
      readingTime: (minutes) => `阅读约 ${minutes} 分钟`,
      updated: '更新于',
      translationBehind: (language, date) => `原文（${language}）已于 ${date} 更新，本译文尚未跟进。`,
      readOriginal: '阅读原文',
      wordCount: (words) => `${words} 字`,
      callouts: { note: '注意', tip: '提示', warning: '警告', danger: '危险' },
    },
  },
};

export function ui(lang: Lang): UiStrings {
  return siteConfig.ui[lang];
}
