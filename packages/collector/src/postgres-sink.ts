import pg from 'pg';
import type { Sink, StoredEvent } from './sink.js';

/** Options of {@link createPostgresSink}. */
export interface PostgresSinkOptions {
  /** `postgres://user:password@host:5432/database`. */
  connectionString: string;
  /** Schema holding the table; created when missing. @default 'public' */
  schema?: string;
  /** Table name; created when missing. @default 'touchpoint_events' */
  table?: string;
  /** Most rows per INSERT statement. @default 1000 */
  maxRowsPerInsert?: number;
  /** Connections in the pool. @default 10 */
  poolSize?: number;
  /**
   * Longest wait for a connection or a statement, ms: the server cancels a statement past it (nothing
   * answered 503 commits later), and the client gives up a second after that when the server cannot
   * answer at all. A database that hangs (rather than refusing connections) then gets batches answered
   * 503 with `Retry-After`, instead of requests that never end and a collector that cannot shut down.
   * `/healthz` waits at most 2 s. @default 10000
   */
  queryTimeoutMs?: number;
}

export const DEFAULT_PG_TABLE = 'touchpoint_events';
export const DEFAULT_MAX_ROWS_PER_INSERT = 1000;
const DEFAULT_POOL_SIZE = 10;
const DEFAULT_QUERY_TIMEOUT_MS = 10_000;
const PING_TIMEOUT_MS = 2_000;
/** Serializes schema creation across collectors starting at once (CREATE … IF NOT EXISTS can race). */
const SCHEMA_LOCK_KEY = 0x7470_0001;

