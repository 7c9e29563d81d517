/**
 * Writes the font of the OpenGraph cards, assets/fonts/noto-sans-sc-bold-og.ttf, and its licence.
 * Noto Sans SC Bold (SIL Open Font License 1.1) comes from the npm package below, fetched with
 * `npm pack` into a temporary folder; the site never downloads a font at build or run time.
 *
 * The full font is 10 MB. The card needs ASCII, Latin-1, general, CJK and full-width punctuation,
 * the 6763 hanzi of GB2312, and every character the cards of the current posts show. Run it again
 * when `npm run check` reports a title character the font lacks.
 *
 *   npm run og-font
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';
import { homeCardText, postCardText, type CardText } from '../lib/og/card';
import { OG_FONT_FILE, OG_FONT_LICENSE_FILE } from '../lib/og/font-file';
import { defaultContentOptions, loadContent } from '../lib/content/load';
import { languages } from '../lib/site-config';

const SOURCE_PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const SOURCE_FONT = 'package/700Bold/NotoSansSC_700Bold.ttf';
const SOURCE_LICENSE = 'package/LICENSE_FONT';

function range(first: number, last: number): string {
  return String.fromCodePoint(...Array.from({ length: last - first + 1 }, (_, index) => first + index));
}

/** The 6763 hanzi of GB2312: rows 0xB0-0xF7 of the encoding, 94 cells each (a few are empty). */
function gb2312Hanzi(): string {
  const decoder = new TextDecoder('gb18030');
  let text = '';
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) text += decoder.decode(new Uint8Array([row, cell]));
  }
  return [...text].filter((char) => /\p{Script=Han}/u.test(char)).join('');
}

function cardCharacters(): string {
  const content = loadContent({ ...defaultContentOptions(), includeUnpublished: true });
  const cards: CardText[] = languages.flatMap((lang) => [homeCardText(lang), ...content.posts[lang].map(postCardText)]);
  return cards.map(({ kicker = '', title, footer }) => kicker + title + footer).join('');
}

const hanzi = gb2312Hanzi();
if ([...hanzi].length !== 6763) throw new Error(`expected the 6763 hanzi of GB2312, decoded ${[...hanzi].length}`);

const characters = new Set([
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  ...range(0x2000, 0x206f),
  ...range(0x3000, 0x303f),
  ...range(0xff01, 0xff5e),
  ...range(0xffe0, 0xffe6),
  ...hanzi,
  ...cardCharacters(),
]);

const work = mkdtempSync(path.join(tmpdir(), 'og-font-'));
try {
  execFileSync('npm', ['pack', SOURCE_PACKAGE, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${SOURCE_PACKAGE} wrote no tarball`);
  execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work, SOURCE_FONT, SOURCE_LICENSE]);
  const source = readFileSync(path.join(work, SOURCE_FONT));
  const subset = await subsetFont(source, [...characters].join(''), {
    targetFormat: 'sfnt',
    // Satori lays text out itself and uses kerning only; hinting does not matter at card sizes.
    keepFeatures: ['kern'],
    noLayoutClosure: true,
    noHinting: true,
  });
  writeFileSync(OG_FONT_FILE, subset);
  copyFileSync(path.join(work, SOURCE_LICENSE), OG_FONT_LICENSE_FILE);
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
  console.log(`${OG_FONT_FILE}: ${characters.size} characters asked for, ${kb(subset.length)} (from ${kb(source.length)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
