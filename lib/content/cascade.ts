import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, type PostSource } from './discover';
import type { ContentProblem } from './errors';
import { splitFrontMatter } from './front-matter';

type Values = Record<string, unknown>;

const SECTION_INDEXES = ['_index.md', '_index.mdx'];

/**
 * Hugo's `cascade`: front matter in a folder's `_index.md` that every post below the folder
 * inherits. Nearer folders win over farther ones, and a post's own values win over all.
 */
export class Cascade {
  private readonly valuesByDir = new Map<string, Values>();

  constructor(private readonly postsDir: string) {}

  inheritedBy(source: PostSource, problems: ContentProblem[]): Values {
    const folders: string[] = [];
    let dir = path.dirname(source.bundleDir ?? source.file);
    while (dir.startsWith(this.postsDir)) {
      folders.unshift(dir);
      if (dir === this.postsDir) break;
      dir = path.dirname(dir);
    }
    return Object.assign({}, ...folders.map((folder) => this.valuesOf(folder, problems)));
  }

  private valuesOf(dir: string, problems: ContentProblem[]): Values {
    const known = this.valuesByDir.get(dir);
    if (known) return known;
    const values = readCascade(dir, problems);
    this.valuesByDir.set(dir, values);
    return values;
  }
}

function readCascade(dir: string, problems: ContentProblem[]): Values {
  const index = SECTION_INDEXES.map((name) => path.join(/*turbopackIgnore: true*/ dir, name)).find((file) => existsSync(file));
  if (!index) return {};
  const file = displayPath(index);
  const split = splitFrontMatter(readFileSync(index, 'utf8'), file);
  if (!split.ok) {
    problems.push(...split.problems);
    return {};
  }
  const cascade = split.value.data.cascade;
  if (cascade === undefined) return {};
  // `cascade` is a map, or (Hugo 0.76+) a list of maps, each optionally limited by `_target`.
  const entries = Array.isArray(cascade) ? cascade : [cascade];
  const values: Values = {};
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ file, field: 'cascade', message: 'must be a map of front-matter values, e.g. cascade: { bg_image: "images/bg.jpg" }' });
      continue;
    }
    const { _target: target, ...rest } = entry as Values;
    if (target !== undefined && !targetsPages(target)) continue;
    Object.assign(values, rest);
  }
  return values;
}

/** Cascade entries aimed at sections, taxonomies or other kinds do not reach posts. */
function targetsPages(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return true;
  const kind = (target as Values).kind;
  return kind === undefined || kind === 'page' || kind === '{page}';
}
