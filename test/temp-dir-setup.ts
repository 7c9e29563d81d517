import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The unit tests make thousands of temporary sites, caches and copies (makeSite, mkdtemp), and the
 * build tests copies of the project. They go under one folder per run, which the run removes when
 * it ends, instead of piling up in /tmp or meeting another run's under the same name.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'blog-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
