import { parseArgs } from 'node:util';
import type { CollectorOptions, IpPolicy } from './options.js';

/** Everything the CLI needs to start a collector. */
export interface CliConfig {
  port: number;
  host: string;
  sink:
    { kind: 'ndjson'; dataDir: string } | { kind: 'postgres'; url: string; schema?: string; table?: string };
  options: Omit<CollectorOptions, 'dataDir' | 'sink'>;
  help: boolean;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './data';

export const HELP = `touchpoint-collector — the Touchpoint reference collector

Usage: touchpoint-collector [options]

  --port <n>                  port to listen on (default ${DEFAULT_PORT})             TOUCHPOINT_PORT
  --host <addr>               address to bind (default ${DEFAULT_HOST}; 0.0.0.0 for all) TOUCHPOINT_HOST
  --data <dir>                NDJSON store directory (default ${DEFAULT_DATA_DIR})    TOUCHPOINT_DATA
  --sink ndjson|postgres      storage (default ndjson; postgres when --pg is set) TOUCHPOINT_SINK
  --pg, --pg-url <url>        PostgreSQL connection string                   TOUCHPOINT_PG_URL
  --pg-schema <name>          PostgreSQL schema (default public)             TOUCHPOINT_PG_SCHEMA
  --pg-table <name>           PostgreSQL table (default touchpoint_events)   TOUCHPOINT_PG_TABLE
  --secret <s>                HMAC secret for pixel/redirect URLs (>= 16 chars) TOUCHPOINT_SECRET
  --allow-redirect-host <h>   host /v1/r may redirect to unsigned (repeatable) TOUCHPOINT_ALLOW_REDIRECT_HOSTS
  --cors-origin <origin>      origin allowed to send (repeatable; default any) TOUCHPOINT_CORS_ORIGINS
  --write-key <key>           write key required in ?key= (repeatable)       TOUCHPOINT_WRITE_KEYS
  --ip truncate|drop|keep     what to store of client IPs (default truncate) TOUCHPOINT_IP
  --trust-proxy               one proxy in front: client IP from X-Forwarded-For TOUCHPOINT_TRUST_PROXY=1 (or =N proxies)
  --no-clock-correction       store client event times as sent               TOUCHPOINT_CLOCK_CORRECTION=0
  --max-body-bytes <n>        largest request body (default 524288)          TOUCHPOINT_MAX_BODY_BYTES
  --max-events-per-batch <n>  most events per batch (default 1000)           TOUCHPOINT_MAX_EVENTS_PER_BATCH
  --help                      show this help

Repeatable environment variables take comma-separated lists. Flags win over environment variables.
`;

function cliError(message: string): Error {
  return new Error(`[touchpoint] touchpoint-collector: ${message} (see --help)`);
}

type Env = (name: string) => string | undefined;

function list(
  flag: string[] | undefined,
  env: Env,
  flagName: string,
  variable: string,
): string[] | undefined {
  const fromEnv = flag?.length ? undefined : env(variable);
  const values = flag?.length ? flag : fromEnv ? [fromEnv] : undefined;
  const items = values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  // `--write-key ,` would otherwise start with no key required at all.
  if (items && !items.length) throw cliError(`${flag?.length ? flagName : variable} lists nothing`);
  return items;
}

/**
 * An empty value is a mistake, never a choice: `--write-key "$KEY"` or `TOUCHPOINT_SECRET=$SECRET` with the
 * variable unset would otherwise turn the key check or link signing off, and an empty `--host` binds every
 * interface. Flags are checked here; a variable is checked when it is read, that is when no flag overrides
 * it (docker-compose's `${DATABASE_URL:-}` beside a `--data` flag is no mistake).
 */
function refuseEmptyFlags(values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string' && !item.trim()) throw cliError(`--${name} needs a value, got ""`);
    }
  }
}

/** Reads a variable, refusing one set but empty (see refuseEmptyFlags). */
const checkedEnv =
  (env: Record<string, string | undefined>): Env =>
  (name) => {
    const value = env[name];
    if (value !== undefined && !value.trim()) {
      throw cliError(`${name} is set but empty: give it a value or unset it`);
    }
    return value;
  };

/** A flag's value, else its environment variable's, with the name an error about it must give. */
function given(
  flag: string,
  value: string | undefined,
  variable: string,
  env: Env,
): [name: string, raw: string | undefined] {
  return value !== undefined ? [flag, value] : [variable, env(variable)];
}

