/**
 * Hugo shortcodes in Markdown posts (`{{< name args >}}`, `{{% name %}}…{{% /name %}}`), expanded
 * before the Markdown is parsed into the HTML or Markdown each one stands for. Unknown or malformed
 * shortcodes never reach the page as `{{<` text: their inner content stays, and a warning names the
 * line.
 */

import { renderSiteShortcode, type PostShortcodeState, type ShortcodePage, type SiteShortcode } from './site-shortcodes';

export type ShortcodeCall = {
  name: string;
  positional: string[];
  named: Record<string, string>;
  /** The 1-based line of the body where the call starts. */
  line: number;
  /** Written `{{% name %}}`: Hugo renders its inner text as Markdown. */
  percent?: boolean;
};

export type ShortcodeWarning = { line: number; message: string };

export type ShortcodeContext = {
  /** The URL of the post a `ref`/`relref` target names, or undefined when there is none. */
  resolveRef: (target: string, lang?: string) => string | undefined;
  /** Default titles of callouts in the post's language. */
  calloutTitles: Record<CalloutKind, string>;
  /** The site's own shortcode templates (layouts/shortcodes/), for names without a renderer here. */
  siteShortcodes?: ReadonlyMap<string, SiteShortcode>;
  /** The post, as a site template reads it (`.Page.Params`...). */
  page?: ShortcodePage;
};

export type ExpandedMarkdown = {
  markdown: string;
  /** For each line of `markdown` (index 0 is line 1), the body line it came from. */
  lineMap: number[];
  warnings: ShortcodeWarning[];
  /** How often each shortcode name was used. */
  used: Record<string, number>;
};

export type CalloutKind = 'note' | 'tip' | 'warning' | 'danger';

// ---------------------------------------------------------------------------------------------
// Scanning

type Token =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'escaped'; start: number; end: number; literal: string }
  | { kind: 'malformed'; start: number; end: number; line: number; reason: string }
  | {
      kind: 'open' | 'close' | 'self';
      start: number;
      end: number;
      call: ShortcodeCall;
    };

