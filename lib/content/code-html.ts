import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';

/** The highlighted HTML of a code block (hast property, and the attribute the body's `code` component receives). */
export const CODE_HTML_PROPERTY = 'dataHighlightedHtml';
export const CODE_HTML_ATTRIBUTE = 'data-highlighted-html';

/**
 * A code block's highlighted lines as one string of HTML, in place of its token spans: the page's
 * `code` component writes it as the element's inner HTML, so the reader gets the same markup.
 * A highlighted listing is hundreds of spans (a third of the elements of jimmysong.io's posts),
 * which React would otherwise render one by one for the page, and again for its RSC payload,
 * in every build. The HTML is serialized from the highlighter's tree, so the code's text is
 * escaped as everywhere else. Runs after the highlighter, on the page's compile only.
 */
export function rehypeCodeAsHtml() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element, _index, parent) => {
      if (element.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      element.properties[CODE_HTML_PROPERTY] = toHtml(element.children);
      element.children = [];
      return SKIP;
    });
  };
}
