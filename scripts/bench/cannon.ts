/**
 * Runs autocannon in a process of its own, so the load generator does not share an event loop
 * with anything else, and prints its result as JSON. Started by runCannon() in load-test.ts.
 */
import autocannon from 'autocannon';
import type { CannonOptions } from './load-test';

const options: CannonOptions = JSON.parse(process.argv[2] ?? '{}');
const result = await autocannon({
  url: options.url,
  connections: options.connections,
  duration: options.duration,
  // Each connection goes through the paths in turn, so the mix is the list's proportions.
  requests: options.paths?.map((path) => ({ method: 'GET', path })),
});
process.stdout.write(JSON.stringify(result));