/** Character ranges of fenced code blocks and inline code spans, where shortcodes are left alone. */
function codeRanges(source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const fence = /^ {0,3}(`{3,}|~{3,})[^\n]*\n/gm;
  let match: RegExpExecArray | null;
  let searchFrom = 0;
  while ((fence.lastIndex = searchFrom), (match = fence.exec(source))) {
    const marker = match[1] ?? '```';
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
    closing.lastIndex = match.index + match[0].length;
    const end = closing.exec(source);
    const stop = end ? end.index + end[0].length : source.length;
    ranges.push([match.index, stop]);
    searchFrom = stop;
  }
  // A code span never crosses a blank line.
  const inline = /(`+)([^`]|[^`](?:(?!\n[ \t]*\n)[\s\S])*?[^`])\1(?!`)/g;
  while ((match = inline.exec(source))) {
    const start = match.index;
    if (!ranges.some(([from, to]) => start >= from && start < to)) ranges.push([start, start + match[0].length]);
  }
  return ranges;
}

let newlines: { source: string; offsets: number[] } | undefined;

/** The 1-based line of a character index (newline offsets are computed once per source). */
function lineAt(source: string, index: number): number {
  if (newlines?.source !== source) {
    const offsets: number[] = [];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) offsets.push(i);
    newlines = { source, offsets };
  }
  const { offsets } = newlines;
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle] ?? Infinity) < index) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}

const NAME = /^[\w][\w.\-/]*/;

/** Parses one shortcode call starting at `start` (which points at `{{`). */
function parseCall(source: string, start: number): Token {
  const form = source[start + 2] as '<' | '%';
  const closer = form === '<' ? '>}}' : '%}}';
  const line = lineAt(source, start);
  let index = start + 3;
  const skipSpace = () => {
    while (index < source.length && /\s/.test(source[index] ?? '')) index++;
  };
  skipSpace();
  if (source.startsWith('/*', index)) {
    const end = source.indexOf(`*/${closer}`, index);
    if (end === -1) return { kind: 'malformed', start, end: start + 3, line, reason: `escaped shortcode is not closed with */${closer}` };
    const literal = `{{${form}${source.slice(index + 2, end)}${closer}`;
    return { kind: 'escaped', start, end: end + 2 + closer.length, literal };
  }
  let isClosing = false;
  if (source[index] === '/') {
    isClosing = true;
    index++;
    skipSpace();
  }
  const nameMatch = NAME.exec(source.slice(index));
  const endOfTag = source.indexOf(closer, index);
  if (!nameMatch) {
    return {
      kind: 'malformed',
      start,
      end: endOfTag === -1 ? start + 3 : endOfTag + closer.length,
      line,
      reason: 'has no shortcode name',
    };
  }
  const name = nameMatch[0].replace(/\/$/, '');
  index += name.length;
  const positional: string[] = [];
  const named: Record<string, string> = {};
  let selfClosing = false;
  for (;;) {
    skipSpace();
    if (index >= source.length) {
      return { kind: 'malformed', start, end: start + 3, line, reason: `"${name}" is never closed with ${closer}` };
    }
    if (source.startsWith(closer, index)) {
      index += closer.length;
      break;
    }
    if (source.startsWith(`/${closer}`, index)) {
      selfClosing = true;
      index += closer.length + 1;
      break;
    }
    const keyMatch = /^([A-Za-z_][\w-]*)=/.exec(source.slice(index));
    if (keyMatch) index += keyMatch[0].length;
    const value = readValue(source, index, closer);
    if (!value) {
      const end = source.indexOf(closer, index);
      return {
        kind: 'malformed',
        start,
        end: end === -1 ? start + 3 : end + closer.length,
        line,
        reason: `"${name}" has an argument whose quotes are not closed`,
      };
    }
    index = value.end;
    if (keyMatch?.[1]) named[keyMatch[1]] = value.text;
    else positional.push(value.text);
  }
  if (positional.length && Object.keys(named).length) {
    // Hugo refuses this too; it is nearly always a quote closed too early (`src="a.png caption="x"`).
    return { kind: 'malformed', start, end: index, line, reason: `"${name}" mixes named and positional arguments (check its quotes)` };
  }
  const call: ShortcodeCall = { name, positional, named, line, ...(form === '%' ? { percent: true } : {}) };
  return { kind: isClosing ? 'close' : selfClosing ? 'self' : 'open', start, end: index, call };
}

function readValue(source: string, index: number, closer: string): { text: string; end: number } | undefined {
  const quote = source[index];
  if (quote === '"') {
    let text = '';
    for (let i = index + 1; i < source.length; i++) {
      const char = source[i];
      if (char === '\\' && i + 1 < source.length) {
        text += source[++i];
      } else if (char === '"') {
        return { text, end: i + 1 };
      } else if (char === '\n' || source.startsWith(closer, i)) {
        return undefined;
      } else {
        text += char;
      }
    }
    return undefined;
  }
  if (quote === '`') {
    const end = source.indexOf('`', index + 1);
    return end === -1 ? undefined : { text: source.slice(index + 1, end), end: end + 1 };
  }
  let end = index;
  while (end < source.length && !/\s/.test(source[end] ?? '') && !source.startsWith(closer, end) && !source.startsWith(`/${closer}`, end)) {
    if (source[end] === '"') return undefined;
    end++;
  }
  return { text: source.slice(index, end), end };
}

function tokenize(source: string): Token[] {
  const protectedRanges = codeRanges(source);
  const tokens: Token[] = [];
  const opener = /\{\{[<%]/g;
  let cursor = 0;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(source))) {
    const start = match.index;
    const code = protectedRanges.find(([from, to]) => start >= from && start < to);
    if (code) {
      opener.lastIndex = code[1];
      continue;
    }
    const token = parseCall(source, start);
    if (start > cursor) tokens.push({ kind: 'text', start: cursor, end: start });
    tokens.push(token);
    cursor = token.end;
    opener.lastIndex = token.end;
  }
  if (cursor < source.length) tokens.push({ kind: 'text', start: cursor, end: source.length });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Nesting

type Node =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'literal'; text: string; start: number }
  | { kind: 'shortcode'; call: ShortcodeCall; start: number; end: number; children?: Node[] };

function nest(tokens: Token[], warnings: ShortcodeWarning[]): Node[] {
  type Frame = { call?: ShortcodeCall; start: number; end: number; children: Node[] };
  const stack: Frame[] = [{ start: 0, end: 0, children: [] }];
  const top = () => stack[stack.length - 1] as Frame;
  for (const token of tokens) {
    switch (token.kind) {
      case 'text':
        top().children.push({ kind: 'text', start: token.start, end: token.end });
        break;
      case 'escaped':
        top().children.push({ kind: 'literal', text: token.literal, start: token.start });
        break;
      case 'malformed':
        warnings.push({ line: token.line, message: `malformed shortcode: ${token.reason}; it was left out of the page` });
        break;
      case 'self':
        top().children.push({ kind: 'shortcode', call: token.call, start: token.start, end: token.end });
        break;
      case 'open':
        stack.push({ call: token.call, start: token.start, end: token.end, children: [] });
        break;
      case 'close': {
        const depth = stack.findLastIndex((frame) => frame.call?.name === token.call.name);
        if (depth < 1) {
          warnings.push({
            line: token.call.line,
            message: `closing shortcode {{< /${token.call.name} >}} has no opening one; it was left out of the page`,
          });
          break;
        }
        // Shortcodes opened inside and never closed are self-closing ones (`{{< youtube id >}}`).
        while (stack.length - 1 > depth) closeUnpaired(stack);
        const frame = stack.pop() as Frame;
        top().children.push({ kind: 'shortcode', call: frame.call as ShortcodeCall, start: frame.start, end: token.end, children: frame.children });
        break;
      }
    }
  }
  while (stack.length > 1) closeUnpaired(stack);
  return (stack[0] as Frame).children;
}

function closeUnpaired(stack: Array<{ call?: ShortcodeCall; start: number; end: number; children: Node[] }>): void {
  const frame = stack.pop();
  const parent = stack[stack.length - 1];
  if (!frame?.call || !parent) return;
  parent.children.push({ kind: 'shortcode', call: frame.call, start: frame.start, end: frame.end }, ...frame.children);
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** Text for HTML attributes and content. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(values: Record<string, string | undefined | boolean>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== false && value !== '')
    .map(([key, value]) => (value === true ? ` ${key}` : ` ${key}="${escapeHtml(String(value))}"`))
    .join('');
}

/** An HTML block with Markdown inside: blank lines around the inner text let Markdown parse it. */
function htmlBlock(open: string, inner: string, close: string): string {
  return `\n\n${open}\n\n${inner.trim()}\n\n${close}\n\n`;
}

const CALLOUT_KINDS: Record<string, CalloutKind> = {
  note: 'note',
  info: 'note',
  information: 'note',
  abstract: 'note',
  summary: 'note',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  important: 'tip',
  warning: 'warning',
  warn: 'warning',
  caution: 'warning',
  attention: 'warning',
  danger: 'danger',
  error: 'danger',
  bug: 'danger',
};

type Renderer = (call: ShortcodeCall, inner: string, context: ShortcodeContext, warn: (message: string) => void) => string;

const arg = (call: ShortcodeCall, name: string, position?: number): string | undefined =>
  call.named[name] ?? (position === undefined ? undefined : call.positional[position]);

const isTrue = (value: string | undefined) => value !== undefined && value !== 'false' && value !== '0';

function renderFigure(call: ShortcodeCall): string {
  // beautifulhugo's figure may name only the full image (`link`) and its thumbnail's suffix.
  const linked = arg(call, 'link');
  const src = arg(call, 'src', 0) ?? (linked && IMAGE_URL.test(linked) ? linked : '');
  const title = arg(call, 'title');
  const caption = arg(call, 'caption');
  const attr = arg(call, 'attr');
  const attrLink = arg(call, 'attrlink');
  const img = `<img${attributes({
    src,
    alt: arg(call, 'alt') ?? caption ?? title ?? '',
    width: arg(call, 'width'),
    height: arg(call, 'height'),
    loading: arg(call, 'loading'),
  })}>`;
  const link = arg(call, 'link');
  const picture = link
    ? `<a${attributes({ href: link, target: arg(call, 'target'), rel: arg(call, 'rel') })}>${img}</a>`
    : img;
  const captionParts = [
    title ? `<strong>${escapeHtml(title)}</strong>` : '',
    caption ? escapeHtml(caption) : '',
    attr ? (attrLink ? `<a${attributes({ href: attrLink })}>${escapeHtml(attr)}</a>` : escapeHtml(attr)) : '',
  ].filter(Boolean);
  const figcaption = captionParts.length ? `<figcaption>${captionParts.join(' ')}</figcaption>` : '';
  return `\n\n<figure${attributes({ class: arg(call, 'class') })}>${picture}${figcaption}</figure>\n\n`;
}

const IMAGE_URL = /\.(png|jpe?g|gif|webp|avif|svg)([?#].*)?$/i;

/** The images an unknown shortcode's arguments name, each with the caption its other arguments give. */
function imagesOfUnknownCall(call: ShortcodeCall): Array<{ src: string; caption?: string }> {
  const caption = ['title', 'caption', 'alt', 'desc', 'description'].map((name) => call.named[name]).find((value) => value?.trim());
  const sources = [...Object.values(call.named), ...call.positional].filter((value) => IMAGE_URL.test(value.trim()));
  return [...new Set(sources.map((value) => value.trim()))].map((src) => ({ src, caption }));
}

function renderFallbackFigure({ src, caption }: { src: string; caption?: string }): string {
  const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '';
  // An empty alt is written out: without a caption there is nothing to say about the picture.
  return `\n\n<figure><img${attributes({ src })} alt="${escapeHtml(caption ?? '')}">${figcaption}</figure>\n\n`;
}

/** `hl_lines="3 5-7"` / `"3-5"` → `{3,5-7}`, the fence meta the code highlighter reads. */
function highlightMeta(options: Record<string, string>): string {
  const meta: string[] = [];
  const lines = options.hl_lines?.replace(/[[\]"]/g, '').trim();
  if (lines) meta.push(`{${lines.split(/[\s,]+/).join(',')}}`);
  const lineNumbers = options.linenos;
  if (lineNumbers && lineNumbers !== 'false') {
    meta.push(options.linenostart ? `showLineNumbers{${options.linenostart}}` : 'showLineNumbers');
  }
  return meta.join(' ');
}

function renderHighlight(call: ShortcodeCall, inner: string): string {
  const language = arg(call, 'lang', 0) ?? arg(call, 'language') ?? '';
  const options: Record<string, string> = { ...call.named };
  // Positional options: `{{< highlight go "linenos=table,hl_lines=8 15-17" >}}`.
  for (const pair of (call.positional[1] ?? '').split(',')) {
    const [key, value] = pair.split('=');
    if (key?.trim() && value !== undefined) options[key.trim()] = value.trim();
  }
  const code = inner.replace(/^\n+|\s+$/g, '');
  const longestRun = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const meta = highlightMeta(options);
  return `\n\n${fence}${language}${meta ? ` ${meta}` : ''}\n${code}\n${fence}\n\n`;
}

function renderRef(call: ShortcodeCall, _inner: string, context: ShortcodeContext, warn: (message: string) => void): string {
  const target = arg(call, 'path', 0) ?? '';
  const url = context.resolveRef(target, arg(call, 'lang'));
  if (url) return url;
  warn(`${call.name} "${target}" names no post: fix the path (e.g. "my-post" or "my-post.md")`);
  return target;
}

function renderYouTube(call: ShortcodeCall): string {
  const id = arg(call, 'id', 0) ?? '';
  const title = arg(call, 'title') ?? 'YouTube video';
  const src = `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}`;
  return `\n\n<iframe${attributes({
    src,
    title,
    loading: 'lazy',
    allow: 'accelerometer; clipboard-write; encrypted-media; gyroscope; picture-in-picture',
    allowfullscreen: true,
    referrerpolicy: 'strict-origin-when-cross-origin',
  })}></iframe>\n\n`;
}

function renderGist(call: ShortcodeCall): string {
  const [user = '', id = '', file] = call.positional;
  const href = `https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)}${file ? `#file-${file.replace(/\./g, '-')}` : ''}`;
  const label = `Gist ${user}/${id}${file ? ` · ${file}` : ''}`;
  return `<a${attributes({ href, class: 'gist-link' })}>${escapeHtml(label)}</a>`;
}

function renderDetails(call: ShortcodeCall, inner: string): string {
  const summary = arg(call, 'summary') ?? arg(call, 'title', 0) ?? 'Details';
  const open = isTrue(arg(call, 'open'));
  return htmlBlock(`<details${attributes({ open, class: arg(call, 'class') })}><summary>${escapeHtml(summary)}</summary>`, inner, '</details>');
}

function renderCallout(call: ShortcodeCall, inner: string, context: ShortcodeContext): string {
  const declared = (arg(call, 'type') ?? arg(call, 'kind') ?? call.positional[0] ?? (call.name in CALLOUT_KINDS ? call.name : 'note')).toLowerCase();
  const kind = CALLOUT_KINDS[declared] ?? 'note';
  const title = arg(call, 'title') ?? (call.positional[0] ? call.positional[1] : undefined) ?? context.calloutTitles[kind];
  return htmlBlock(
    `<aside class="callout callout-${kind}" role="note"><p class="callout-title">${escapeHtml(title)}</p>`,
    inner,
    '</aside>',
  );
}

function renderTable(call: ShortcodeCall, inner: string): string {
  const caption = arg(call, 'caption') ?? arg(call, 'title', 0);
  const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '';
  return htmlBlock(`<figure class="table-figure">${figcaption}`, inner, '</figure>');
}

/**
 * A gallery: around figures or images (beautifulhugo's and Blowfish's `{{< gallery >}}…`), a grid
 * of them; alone, the images its arguments name (a site's own `{{< gallery link="…" title="…" >}}`),
 * each captioned.
 */
function renderGallery(call: ShortcodeCall, inner: string): string {
  if (inner.trim()) return htmlBlock('<div class="gallery-grid">', inner, '</div>');
  return imagesOfUnknownCall(call).map(renderFallbackFigure).join('');
}

const RENDERERS: Record<string, Renderer> = {
  figure: renderFigure,
  highlight: renderHighlight,
  ref: renderRef,
  relref: renderRef,
  youtube: renderYouTube,
  gist: renderGist,
  details: renderDetails,
  detail: renderDetails,
  callout: renderCallout,
  alert: renderCallout,
  notice: renderCallout,
  admonition: renderCallout,
  note: renderCallout,
  tip: renderCallout,
  warning: renderCallout,
  hint: renderCallout,
  table: renderTable,
  gallery: renderGallery,
  // beautifulhugo's gallery script, which a page here does not need.
  'load-photoswipe': () => '',
};

/** Whether this site draws the shortcode itself (a site template of that name is not used). */
export function hasOwnRenderer(name: string): boolean {
  return Object.hasOwn(RENDERERS, name);
}

/** Builds the expanded text and remembers, for every output line, the source line it came from. */
class Output {
  text = '';
  lineMap: number[] = [1];

  constructor(private readonly source: string) {}

  copy(start: number, end: number): void {
    let line = lineAt(this.source, start);
    for (let i = start; i < end; i++) {
      if (this.source.charCodeAt(i) === 10) this.lineMap.push(++line);
    }
    this.text += this.source.slice(start, end);
  }

  write(text: string, line: number): void {
    for (const char of text) if (char === '\n') this.lineMap.push(line);
    this.text += text;
  }
}

const NO_PAGE: ShortcodePage = { title: '', lang: '', url: '', params: {} };

/** Whether a call has nothing but whitespace beside it on its first and last line. */
function isOnItsOwnLines(source: string, start: number, end: number): boolean {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = source.indexOf('\n', end);
  return !source.slice(lineStart, start).trim() && !source.slice(end, lineEnd === -1 ? source.length : lineEnd).trim();
}

/**
 * A template's HTML in the Markdown: without blank lines (one would end the HTML block and turn
 * its indented lines into code), as a block of its own when the call stood on its own lines.
 */
function placeHtml(html: string, block: boolean): string {
  const joined = html
    .split('\n')
    .filter((line) => line.trim())
    .join('\n')
    .trim();
  return block ? `\n\n${joined}\n\n` : joined;
}

export function expandShortcodes(source: string, context: ShortcodeContext): ExpandedMarkdown {
  const warnings: ShortcodeWarning[] = [];
  const used: Record<string, number> = {};
  const state: PostShortcodeState = { scratch: new Map(), ordinals: new Map() };
  const nodes = nest(tokenize(source), warnings);

  const render = (list: Node[], output: Output): void => {
    for (const node of list) {
      if (node.kind === 'text') {
        output.copy(node.start, node.end);
      } else if (node.kind === 'literal') {
        output.write(node.text, lineAt(source, node.start));
      } else {
        const { call } = node;
        used[call.name] = (used[call.name] ?? 0) + 1;
        const innerOutput = new Output(source);
        render(node.children ?? [], innerOutput);
        const renderer = RENDERERS[call.name];
        const siteShortcode = renderer ? undefined : context.siteShortcodes?.get(call.name);
        let templateProblem: string | undefined;
        if (siteShortcode) {
          const warn = (message: string) => warnings.push({ line: call.line, message: `shortcode "${call.name}" (${siteShortcode.file}): ${message}` });
          const drawn = renderSiteShortcode(siteShortcode, call, innerOutput.text, context.page ?? NO_PAGE, state, warn);
          if ('html' in drawn) {
            output.write(placeHtml(drawn.html, isOnItsOwnLines(source, node.start, node.end)), call.line);
            continue;
          }
          templateProblem = `its template ${siteShortcode.file} uses ${drawn.error}, which is not evaluated here`;
        }
        if (!renderer) {
          // Never lose an image: a call whose arguments name one (a site's own `gallery`) shows it.
          const images = imagesOfUnknownCall(call);
          const what = templateProblem ? `shortcode "${call.name}": ${templateProblem}` : `unknown shortcode "${call.name}"`;
          const fix = templateProblem
            ? 'simplify the template, or add a renderer in lib/content/shortcodes.ts'
            : `add its Hugo template as layouts/shortcodes/${call.name}.html, or a renderer in lib/content/shortcodes.ts`;
          warnings.push({
            line: call.line,
            message: images.length
              ? `${what}: its ${images.length === 1 ? 'image is' : `${images.length} images are`} shown as ${images.length === 1 ? 'a figure' : 'figures'}, and its content as plain Markdown; ${fix} to show it as the site did`
              : `${what}: its content is shown as plain Markdown; remove the shortcode, or ${fix}`,
          });
          output.write(`${images.map(renderFallbackFigure).join('')}${innerOutput.text}`, call.line);
          continue;
        }
        const warn = (message: string) => warnings.push({ line: call.line, message });
        output.write(renderer(call, innerOutput.text, context, warn), call.line);
      }
    }
  };

  const output = new Output(source);
  render(nodes, output);
  return { markdown: output.text, lineMap: output.lineMap, warnings, used };
}
