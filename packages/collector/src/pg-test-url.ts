// Test-only: the PostgreSQL the gate started. Missing in CI is a failure; missing locally is a visible skip.
import pg from 'pg';

export const pgUrl = process.env.TOUCHPOINT_TEST_PG_URL;

if (!pgUrl) {
  if (process.env.CI) {
    throw new Error(
      '[touchpoint] TOUCHPOINT_TEST_PG_URL is not set in CI: run the tests through scripts/test.sh',
    );
  }
  console.warn(
    '[touchpoint] SKIPPING PostgreSQL tests: set TOUCHPOINT_TEST_PG_URL (eval "$(bash scripts/postgres-test-cluster.sh start)")',
  );
}

/** A fresh schema name per test file, so files running in parallel never share a table. */
export function freshSchema(): string {
  return `tp_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

export async function dropSchema(schema: string): Promise<void> {
  if (!pgUrl) return;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export async function queryRows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}
