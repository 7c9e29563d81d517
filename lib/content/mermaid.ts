import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { siteSettings } from '../site-settings';

/**
 * The diagram's colours are the page's own tokens (app/globals.css), so one SVG drawn at build
 * time reads right in the light and the dark theme, with no script.
 */
const DIAGRAM_COLOURS = { bg: 'var(--page)', fg: 'var(--ink)', accent: 'var(--accent)', line: 'var(--ink-faint)', transparent: true };

/** Marks a mermaid fence that could not be drawn; body checks report it with its line. */
export const MERMAID_ERROR_PROPERTY = 'dataMermaidError';

/**
 * The renderer, loaded when the first diagram is drawn. With its layout engine (elkjs) it is half
 * of the content layer's code (3 of 6 MB bundled) and takes 0.3-0.45 s to load: every process that
 * reads posts (`npm run check`, each `next dev` worker) paid that, though most posts draw nothing.
 */
let renderer: typeof import('beautiful-mermaid') | undefined;
const mermaidRenderer = () => (renderer ??= requireEsModulePackage('beautiful-mermaid') as typeof import('beautiful-mermaid'));

/**
 * An ES module package loaded synchronously (Node 20.19 and later `require` ES modules), for a
 * synchronous pipeline. The package's name cannot be given to `require`: its `exports` has only
 * an `import` condition, so its entry file is found from its package.json. `createRequire` comes
 * from `process.getBuiltinModule` because Turbopack rewrites `createRequire(import.meta.url)`
 * calls as its own `require`, which loads no file it did not bundle.
 */
function requireEsModulePackage(name: string): unknown {
  const load = process.getBuiltinModule('node:module').createRequire(import.meta.url);
  // Found at run time in node_modules, which the build's file tracing must not follow (it would take the whole project).
  const packageDir = (load.resolve.paths(name) ?? []).map((dir) => path.join(/*turbopackIgnore: true*/ dir, name)).find((dir) => existsSync(path.join(/*turbopackIgnore: true*/ dir, 'package.json')));
  if (!packageDir) throw new Error(`the package ${name} is not installed: run npm ci`);
  const manifest = JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ packageDir, 'package.json'), 'utf8')) as { exports?: { '.'?: { import?: string } }; main?: string };
  return load(path.join(/*turbopackIgnore: true*/ packageDir, manifest.exports?.['.']?.import ?? manifest.main ?? 'index.js'));
}

type Drawn = { ok: true; svg: Element } | { ok: false; reason: string };

const drawn = new Map<string, Drawn>();

/** A diagram drawn once per process, whichever pipeline (check, page, feed) asks first. */
function draw(source: string): Drawn {
  let result = drawn.get(source);
  if (!result) {
    try {
      const svg = fromHtml(mermaidRenderer().renderMermaidSVG(mermaidSource(source), DIAGRAM_COLOURS), { fragment: true, space: 'svg' }).children.find(
        (node): node is Element => node.type === 'element' && node.tagName === 'svg',
      );
      result = svg ? { ok: true, svg: ownStyles(svg, createHash('sha256').update(source).digest('hex').slice(0, 8)) } : { ok: false, reason: 'the renderer returned no SVG' };
    } catch (error) {
      result = { ok: false, reason: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' };
    }
    drawn.set(source, result);
  }
  return result;
}

/**
 * The source as the renderer reads it. Mermaid accepts `graph TD;` (statements may end in `;`),
 * `flowchart` without a direction, and directives such as `%%{init: ...}%%` before the header;
 * the renderer wants the bare header with its direction.
 */
function mermaidSource(source: string): string {
  const lines = source.replace(/^\s*%%\{[\s\S]*?\}%%\s*$/gm, '').replace(/^\s*\n/, '').split('\n');
  const header = lines.findIndex((line) => line.trim() && !line.trim().startsWith('%%'));
  // `flowchart` without a direction is top-down in Mermaid.
  if (header >= 0) lines[header] = (lines[header] ?? '').replace(/;\s*$/, '').replace(/^(\s*(?:graph|flowchart))\s*$/i, '$1 TD');
  return lines.join('\n').trim();
}

/**
 * The renderer's SVG carries a `<style>` that imports its font from Google Fonts and styles every
 * `svg` and `text` of the page: it goes, and app/globals.css styles `.mermaid-diagram` instead.
 * Its marker ids get the diagram's own suffix, so two diagrams on a page never share an id.
 */
function ownStyles(svg: Element, suffix: string): Element {
  svg.children = svg.children.filter((child) => !(child.type === 'element' && child.tagName === 'style'));
  visit(svg, 'element', (element: Element) => {
    for (const [name, value] of Object.entries(element.properties)) {
      if (name === 'id' && typeof value === 'string') element.properties.id = `${value}-${suffix}`;
      else if (typeof value === 'string' && value.includes('url(#')) element.properties[name] = value.replace(/url\(#([^)]+)\)/g, `url(#$1-${suffix})`);
    }
  });
  return svg;
}

/**
 * ```mermaid fences become diagrams, drawn as SVG at build time (as a Hugo site's
 * render-codeblock-mermaid hook drew them in the browser): a figure holding the SVG, named for
 * assistive technology by its labels. A fence the renderer cannot draw (a syntax
 * error, or a diagram type it lacks) stays a code block, marked for the body check to report.
 */
export function remarkMermaid() {
  return (tree: MdastRoot) => {
    if (!siteSettings.markdown.mermaid) return;
    visit(tree, 'code', (code, index, parent) => {
      if (code.lang?.toLowerCase() !== 'mermaid' || !parent || index === undefined) return;
      const result = draw(code.value);
      if (!result.ok) {
        code.data = { ...code.data, hProperties: { ...code.data?.hProperties, [MERMAID_ERROR_PROPERTY]: result.reason } };
        return;
      }
      const svg: Element = structuredClone(result.svg);
      svg.properties = { ...svg.properties, role: 'img', ariaLabel: diagramLabels(svg) };
      const children: ElementContent[] = [svg];
      parent.children[index] = {
        type: 'paragraph',
        data: { hName: 'figure', hProperties: { className: ['mermaid-diagram'] }, hChildren: children },
        children: [],
      };
    });
  };
}

/** What the diagram says, for a screen reader: the text of its nodes and edges, in order. */
function diagramLabels(svg: Element): string {
  const labels: string[] = [];
  visit(svg, 'element', (element: Element) => {
    if (element.tagName !== 'text') return;
    const text = toString(element).trim();
    if (text && !labels.includes(text)) labels.push(text);
  });
  return labels.join(', ').slice(0, 300);
}
