import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Result } from 'autocannon';
import { onExit, signalGroup } from './cleanup';

export type CannonOptions = {
  url: string;
  connections: number;
  duration: number;
  /** Seconds of the same load first, not counted. */
  warmup?: number;
  /** Paths to cycle through; without them every request goes to `url`. */
  paths?: string[];
};

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Record<string, number>;
};

/** Runs autocannon from a separate process (scripts/bench/cannon.ts) and summarises its result. */
export async function runCannon(options: CannonOptions): Promise<LoadResult> {
  const script = path.join(import.meta.dirname, 'cannon.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(options)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the load generator');
  const forget = onExit(() => signalGroup(pid, 'SIGKILL'));
  let output = '';
  child.stdout.on('data', (data: Buffer) => (output += data.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  forget();
  if (code !== 0) throw new Error(`the load generator failed (exit ${code})`);
  const result: Result = JSON.parse(output);
  const statusCounts: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[status] = stats.count ?? 0;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCounts,
  };
}
