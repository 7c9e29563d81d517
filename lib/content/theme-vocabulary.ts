// What the front matter of popular Hugo themes says, in this site's terms: the header photo and
// its credit, the hero image and its caption, the subtitle, and whether the post shows a table of
// contents. Applied whenever a post is read, so an imported post keeps what its readers saw.
//
// - beautifulhugo: `bigimg: [{src, desc}]`, the photo behind the title with its credit; `subtitle`.
// - PaperMod: `cover: {image, alt, caption}`, the image above the post; `ShowToc: false`.
// - Ananke: `featured_image`, the photo behind the title.
// - LoveIt, DoIt: `featuredImage`, the image above the post; `toc: false` or `toc: {enable: false}`; `subtitle`.
// - Congo, Blowfish: `showTableOfContents: false`; Blowfish's `featureimage`, the image above the post.
// - Stack and others: `thumbnail` (or `image`, read as it is), the image above the post.
// - Hugo's own OpenGraph template: `images: [...]`, whose first is the page's picture (last, as themes show it).
// - Hugo's own example and many sites: `notoc: true`; jimmysong.io's theme: `mobile_toc`, the phone's table of contents.

import { goBool } from './go-bool';

/** The front-matter keys read here, as the schema spells them. */
export const THEME_KEYS = ['subtitle', 'bigimg', 'cover', 'featured_image', 'featuredImage', 'featureimage', 'thumbnail', 'images', 'notoc', 'toc', 'ShowToc', 'showTableOfContents', 'mobile_toc'] as const;

export type ThemeKey = (typeof THEME_KEYS)[number];

export type ThemeVocabulary = {
  /** The photo behind the title, and the credit shown on it. */
  banner?: { src: string; credit?: string; field: ThemeKey };
  /** The image above the post, and its caption. */
  hero?: { src: string; caption?: string; alt?: string; field: ThemeKey };
  subtitle?: string;
  /** The table of contents beside the post (wide screens) and above it (phones). */
  toc: { sidebar: boolean; inline: boolean };
  /** Values of these keys in a shape no theme gives them: shown as written, and ignored. */
  unreadable: Array<{ field: ThemeKey; message: string }>;
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);


export function themeVocabulary(values: Partial<Record<ThemeKey, unknown>>): ThemeVocabulary {
  const unreadable: ThemeVocabulary['unreadable'] = [];
  const unread = (field: ThemeKey, shape: string) =>
    unreadable.push({ field, message: `is not ${shape}: it is ignored (write it as ${shape})` });

  let banner: ThemeVocabulary['banner'];
  if (values.bigimg !== undefined) {
    const first = Array.isArray(values.bigimg) ? values.bigimg[0] : values.bigimg;
    const src = text(first) ?? (first && typeof first === 'object' ? text((first as Record<string, unknown>).src) : undefined);
    if (src) banner = { src, credit: first && typeof first === 'object' ? text((first as Record<string, unknown>).desc) : undefined, field: 'bigimg' };
    else unread('bigimg', 'a list of images, e.g. bigimg: [{src: "/img/x.jpg", desc: "Credit"}]');
  }
  if (!banner && values.featured_image !== undefined) {
    const src = text(values.featured_image);
    if (src) banner = { src, field: 'featured_image' };
    else unread('featured_image', 'an image path, e.g. featured_image: "/images/x.jpg"');
  }

  let hero: ThemeVocabulary['hero'];
  if (values.cover !== undefined) {
    const cover = values.cover && typeof values.cover === 'object' ? (values.cover as Record<string, unknown>) : undefined;
    const src = text(cover?.image) ?? text(values.cover);
    if (src && goBool(cover?.hidden) !== true && goBool(cover?.hiddenInSingle ?? cover?.hiddeninsingle) !== true) {
      hero = { src, caption: text(cover?.caption), alt: text(cover?.alt), field: 'cover' };
    } else if (!src) unread('cover', 'an image, e.g. cover: {image: "cover.jpg", caption: "Credit"}');
  }
  for (const field of ['featuredImage', 'featureimage', 'thumbnail'] as const) {
    if (hero || values[field] === undefined) continue;
    const src = text(values[field]);
    if (src) hero = { src, field };
    else unread(field, `an image path, e.g. ${field}: "cover.jpg"`);
  }
  if (!hero && values.images !== undefined) {
    const src = text(Array.isArray(values.images) ? values.images[0] : values.images);
    if (src) hero = { src, field: 'images' };
    else unread('images', 'a list of image paths, e.g. images: ["cover.jpg"]');
  }

  const subtitle = text(values.subtitle);
  if (values.subtitle !== undefined && !subtitle && typeof values.subtitle !== 'string') unread('subtitle', 'text, e.g. subtitle: "Translated by Ada"');

  const off = (value: unknown) => goBool(value) === false;
  const tocObject = values.toc && typeof values.toc === 'object' ? (values.toc as Record<string, unknown>) : undefined;
  const noToc = goBool(values.notoc) === true || off(values.toc) || off(tocObject?.enable) || off(values.ShowToc) || off(values.showTableOfContents);
  return {
    banner,
    hero,
    subtitle,
    toc: { sidebar: !noToc, inline: !noToc && !off(values.mobile_toc) },
    unreadable,
  };
}