interface Pending {
  events: readonly StoredEvent[];
  resolve: (result: { inserted: number }) => void;
  reject: (error: unknown) => void;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL cuts longer names to 63 bytes, which could give the table's two indexes one name. */
const MAX_IDENTIFIER = 63;
const LONGEST_INDEX_SUFFIX = '_anonymous_id_idx';

function identifier(name: string, option: string, maxLength = MAX_IDENTIFIER): string {
  if (!IDENTIFIER.test(name) || name.length > maxLength) {
    throw new Error(
      `[touchpoint] postgres sink: "${option}" must be a lower-case SQL identifier of at most ${maxLength} characters, got "${name}"`,
    );
  }
  return name;
}

/** The table: columns for what queries filter on, plus the whole stored event as jsonb. */
function ddl(schema: string, table: string): string {
  return `CREATE SCHEMA IF NOT EXISTS "${schema}";
CREATE TABLE IF NOT EXISTS "${schema}"."${table}" (
  id uuid PRIMARY KEY,
  type text NOT NULL,
  ts timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  anonymous_id text NOT NULL,
  session_id text NOT NULL,
  user_id text,
  event jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS "${table}_ts_idx" ON "${schema}"."${table}" (ts);
CREATE INDEX IF NOT EXISTS "${table}${LONGEST_INDEX_SUFFIX}" ON "${schema}"."${table}" (anonymous_id, ts);`;
}

/**
 * A PostgreSQL sink: creates its table on start, inserts in batches with `ON CONFLICT (id) DO NOTHING`,
 * and counts as new only the rows PostgreSQL actually inserted (`RETURNING id`; a role that may only insert
 * counts each write's rows). Writes that arrive while every pooled connection is busy are merged into one
 * statement (group commit). Any number of collectors may share one database: the primary key on the event
 * id stores each event once, and rows go in id order, so they never deadlock each other.
 *
 * @example
 * const sink = await createPostgresSink({ connectionString: process.env.DATABASE_URL! });
 * const collector = await createCollector({ sink });
 * @see https://www.postgresql.org/docs/current/sql-insert.html#SQL-ON-CONFLICT
 */
export async function createPostgresSink(options: PostgresSinkOptions): Promise<Sink> {
  const schema = identifier(options.schema ?? 'public', 'schema');
  const table = identifier(
    options.table ?? DEFAULT_PG_TABLE,
    'table',
    MAX_IDENTIFIER - LONGEST_INDEX_SUFFIX.length,
  );
  const maxRows = options.maxRowsPerInsert ?? DEFAULT_MAX_ROWS_PER_INSERT;
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  const queryTimeout = options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
  if (!(queryTimeout > 0)) {
    throw new Error(
      `[touchpoint] postgres sink: queryTimeoutMs must be a positive number of ms, got ${queryTimeout}`,
    );
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: poolSize,
    connectionTimeoutMillis: queryTimeout,
    // The server cancels a statement that runs too long (a lock, an overloaded disk; see insertRows), so a
    // write answered 503 is not committed later behind the client's back. The client's own limit, a second
    // later, is the backstop for a server that cannot even answer (frozen, or the network path gone).
    query_timeout: queryTimeout + 1000,
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  let returning = true;
  let otherUnique = false;
  try {
    const client = await pool.connect();
    try {
      // Nothing to create, nothing to lock: CREATE INDEX IF NOT EXISTS takes its lock even when the index
      // exists, which waits for (and then stalls) the running collectors' inserts; and a role that may
      // only insert can use a table made for it beforehand.
      const names = [table, `${table}_ts_idx`, `${table}${LONGEST_INDEX_SUFFIX}`].map(
        (n) => `"${schema}"."${n}"`,
      );
      const { rows } = await client.query<{ missing: boolean }>(
        'SELECT to_regclass($1) IS NULL OR to_regclass($2) IS NULL OR to_regclass($3) IS NULL AS missing',
        names,
      );
      if (rows[0]!.missing) {
        // Bounded on the server too: a CREATE INDEX waiting for a lock would stall the inserts queued
        // behind it in running collectors.
        await client.query(`BEGIN; SET LOCAL statement_timeout = ${Math.ceil(queryTimeout)}`);
        await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
        await client.query(ddl(schema, table));
        await client.query('COMMIT');
      }
      // RETURNING, which tells which ids were new, needs SELECT on `id`: a role that may only insert counts
      // new rows by each statement's row count instead, one write per transaction, and names no conflict
      // column (that needs SELECT too). So any unique index would swallow its rows as duplicates: refused.
      const privilege = await client.query<{ select: boolean; unique: number }>(
        `SELECT has_column_privilege($1, 'id', 'SELECT') AS select,
          (SELECT count(*)::int FROM pg_index WHERE indrelid = to_regclass($1)
            AND (indisunique OR indisexclusion) AND NOT indisprimary) AS unique`,
        [`"${schema}"."${table}"`],
      );
      returning = privilege.rows[0]!.select;
      otherUnique = !returning && privilege.rows[0]!.unique > 0;
      client.release();
    } catch (error) {
      // Closing the connection rolls back, without a ROLLBACK queued behind a stuck statement.
      client.release(error as Error);
      throw error;
    }
  } catch (cause) {
    await pool.end().catch(() => {});
    throw new Error(
      `[touchpoint] postgres sink: cannot prepare "${schema}"."${table}"; check the connection string and that the user may create tables`,
      { cause },
    );
  }
  if (otherUnique) {
    await pool.end().catch(() => {});
    throw new Error(
      `[touchpoint] postgres sink: "${schema}"."${table}" has a unique index besides its primary key, and this user may not SELECT its id column, so a row clashing on that index would be counted as a duplicate and lost: GRANT SELECT (id) ON "${schema}"."${table}" to the user, or drop the index`,
    );
  }
  const insert = `INSERT INTO "${schema}"."${table}" (id, type, ts, received_at, anonymous_id, session_id, user_id, event)
SELECT u.id, u.type, to_timestamp(u.ts / 1000), to_timestamp(u.received_at / 1000), u.anonymous_id, u.session_id, u.user_id, u.event
FROM unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
  AS u(id, type, ts, received_at, anonymous_id, session_id, user_id, event)
ON CONFLICT`;
  // Naming the conflict's column needs SELECT on it too: a role that may only insert leaves it out (the
  // primary key is the table's one unique index).
  const insertOnly = `${insert} DO NOTHING`;
  const insertReturning = `${insert} (id) DO NOTHING
RETURNING id`;

  /**
   * Inserts rows, chunked by `maxRows`, in one transaction (a write answered 503 leaves no chunk behind);
   * resolves with the ids PostgreSQL actually inserted (with RETURNING), and how many rows that was.
   */
  async function insertRows(unordered: readonly StoredEvent[]): Promise<{ ids: Set<string>; count: number }> {
    // In id order: an insert waits for another transaction's uncommitted row of the same id, so two
    // collectors taking shared ids in other orders could each wait for the other, a deadlock PostgreSQL
    // ends by failing one of the writes. Taken in one order by everyone, no such cycle can form.
    const events = [...unordered].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const inserted = new Set<string>();
    let count = 0;
    const client = await pool.connect();
    let failed: Error | undefined;
    try {
      // The server cancels a statement past the limit: set per transaction, not as a connection
      // parameter, which PgBouncer refuses.
      await client.query(`BEGIN; SET LOCAL statement_timeout = ${Math.ceil(queryTimeout)}`);
      for (let i = 0; i < events.length; i += maxRows) {
        const chunk = events.slice(i, i + maxRows);
        const result = await client.query<{ id: string }>(returning ? insertReturning : insertOnly, [
          chunk.map((e) => e.id),
          chunk.map((e) => e.type),
          // Whole microseconds, the column's precision: a denormal time such as 1e-321 ms made the
          // division underflow, an error that failed the whole batch on every retry.
          chunk.map((e) => Math.round(e.ts * 1000) / 1000),
          chunk.map((e) => e.receivedAt),
          chunk.map((e) => e.anonymousId),
          chunk.map((e) => e.sessionId),
          chunk.map((e) => e.userId ?? null),
          chunk.map((e) => JSON.stringify(e)),
        ]);
        for (const row of result.rows) inserted.add(row.id);
        count += result.rowCount ?? 0;
      }
      await client.query('COMMIT');
    } catch (error) {
      // Released with the error, the connection is closed, which rolls the transaction back: no ROLLBACK
      // to wait for from a server that may not answer.
      failed = error as Error;
      throw error;
    } finally {
      client.release(failed);
    }
    return { ids: inserted, count };
  }

  // Group commit: writes that queue up while every connection is busy go out together in one statement
  // (with RETURNING, which tells each write its new rows; a role that may only insert writes one by one).
  let queue: Pending[] = [];
  let active = 0;
  let drained: (() => void) | undefined;
  let closing: Promise<void> | undefined;

  async function flush(group: Pending[], retried = false): Promise<void> {
    try {
      const { ids: inserted, count } = await insertRows(group.flatMap((p) => p.events));
      // Without RETURNING a group is one write (see pump), and its row count is what it inserted.
      if (!returning) return group[0]!.resolve({ inserted: count });
      // The first write of an id claims it; a concurrent resend of the same id is a duplicate.
      for (const pending of group) {
        let count = 0;
        for (const event of pending.events) if (inserted.delete(event.id)) count++;
        pending.resolve({ inserted: count });
      }
    } catch (error) {
      // One failing write must not fail the others merged with it: retry them one by one. Only an error
      // in the rows (a data or constraint error, SQLSTATE classes 22 and 23) can be one write's, and a
      // deadlock or serialization failure (class 40) is worth a second try apart; a timeout or a lost
      // connection is everyone's, and retrying each would wait again.
      const code = String((error as { code?: unknown }).code);
      if (/^(22|23|40)/.test(code) && group.length > 1) await Promise.all(group.map((p) => flush([p])));
      // A write alone gets its second try too (a deadlock with another program writing the table).
      else if (code.startsWith('40') && !retried) await flush(group, true);
      else for (const pending of group) pending.reject(error);
    }
  }

  function pump(): void {
    while (active < poolSize && queue.length > 0) {
      const group: Pending[] = [];
      let rows = 0;
      while (
        queue.length > 0 &&
        (group.length === 0 || (returning && rows + queue[0]!.events.length <= maxRows))
      ) {
        const next = queue.shift()!;
        group.push(next);
        rows += next.events.length;
      }
      active++;
      void flush(group).finally(() => {
        active--;
        pump();
        if (active === 0 && queue.length === 0) drained?.();
      });
    }
  }

  return {
    name: 'postgres',
    write(events) {
      if (events.length === 0) return Promise.resolve({ inserted: 0 });
      return new Promise((resolve, reject) => {
        queue.push({ events, resolve, reject });
        pump();
      });
    },
    async ping() {
      // Bounded here, not by pg: after a timeout the next ping must open a connection, which pg would
      // wait for up to the connection timeout.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const query = pool.query('SELECT 1');
      query.catch(() => {}); // the race below may have answered already
      try {
        await Promise.race([
          query,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('the database did not answer')), PING_TIMEOUT_MS);
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    // Once, however often called: a collector closes its sink, and so may the code that made it.
    close() {
      closing ??= (async () => {
        if (active > 0 || queue.length > 0) await new Promise<void>((r) => (drained = r));
        await pool.end();
      })();
      return closing;
    },
  };
}
