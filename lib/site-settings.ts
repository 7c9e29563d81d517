import { z } from 'zod';
import settingsFile from '../site.config.json';

/**
 * The author's settings in site.config.json, read by the build (never sent to the browser). The
 * importer writes them from a Hugo site's config and render hooks, without replacing what the
 * author set.
 */
/** Per language code (`en`, `zh`): the codes are checked against the site's languages where they are used. */
const perLanguage = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

/** A menu link: `url` is a path of this site (`/en/about`) or a full URL; lower weights come first. */
const menuEntry = z.strictObject({ name: z.string().min(1), url: z.string().min(1), weight: z.number().default(0) });

export type MenuEntry = z.infer<typeof menuEntry>;

/**
 * A section of items besides the blog (`notice`, `event`): written in `content/<lang>/<name>/`
 * as files or bundles, listed at `/<lang>/<segment>`, each item at `/<lang>/<segment>/<slug>`.
 */
const section = z.strictObject({
  /** The folder under `content/<lang>/`, as Hugo named the section. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a folder name in lower case (letters, digits, - and _)'),
  /** The URL segment, when it differs from the name. */
  segment: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, - and _').optional(),
  /** The list's heading, per language (else the name). */
  title: perLanguage(z.string().min(1)).default({}),
  /** The list's description, per language. */
  description: perLanguage(z.string().min(1)).default({}),
  /** The picture behind the list's title, per language: a file under public/ (`images/backgrounds/notice.jpg`) or an https URL; else the site's default banner. */
  banner: perLanguage(z.string().min(1)).default({}),
  /** Items are dated: newest first, with their dates, scheduled and expired as posts are. Else by title. */
  dated: z.boolean().default(true),
  /** The section has its own RSS, Atom and JSON feeds. */
  feeds: z.boolean().default(true),
  /** Its items have categories and tags, listed with the posts on the term pages and in their feeds (only posts have them otherwise). */
  taxonomies: z.boolean().default(false),
});

export type SectionSettings = z.infer<typeof section>;

export const siteSettingsSchema = z.strictObject({
  /** Defects that Hugo tolerates (a key written twice, a missing image, an alias claimed twice) fail the build. */
  strict: z.boolean().default(false),
  markdown: z
    .strictObject({
      /** An image alone in its paragraph, without a title, is a figure captioned with its alt text (a Hugo render-image hook). */
      captionsFromAlt: z.boolean().default(false),
      /** Links to other sites open in a new tab (a Hugo render-link hook). */
      externalLinksNewTab: z.boolean().default(true),
      /** ```mermaid fences are drawn as diagrams (a Hugo render-codeblock-mermaid hook). */
      mermaid: z.boolean().default(true),
    })
    .default({ captionsFromAlt: false, externalLinksNewTab: true, mermaid: true }),
  /** Who the site is: what lib/site-config.ts says unless set here (the importer sets them from Hugo's config). */
  site: z
    .strictObject({
      title: perLanguage(z.string().min(1)).default({}),
      description: perLanguage(z.string().min(1)).default({}),
      author: z.string().min(1).optional(),
      /** The address the site is served at (`https://example.com`); SITE_URL overrides it. */
      baseUrl: z.url().optional(),
      /**
       * Where a file of this project is edited on its repository's website, without the file's
       * path: `https://github.com/you/blog/edit/main`. Posts and pages then link "Edit this page".
       */
      editUrl: z.url().optional(),
      /** The author's profiles elsewhere, linked from every footer. */
      social: z.array(z.strictObject({ name: z.string().min(1), url: z.string().min(1) })).default([]),
      /** The footer's copyright line, per language (`© 2017-2024 Ada`). */
      copyright: perLanguage(z.string().min(1)).default({}),
    })
    .default({ title: {}, description: {}, social: [], copyright: {} }),
  /** Comments under posts in GitHub Discussions through giscus, with the values https://giscus.app gives; none without them. */
  comments: z
    .strictObject({
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/repository'),
      repoId: z.string().min(1),
      category: z.string().min(1),
      categoryId: z.string().min(1),
      /** How a post finds its discussion; `pathname` keeps each language's comments apart. */
      mapping: z.enum(['pathname', 'url', 'title', 'og:title']).default('pathname'),
    })
    .optional(),
  /** The header's (`main`) and the footer's links, per language; without them the header shows the site's own sections and the footer its pages. */
  menus: z
    .strictObject({ main: perLanguage(z.array(menuEntry)).default({}), footer: perLanguage(z.array(menuEntry)).default({}) })
    .default({ main: {}, footer: {} }),
  /** Sections of items besides the blog, in the order the menu lists them. */
  sections: z.array(section).default([]),
  /** A bar above every page showing the newest item of a section (`{ "section": "notice" }`) until the reader dismisses it. */
  announcement: z.strictObject({ section: z.string().min(1) }).optional(),
  /**
   * Sites whose pages posts may show in an `<iframe>` (a bilibili or Vimeo player), as origins:
   * the security policy lets only these (and YouTube's privacy-enhanced player, and
   * giscus when comments are on) into a page. `npm run check` names an embed of any other site.
   */
  embedOrigins: z.array(z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/i, 'must be an origin, like https://player.bilibili.com')).default([]),
  /**
   * Sites whose scripts posts may load (`https://platform.twitter.com` draws a tweet from its share
   * code), as origins: the security policy lets them run. Off by default: a script of another site
   * runs with the page's rights and tells that site who reads what, so such a script is left out
   * of the page, and what it would draw shows as written.
   */
  scriptOrigins: z.array(z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/i, 'must be an origin, like https://platform.twitter.com')).default([]),
  /**
   * Where browsers send a report of what `next start`'s security policy blocked (an https address
   * that accepts CSP reports): `report-uri` and `report-to` in the policy. Off when not set.
   */
  cspReports: z.url({ protocol: /^https$/, error: 'must be an https address that accepts CSP reports, like https://example.report-uri.com/r/d/csp/enforce' }).optional(),
  /** Where the posts lived on the Hugo site, so its old URLs lead to the new ones. */
  hugo: z
    .strictObject({
      /** The content section the posts came from (`posts`, `post`, `blog`...). */
      section: z.string().min(1).default('blog'),
      /** Hugo's `permalinks` pattern of that section, e.g. `/:year/:month/:slug/`. */
      permalink: z.string().optional(),
      /** Hugo kept the case of URLs (`disablePathToLower`). */
      disablePathToLower: z.boolean().default(false),
    })
    .default({ section: 'blog', disablePathToLower: false }),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;

export const SITE_SETTINGS_FILE = 'site.config.json';

/** Reads settings, or says which field of site.config.json is wrong and how. */
export function parseSiteSettings(value: unknown, file = SITE_SETTINGS_FILE): SiteSettings {
  const result = siteSettingsSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  throw new Error(`${file} is not valid:\n${lines.join('\n')}`);
}

export const siteSettings: SiteSettings = parseSiteSettings(settingsFile);
