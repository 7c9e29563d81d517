import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { Root as HastRoot } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseTemplate, runTemplate, SafeHtml, TemplateError, TemplateObject, type Template, type Value, type ValueMap } from './go-template';
import type { ShortcodeCall } from './shortcodes';

// A Hugo site's own shortcodes, kept as it wrote them in `layouts/shortcodes/<name>.html` (the
// importer copies the site's and its theme's there) and drawn from their templates when a post is
// read, for every shortcode this site has no renderer of its own for.

/** One template of layouts/shortcodes/, parsed, or why it could not be. */
export type SiteShortcode = { name: string; file: string; template?: Template; error?: string };

/** What a template may read of the page that calls it (`.Page.Params`, `.Page.Title`...). */
export type ShortcodePage = { title: string; lang: string; url: string; params: ValueMap };

let known: { dir: string; stamp: string; shortcodes: Map<string, SiteShortcode> } | undefined;

/** The templates of a layouts/shortcodes folder, read again only when one of them changes. */
export function readSiteShortcodes(dir: string | undefined): ReadonlyMap<string, SiteShortcode> {
  if (!dir) return new Map();
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.html')).sort();
  } catch {
    return new Map();
  }
  const stamp = files.map((file) => `${file}:${statSync(path.join(dir, file)).mtimeMs}`).join('|');
  if (known?.dir === dir && known.stamp === stamp) return known.shortcodes;
  const shortcodes = new Map<string, SiteShortcode>();
  for (const file of files) {
    const name = file.replace(/\.html$/, '');
    const shown = path.join(path.basename(path.dirname(dir)), path.basename(dir), file);
    try {
      shortcodes.set(name, { name, file: shown, template: parseTemplate(readFileSync(path.join(dir, file), 'utf8')) });
    } catch (error) {
      shortcodes.set(name, { name, file: shown, error: error instanceof TemplateError ? error.message : String(error) });
    }
  }
  known = { dir, stamp, shortcodes };
  return shortcodes;
}

const markdownToHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });

/** Hugo's `markdownify`: Markdown to HTML, without the `<p>` of a single paragraph. */
export function markdownify(markdown: string): SafeHtml {
  const tree = markdownToHast.runSync(markdownToHast.parse(markdown)) as HastRoot;
  const html = toHtml(tree, { allowDangerousHtml: true }).trim();
  const single = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return new SafeHtml(single && !single[1]!.includes('<p>') ? single[1]! : html);
}

/** What the calls of one post share: `.Page.Scratch`, and how many calls of each name came before. */
export type PostShortcodeState = { scratch: Map<string, Value>; ordinals: Map<string, number> };

/** Hugo's `.Page.Scratch`: a page's own notes, which one call leaves for the next. */
function scratchOf(notes: Map<string, Value>): TemplateObject {
  return new TemplateObject('Scratch', {
    Get: (key: Value) => notes.get(String(key)),
    Set: (key: Value, value: Value) => (notes.set(String(key), value), ''),
    Add: (key: Value, value: Value) => {
      const known = notes.get(String(key));
      const sum = Array.isArray(known) ? [...known, ...(Array.isArray(value) ? value : [value])] : typeof known === 'number' && typeof value === 'number' ? known + value : known === undefined ? value : `${String(known)}${String(value)}`;
      notes.set(String(key), sum);
      return '';
    },
    Delete: (key: Value) => (notes.delete(String(key)), ''),
  });
}

/**
 * A call drawn by its site template, as HTML: `{ html }`, or `{ error }` naming what the
 * template does that is not evaluated here.
 */
export function renderSiteShortcode(
  shortcode: SiteShortcode,
  call: ShortcodeCall & { percent?: boolean },
  inner: string,
  page: ShortcodePage,
  state: PostShortcodeState,
  warn: (message: string) => void,
): { html: string } | { error: string } {
  if (!shortcode.template) return { error: shortcode.error ?? 'it could not be read' };
  const ordinal = state.ordinals.get(call.name) ?? 0;
  state.ordinals.set(call.name, ordinal + 1);
  const named = Object.keys(call.named).length > 0;
  const params: Value = named ? { ...call.named } : [...call.positional];
  const site = new TemplateObject('Site', { Title: '', BaseURL: '/', LanguageCode: page.lang, Language: new TemplateObject('Language', { Lang: page.lang }) });
  const pageObject = new TemplateObject('Page', {
    Title: page.title,
    Lang: page.lang,
    Language: new TemplateObject('Language', { Lang: page.lang }),
    RelPermalink: page.url,
    Permalink: page.url,
    Params: page.params,
    Scratch: scratchOf(state.scratch),
    Site: site,
  });
  const dot = new TemplateObject('Shortcode', {
    Get: (key: Value) => (typeof key === 'number' ? (named ? undefined : call.positional[key]) : named ? call.named[String(key)] : undefined),
    // In a `{{% %}}` call Hugo renders the inner text as Markdown; in `{{< >}}` it is kept as written.
    Inner: call.percent ? markdownify(inner) : new SafeHtml(inner),
    InnerDeindent: new SafeHtml(inner.replace(/^\n+|\s+$/g, '')),
    Params: params,
    IsNamedParams: named,
    Name: call.name,
    Ordinal: ordinal,
    Parent: undefined,
    Page: pageObject,
    Site: site,
  });
  try {
    return { html: runTemplate(shortcode.template, dot, { markdownify, warn }) };
  } catch (error) {
    if (error instanceof TemplateError) return { error: error.message };
    throw error;
  }
}
