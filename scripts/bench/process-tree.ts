import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** `pid` and every process below it, from the parent ids in /proc/<pid>/stat. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(`/proc/${entry}/stat`);
    // The command name may hold spaces and parentheses: the fields after it start past the last ')'.
    const ppid = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] as number) ?? []));
  return tree;
}

/** Resident memory of one process in bytes, 0 once it is gone. */
export function rssBytes(pid: number): number {
  const kilobytes = readProc(`/proc/${pid}/status`)?.match(/^VmRSS:\s+(\d+) kB/m)?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : 0;
}

export function treeRssBytes(pid: number): number {
  return processTree(pid).reduce((sum, member) => sum + rssBytes(member), 0);
}

/** The process of the tree whose command line starts with `name` (Next renames its server so). */
export function findInTree(pid: number, name: string): number | undefined {
  return processTree(pid).find((member) => readProc(`/proc/${member}/cmdline`)?.startsWith(name));
}

/** Polls the summed RSS of a process tree every `intervalMs` and keeps the peak. */
export function watchPeakRss(pid: number, intervalMs = 100): { stop: () => number } {
  let peak = treeRssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(pid));
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

let ticksPerSecond: number | undefined;

/** The clock ticks /proc counts times in (USER_HZ: 100 a second on x86 and Arm Linux). */
function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
  return ticksPerSecond;
}

/**
 * CPU seconds (user and system, every thread) of the children this process has waited for, and
 * theirs in turn: the build's steps, Next.js's workers, Hugo. The difference across a build is the
 * work it did, which moves less with other load on the machine than its wall time does.
 */
export function reapedChildrenCpuSeconds(): number {
  // Asked first: the getconf it may run is then reaped before the times are read.
  const ticks = clockTicksPerSecond();
  const stat = readProc('/proc/self/stat') ?? '';
  // Fields from the state on (the 3rd): cutime and cstime are the 16th and 17th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / ticks;
}
