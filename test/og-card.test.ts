import { readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ogCardResponse } from '@/lib/og/card-image';
import { defaultContentOptions, loadContent } from '@/lib/content/load';
import { fontCodePoints } from '@/lib/og/cmap';
import { homeCardText, postCardText, type CardText } from '@/lib/og/card';
import { drawableText, missingOgCharacters, ogFontData } from '@/lib/og/font';
import { OG_FONT_FILE } from '@/lib/og/font-file';
import { languages } from '@/lib/site-config';

async function render(text: CardText): Promise<Buffer> {
  return Buffer.from(await (await ogCardResponse(text)).arrayBuffer());
}

describe('the OpenGraph card font', () => {
  it('is the file npm run og-font writes', () => {
    expect(ogFontData.equals(readFileSync(OG_FONT_FILE))).toBe(true);
  });

  it('maps ASCII, CJK punctuation and every GB2312 hanzi, and not what it was cut without', () => {
    const codePoints = fontCodePoints(ogFontData);
    const decoder = new TextDecoder('gb18030');
    const hanzi: string[] = [];
    for (let row = 0xb0; row <= 0xf7; row++) {
      for (let cell = 0xa1; cell <= 0xfe; cell++) {
        const char = decoder.decode(new Uint8Array([row, cell]));
        if (/\p{Script=Han}/u.test(char)) hanzi.push(char);
      }
    }
    expect(hanzi).toHaveLength(6763);
    expect(hanzi.filter((char) => !codePoints.has(char.codePointAt(0) ?? 0))).toEqual([]);
    for (const char of 'Az09 ~é，。：、“”…') expect(codePoints.has(char.codePointAt(0) ?? 0), char).toBe(true);
    // U+9F98 is outside GB2312; emoji are not in Noto Sans SC at all.
    expect(missingOgCharacters('云原生 龘 🚀 龘')).toEqual(['龘', '🚀']);
    expect(drawableText('Ship 🚀 it')).toBe('Ship  it');
  });

  it('draws every character of every card of the posts in posts/, drafts and scheduled posts too', () => {
    const content = loadContent({ ...defaultContentOptions(), includeUnpublished: true });
    const cards = languages.flatMap((lang) => [
      { page: lang, text: homeCardText(lang) },
      ...content.posts[lang].map((post) => ({ page: post.source.displayPath, text: postCardText(post) })),
    ]);
    expect(cards.length).toBeGreaterThan(20);
    const missing = cards
      .map(({ page, text }) => ({ page, missing: missingOgCharacters(`${text.kicker ?? ''}${text.title}${text.footer}`) }))
      .filter((card) => card.missing.length);
    expect(missing).toEqual([]);
  });
});

describe('the OpenGraph card', () => {
  const card = (title: string): CardText => ({ kicker: '云原生笔记', title, footer: '2024年3月5日 · 服务网格' });

  it('is a 1200×630 PNG, whatever the length of the title', async () => {
    for (const title of ['短', '没有 Sidecar 的服务网格：Ambient 模式实践观察', '很长的标题'.repeat(100), 'word '.repeat(100)]) {
      expect(imageSize(await render(card(title)))).toMatchObject({ type: 'png', width: 1200, height: 630 });
    }
  });

  it('stands the title of a card without a kicker between the top and the footer', async () => {
    const { data, info } = await sharp(await render({ title: '云原生笔记', footer: 'Notes on cloud native infrastructure' })).raw().toBuffer({ resolveWithObject: true });
    // The first row below the top bar with a pixel darker than the background: the title's top.
    const inked = (y: number) => Array.from({ length: info.width }, (_, x) => data[(y * info.width + x) * info.channels]!).some((red) => red < 180);
    const titleTop = Array.from({ length: info.height - 20 }, (_, row) => row + 20).find(inked);
    expect(titleTop).toBeGreaterThan(info.height / 3);
  });

  // Drawn as boxes (or left out), the same hanzi in another order would give the same picture.
  it('draws hanzi as their own glyphs', async () => {
    const [meshFirst, gridFirst] = await Promise.all([render(card('服务网格')), render(card('网格服务'))]);
    expect(meshFirst.equals(gridFirst)).toBe(false);
  });
});
