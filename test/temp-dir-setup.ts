import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The unit tests make thousands of temporary sites, caches and copies (makeSite, mkdtemp). They go
 * under one folder per run, which the run removes when it ends, instead of piling up in /tmp.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'blog-unit-tests-'));
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
