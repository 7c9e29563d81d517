// Search over a language's index, in the reader's browser. Matching is by substring after Unicode
// (NFKC) and case folding, so Chinese finds any run of characters, whatever the word boundaries,
// and Latin finds words and their beginnings. Every term of the query must match somewhere.

export type SearchDocument = {
  url: string;
  title: string;
  /** `YYYY-MM-DD`, for ordering. */
  date: string;
  /** The date as the post shows it. */
  dateLabel: string;
  summary: string;
  /** Category and tag names. */
  terms: string[];
  headings: string[];
  /** The body's text, without code blocks. */
  text: string;
};

export type SearchIndex = { lang: string; documents: SearchDocument[] };

/**
 * What the site serves, in two files: the documents without their body text (`search.json`,
 * small, enough to find titles, tags, headings and summaries at once), and the body texts by
 * URL (`search-text.json`, most of the weight), which complete the results when they arrive.
 */
export type SearchIndexFile = { lang: string; documents: Array<Omit<SearchDocument, 'text'>> };
export type SearchTextFile = { lang: string; texts: Record<string, string> };

/** The index to search: the documents with their body text when it has arrived, else without. */
export function withTexts(index: SearchIndexFile, texts?: SearchTextFile): SearchIndex {
  return { lang: index.lang, documents: index.documents.map((document) => ({ ...document, text: texts?.texts[document.url] ?? '' })) };
}

/** A piece of shown text, marked when it matches the query. */
export type Highlighted = Array<{ text: string; match: boolean }>;

export type SearchResult = {
  document: SearchDocument;
  title: Highlighted;
  /** The best place in the summary or body, cut around the first match. */
  snippet: Highlighted;
  score: number;
};

const FIELD_WEIGHTS = { title: 12, terms: 8, headings: 5, summary: 3, text: 1 } as const;
const SNIPPET_LENGTH = 120;

export function normalize(value: string): string {
  return value.normalize('NFKC').toLowerCase();
}

/** The distinct terms of a query, longest first. */
export function queryTerms(query: string): string[] {
  const terms = normalize(query).split(/\s+/).filter(Boolean);
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

export function search(index: SearchIndex, query: string, limit = 20): SearchResult[] {
  const terms = queryTerms(query);
  if (!terms.length) return [];
  const results: SearchResult[] = [];
  for (const document of index.documents) {
    const score = scoreDocument(document, terms);
    if (score > 0) results.push({ document, score, title: highlight(document.title, terms), snippet: snippet(document, terms) });
  }
  return results.sort((a, b) => b.score - a.score || b.document.date.localeCompare(a.document.date)).slice(0, limit);
}

type FoldedFields = Record<keyof typeof FIELD_WEIGHTS, string>;
const foldedDocuments = new WeakMap<SearchDocument, FoldedFields>();

/** The document's fields folded for matching, once per document rather than per keystroke. */
function foldedFields(document: SearchDocument): FoldedFields {
  let fields = foldedDocuments.get(document);
  if (!fields) {
    fields = {
      title: normalize(document.title),
      terms: normalize(document.terms.join('\n')),
      headings: normalize(document.headings.join('\n')),
      summary: normalize(document.summary),
      text: normalize(document.text),
    };
    foldedDocuments.set(document, fields);
  }
  return fields;
}

function scoreDocument(document: SearchDocument, terms: readonly string[]): number {
  const fields = foldedFields(document);
  let score = 0;
  for (const term of terms) {
    let best = 0;
    for (const [field, weight] of Object.entries(FIELD_WEIGHTS) as Array<[keyof FoldedFields, number]>) {
      if (weight > best && fields[field].includes(term)) best = weight;
    }
    if (!best) return 0;
    score += best + Math.min(occurrences(fields.text, term), 10) * 0.1;
  }
  return score;
}

function occurrences(text: string, term: string): number {
  let count = 0;
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) count++;
  return count;
}

/**
 * `text` folded as `normalize` folds it, with where each folded unit came from, so matches found in
 * the folded text can be marked in the original (folding `…` or `ﬁ` changes the length).
 */
function foldWithSources(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let position = 0;
  for (const character of text) {
    const piece = normalize(character);
    for (let i = 0; i < piece.length; i++) {
      from.push(position);
      to.push(position + character.length);
    }
    folded += piece;
    position += character.length;
  }
  return { folded, from, to };
}

/** Where the terms occur in `text`, as [start, end) ranges of `text`, merged and sorted. */
function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  const { folded, from, to } = foldWithSources(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) {
      ranges.push([from[at] ?? 0, to[at + term.length - 1] ?? text.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

export function highlight(text: string, terms: readonly string[]): Highlighted {
  const parts: Highlighted = [];
  let position = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    if (start > position) parts.push({ text: text.slice(position, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    position = end;
  }
  if (position < text.length) parts.push({ text: text.slice(position), match: false });
  return parts;
}

/** The summary when it matches, else the stretch of body text around the first match, else the summary. */
function snippet(document: SearchDocument, terms: readonly string[]): Highlighted {
  if (matchRanges(document.summary, terms).length) return highlight(document.summary, terms);
  const first = matchRanges(document.text, terms)[0];
  if (!first) return highlight(document.summary, terms);
  return highlight(excerpt(document.text, first[0]), terms);
}

/**
 * About SNIPPET_LENGTH characters of `text` around `at`, starting and ending on a word boundary
 * for Latin text, never inside a surrogate pair, with ellipses where it was cut.
 */
export function excerpt(text: string, at: number): string {
  let start = Math.max(0, at - SNIPPET_LENGTH / 3);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    if (space !== -1 && start - space < 15) start = space + 1;
    else if (isLowSurrogate(text.charCodeAt(start))) start++;
  }
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    if (space !== -1 && space - end < 15) end = space;
    else if (isLowSurrogate(text.charCodeAt(end))) end--;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
