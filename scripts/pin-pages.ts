import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pinningPolicyId, type WorkerPinning } from '../lib/page-pinning';
import { pinPageScripts } from '../lib/security-policy';

/** What pinning one page found: how many scripts its policy names, and the inline scripts it does not know. */
export type PinnedPage = { hashes: number; unknown: string[] };

/**
 * A page as it was left pinned: its file (inode, size, time) and what pinning it found. A page
 * the next build renders again is a new file (the last build's are moved aside first); one it
 * takes back is the same file, renamed back.
 */
type PinnedRecord = PinnedPage & { ino: number; size: number; mtimeMs: number };

type PinnedRecords = { policy: string; pages: Record<string, PinnedRecord> };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function readRecords(file: string | undefined, policy: string): Record<string, PinnedRecord> {
  if (!file || !existsSync(file)) return {};
  try {
    const records = JSON.parse(readFileSync(file, 'utf8')) as PinnedRecords;
    return records.policy === policy ? records.pages : {};
  } catch {
    // A record cut short by a stopped build: every page is read again.
    return {};
  }
}

/**
 * Gives every prerendered page under `root` its own policy for its inline scripts
 * (pinPageScripts). With `recordFile`, what pinning each page found is kept there with its file's
 * identity: a page the build took back from the last one (the same file, renamed back, unchanged
 * since it was pinned) is not read again, and its unknown scripts are reported as before. The
 * record holds for the policy it was made with (the site's own scripts and settings). A page in
 * `pinnedByWorkers` (pinned by the build's worker as it wrote it, lib/page-pinning.ts) is not read
 * either, if it has the size the worker wrote and the same policy.
 */
export function pinPages(
  root: string,
  ownScripts: readonly string[],
  recordFile?: string,
  pinnedByWorkers: ReadonlyMap<string, WorkerPinning> = new Map(),
): Map<string, PinnedPage & { read: boolean; byWorker?: true }> {
  const policy = pinningPolicyId(ownScripts);
  const known = readRecords(recordFile, policy);
  const pages = new Map<string, PinnedPage & { read: boolean; byWorker?: true }>();
  const records: Record<string, PinnedRecord> = {};
  for (const file of htmlFiles(root)) {
    const name = path.relative(root, file);
    const before = statSync(file);
    const record = known[name];
    if (record && record.ino === before.ino && record.size === before.size && record.mtimeMs === before.mtimeMs) {
      pages.set(name, { hashes: record.hashes, unknown: record.unknown, read: false });
      records[name] = record;
      continue;
    }
    const pinned = pinnedByWorkers.get(name);
    if (pinned && pinned.policy === policy && pinned.size === before.size) {
      pages.set(name, { hashes: pinned.hashes, unknown: pinned.unknown, read: false, byWorker: true });
      records[name] = { hashes: pinned.hashes, unknown: pinned.unknown, ino: before.ino, size: before.size, mtimeMs: before.mtimeMs };
      continue;
    }
    const html = readFileSync(file, 'utf8');
    const page = pinPageScripts(html, ownScripts);
    if (page.html !== html) writeFileSync(file, page.html);
    const after = page.html !== html ? statSync(file) : before;
    pages.set(name, { hashes: page.hashes, unknown: page.unknown, read: true });
    records[name] = { hashes: page.hashes, unknown: page.unknown, ino: after.ino, size: after.size, mtimeMs: after.mtimeMs };
  }
  if (recordFile) {
    mkdirSync(path.dirname(recordFile), { recursive: true });
    const partial = `${recordFile}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify({ policy, pages: records } satisfies PinnedRecords));
    renameSync(partial, recordFile);
  }
  return pages;
}
