import type { Element } from 'hast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { siteConfig } from '../site-config';
import { entryAssetPath } from '../urls';
import type { ContentProblem } from './errors';
import { postHast } from './hast';
import { resolveImage } from './images';
import { BLOCKED_EMBED_PROPERTY, droppedScriptsOf } from './embeds';
import { MERMAID_ERROR_PROPERTY } from './mermaid';
import type { Post } from './load';

type BodyLines = Pick<Post, 'bodyLine' | 'bodyLineMap'>;

/** The line of the source file that a line of the compiled body came from. */
export function writtenLine(body: BodyLines, compiledLine: number): number {
  return body.bodyLine + (body.bodyLineMap?.[compiledLine - 1] ?? compiledLine) - 1;
}

const MDX_REMOTE_PREFIX = /^\[next-mdx-remote\] error compiling MDX:\s*/;

/**
 * A parser's or compiler's complaint about a body, at the written line it names: the line comes
 * as a property, or only inside the reason, as in "Expected a closing tag for `<div>` (3:1-3:6)".
 */
export function syntaxProblem(post: Post, error: unknown, stage: 'parsed' | 'compiled'): ContentProblem {
  const detail = (error instanceof Error ? error.message : String(error)).replace(MDX_REMOTE_PREFIX, '');
  const firstLine = detail.split('\n')[0] ?? detail;
  const property = (error as { line?: unknown } | undefined)?.line;
  const position = /\((\d+):\d+/.exec(firstLine) ?? /(\d+):\d+/.exec(firstLine);
  const line = typeof property === 'number' ? property : position ? Number(position[1]) : undefined;
  // Positions in the reason count from the body's start, not the file's: the problem names the file's line.
  const reason = firstLine.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '');
  const hint =
    post.source.format === 'mdx'
      ? 'fix the MDX syntax there (write \\{ and \\< for a literal brace or angle bracket), or rename the file to .md to treat it as plain Markdown'
      : 'fix the Markdown there';
  return {
    file: post.source.displayPath,
    line: line === undefined ? undefined : writtenLine(post, line),
    message: `cannot be ${stage} (${reason}): ${hint}`,
  };
}

const MDX_SCRIPT_NODES = new Set(['mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm']);
const MDX_JSX_NODES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);

type MdxNode = Node & { value?: unknown; name?: unknown };

/**
 * A JSX name MDX turns into a component lookup rather than an HTML element: `<Callout>`,
 * `<ui.Box>`. components/mdx-components.tsx overrides HTML elements only, so no post can use one.
 */
function isComponentName(name: string): boolean {
  return !/^[a-z]/.test(name) || name.includes('.');
}

/**
 * Reads a post's body as its page will, when the content is loaded rather than when the page
 * renders, and returns every problem that would break that page, each with its line: MDX syntax
 * errors, MDX JavaScript (`{expressions}`, `import`, `export`) unless allowed, components this
 * site does not provide; and local images that are not there, which Hugo tolerates (`tolerated`).
 */
export function checkBody(post: Post, publicDir: string, onLocalFile?: (file: string) => void, onMissingFile?: (file: string) => void): ContentProblem[] {
  const file = post.source.displayPath;
  const lineOf = (node: Node) => (node.position ? writtenLine(post, node.position.start.line) : undefined);
  let tree: ReturnType<typeof postHast>;
  try {
    tree = postHast(post);
  } catch (error) {
    return [syntaxProblem(post, error, 'parsed')];
  }

  const problems: ContentProblem[] = [];
  if (post.source.format === 'mdx' && !siteConfig.allowMdxJavaScript) {
    visit(tree, (node: MdxNode) => {
      if (MDX_SCRIPT_NODES.has(node.type)) {
        const code = typeof node.value === 'string' ? node.value.trim() : '';
        const esm = node.type === 'mdxjsEsm';
        const shown = esm ? code.split('\n')[0] : `{${code}}`;
        const fix = esm ? 'remove the line' : 'write \\{ for a literal brace';
        problems.push({
          file,
          line: lineOf(node),
          message: `MDX JavaScript "${shown}" is turned off: ${fix}, or set allowMdxJavaScript in lib/site-config.ts`,
        });
      }
      // With JavaScript on, a post may import its own components; the compiler then has the last word.
      if (MDX_JSX_NODES.has(node.type) && typeof node.name === 'string' && isComponentName(node.name)) {
        problems.push({
          file,
          line: lineOf(node),
          message: `<${node.name}> is not a component this site provides: use Markdown or HTML elements (lowercase, such as <kbd>), or write \\< for a literal angle bracket`,
        });
      }
    });
  }

  const imageContext = {
    bundleDir: post.source.bundleDir,
    publicDir,
    bundleUrl: (relative: string) => entryAssetPath(post, relative),
    onLocalFile,
    onMissingFile,
  };
  for (const script of droppedScriptsOf(tree)) {
    problems.push({
      file,
      line: script.position ? writtenLine(post, script.position.start.line) : undefined,
      message: script.origin
        ? `a script from ${script.origin} is left out of the page (the site runs its own scripts only): what it would draw shows as written, e.g. a tweet as its quoted text and link; to run it, add "${script.origin}" to scriptOrigins in site.config.json`
        : 'an inline script is left out of the page (the site runs its own scripts only, and readers\' browsers would refuse one written in a post): remove it, and say in words what it did',
      warning: true,
    });
  }
  visit(tree, 'element', (element: Element) => {
    const mermaidError = element.properties[MERMAID_ERROR_PROPERTY];
    if (element.tagName === 'code' && typeof mermaidError === 'string') problems.push(mermaidProblem(file, lineOf(element), mermaidError));
    const blocked = element.properties[BLOCKED_EMBED_PROPERTY];
    if (typeof blocked === 'string') {
      problems.push({
        file,
        line: lineOf(element),
        message: `an embed from ${blocked} is blocked by the site's security policy, so readers get a link to it instead: add "${blocked}" to embedOrigins in site.config.json to show it in the page`,
        tolerated: true,
      });
    }
    if (element.tagName !== 'img' || typeof element.properties.src !== 'string') return;
    const resolved = resolveImage(element.properties.src, imageContext);
    // Hugo builds a page whose image is missing: so do we, with its alt text in its place.
    if (!resolved.ok) problems.push({ file, line: lineOf(element), message: `${resolved.message} (its alt text is shown instead)`, tolerated: true });
  });
  return problems;
}

/** Diagram types Mermaid has that the build-time renderer does not draw. */
const UNDRAWN_DIAGRAMS = /^(gantt|pie|mindmap|gitgraph|journey|timeline|quadrantchart|sankey(-beta)?|requirementdiagram|c4\w*|block(-beta)?|packet(-beta)?|architecture(-beta)?|kanban|radar(-beta)?|treemap(-beta)?|zenuml)$/i;

/**
 * A mermaid fence shown as code: a syntax error is a defect Hugo builds too (mermaid.js then draws
 * an error box); a diagram type the build-time renderer lacks is only worth a warning.
 */
function mermaidProblem(file: string, line: number | undefined, reason: string): ContentProblem {
  const type = /Invalid mermaid header: "([^"\s]+)/.exec(reason)?.[1];
  if (type && UNDRAWN_DIAGRAMS.test(type)) {
    return { file, line, message: `mermaid diagram type "${type}" is not drawn at build time: it is shown as its code; use a flowchart, sequence, state, class, ER or XY chart diagram to draw it`, warning: true };
  }
  return { file, line, message: `mermaid diagram cannot be drawn (${reason}): it is shown as its code; fix the diagram there`, tolerated: true };
}
