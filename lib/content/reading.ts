/** Words and reading minutes of a text, right for Chinese, English and both mixed. */
export type ReadingStats = {
  /** Han characters (each one a word, as Chinese counts 字) plus words of other scripts. */
  words: number;
  minutes: number;
};

const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const OTHER_WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Reading speeds of technical prose: characters per minute for CJK, words per minute otherwise. */
const CJK_CHARACTERS_PER_MINUTE = 350;
const WORDS_PER_MINUTE = 220;

export function readingStats(text: string): ReadingStats {
  const han = text.match(HAN)?.length ?? 0;
  const other = text.replace(HAN, ' ').match(OTHER_WORD)?.length ?? 0;
  const minutes = Math.max(1, Math.round(han / CJK_CHARACTERS_PER_MINUTE + other / WORDS_PER_MINUTE));
  return { words: han + other, minutes };
}
