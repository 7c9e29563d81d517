import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const MORE_DIVIDER = /<!--\s*more\s*-->/i;
const HAN = /\p{Script=Han}/gu;
const CJK_SUMMARY_LENGTH = 150;
const LATIN_SUMMARY_WORDS = 50;

const INLINE_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'mdxJsxTextElement']);

const markdownParser = unified().use(remarkParse).use(remarkGfm);
const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The reader-visible text of a Markdown body: no code, HTML, or image alt text. */
export function plainText(markdown: string): string {
  return plainTextOf(markdownParser.parse(markdown));
}

/** The reader-visible text of a Markdown or MDX tree as the parser gave it, before any plugin changed it. */
export function plainTextOf(tree: Root): string {
  return textOf(tree).replace(/\s+/g, ' ').trim();
}

function textOf(node: Nodes | Root): string {
  switch (node.type) {
    case 'code':
    case 'html':
    case 'image':
    case 'imageReference':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
    // MDX JavaScript: imports, exports and `{expressions}`.
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return '';
    case 'inlineCode':
    case 'text':
      return node.value;
    default:
      if ('children' in node) {
        const separator = INLINE_PARENTS.has(node.type) ? '' : ' ';
        return node.children.map((child) => textOf(child as Nodes)).join(separator);
      }
      return toString(node);
  }
}

/**
 * The list-page summary of a post, as Hugo chooses it: the text before `<!--more-->`, else the
 * opening ~150 characters (Chinese) or ~50 words (Latin), cut on a character or word boundary.
 */
export function summarize(body: string, fullText = plainText(body)): string {
  const divider = MORE_DIVIDER.exec(body);
  if (divider) return plainText(body.slice(0, divider.index));
  return truncate(fullText);
}

export function truncate(text: string): string {
  const hanCount = text.match(HAN)?.length ?? 0;
  const isMostlyHan = hanCount * 3 > text.replace(/\s/g, '').length;
  if (isMostlyHan) {
    // Only the opening graphemes are needed: segmenting a whole long post took seconds.
    const graphemes: string[] = [];
    for (const { segment } of graphemeSegmenter.segment(text)) {
      if (graphemes.push(segment) > CJK_SUMMARY_LENGTH) break;
    }
    if (graphemes.length <= CJK_SUMMARY_LENGTH) return text;
    return `${graphemes.slice(0, CJK_SUMMARY_LENGTH).join('').trimEnd()}…`;
  }
  const words = text.split(' ');
  if (words.length <= LATIN_SUMMARY_WORDS) return text;
  return `${words.slice(0, LATIN_SUMMARY_WORDS).join(' ').replace(/[,;:.!?]+$/, '')}…`;
}
