import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The options of an author's command (`npm run check -- --strict`), read as parseArgs reads them.
 * `--help` prints how to run it; a mistyped or misused option is one line that names it, with how
 * to run the command, and exit code 2: never a stack trace.
 */
export function commandOptions<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    if (!(error instanceof TypeError) || !String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) throw error;
    console.error(`${error.message}\nusage: ${usage}`);
    process.exit(2);
  }
}
