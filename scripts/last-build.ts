import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

// The last build's pages, between two builds. `next build` empties .next (all but its cache)
// before compiling; `npm run build` (scripts/build.ts) moves the last build's server output into
// .next/cache first, where the pages whose reads are unchanged are taken back from
// (patches/next+16.4.6.patch, lib/content/page-reads.ts), and removes what is left after the pages
// are made.

/** Where folders wait to be removed while the build goes on. */
export function staleBuildsDir(projectDir: string): string {
  return path.join(projectDir, '.next', 'cache', 'blog-stale');
}

/** Where the last build's .next/server waits while the pages are made. */
export function lastBuildDir(projectDir: string): string {
  return path.join(projectDir, '.next', 'cache', 'blog-last-build');
}

/** Where each page's reads are kept, with the files it was written to. */
export function pageReadsDir(projectDir: string): string {
  return path.join(projectDir, '.next', 'cache', 'blog-page-reads');
}

/** The list of pages' files a verifying build found unchanged (see BLOG_VERIFY_PAGE_REUSE). */
export function unchangedPagesFile(projectDir: string): string {
  return path.join(pageReadsDir(projectDir), 'unchanged.txt');
}

/** Renames a folder into the stale folder (at once), or does nothing if it is not there. */
function setAside(projectDir: string, dir: string): void {
  if (!existsSync(dir)) return;
  const stale = staleBuildsDir(projectDir);
  mkdirSync(stale, { recursive: true });
  renameSync(dir, path.join(stale, `${path.basename(dir)}-${Date.now()}-${process.pid}`));
}

/** Removes everything in the stale folder, while the caller goes on. */
function removeStale(projectDir: string): Promise<void> {
  const stale = staleBuildsDir(projectDir);
  const names = existsSync(stale) ? readdirSync(stale) : [];
  return Promise.all(names.map((name) => rm(path.join(stale, name), { recursive: true, force: true }))).then(() => undefined);
}

/**
 * Moves the last build's server output (.next/server: every prerendered page, some 23,000 files
 * for 1,000 posts) out of `next build`'s way at once, to where its unchanged pages are taken back
 * from; what an interrupted build left is removed while the build goes on. `next build` removed
 * those files one by one before compiling: 2-4 s of a rebuild of 1,000 posts on this machine.
 * Resolves when the leftovers are gone.
 */
export function keepLastBuild(projectDir: string): Promise<void> {
  setAside(projectDir, lastBuildDir(projectDir));
  const server = path.join(projectDir, '.next', 'server');
  if (existsSync(server)) {
    mkdirSync(lastBuildDir(projectDir), { recursive: true });
    renameSync(server, path.join(lastBuildDir(projectDir), 'server'));
  }
  rmSync(unchangedPagesFile(projectDir), { force: true });
  return removeStale(projectDir);
}

/**
 * Removes the kept reads of pages this build neither rendered nor took back (pages no longer in
 * the site: a removed post, a renamed tag): a rendered page's entry is written during the build,
 * and a page taken back has its entry's time set then (patches/next+16.4.6.patch). Returns how
 * many it removed.
 */
