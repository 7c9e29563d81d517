import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fontCodePoints } from './cmap';

/**
 * The cards' one font (OG_FONT_FILE), read once per process from the project root, where builds,
 * `next start`, npm scripts and tests run. Turbopack traces the file only when the path is
 * written out here: through a constant, it would trace the whole project.
 */
export const ogFontData: Buffer = readFileSync(path.join(process.cwd(), 'assets/fonts/noto-sans-sc-bold-og.ttf'));

const codePoints = fontCodePoints(ogFontData);

function isDrawable(char: string): boolean {
  return codePoints.has(char.codePointAt(0) ?? 0);
}

/** The distinct characters of `text` the card font has no glyph for, in order of appearance. */
export function missingOgCharacters(text: string): string[] {
  return [...new Set([...text].filter((char) => !isDrawable(char)))];
}

/**
 * `text` without the characters the font lacks. For those, the card renderer would fetch a font
 * from Google Fonts (or an emoji from a CDN), and this site never downloads a font.
 */
export function drawableText(text: string): string {
  return [...text].filter(isDrawable).join('');
}
