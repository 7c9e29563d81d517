/**
 * The build floor on its own (see build-floor.ts): a bare Next.js app with as many prerendered
 * pages as given, built cold and then again with .next kept after one edit, for comparing with a
 * real site's build measured in the same run. Prints numbers; not a test.
 *
 *   npm run bench:floor -- --outputs 2063[,4000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandOptions } from '../command-line';
import { floorLine, measureBuildFloor } from './build-floor';
import { onExit } from './cleanup';
import { positiveInteger } from './cli';

const usage = 'npm run bench:floor -- --outputs 2063[,4000]';
const { values } = commandOptions({ options: { outputs: { type: 'string' } } }, usage);
if (!values.outputs) {
  console.error(`usage: ${usage}`);
  process.exit(2);
}
const counts = values.outputs.split(',').map((count) => positiveInteger('outputs', count.trim()));
const work = mkdtempSync(path.join(os.tmpdir(), 'blog-floor-'));
onExit(() => rmSync(work, { recursive: true, force: true }));

for (const count of counts) {
  console.log(floorLine(await measureBuildFloor(work, process.cwd(), count)));
}
