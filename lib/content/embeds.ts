import type { Element, Root, RootContent } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { isRunnableScriptType } from '../security-policy';
import { siteConfig } from '../site-config';

// Pages of other sites framed in a body (`<iframe>` in raw HTML, or what a shortcode wrote): how
// readers get them, whatever the author's share code said.

/** Marks an embed the site's policy does not let in, now a link; body checks report it with its line. */
export const BLOCKED_EMBED_PROPERTY = 'dataBlockedEmbed';

/** Players of these sites show a video: as wide as the text, at 16:9, whatever size the share code gave. */
const VIDEO_PLAYERS: Record<string, string> = {
  'https://www.youtube.com': 'YouTube',
  'https://youtube.com': 'YouTube',
  'https://www.youtube-nocookie.com': 'YouTube',
  'https://player.bilibili.com': 'bilibili',
  'https://player.vimeo.com': 'Vimeo',
  'https://v.qq.com': 'Tencent Video',
  'https://player.youku.com': 'Youku',
  'https://www.ixigua.com': 'Xigua Video',
};

/**
 * The origin of a framed page, as the site's policy names it: a protocol-relative
 * `//player.bilibili.com/...` (or an http address, which a page served over https cannot frame)
 * is read as https. Undefined for the site's own pages.
 */
export function frameOrigin(src: string): string | undefined {
  const written = src.trim();
  if (!/^(https?:)?\/\//i.test(written)) return undefined;
  try {
    return new URL(framedUrl(written)).origin;
  } catch {
    return undefined;
  }
}

/** The address a framed page is loaded from: https, as the page around it is. */
function framedUrl(src: string): string {
  return src.trim().replace(/^(https?:)?\/\//i, 'https://');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * A script of another site, or written inside the post, is left out: the site's policy runs only
 * the site's own scripts (each page names its inline ones by hash), so it would be blocked anyway,
 * with an error in the reader's console. What it would have drawn shows as the author's share
 * code wrote it (a tweet's quoted text and link); the body check says so.
 *
 * Every framed page of another site:
 * - one the site's policy lets in loads lazily, over https, with a title for assistive
 *   technology (the player's name when the author gave none); a video player is as wide as the
 *   text at 16:9 (`.video-frame`), so a share code's `width="640"` does not overflow a phone;
 * - one the policy does not let in would be an empty box: it becomes a link to the page, named by
 *   its title, and is marked for the body check, which says how to let it in.
 */
export function rehypeEmbeds() {
  return (tree: Root) => {
    jsxEmbedsAsElements(tree);
    const dropped: DroppedScript[] = [];
    visit(tree, 'element', (element: Element, index, parent) => {
      if (index === undefined || !parent) return;
      if (element.tagName === 'script') {
        const src = text(element.properties.src);
        const origin = src ? frameOrigin(src) : undefined;
        // The site's own script files run, and those of the sites the author lets in (over https);
        // a script written inside the post (not data) would not.
        if (src && origin && siteConfig.scriptOrigins.includes(origin)) {
          element.properties = { ...element.properties, src: framedUrl(src) };
          return SKIP;
        }
        if (src ? !origin : !isRunnableScriptType(text(element.properties.type))) return;
        dropped.push({ origin, position: element.position });
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (element.tagName !== 'iframe') return;
      const src = text(element.properties.src);
      const origin = src && frameOrigin(src);
      if (!src || !origin) return;
      const player = VIDEO_PLAYERS[origin];
      const title = text(element.properties.title) ?? (player ? `${player} video` : `Embedded page from ${new URL(origin).host}`);
      if (!siteConfig.frameOrigins.includes(origin)) {
        const link: Element = { type: 'element', tagName: 'a', properties: { href: framedUrl(src) }, children: [{ type: 'text', value: title }] };
        // Inside a paragraph the link stands alone; elsewhere it is a paragraph of its own.
        const inline = parent.type === 'element' && parent.tagName === 'p';
        const replacement: Element = inline ? link : { type: 'element', tagName: 'p', properties: { className: ['embed-link'] }, children: [link] };
        replacement.properties = { ...replacement.properties, [BLOCKED_EMBED_PROPERTY]: origin };
        replacement.position = element.position;
        parent.children[index] = replacement;
        return SKIP;
      }
      const className = [...(Array.isArray(element.properties.className) ? element.properties.className : []), ...(player ? ['video-frame'] : [])];
      element.properties = { ...element.properties, src: framedUrl(src), title, loading: 'lazy', ...(className.length ? { className } : {}) };
      return SKIP;
    });
    if (dropped.length) droppedScripts.set(tree, dropped);
  };
}

/**
 * In an MDX body, an `<iframe>` or a `<script>` written as JSX with literal attributes is the
 * same element as in HTML: it becomes one, so the steps above treat it alike (one with an
 * expression for an attribute is code, which the body check reports unless MDX JavaScript is on).
 */
function jsxEmbedsAsElements(tree: Root): void {
  visit(tree, (node: Root | RootContent, index, parent) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !parent || index === undefined) return;
    const jsx = node as MdxJsxFlowElementHast | MdxJsxTextElementHast;
    if (jsx.name !== 'iframe' && jsx.name !== 'script') return;
    const properties: Element['properties'] = {};
    for (const attribute of jsx.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string')) return;
      properties[attribute.name] = typeof attribute.value === 'string' ? attribute.value : true;
    }
    const element: Element = { type: 'element', tagName: jsx.name, properties, children: jsx.children as Element['children'], position: jsx.position };
    (parent.children as RootContent[])[index] = element;
  });
}

/** A script that a body loaded from another site (a tweet's widgets.js), or had inline, left out of the page. */
export type DroppedScript = { origin: string | undefined; position?: Position };

const droppedScripts = new WeakMap<Root, DroppedScript[]>();

/** The scripts of other sites that rehypeEmbeds left out of this body tree, for the body check. */
export function droppedScriptsOf(tree: Root): readonly DroppedScript[] {
  return droppedScripts.get(tree) ?? [];
}
