/**
 * The code points a TrueType or OpenType font maps to a glyph, read from its `cmap` table: the
 * Unicode subtables in format 4 (the Basic Multilingual Plane) and format 12 (all planes).
 */
export function fontCodePoints(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, 'cmap');
  const codePoints = new Set<number>();
  const subtableCount = view.getUint16(cmap + 2);
  for (let index = 0; index < subtableCount; index++) {
    const record = cmap + 4 + index * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const isUnicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!isUnicode) continue;
    const subtable = cmap + view.getUint32(record + 4);
    const format = view.getUint16(subtable);
    if (format === 4) readFormat4(view, subtable, codePoints);
    else if (format === 12) readFormat12(view, subtable, codePoints);
  }
  return codePoints;
}

function tableOffset(view: DataView, wanted: string): number {
  const tableCount = view.getUint16(4);
  for (let index = 0; index < tableCount; index++) {
    const record = 12 + index * 16;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((byte) => view.getUint8(record + byte)));
    if (tag === wanted) return view.getUint32(record + 8);
  }
  throw new Error(`the font has no ${wanted} table`);
}

/** Segments of 16-bit code points, each mapped by a delta or through a glyph array (0: no glyph). */
function readFormat4(view: DataView, subtable: number, into: Set<number>): void {
  const segments = view.getUint16(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + segments * 2 + 2;
  const deltas = startCodes + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  for (let segment = 0; segment < segments; segment++) {
    const end = view.getUint16(endCodes + segment * 2);
    const start = view.getUint16(startCodes + segment * 2);
    const delta = view.getUint16(deltas + segment * 2);
    const rangeOffsetAt = rangeOffsets + segment * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeOffsetAt + rangeOffset + (code - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) into.add(code);
    }
  }
}

/** Groups of consecutive code points mapped to consecutive glyphs. */
function readFormat12(view: DataView, subtable: number, into: Set<number>): void {
  const groups = view.getUint32(subtable + 12);
  for (let group = 0; group < groups; group++) {
    const record = subtable + 16 + group * 12;
    const start = view.getUint32(record);
    const end = view.getUint32(record + 4);
    const firstGlyph = view.getUint32(record + 8);
    for (let code = start; code <= end; code++) {
      if (firstGlyph + (code - start) !== 0) into.add(code);
    }
  }
}
