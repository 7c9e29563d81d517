import type { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

// What each page of a production build read through the content layer's front door, so that the
// next build can take back a page whose reads all give what they gave, instead of rendering it
// again. Next.js's export worker (patches/next+16.4.6.patch) runs each page with a store in the
// AsyncLocalStorage below and keeps the page's reads with its files; before rendering a page the
// next time, it asks `fingerprint` for each read again (see registerPageReads).
//
// A read is the front-door call and its arguments; its fingerprint is the hash of what the call
// returned (posts hashed by every field, body facts included), or, for a post's compiled body and
// feed HTML, of the post and the files of its images. Only the outermost call is a read: the
// posts getAdjacentPosts looks through are not what the page shows. Anything else a page's output
// depends on is the compiled site (every file of the compile) or the app's key below.

type PageStore = { reads: Map<string, string>; reusable: boolean };

const PAGE_READS = Symbol.for('bilingual-blog.page-reads');
const PAGE_INPUTS = Symbol.for('bilingual-blog.page-inputs');

type Slots = typeof globalThis & {
  [PAGE_READS]?: AsyncLocalStorage<PageStore>;
  [PAGE_INPUTS]?: { key: () => string; fingerprint: (read: string) => string | undefined };
};

const slots = globalThis as Slots;

/** Front-door calls in progress: a call made by another (getPostPage's getPosts) is not a read. */
let depth = 0;

function currentPage(): PageStore | undefined {
  return depth === 0 ? slots[PAGE_READS]?.getStore() : undefined;
}

const objectHashes = new WeakMap<object, string>();

/**
 * A hash of a value's every field, getters included, in order: what a page shows of it cannot
 * change without it changing. A frozen object (a post) is hashed once: the content layer never
 * changes one after making it.
 */
export function fingerprintOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'function';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const known = objectHashes.get(value);
  if (known) return known;
  let text: string;
  if (Array.isArray(value)) text = `[${value.map(fingerprintOf).join(',')}]`;
  else if (value instanceof Map) text = `Map[${[...value].map(([key, item]) => `${fingerprintOf(key)}:${fingerprintOf(item)}`).join(',')}]`;
  else if (value instanceof Set) text = `Set[${[...value].map(fingerprintOf).join(',')}]`;
  else if (value instanceof Date) text = `Date(${value.getTime()})`;
  else text = `{${Object.keys(value).map((key) => `${JSON.stringify(key)}:${fingerprintOf((value as Record<string, unknown>)[key])}`).join(',')}}`;
  const hash = createHash('sha256').update(text).digest('base64url');
  if (Object.isFrozen(value)) objectHashes.set(value, hash);
  return hash;
}

/** An argument as a read names it: a post, page or item by where it is, anything else as JSON. */
export type ArgumentCodec = {
  encode: (value: unknown) => unknown;
  decode: (value: unknown) => unknown;
};

type Reader = { call: (...args: unknown[]) => unknown; fingerprint: (result: unknown, args: unknown[]) => string };

const readers = new Map<string, Reader>();

/**
 * A front-door function whose result a page reads: each outermost call during a page's render is
 * kept with the fingerprint of what it returned (or `fingerprint`'s, given the result and the
 * arguments).
 */
export function pageRead<A extends unknown[], R>(name: string, call: (...args: A) => R, codec: ArgumentCodec, fingerprint: (result: R, args: A) => string = fingerprintOf): (...args: A) => R {
  readers.set(name, { call: call as Reader['call'], fingerprint: fingerprint as Reader['fingerprint'] });
  return (...args: A) => {
    const page = currentPage();
    depth++;
    let result: R;
    try {
      result = call(...args);
    } finally {
      depth--;
    }
    if (page) page.reads.set(JSON.stringify([name, ...args.map(codec.encode)]), fingerprint(result, args));
    return result;
  };
}

/**
 * A read known from its arguments alone (a post's compiled body: `fingerprint` hashes the post
 * and its images), kept when the call starts; the next build checks it without making the body.
 */
export function pageReadOf<A extends unknown[], R>(name: string, call: (...args: A) => R, codec: ArgumentCodec, fingerprint: (...args: A) => string): (...args: A) => R {
  readers.set(name, { call: () => undefined, fingerprint: (_result, args) => fingerprint(...(args as A)) });
  return (...args: A) => {
    currentPage()?.reads.set(JSON.stringify([name, ...args.map(codec.encode)]), fingerprint(...args));
    return call(...args);
  };
}

/** Marks the page being rendered as one to render again in every build. */
export function pageNotReusable(): void {
  const page = slots[PAGE_READS]?.getStore();
  if (page) page.reusable = false;
}

/**
 * Tells Next.js's export worker how to check a page's reads: each read called again, outside any
 * page, and fingerprinted as it was; `key` is what every page depends on besides its reads and the
 * compiled site.
 */
export function registerPageReads(codec: ArgumentCodec, key: () => string): void {
  slots[PAGE_INPUTS] = {
    key,
    fingerprint(read) {
      try {
        const [name, ...encoded] = JSON.parse(read) as [string, ...unknown[]];
        const reader = readers.get(name);
        if (!reader) return undefined;
        const args = encoded.map(codec.decode);
        if (args.includes(MISSING)) return undefined;
        return reader.fingerprint(reader.call(...args), args);
      } catch {
        return undefined;
      }
    },
  };
}

/** What an argument decodes to when what it named is gone (a post since removed). */
export const MISSING = Symbol('missing');
