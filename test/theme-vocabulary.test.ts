import { describe, expect, it } from 'vitest';
import { formatProblem } from '@/lib/content/errors';
import { readContent } from '@/lib/content/load';
import { TINY_PNG, makeSite, optionsFor, post } from './fixtures';

// Front matter in the shape each theme documents it (beautifulhugo's, PaperMod's, Ananke's,
// LoveIt's, Congo's and Hugo's own examples), read as what its readers saw.

function read(frontMatter: string) {
  const root = makeSite({
    'posts/en/x/index.md': post(`title: X\ndate: 2024-01-01\n${frontMatter}`, '## One\n\nText.\n\n## Two\n\nMore.'),
    'posts/en/x/cover.png': TINY_PNG,
    'public/img/banners/lake.png': TINY_PNG,
  });
  const { content, problems } = readContent(optionsFor(root));
  expect(problems).toEqual([]);
  return { post: content.posts.en[0]!, defects: content.warnings.map(formatProblem) };
}

describe("the themes' words for header photos, heroes, subtitles and tables of contents", () => {
  it('beautifulhugo: bigimg is the photo behind the title, with its credit; subtitle', () => {
    const { post } = read('subtitle: "Translated by Ada"\nbigimg: [{src: "/img/banners/lake.png", desc: "West Lake | Hangzhou"}, {src: "/img/banners/lake.png"}]');
    expect(post.banner).toMatchObject({ kind: 'local', src: '/img/banners/lake.png' });
    expect(post.bannerCredit).toBe('West Lake | Hangzhou');
    expect(post.subtitle).toBe('Translated by Ada');
  });

  it('PaperMod: cover is the image above the post, with its caption; ShowToc: false hides the TOC', () => {
    const { post } = read('cover:\n  image: cover.png\n  alt: A lake\n  caption: "Photo: Ada"\n  relative: true\nShowToc: false\nTocOpen: true');
    expect(post.image).toMatchObject({ kind: 'local', src: '/en/blog/x/cover.png' });
    expect(post.imageCaption).toBe('Photo: Ada');
    expect(post.tocShown).toEqual({ sidebar: false, inline: false });
  });

  it("Ananke's featured_image is behind the title; LoveIt's featuredImage is above the post, and toc: {enable: false}", () => {
    expect(read('featured_image: /img/banners/lake.png').post.banner).toMatchObject({ src: '/img/banners/lake.png' });
    const loveIt = read('featuredImage: cover.png\ntoc:\n  enable: false').post;
    expect(loveIt.image).toMatchObject({ src: '/en/blog/x/cover.png' });
    expect(loveIt.tocShown.sidebar).toBe(false);
  });

  it("Blowfish's featureimage and Hugo's own images: [...] are the image above the post, the theme's own keys first", () => {
    expect(read('featureimage: cover.png').post.image).toMatchObject({ src: '/en/blog/x/cover.png' });
    expect(read('images: [cover.png, /img/banners/lake.png]').post.image).toMatchObject({ src: '/en/blog/x/cover.png' });
    expect(read('thumbnail: /img/banners/lake.png\nimages: [cover.png]').post.image).toMatchObject({ src: '/img/banners/lake.png' });
    expect(read('images: [42]').defects).toEqual([expect.stringMatching(/x\/index\.md:4: images: is not a list of image paths/)]);
  });

  it('notoc, toc: false and showTableOfContents: false hide the TOC; mobile_toc: false only the phone one', () => {
    for (const line of ['notoc: true', 'toc: false', 'showTableOfContents: false']) {
      expect(read(line).post.tocShown, line).toEqual({ sidebar: false, inline: false });
    }
    expect(read('mobile_toc: false').post.tocShown).toEqual({ sidebar: true, inline: false });
    expect(read('').post.tocShown).toEqual({ sidebar: true, inline: true });
    // The headings are still read (search and anchors use them).
    expect(read('notoc: true').post.toc.map((entry) => entry.text)).toEqual(['One', 'Two']);
  });

  it("the site's own image and bg_image win over the theme's", () => {
    const { post } = read('image: cover.png\ncover: {image: /img/banners/lake.png, caption: Not this}\nbg_image: cover.png\nbigimg: [{src: /img/banners/lake.png, desc: Not this}]');
    expect(post.image).toMatchObject({ src: '/en/blog/x/cover.png' });
    expect(post.imageCaption).toBeUndefined();
    expect(post.banner).toMatchObject({ src: '/en/blog/x/cover.png' });
    expect(post.bannerCredit).toBeUndefined();
  });

  it('a missing or malformed theme image is a defect Hugo tolerates, named by its key and line', () => {
    const missing = read('bigimg: [{src: "/img/none.png", desc: "Gone"}]');
    expect(missing.post.banner).toBeUndefined();
    expect(missing.defects).toEqual([expect.stringMatching(/x\/index\.md:4: bigimg: .*none\.png.*\(the page is built without it\)/)]);
    const malformed = read('cover: 42');
    expect(malformed.defects).toEqual([expect.stringMatching(/x\/index\.md:4: cover: is not an image/)]);
  });
});

describe("the themes' images beside a section's cascade", () => {
  it("a post's own bigimg wins over the bg_image its section cascades; the cascade fills in otherwise", () => {
    const root = makeSite({
      'posts/en/_index.md': '---\ntitle: Blog\ncascade:\n  bg_image: /img/banners/section.png\n---\n',
      'posts/en/own.md': post('title: Own\ndate: 2024-01-01\nbigimg: [{src: /img/banners/lake.png, desc: Credit}]'),
      'posts/en/plain.md': post('title: Plain\ndate: 2024-01-02'),
      'public/img/banners/lake.png': TINY_PNG,
      'public/img/banners/section.png': TINY_PNG,
    });
    const posts = readContent(optionsFor(root)).content.posts.en;
    const bySlug = Object.fromEntries(posts.map((p) => [p.slug, p]));
    expect(bySlug.own).toMatchObject({ banner: { src: '/img/banners/lake.png' }, bannerCredit: 'Credit' });
    expect(bySlug.plain).toMatchObject({ banner: { src: '/img/banners/section.png' } });
    expect(bySlug.plain!.bannerCredit).toBeUndefined();
  });
});
