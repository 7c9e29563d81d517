import { Renderer } from '@takumi-rs/core';
import { fromJsx } from '@takumi-rs/helpers/jsx';
import { createHash } from 'node:crypto';
import { currentPipelineKey, pipelineCacheKind } from '../content/pipeline-key';
import { cacheEntryName, readCacheEntry, writeCacheEntry } from '../disk-cache';
import { OG_IMAGE_SIZE, OG_IMAGE_TYPE, type CardText } from './card';
import { drawableText, ogFontData } from './font';

// The OpenGraph card, drawn by Takumi (a native renderer of the same JSX and CSS) from the element
// below, and kept on disk. The routes (app/[lang]/opengraph-image.tsx and the post's) only name the
// words. In a build, a card's route costs 10 ms of CPU with Takumi against 26 with Next.js's
// ImageResponse (satori's SVG, drawn by sharp), whose cards were a fifth of the CPU of a cold
// build's pages (docs/benchmarks.md). Takumi's cards are also a third of the bytes.

const PADDING = 80;
const TITLE_WIDTH = OG_IMAGE_SIZE.width - 2 * PADDING;

const FONT_FAMILY = 'Noto Sans SC';

let renderer: Promise<Renderer> | undefined;

/** One renderer per process, its font parsed once, for every card. */
function cardRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const created = new Renderer();
    await created.registerFont({ name: FONT_FAMILY, data: ogFontData, weight: 700, style: 'normal' });
    return created;
  })();
  return renderer;
}

type TitleSize = { fontSize: number; lines: number };

/** Largest first: the first size at which the title fits its lines, else the smallest, clamped with "…". */
const TITLE_SIZES: readonly TitleSize[] = [
  { fontSize: 76, lines: 2 },
  { fontSize: 64, lines: 3 },
];
const SMALLEST_TITLE: TitleSize = { fontSize: 52, lines: 4 };

/** A rough line count: CJK and full-width characters are one em wide, other characters about half. */
function estimatedLines(title: string, fontSize: number): number {
  const ems = [...title].reduce((sum, char) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char) ? 1 : 0.56), 0);
  return Math.ceil((ems * fontSize) / TITLE_WIDTH);
}

function titleSize(title: string): TitleSize {
  return TITLE_SIZES.find(({ fontSize, lines }) => estimatedLines(title, fontSize) <= lines) ?? SMALLEST_TITLE;
}

/**
 * A light card: the site's name in the accent colour, the title large, date or description below.
 * The background is one colour: a gradient (white to this pale blue, tried) made every card a
 * third dearer to draw and to compress (29 against 18 ms of CPU a card with satori), for a shade no
 * one sees.
 */
function cardElement(text: CardText) {
  const title = drawableText(text.title);
  const { fontSize, lines } = titleSize(title);
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: PADDING,
        background: '#f8fcff',
        borderTop: '16px solid #0369a1',
        color: '#0f172a',
        fontFamily: FONT_FAMILY,
      }}
    >
      {/* Kept without a kicker (an empty text would collapse it): the title then stands between it and the footer. */}
      <div style={{ display: 'flex', fontSize: 34, color: '#0369a1' }}>{text.kicker ? drawableText(text.kicker) : null}</div>
      <div style={{ display: 'block', fontSize, lineHeight: 1.3, lineClamp: lines, wordBreak: 'break-word' }}>{title}</div>
      <div style={{ display: 'block', fontSize: 30, color: '#475569', lineClamp: 2 }}>{drawableText(text.footer)}</div>
    </div>
  );
}

let fontKey: string | undefined;

/**
 * What shapes every card besides its words: the font, and the code that draws it, its size and
 * the renderer's version (every file under lib/ and the lockfile, in the pipeline's key).
 */
function cardDesignKey(): string {
  fontKey ??= createHash('sha256').update(ogFontData).digest('hex');
  return `${fontKey}:${currentPipelineKey()}`;
}

/**
 * The card as a PNG. A production build keeps each card in the disk cache (see lib/disk-cache.ts),
 * so a rebuild draws only the cards whose words changed.
 */
export async function ogCardResponse(text: CardText): Promise<Response> {
  const cacheable = process.env.NODE_ENV === 'production';
  const name = cacheEntryName([cardDesignKey(), JSON.stringify(text)], 'png');
  let png = cacheable ? readCacheEntry(pipelineCacheKind('og'), name) : undefined;
  if (!png) {
    const { node, css } = await fromJsx(cardElement(text));
    png = await (await cardRenderer()).render(node, { ...OG_IMAGE_SIZE, css, format: 'png' });
    if (cacheable) writeCacheEntry(pipelineCacheKind('og'), name, png);
  }
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': OG_IMAGE_TYPE } });
}
