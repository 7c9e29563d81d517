/**
 * Work to undo however the script ends: servers and builds to kill, temporary folders to remove.
 * Tasks run in reverse order on exit, and on Ctrl-C or SIGTERM before exiting.
 */
const tasks = new Set<() => void>();

export function onExit(task: () => void): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

function runAll(): void {
  for (const task of [...tasks].reverse()) {
    try {
      task();
    } catch (error) {
      console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  tasks.clear();
}

process.on('exit', runAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    runAll();
    process.exit(130);
  });
}

/** Signals a whole process group (a child spawned with `detached: true` leads its own). */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group has already ended.
    if (!(error instanceof Error && 'code' in error && error.code === 'ESRCH')) throw error;
  }
}
