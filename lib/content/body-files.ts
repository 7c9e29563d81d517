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
 *
 * A size the author wrote (`{{< figure width="60%" >}}`, `<img width="300">`) is how large the
 * picture is drawn. In a feed it stays as written, as Hugo wrote it. On a page the image keeps
 * its intrinsic size as its width and height (the box it reserves while loading has the file's
 * proportions) and its responsive copies, and the author's size becomes its style, from which the
 * page tells the browser how wide it is drawn (see drawnImageSizes).
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
          const { width, height, variantKey } = resolved.image;
          const drawn = imageContext.responsiveImages ? drawnSizeStyle(element.properties.width, element.properties.height) : undefined;
          const sized = element.properties.width !== undefined || element.properties.height !== undefined;
          if (!sized || drawn !== undefined) {
            element.properties.width = width;
            element.properties.height = height;
            // A style the author wrote comes after, and wins, as it would over their attributes.
            if (drawn) element.properties.style = [drawn, element.properties.style].filter(Boolean).join(';');
            if (imageContext.responsiveImages && variantKey) element.properties[VARIANT_KEY_PROPERTY] = variantKey;
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

/** A length as an author writes it in an image's width or height: `300` (pixels), `300px`, `60%`, `20em`, `auto`. */
const AUTHOR_LENGTH = /^\s*(?:(\d+(?:\.\d+)?)\s*(px|%|r?em|vw|vh|ch)?|(auto))\s*$/i;

function cssLength(value: unknown): string | undefined {
  const match = AUTHOR_LENGTH.exec(String(value));
  if (!match) return undefined;
  return match[3] ? 'auto' : `${match[1]}${match[2]?.toLowerCase() ?? 'px'}`;
}

/**
 * The author's width and height as CSS (`width:60%`), '' when they wrote neither, or undefined
 * when one is not a length this reads: such an image keeps its attributes as written and no copies.
 */
function drawnSizeStyle(width: unknown, height: unknown): string | undefined {
  const lengths = [['width', width], ['height', height]] as const;
  const style: string[] = [];
  for (const [property, value] of lengths) {
    if (value === undefined) continue;
    const length = cssLength(value);
    if (!length) return undefined;
    style.push(`${property}:${length}`);
  }
  // A height alone: the width follows from the file's proportions, not from its width attribute.
  if (width === undefined && height !== undefined) style.push('width:auto');
  return style.join(';');
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
