import { createProcessor, nodeTypes } from '@mdx-js/mdx';
import type { Element, ElementContent, Properties, Root as HastRoot, RootContent } from 'hast';
import type { Paragraph, PhrasingContent, Root as MdastRoot } from 'mdast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import { cacheEntryName, readSerialized, writeSerialized } from '../disk-cache';
import type { Post } from './load';
import { rehypeEmbeds } from './embeds';
import { remarkMermaid } from './mermaid';
import { pipelineCacheKind } from './pipeline-key';
import { plainTextOf } from './summary';
import { siteSettings } from '../site-settings';

/**
 * An image alone in its paragraph becomes a `<figure>` when a caption comes with it: a line that
 * is only emphasis right below the image (`*caption*`), else the image's title attribute, else
 * (with `captionsFromAlt`, as a Hugo render-image hook that captions with `.Text`) its alt text.
 */
export function remarkFigureCaptions() {
  return (tree: MdastRoot) => {
    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      const parts = paragraph.children.filter(
        (child) => child.type !== 'break' && !(child.type === 'text' && !child.value.trim()),
      );
      const [image, caption, ...rest] = parts;
      // An image that is a link (`[![alt](src)](href)`) is captioned as the image is.
      const picture = image?.type === 'link' && image.children.length === 1 && image.children[0]?.type === 'image' ? image.children[0] : image;
      if (picture?.type !== 'image' || !image || rest.length) return;
      let captionChildren: PhrasingContent[] | undefined;
      if (caption?.type === 'emphasis') captionChildren = caption.children;
      else if (!caption && picture.title) captionChildren = [{ type: 'text', value: picture.title }];
      else if (!caption && siteSettings.markdown.captionsFromAlt && picture.alt?.trim()) captionChildren = [{ type: 'text', value: picture.alt.trim() }];
      if (!captionChildren) return;
      paragraph.data = { ...paragraph.data, hName: 'figure' };
      paragraph.children = [image, { type: 'emphasis', data: { hName: 'figcaption' }, children: captionChildren }];
    });
  };
}

const HEADING_ID = /\s*\{#([^\s{}]+)\}\s*$/;

/** Hugo's heading ids: `## Title {#custom-id}` gets the id `custom-id`, and the braces go. */
export function remarkHeadingIds() {
  return (tree: MdastRoot) => {
    visit(tree, 'heading', (heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== 'text') return;
      const match = HEADING_ID.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id: match[1] } };
    });
  };
}

// A post body as an HTML tree, without compiling it to JavaScript: for the body check when posts
// are read, for the checker (which reads its ids and links) and for feeds (which need its HTML).

/**
 * Keeps a fence's meta (`{1,3-5} showLineNumbers`) as an attribute of the code element, for the
 * page's highlighter: the raw-HTML pass of Markdown posts rebuilds the tree and would drop it
 * otherwise. Feeds leave it out.
 */
export function remarkCodeMeta() {
  return (tree: MdastRoot) => {
    visit(tree, 'code', (code) => {
      if (code.meta) code.data = { ...code.data, hProperties: { ...code.data?.hProperties, [CODE_META_PROPERTY]: code.meta } };
    });
  };
}

export const CODE_META_PROPERTY = 'metastring';

/**
 * The plugins every reading of a body uses: the body check, TOC, search text, feeds and, for a
 * Markdown body, the page (all from postHast's one tree); an MDX page's compile uses the same
 * lists (markdown.ts). One list, so they cannot disagree.
 */
export const bodyRemarkPlugins: PluggableList = [remarkGfm, remarkFigureCaptions, remarkHeadingIds, remarkMermaid, remarkCodeMeta];

/** After the HTML written in a Markdown body is parsed (rehypeRawWhereWritten): heading ids and embeds. */
export const bodyRehypePlugins: PluggableList = [rehypeSlug, rehypeEmbeds];

/**
 * rehype-raw, for a tree that has HTML written in the body. It reads the whole tree again through
 * an HTML parser, whatever the share of HTML in it: for most bodies, which have none, that was
 * about a fifth of reading them (on jimmysong.io 44 of 317 bodies have any; 1.14 s of rehype-raw
 * became 0.55 s).
 */
