/** One thing wrong with one content file, said so the author can fix it. */
export type ContentProblem = {
  /** Path relative to the project root, e.g. `posts/en/hello.md`. */
  file: string;
  line?: number;
  field?: string;
  message: string;
  /**
   * A defect Hugo builds anyway (a key written twice, a missing image, an alias claimed twice):
   * the site resolves it as Hugo does and builds, unless the author turns `strict` on.
   */
  tolerated?: true;
  /** Worth telling, but the page is built as the author meant it (an unknown shortcode, say). */
  warning?: true;
};

/** Whether a problem keeps its post out of the site (and so fails a build). */
export function isFatal(problem: Pick<ContentProblem, 'tolerated' | 'warning'>): boolean {
  return !problem.tolerated && !problem.warning;
}

/** The defects Hugo tolerates, which fail the build only in strict mode. */
export function toleratedDefects(problems: readonly ContentProblem[]): ContentProblem[] {
  return problems.filter((problem) => problem.tolerated);
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}:${field} ${problem.message}`;
}

/** Every problem found in one pass over the content, so the author can fix them all at once. */
export class ContentError extends Error {
  // Private, with a getter: a build prints the error with its own properties, and the message
  // already lists every problem once.
  readonly #problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Content has ${count}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.#problems = problems;
  }

  get problems(): readonly ContentProblem[] {
    return this.#problems;
  }
}

/**
 * Problems as an author reads a long report: one line per message said more than once, with how
 * many times and the first places it was found; a message said once, as it is.
 */
export function groupedProblemLines(problems: readonly ContentProblem[], examples = 3): string[] {
  const byMessage = new Map<string, ContentProblem[]>();
  for (const problem of problems) {
    const kind = `${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
    byMessage.set(kind, [...(byMessage.get(kind) ?? []), problem]);
  }
  const lines: string[] = [];
  for (const [kind, group] of byMessage) {
    const [first] = group;
    if (group.length === 1 && first) {
      lines.push(formatProblem(first));
      continue;
    }
    const places = group.slice(0, examples).map((problem) => (problem.line ? `${problem.file}:${problem.line}` : problem.file));
    lines.push(`${group.length} × ${kind}: ${places.join(', ')}${group.length > examples ? ', …' : ''}`);
  }
  return lines;
}