function integer([name, raw]: [string, string | undefined], min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw cliError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flagOn(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw cliError(`${name} must be 1 or 0 (true or false), got "${raw}"`);
}

/** Reads flags and `TOUCHPOINT_*` environment variables; throws a message naming the bad flag. */
export function parseCliConfig(argv: string[], environment: Record<string, string | undefined>): CliConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        sink: { type: 'string' },
        pg: { type: 'string' },
        'pg-url': { type: 'string' },
        'pg-schema': { type: 'string' },
        'pg-table': { type: 'string' },
        secret: { type: 'string' },
        'allow-redirect-host': { type: 'string', multiple: true },
        'cors-origin': { type: 'string', multiple: true },
        'write-key': { type: 'string', multiple: true },
        ip: { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'no-clock-correction': { type: 'boolean' },
        'max-body-bytes': { type: 'string' },
        'max-events-per-batch': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (cause) {
    throw cliError((cause as Error).message);
  }
  // Help asks for nothing to be checked.
  if (values.help) {
    const sink = { kind: 'ndjson' as const, dataDir: DEFAULT_DATA_DIR };
    return { port: DEFAULT_PORT, host: DEFAULT_HOST, sink, options: {}, help: true };
  }
  refuseEmptyFlags(values);
  const env = checkedEnv(environment);
  const pgFlag = values.pg ?? values['pg-url'];
  // Flags win: --pg-url (or --data) picks the store even when the environment chose the other one.
  const flagSink = values.sink ?? (pgFlag ? 'postgres' : values.data ? 'ndjson' : undefined);
  const chosen = flagSink ?? env('TOUCHPOINT_SINK');
  const pgUrl = chosen === 'ndjson' ? undefined : (pgFlag ?? env('TOUCHPOINT_PG_URL'));
  const sinkKind = chosen ?? (pgUrl ? 'postgres' : 'ndjson');
  if (sinkKind !== 'ndjson' && sinkKind !== 'postgres')
    throw cliError(
      `${flagSink ? '--sink' : 'TOUCHPOINT_SINK'} must be ndjson or postgres, got "${sinkKind}"`,
    );
  if (sinkKind === 'postgres' && !pgUrl) throw cliError('--sink postgres needs --pg-url <postgres://...>');
  const [ipName, ip] = given('--ip', values.ip, 'TOUCHPOINT_IP', env);
  if (ip !== undefined && !['truncate', 'drop', 'keep'].includes(ip)) {
    throw cliError(`${ipName} must be truncate, drop or keep, got "${ip}"`);
  }
  const options: CliConfig['options'] = {};
  const secret = values.secret ?? env('TOUCHPOINT_SECRET');
  if (secret) options.redirectSecret = secret;
  const hosts = list(
    values['allow-redirect-host'],
    env,
    '--allow-redirect-host',
    'TOUCHPOINT_ALLOW_REDIRECT_HOSTS',
  );
  if (hosts) options.allowRedirectHosts = hosts;
  const origins = list(values['cors-origin'], env, '--cors-origin', 'TOUCHPOINT_CORS_ORIGINS');
  if (origins && !origins.includes('*')) options.corsOrigins = origins;
  const keys = list(values['write-key'], env, '--write-key', 'TOUCHPOINT_WRITE_KEYS');
  if (keys) options.writeKeys = keys;
  if (ip) options.ip = ip as IpPolicy;
  // The variable also takes how many proxies are in front (a CDN before a load balancer: 2).
  // These two are switches: set but empty leaves them at their default.
  const proxies = environment.TOUCHPOINT_TRUST_PROXY;
  const trustProxy =
    values['trust-proxy'] ??
    (proxies && /^\d+$/.test(proxies)
      ? integer(['TOUCHPOINT_TRUST_PROXY', proxies], 0, 10)
      : flagOn('TOUCHPOINT_TRUST_PROXY', proxies));
  if (trustProxy !== undefined) options.trustProxy = trustProxy;
  const clock = values['no-clock-correction']
    ? false
    : flagOn('TOUCHPOINT_CLOCK_CORRECTION', environment.TOUCHPOINT_CLOCK_CORRECTION);
  if (clock !== undefined) options.clockCorrection = clock;
  const maxBody = integer(
    given('--max-body-bytes', values['max-body-bytes'], 'TOUCHPOINT_MAX_BODY_BYTES', env),
    1,
    2 ** 31,
  );
  if (maxBody) options.maxBodyBytes = maxBody;
  const maxEvents = integer(
    given('--max-events-per-batch', values['max-events-per-batch'], 'TOUCHPOINT_MAX_EVENTS_PER_BATCH', env),
    1,
    1_000_000,
  );
  if (maxEvents) options.maxEventsPerBatch = maxEvents;
  const postgres = (): CliConfig['sink'] => {
    const schema = values['pg-schema'] ?? env('TOUCHPOINT_PG_SCHEMA');
    const table = values['pg-table'] ?? env('TOUCHPOINT_PG_TABLE');
    return { kind: 'postgres', url: pgUrl!, ...(schema ? { schema } : {}), ...(table ? { table } : {}) };
  };
  return {
    port: integer(given('--port', values.port, 'TOUCHPOINT_PORT', env), 0, 65535) ?? DEFAULT_PORT,
    host: values.host ?? env('TOUCHPOINT_HOST') ?? DEFAULT_HOST,
    sink:
      sinkKind === 'postgres'
        ? postgres()
        : { kind: 'ndjson', dataDir: values.data ?? env('TOUCHPOINT_DATA') ?? DEFAULT_DATA_DIR },
    options,
    help: values.help ?? false,
  };
}