export function rehypeRawWhereWritten(options?: Parameters<typeof rehypeRaw>[0]) {
  const parseRaw = rehypeRaw(options);
  return (tree: HastRoot, file: Parameters<typeof parseRaw>[1]) => {
    let written = false;
    visit(tree, 'raw', () => {
      written = true;
      return EXIT;
    });
    if (!written) return tree;
    // The HTML parser drops a newline right after `<pre>`, even with `<code>` between them: a code
    // block's blank first line, which Hugo shows, would go in bodies that have HTML elsewhere.
    visit(tree, 'element', (pre: Element) => {
      const code = pre.tagName === 'pre' ? pre.children[0] : undefined;
      const text = code?.type === 'element' && code.tagName === 'code' ? code.children[0] : undefined;
      if (text?.type === 'text' && text.value.startsWith('\n')) text.value = `\n${text.value}`;
    });
    return parseRaw(tree, file);
  };
}

// As MDX's compiler turns Markdown into HTML (@mdx-js/mdx createProcessor): raw HTML allowed, MDX nodes passed through.
const markdownToHast = unified()
  .use(remarkParse)
  .use(bodyRemarkPlugins)
  .use(remarkRehype, { allowDangerousHtml: true, passThrough: [...nodeTypes] })
  .use(rehypeRawWhereWritten, { passThrough: [...nodeTypes] })
  .use(bodyRehypePlugins);

/** The HTML tree of the MDX body read last (mdxToHast runs synchronously, one body at a time). */
let takenTree: HastRoot | undefined;

/** Keeps the HTML tree MDX's compiler made and hands the rest of it an empty one (see mdxToHast). */
function rehypeTakeTree() {
  return (tree: HastRoot): HastRoot => {
    takenTree = tree;
    return { type: 'root', children: [] };
  };
}

/**
 * An MDX body is read by MDX's own compiler (createProcessor), so that its tree is the one the
 * page's compile works on (markdown.ts): MDX also unwraps a paragraph that holds only JSX and
 * marks the JSX an author wrote, in steps of its own between the parse and the plugins. The
 * compiler goes on to JavaScript from an empty tree, which costs next to nothing.
 */
// MDX types its processor's `run` as taking a JavaScript tree; like any unified processor's, it
// takes what `parse` gives.
const mdxToHast = createProcessor({ format: 'mdx', remarkPlugins: bodyRemarkPlugins, rehypePlugins: [...bodyRehypePlugins, rehypeTakeTree] }) as unknown as Processor<MdastRoot, MdastRoot>;

/**
 * In place of the parse of MDX's compiler (here given an empty source), the parse `parsed()`
 * gives: the one the content layer made of the body (postMdxParse). MDX's own steps and the
 * compile's plugins all run on it.
 */
export function remarkUseParse(this: Processor, parsed: () => MdastRoot) {
  this.parser = () => parsed();
}

type PostBodySource = Pick<Post, 'body' | 'source'>;

/**
 * A body as read: its HTML tree, the text its parse gave (for the reading stats and summary), and
 * for an MDX body the parse itself, which the page's compile starts from (postMdxParse).
 */
type ReadBody = { tree: HastRoot; readableText: string; mdxParse?: MdastRoot };

/**
 * The bodies last read (the load-time check, TOC and text of a post come one after the other). A
 * tree is many times the size of its text, so they are not all kept: what is built from them is
 * kept instead, and a build of thousands of posts stays within bounded memory.
 */
const recentBodies = new Map<PostBodySource, ReadBody>();
const RECENT_BODIES = 16;

/**
 * A production build keeps each body's tree on disk: a cold build's first step parses every body
 * (for its facts and the feed HTML), and the pages' workers read that tree back for the page's
 * compile instead of parsing the body again (reading it back is about forty times faster). The
 * tree depends on the body, its format and the pipeline (its code and settings: the folder).
 */
const keepsTrees = () => process.env.NODE_ENV === 'production';

/** How this process got the trees it did not have at hand, for tests. */
export const treeStats = { parsed: 0, readBack: 0 };
const treeEntryName = (post: PostBodySource) => cacheEntryName([post.source.format, post.body]);

/**
 * The body's HTML tree; MDX JSX elements and expressions are kept as MDX nodes. Callers must not
 * change it (`structuredClone` it first).
 */
export function postHast(post: PostBodySource): HastRoot {
  return readBody(post).tree;
}

/**
 * An MDX body's parse, before any plugin or MDX's own steps changed it, for the page's compile
 * (remarkUseParse): the parse its HTML tree and facts came from. Callers must not change it.
 */
export function postMdxParse(post: PostBodySource): MdastRoot {
  const { mdxParse } = readBody(post);
  if (!mdxParse) throw new Error(`${post.source.displayPath}: not an MDX body`);
  return mdxParse;
}

