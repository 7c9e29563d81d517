import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { hugoFixtureSiteDir } from './hugo/fixture-site';

// Nothing of a draft, a scheduled or an expired post may reach any output a reader could fetch.

// A draft, a scheduled and an expired post in each site, by a marker in their text and by slug.
const MARKERS = [
  'DRAFT-MARKER-7c1f',
  'FUTURE-MARKER-93ab',
  'EXPIRED-MARKER-4b8e',
  'ambient-mesh-benchmarks',
  'wasm-component-model-preview',
  'gateway-api-office-hours',
];
const FIXTURE_MARKERS = [
  'FIXTURE-DRAFT-MARKER-1a9c',
  'FIXTURE-FUTURE-MARKER-6e0b',
  'EXPIRED-MARKER-5d2e',
  'draft-post',
  'future-post',
  'expired-post',
];

/** Every file of a build output, leaving out Next.js's compiler cache, `next dev`'s output and files still being written. */
function outputFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (['cache', 'dev', 'diagnostics'].includes(entry.name) && path.basename(dir) === '.next') continue;
      files.push(...outputFiles(full));
    } else if (entry.isFile() && !entry.name.endsWith('.tmp') && statSync(full).size < 20_000_000) {
      // A `.tmp` file is an entry `next start` is writing into its route cache while the other
      // tests run; it is renamed into place (and read here as such) or gone a moment later.
      files.push(full);
    }
  }
  return files;
}

function hits(dir: string, markers: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of outputFiles(dir)) {
    const text = readFileSync(file).toString('latin1') + readFileSync(file, 'utf8');
    for (const marker of markers) if (text.includes(marker)) found.push(`${path.relative(process.cwd(), file)}: ${marker}`);
  }
  return found;
}

test('the server build and the static export hold nothing of unpublished posts', () => {
  const files = outputFiles('.next').length + outputFiles('out').length;
  expect(files).toBeGreaterThan(200);
  // The search does find what is published.
  expect(hits('out', ['Writing Runbooks for the Engineer'])).not.toEqual([]);
  expect([...hits('.next', MARKERS), ...hits('out', MARKERS)]).toEqual([]);
});

test('nor does the build of the imported Hugo site', () => {
  expect(hits(path.join(hugoFixtureSiteDir, '.next'), FIXTURE_MARKERS)).toEqual([]);
});
