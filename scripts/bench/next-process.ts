import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { IMAGE_VARIANT_FOLDER } from '../../lib/urls';
import { onExit, signalGroup } from './cleanup';
import { findInTree, reapedChildrenCpuSeconds, watchPeakRss } from './process-tree';

/** The ports these tools may use, away from the test servers' 32xx. */
export const PORTS = { first: 3410, last: 3449 };

export const HOST = '127.0.0.1';

function nextBin(projectDir: string): string {
  return path.join(projectDir, 'node_modules/next/dist/bin/next');
}

export function nextEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `next <args>` as the leader of its own process group, killed with its group if we exit first. */
function spawnNext(projectDir: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): { child: ChildProcess; pid: number } {
  return spawnNode(projectDir, [nextBin(projectDir), ...args], env, logFile);
}

function spawnNode(projectDir: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): { child: ChildProcess; pid: number } {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: projectDir, env, detached: true, stdio: ['ignore', log, log] });
  const { pid } = child;
  if (pid === undefined) throw new Error(`could not start node ${args.join(' ')}`);
  const forget = onExit(() => signalGroup(pid, 'SIGKILL'));
  child.once('exit', forget);
  return { child, pid };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function tail(file: string, lines = 40): string {
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** `pages`: every output, the prerendered ones (`prerendered`) and the image copies; `cpuSeconds`: every process's. */
export type BuildResult = { seconds: number; cpuSeconds: number; peakRssBytes: number; pages: number; prerendered: number };

const imageCopiesOf = (projectDir: string) => path.join(projectDir, 'public', IMAGE_VARIANT_FOLDER);

/** What a cold build starts without: Next's .next (with every cache in it) and the image copies. */
export function removeBuildOutputs(projectDir: string): void {
  rmSync(path.join(projectDir, '.next'), { recursive: true, force: true });
  rmSync(imageCopiesOf(projectDir), { recursive: true, force: true });
}

/**
 * The site's build as `npm run build` makes it (scripts/build.ts: the image copies written to
 * public/_img, `next build` in two processes, its compilation and its pages, then the pinning of
 * page scripts), or a plain Next.js app's (`plainNext`: the floor apps of bench and bench:phone)
 * `next build` in the same two processes. Wall time, the peak summed RSS of each step and every
 * process it starts (polled from /proc), and the outputs: the prerendered ones in
 * prerender-manifest.json and the image copies.
 */
export async function nextBuild(projectDir: string, env: NodeJS.ProcessEnv, logFile: string, { plainNext = false } = {}): Promise<BuildResult> {
  const started = performance.now();
  const cpuBefore = reapedChildrenCpuSeconds();
  let peakRssBytes = 0;
  const steps: { name: string; args: string[] }[] = plainNext
    ? [
        { name: 'next build (compile)', args: [nextBin(projectDir), 'build', '--experimental-build-mode', 'compile'] },
        { name: 'next build (generate)', args: [nextBin(projectDir), 'build', '--experimental-build-mode', 'generate'] },
      ]
    : [{ name: 'npm run build', args: ['scripts/run.mjs', 'build'] }];
  for (const step of steps) {
    const { child, pid } = spawnNode(projectDir, step.args, env, logFile);
    const memory = watchPeakRss(pid);
    const code = await exited(child);
    peakRssBytes = Math.max(peakRssBytes, memory.stop());
    if (code !== 0) throw new Error(`${step.name} failed (exit ${code}) in ${projectDir}:\n${tail(logFile)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = reapedChildrenCpuSeconds() - cpuBefore;
  const { routes } = JSON.parse(readFileSync(path.join(projectDir, '.next/prerender-manifest.json'), 'utf8'));
  if (typeof routes !== 'object' || routes === null) throw new Error('.next/prerender-manifest.json has no routes');
  const copies = plainNext ? 0 : readdirSync(imageCopiesOf(projectDir)).length;
  const prerendered = Object.keys(routes).length;
  return { seconds, cpuSeconds, peakRssBytes, pages: prerendered + copies, prerendered };
}

export async function freePort(): Promise<number> {
  for (let port = PORTS.first; port <= PORTS.last; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, HOST, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port on ${HOST} between ${PORTS.first} and ${PORTS.last}`);
}

export type RunningServer = {
  url: string;
  /** The next-server process (Next renames the process it serves from). */
  serverPid: number;
  stop: () => Promise<void>;
};

/** `next start` on 127.0.0.1, resolved once it answers; stop() ends its whole process group. */
export async function startNextServer(projectDir: string, port: number, env: NodeJS.ProcessEnv, logFile: string): Promise<RunningServer> {
  if (!existsSync(path.join(projectDir, '.next/BUILD_ID'))) throw new Error(`${projectDir} has no build: run npm run build first`);
  const { child, pid } = spawnNext(projectDir, ['start', '-H', HOST, '-p', String(port)], env, logFile);
  const url = `http://${HOST}:${port}`;
  const stop = async () => {
    signalGroup(pid, 'SIGTERM');
    const timeout = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timeout);
    signalGroup(pid, 'SIGKILL'); // anything of the group still left
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${tail(logFile)}`);
    const ready = await fetch(`${url}/robots.txt`).then((response) => response.ok, () => false);
    if (ready) return { url, serverPid: findInTree(pid, 'next-server') ?? pid, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer on ${url} within 60 s:\n${tail(logFile)}`);
}

export type DevServer = { url: string; stop: () => Promise<void> };

/** `next dev` on localhost (dev resources answer localhost only); the caller times its first answers. */
export function startNextDev(projectDir: string, port: number, env: NodeJS.ProcessEnv, logFile: string): DevServer {
  const { child, pid } = spawnNext(projectDir, ['dev', '-p', String(port)], env, logFile);
  return {
    url: `http://localhost:${port}`,
    // As an author's Ctrl-C: every process of the group is asked to stop, and the server, which
    // writes Turbopack's cache to .next as it stops, is given the time to finish after `next dev`
    // itself has gone. Killed at once, it left the next start no cache to begin from.
    stop: async () => {
      signalGroup(pid, 'SIGTERM');
      if (!(await groupEnded(pid, 30_000))) signalGroup(pid, 'SIGKILL');
      await exited(child);
    },
  };
}

/** Whether every process of the group `pid` leads has ended within `timeoutMs`. */
async function groupEnded(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
