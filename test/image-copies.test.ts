import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { PageBanner } from '@/components/page-banner';
import { PostBody } from '@/components/post-body';
import { makeSite, post } from './fixtures';

// `npm run build` writes every responsive copy the pages name to public/_img before `next build`,
// through the content layer's front door, as the build itself reads the posts.
let root: string;
let dir: string;
let content: typeof import('@/lib/content');
let copies: typeof import('@/lib/image-copies');

beforeAll(async () => {
  const flat = (width: number, blue: number) =>
    sharp({ create: { width, height: width / 2, channels: 3, background: { r: 20, g: 120, b: blue } } }).png().toBuffer();
  const hills = await flat(2400, 90);
  root = makeSite({
    // A banner (drawn across the screen) and two body images (in the text column).
    'posts/en/trip/index.md': post('title: Trip\ndate: 2024-01-01\nbg_image: hills.png', '![A wide map](map.png)\n\n![The valley](valley.png)\n'),
    'posts/en/trip/map.png': await flat(1000, 200),
    'posts/en/trip/valley.png': await flat(2400, 160),
    'posts/en/trip/hills.png': hills,
    // The banner's picture again, in another post's body.
    'posts/en/walk/index.md': post('title: Walk\ndate: 2024-02-01', '![The hills](hills.png)\n'),
    'posts/en/walk/hills.png': hills,
  });
  process.env.BLOG_POSTS_DIR = path.join(root, 'posts');
  process.env.BLOG_PAGES_DIR = path.join(root, 'content');
  process.env.BLOG_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'blog-copies-cache-'));
  content = await import('@/lib/content');
  copies = await import('@/lib/image-copies');
  dir = path.join(root, 'public', '_img');
});

describe('image copies written before the build', () => {
  it("are every copy the pages name, as WebP at each copy's width", async () => {
    const wanted = content.getImageVariantFileNames();
    const report = await copies.writeImageCopies(dir, 2);
    expect(report).toEqual({ made: wanted.length, kept: 0, removed: 0, servedAsTheyAre: 0 });
    expect(readdirSync(dir).sort()).toEqual([...wanted].sort());
    const mapCopies = wanted.filter((name) => content.getImageVariant(name)?.file === path.join(root, 'posts/en/trip/map.png'));
    expect(mapCopies.map((name) => name.replace(/^[0-9a-f]{16}/, 'key')).sort()).toEqual(['key-1000.webp', 'key-640.webp', 'key-960.webp']);
    for (const name of mapCopies) {
      const { format, width } = await sharp(path.join(dir, name)).metadata();
      expect([format, width]).toEqual(['webp', Number(/-(\d+)\./.exec(name)![1])]);
    }
  });

  it('are as wide as the pages draw the picture: 1440 px in the text column, 1920 px across the screen', async () => {
    const widthsOf = (file: string) =>
      content
        .getImageVariantFileNames()
        .filter((name) => content.getImageVariant(name)?.file.endsWith(file))
        .map((name) => content.getImageVariant(name)!.width)
        .sort((a, b) => a - b);
    // A 720 px column at 2× density takes 1440 px: a body image gets no wider copy.
    expect(widthsOf('trip/valley.png')).toEqual([640, 960, 1440]);
    // The banner, also shown in a body, keeps the screen's copies.
    expect(widthsOf('hills.png')).toEqual([640, 960, 1440, 1920]);

    // Each page names only copies the step wrote, the widest its drawing needs.
    const posts = content.getPosts('en');
    const [trip, walk] = ['trip', 'walk'].map((slug) => posts.find((entry) => entry.slug === slug)!);
    const named = (html: string) => [...html.matchAll(/\/_img\/([0-9a-f]{16}-\d+\.webp)/g)].map(([, name]) => name!);
    const banner = renderToStaticMarkup(PageBanner({ title: 'Trip', background: trip!.banner! }));
    const body = renderToStaticMarkup(await PostBody({ post: walk! }));
    expect(named(banner).some((name) => name.endsWith('-1920.webp'))).toBe(true);
    expect(named(body).length).toBeGreaterThan(0);
    expect(named(body).filter((name) => !/-(?:640|960|1440)\.webp$/.test(name))).toEqual([]);
    const written = new Set(readdirSync(dir));
    expect([...named(banner), ...named(body)].filter((name) => !written.has(name))).toEqual([]);
  });

  it('are kept by the next build, and what no page names any more is removed', async () => {
    const [first] = readdirSync(dir);
    const written = statSync(path.join(dir, first!)).mtimeMs;
    writeFileSync(path.join(dir, '0123456789abcdef-640.webp'), 'a copy of a picture no post shows');
    writeFileSync(path.join(dir, `${first}.4242.tmp`), 'half a copy, from a build that was stopped');
    writeFileSync(path.join(dir, '0123456789abcdef-640.avif'), 'a copy in a format the site no longer makes');
    const report = await copies.writeImageCopies(dir, 2);
    expect(report).toEqual({ made: 0, kept: content.getImageVariantFileNames().length, removed: 3, servedAsTheyAre: 0 });
    expect(existsSync(path.join(dir, '0123456789abcdef-640.webp'))).toBe(false);
    expect(statSync(path.join(dir, first!)).mtimeMs).toBe(written);
  });

  it("stop the build on a file the author put in the copies' folder, naming it, and remove nothing", async () => {
    const stranger = path.join(dir, 'diagram.png');
    writeFileSync(stranger, 'the author put this here');
    const before = readdirSync(dir).length;
    await expect(copies.writeImageCopies(dir, 2)).rejects.toThrow(`${stranger}: ${dir} is where the build writes the images' responsive copies`);
    expect(readdirSync(dir)).toHaveLength(before);
  });
});
