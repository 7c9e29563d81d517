import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { VARIANT_KEY_PROPERTY } from './image-variants';
import { IN_LINK_PROPERTY, resolveImage, type ImageContext } from './images';

// What a body's tree points at: the files this site serves for its images and its bundle's files.
// Both the page's compile (markdown.ts) and the feed HTML (feed-html.ts) run it; the feed's HTML
// is made in a cold build's first step too, which loads this module and not the compiler.

/**
 * Points images at the files this site serves and gives local ones their intrinsic size (and, for
 * pages, the key of their responsive copies); points relative links at the bundle's own files
 * (pages have no trailing slash, so a browser would resolve them against the parent folder). A
 * missing local image (reported by checkBody) becomes its alt text in a box.
 */
export function rehypeBundleFiles(imageContext: ImageContext & { responsiveImages?: boolean }) {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element, _index, parent) => {
      if (element.tagName === 'img' && typeof element.properties.src === 'string') {
        const resolved = resolveImage(element.properties.src, imageContext);
        if (!resolved.ok) {
          showMissingImage(element, parent);
          return;
        }
        element.properties.src = resolved.image.src;
        if (resolved.image.kind === 'local' && resolved.image.width && resolved.image.height) {
          // A size the author wrote wins; copies are then left out, as their proportions could differ.
          const sized = element.properties.width !== undefined || element.properties.height !== undefined;
          element.properties.width ??= resolved.image.width;
          element.properties.height ??= resolved.image.height;
          if (imageContext.responsiveImages && resolved.image.variantKey && !sized) {
            element.properties[VARIANT_KEY_PROPERTY] = resolved.image.variantKey;
          }
        }
      }
      if (element.tagName === 'a') {
        visit(element, 'element', (inner: Element) => {
          if (inner.tagName === 'img') inner.properties[IN_LINK_PROPERTY] = true;
        });
      }
      if (element.tagName === 'a' && typeof element.properties.href === 'string' && imageContext.bundleDir) {
        const href = element.properties.href;
        if (/^[a-z][a-z\d+.-]*:|^[/#?]/i.test(href)) return;
        const relative = path.posix.normalize(href.replace(/^\.\//, '').replace(/[?#].*$/, ''));
        const target = path.join(imageContext.bundleDir, relative);
        if (!relative.startsWith('..') && existsSync(target) && statSync(target).isFile()) {
          element.properties.href = imageContext.bundleUrl(relative);
        }
      }
    });
  };
}

function isElement(node: unknown, tagName: string): node is Element {
  return typeof node === 'object' && node !== null && (node as Element).type === 'element' && (node as Element).tagName === tagName;
}

/**
 * In place of a local image that is not there, its alt text in a box that keeps the text's flow
 * (Hugo would show a broken image): the reader still learns what the picture was.
 */
function showMissingImage(element: Element, parent: { type: string; children: unknown[] } | undefined): void {
  const alt = typeof element.properties.alt === 'string' ? element.properties.alt.trim() : '';
  const src = String(element.properties.src);
  element.tagName = 'span';
  element.properties = { className: ['missing-image'], title: src, dataMissingImage: src };
  element.children = [{ type: 'text', value: alt || path.posix.basename(src) }];
  // A caption made of the same alt text would say it twice.
  if (parent && isElement(parent, 'figure')) {
    parent.children = parent.children.filter((child) => !(isElement(child, 'figcaption') && toString(child).trim() === alt));
  }
}