export function removeUnusedPageReads(projectDir: string, pagesStartedMs: number): number {
  const dir = pageReadsDir(projectDir);
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  let removed = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    if (statSync(file).mtimeMs >= pagesStartedMs) continue;
    rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

/** Removes what is left of the last build once the pages are made. */
export function removeLastBuild(projectDir: string): Promise<void> {
  setAside(projectDir, lastBuildDir(projectDir));
  return removeStale(projectDir);
}

/**
 * A React Server Components payload with its rows' numbers taken out: a render numbers the rows
 * in the order its parts finish (a body compiled in this build, rather than read from the cache,
 * finishes later and shifts the numbers of every row after it), and rows refer to each other by
 * number. Each reference is replaced by what it refers to, from the root row down.
 */
export function canonicalPayload(payload: Buffer): string {
  const rows = new Map<string, string>();
  const hints: string[] = [];
  let at = 0;
  while (at < payload.length) {
    const colon = payload.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = payload.toString('latin1', at, colon);
    if (payload[colon + 1] === 0x54 /* T */) {
      const comma = payload.indexOf(0x2c, colon);
      const length = parseInt(payload.toString('latin1', colon + 2, comma), 16);
      rows.set(id, JSON.stringify(['T', payload.toString('utf8', comma + 1, comma + 1 + length)]));
      at = comma + 1 + length;
      continue;
    }
    const newline = payload.indexOf(0x0a, colon);
    const end = newline < 0 ? payload.length : newline;
    const row = payload.toString('utf8', colon + 1, end);
    if (id === '') hints.push(row);
    else rows.set(id, row);
    at = end + 1;
  }
  const done = new Map<string, unknown>();
  const resolving = new Set<string>();
  const canonical = (id: string): unknown => {
    if (done.has(id)) return done.get(id);
    const row = rows.get(id);
    if (row === undefined || resolving.has(id)) return `#${id}`;
    resolving.add(id);
    const tag = /^[A-Z]/.test(row) && !row.startsWith('T') ? row[0] : '';
    let value: unknown;
    try {
      value = JSON.parse(tag ? row.slice(1) : row);
    } catch {
      value = row;
    }
    const replace = (item: unknown): unknown => {
      if (typeof item === 'string') {
        // `$<row>` or `$<letter><row>` ($L lazy, $@ promise...): rows are numbered in hex, so no
        // letter a-f starts a reference's kind.
        const reference = /^\$([A-Zg-z@]?)([0-9a-f]+)((?::.*)?)$/.exec(item);
        return reference && rows.has(reference[2]!) ? { [`$${reference[1]}`]: canonical(reference[2]!), path: reference[3] } : item;
      }
      if (Array.isArray(item)) return item.map(replace);
      if (item && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, replace(inner)]));
      return item;
    };
    const resolved = { tag, value: replace(value) };
    resolving.delete(id);
    done.set(id, resolved);
    return resolved;
  };
  return JSON.stringify({ hints: hints.sort(), root: canonical('0') });
}

/**
 * A page's file as the verifier compares it: a payload canonical (canonicalPayload), and in a
 * page's HTML the payload carried by its inline scripts, and the rest of the page without the
 * script hashes of its security policy, which follow from the scripts.
 */
export function comparableForm(file: string, bytes: Buffer): string {
  if (file.endsWith('.rsc')) return canonicalPayload(bytes);
  if (!file.endsWith('.html')) return bytes.toString('base64');
  let payload = '';
  const markup = bytes
    .toString('utf8')
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<script>self\.__next_f\.push\((\[.*?\])\)<\/script>/gs, (script, pushed: string) => {
      const [kind, chunk] = JSON.parse(pushed) as [number, string?];
      if (kind !== 1 || typeof chunk !== 'string') return script;
      payload += chunk;
      return '';
    });
  return `${markup}\n${canonicalPayload(Buffer.from(payload, 'utf8'))}`;
}

/**
 * The files of pages a verifying build rendered although their reads were unchanged, and which
 * came out different from the last build's: each is a read the content layer does not know of.
 */
export function changedUnchangedPages(projectDir: string): { checked: number; differing: string[] } {
  let listed: string[];
  try {
    listed = readFileSync(unchangedPagesFile(projectDir), 'utf8').split('\n').filter(Boolean);
  } catch {
    return { checked: 0, differing: [] };
  }
  const last = path.join(lastBuildDir(projectDir), 'server');
  const differing = listed.filter((file) => {
    try {
      const now = readFileSync(path.join(projectDir, '.next', 'server', file));
      const before = readFileSync(path.join(last, file));
      return !now.equals(before) && comparableForm(file, now) !== comparableForm(file, before);
    } catch {
      return true;
    }
  });
  return { checked: listed.length, differing };
}
