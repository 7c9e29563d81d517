import 'server-only';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGE_SCRIPTS } from './page-scripts';
import { pinPageScripts } from './security-policy';
import { languageChooserScript, REDIRECT_SCRIPT } from './static-export';

// Each built page gets its own policy for its inline scripts (pinPageScripts). Pinning a page
// after the build meant reading and writing every page again (a cold build of 1,000 posts: 1,671
// pages, 3.2 s, nearly all of it reading and writing files). In `npm run build`, Next.js's export
// worker (patches/next+16.4.6.patch) pins each page as it writes it, through the function
// registered below, and lists what it found in BLOG_PINNED_PAGES_DIR; the pinning step after the
// build (scripts/pin-pages.ts) then reads only the pages no worker pinned.

/** Every inline script the site writes: its pages', the static export's language chooser and redirects. */
export function siteOwnScripts(): string[] {
  return [...PAGE_SCRIPTS, languageChooserScript(), REDIRECT_SCRIPT];
}

/** The policy `ownScripts` gives, as an id: what pinning found holds only for the policy it was found with. */
export function pinningPolicyId(ownScripts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify([ownScripts, pinPageScripts('<head></head>', ownScripts).html])).digest('hex');
}

/** What a worker found pinning one page: the page (relative to .next/server), its size as written, and for which policy. */
export type WorkerPinning = { file: string; size: number; policy: string; hashes: number; unknown: string[] };

const PIN_PAGE = Symbol.for('bilingual-blog.pin-page');

type PinPage = (html: string, file: string) => { html: string; size: number; policy: string; hashes: number; unknown: string[] };

/**
 * Lets Next.js's export worker pin each page as it writes it (the worker looks the function up
 * when it writes a page's HTML; a worker that has not loaded a page with it leaves the page to
 * the pinning step). Called by the root layout, which every page of the site renders.
 */
export function registerPagePinning(): void {
  const slots = globalThis as typeof globalThis & { [PIN_PAGE]?: PinPage };
  if (slots[PIN_PAGE]) return;
  const ownScripts = siteOwnScripts();
  const policy = pinningPolicyId(ownScripts);
  slots[PIN_PAGE] = (html, file) => {
    try {
      const page = pinPageScripts(html, ownScripts);
      return { ...page, size: Buffer.byteLength(page.html), policy };
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/** What the workers of this build found, by page, from the `<pid>.jsonl` files they wrote in `dir`. */
export function readWorkerPinnings(dir: string): Map<string, WorkerPinning> {
  const pinnings = new Map<string, WorkerPinning>();
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return pinnings;
  }
  for (const name of files) {
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (!line) continue;
      try {
        const pinning = JSON.parse(line) as WorkerPinning;
        pinnings.set(pinning.file, pinning);
      } catch {
        // A line cut short by a stopped worker: that page is read and pinned by the step.
      }
    }
  }
  return pinnings;
}
