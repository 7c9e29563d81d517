/**
 * Runs autocannon in a process of its own, so the load generator does not share an event loop
 * with anything else, and prints its result as JSON. Started by runCannon() in load-test.ts.
 */
import autocannon from 'autocannon';
import type { CannonOptions } from './load-test';

const options: CannonOptions = JSON.parse(process.argv[2] ?? '{}');
const load = (duration: number) =>
  autocannon({
    url: options.url,
    connections: options.connections,
    duration,
    // What a browser sends: next start then compresses each answer, as readers get it. Without it
    // the numbers measure a path no reader takes (see "Serving one post" in docs/benchmarks.md).
    headers: { 'accept-encoding': 'gzip, deflate, br' },
    // Each connection goes through the paths in turn, so the mix is the list's proportions.
    requests: options.paths?.map((path) => ({ method: 'GET', path })),
  });
// A fresh server loads its page modules and compiles its hot code on the first requests: the
// same load first, not counted, so the numbers are those of a server that has been running.
if (options.warmup) await load(options.warmup);
const result = await load(options.duration);
process.stdout.write(JSON.stringify(result));