function readBody(post: PostBodySource): ReadBody {
  const known = recentBodies.get(post);
  if (known) return known;
  const stored = keepsTrees() ? readSerialized<ReadBody>(pipelineCacheKind('tree'), treeEntryName(post)) : undefined;
  if (stored) treeStats.readBack++;
  const body = stored ?? parseBody(post);
  recentBodies.set(post, body);
  if (recentBodies.size > RECENT_BODIES) recentBodies.delete(recentBodies.keys().next().value!);
  return body;
}

function parseBody(post: PostBodySource): ReadBody {
  treeStats.parsed++;
  let body: ReadBody;
  if (post.source.format === 'md') {
    const markdown = markdownToHast.parse(post.body);
    // The text is taken before the plugins change the tree.
    const readableText = plainTextOf(markdown);
    body = { tree: markdownToHast.runSync(markdown) as HastRoot, readableText };
  } else {
    const mdxParse = mdxToHast.parse(post.body);
    const readableText = plainTextOf(mdxParse);
    // MDX's steps and the plugins change the tree they are given: the parse is kept as it was.
    takenTree = undefined;
    mdxToHast.runSync(structuredClone(mdxParse));
    if (!takenTree) throw new Error(`${post.source.displayPath}: MDX's compiler made no tree`);
    body = { tree: takenTree, readableText, mdxParse };
  }
  if (keepsTrees()) {
    try {
      writeSerialized<ReadBody>(pipelineCacheKind('tree'), treeEntryName(post), body);
    } catch {
      // A tree V8 cannot serialize (a plugin left a function in it) is parsed again where needed.
    }
  }
  return body;
}

/** Whether this process holds the body's tree now: anything else made of it costs no parse. */
export function hasTreeAtHand(post: PostBodySource): boolean {
  return recentBodies.has(post);
}

/**
 * The reader-visible text of a body (no code, HTML, image alt text or MDX JavaScript), for its
 * reading stats and summary, from the parse its tree came from.
 */
export function postReadableText(post: PostBodySource): string {
  return readBody(post).readableText;
}

type MdxJsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

function isMdxJsx(node: RootContent): node is MdxJsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/**
 * Turns MDX nodes into plain HTML: `<kbd>` and other lowercase JSX elements with literal
 * attributes become elements, components leave their children, expressions and imports go.
 */
export function mdxToPlainHast(tree: HastRoot): HastRoot {
  const convert = (nodes: readonly RootContent[]): ElementContent[] =>
    nodes.flatMap((node): ElementContent[] => {
      if (isMdxJsx(node)) {
        const children = convert(node.children);
        const literal = node.attributes.every((a) => a.type === 'mdxJsxAttribute' && (a.value === null || typeof a.value === 'string'));
        if (!node.name || !/^[a-z]/.test(node.name) || !literal) return children;
        const properties: Properties = {};
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxAttribute') properties[attribute.name] = typeof attribute.value === 'string' ? attribute.value : true;
        }
        return [{ type: 'element', tagName: node.name, properties, children }];
      }
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') return [];
      if (node.type === 'element') return [{ ...node, children: convert(node.children) } satisfies Element];
      if (node.type === 'doctype') return [];
      return [node];
    });
  return { ...tree, children: convert(tree.children) };
}

/**
 * The words a reader sees in the body, for the search index: code blocks are left out (they are
 * large and rarely what a reader types), block boundaries become spaces.
 */
export function postPlainText(post: PostBodySource): string {
  const parts: string[] = [];
  const walk = (nodes: readonly (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.value);
      else if (node.type === 'element') {
        if (node.tagName === 'pre' || node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'svg') continue;
        walk(node.children);
        if (!INLINE_ELEMENTS.has(node.tagName)) parts.push(' ');
      }
    }
  };
  walk(mdxToPlainHast(postHast(post)).children);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

const INLINE_ELEMENTS = new Set(['a', 'abbr', 'b', 'code', 'del', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

export type TocEntry = { depth: 2 | 3; id: string; text: string };

/** The post's h2 and h3 headings, with the ids the page gives them. */
export function postToc(post: PostBodySource): TocEntry[] {
  const entries: TocEntry[] = [];
  visit(postHast(post), 'element', (element: Element) => {
    if (element.tagName !== 'h2' && element.tagName !== 'h3') return;
    const id = element.properties.id;
    if (typeof id !== 'string') return;
    entries.push({ depth: element.tagName === 'h2' ? 2 : 3, id, text: toString(element).trim() });
  });
  return entries;
}
