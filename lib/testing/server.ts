/**
 * The PostgreSQL server the tests use: TEST_DATABASE_URL, else 127.0.0.1:5432, else a throwaway
 * cluster started with initdb (see global-setup.ts, which resolves this once per run and exports
 * PGCANVAS_TEST_SERVER_URL to the workers). Each test file gets a fresh database of its own.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { TestDatabase } from './database';

export function serverUrl(): string {
  const url = process.env.PGCANVAS_TEST_SERVER_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('no test server: run through vitest (global setup resolves one) or set TEST_DATABASE_URL');
  return url;
}

/** withDatabase returns the URL with its database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** createServerDatabase makes a new, empty database on the test server and connects to it. */
export async function createServerDatabase(prefix = 'pgcanvas_t'): Promise<TestDatabase> {
  const admin = serverUrl();
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  try {
    await adminClient.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await adminClient.end();
  }
  const url = withDatabase(admin, name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A failing statement must not leave the client in an aborted state for the next one.
  client.on('error', () => {});
  let closed = false;
  return {
    kind: 'server',
    name,
    url,
    async query<T = Record<string, unknown>>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.end().catch(() => {});
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
