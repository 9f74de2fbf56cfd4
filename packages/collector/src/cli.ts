import { createCollector, type Collector } from './collector.js';
import { HELP, parseCliConfig } from './cli-config.js';
import { createPostgresSink } from './postgres-sink.js';

/** A collector started by the CLI. */
export interface CliHandle {
  url: string;
  collector: Collector;
}

/**
 * Starts a collector from command-line flags and `TOUCHPOINT_*` environment variables. Resolves with
 * undefined after printing `--help`. `bin/touchpoint-collector.js` calls it and wires SIGINT/SIGTERM.
 */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Promise<CliHandle | undefined> {
  const config = parseCliConfig(argv, env);
  if (config.help) {
    out(HELP);
    return undefined;
  }
  const sink =
    config.sink.kind === 'postgres'
      ? await createPostgresSink({
          connectionString: config.sink.url,
          ...(config.sink.schema ? { schema: config.sink.schema } : {}),
          ...(config.sink.table ? { table: config.sink.table } : {}),
        }).catch((error: Error) => {
          throw withFlagNames(error);
        })
      : undefined;
  const collector = await createCollector({
    ...config.options,
    ...(sink ? { sink } : { dataDir: config.sink.kind === 'ndjson' ? config.sink.dataDir : undefined }),
  }).catch(async (error: Error) => {
    await sink?.close().catch(() => {});
    throw withFlagNames(error);
  });
  const url = await collector.listen(config.port, config.host);
  const where = config.sink.kind === 'ndjson' ? `NDJSON in ${config.sink.dataDir}` : 'PostgreSQL';
  out(`[touchpoint] collector listening on ${url} (POST ${url}/v1/batch), storing ${where}`);
  return { url, collector };
}

/** The CLI's way to set each option the collector's messages name. */
const FLAGS_OF_OPTION: Record<string, string> = {
  redirectSecret: '--secret or TOUCHPOINT_SECRET',
  allowRedirectHosts: '--allow-redirect-host or TOUCHPOINT_ALLOW_REDIRECT_HOSTS',
  corsOrigins: '--cors-origin or TOUCHPOINT_CORS_ORIGINS',
  writeKeys: '--write-key or TOUCHPOINT_WRITE_KEYS',
  '"schema"': '--pg-schema or TOUCHPOINT_PG_SCHEMA',
  '"table"': '--pg-table or TOUCHPOINT_PG_TABLE',
};

/** The collector's option error, plus the flag or variable a CLI user set it with. */
function withFlagNames(error: Error): Error {
  const flags = Object.keys(FLAGS_OF_OPTION)
    .filter((name) => error.message.includes(name))
    .map((name) => FLAGS_OF_OPTION[name]);
  return flags.length
    ? new Error(`${error.message} (set by ${flags.join('; ')})`, { cause: error.cause })
    : error;
}

/** Entry point of the `touchpoint-collector` binary: exits 2 on bad flags, drains on SIGINT/SIGTERM. */
export async function main(): Promise<void> {
  let handle: CliHandle | undefined;
  try {
    handle = await runCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    if ((error as Error).cause)
      process.stderr.write(`  cause: ${((error as Error).cause as Error).message}\n`);
    process.exit(2);
  }
  if (!handle) return;
  const { collector } = handle;
  const stop = (signal: string): void => {
    process.stdout.write(`[touchpoint] ${signal}: draining requests in flight, then exiting\n`);
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`[touchpoint] shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
