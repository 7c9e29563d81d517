import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCHMARKS_DOC = 'docs/benchmarks.md';

// Taken when the tool starts: a busy machine (other builds) makes every number below worse.
const loadAverageAtStart = os.loadavg()[0] ?? 0;

function packageVersion(projectDir: string, name: string): string {
  const { version } = JSON.parse(readFileSync(path.join(projectDir, 'node_modules', name, 'package.json'), 'utf8'));
  return String(version);
}

/** The machine and versions a run measured, for the heading of its numbers. */
export function machineLine(projectDir: string): string {
  const cpus = os.cpus();
  const memory = (os.totalmem() / 2 ** 30).toFixed(1);
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${memory} GiB memory`,
    `${os.type()} ${os.release()}`,
    `load average ${loadAverageAtStart.toFixed(1)} when the run began`,
    `Node ${process.version}`,
    `Next.js ${packageVersion(projectDir, 'next')}`,
    `React ${packageVersion(projectDir, 'react')}`,
  ].join(', ');
}

export function today(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A measurement beside its target: `0.8 ✓` or `1.4 ✗`. */
export function checked(text: string, ok: boolean): string {
  return `${text} ${ok ? '✓' : '✗'}`;
}

export const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * Writes `body` between `<!-- name:begin -->` and `<!-- name:end -->` in docs/benchmarks.md,
 * replacing what a previous run wrote there (or appending the section), and leaves the rest alone.
 */
export function writeDocSection(projectDir: string, name: string, body: string): string {
  const file = path.join(projectDir, BENCHMARKS_DOC);
  const [begin, end] = [`<!-- ${name}:begin -->`, `<!-- ${name}:end -->`];
  const section = `${begin}\n${body.trim()}\n${end}`;
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  const updated = from >= 0 && to > from ? doc.slice(0, from) + section + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${section}\n`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, updated);
  return file;
}
