/**
 * Opens the app's storage: PGlite in a data folder, or a pg Pool against a PostgreSQL server, behind
 * one drizzle-orm database object so the rest of the app (and its tests) cannot tell them apart.
 *
 * PGlite has no lock on its data folder and two instances on one folder corrupt it, so there is one
 * instance per folder per process, kept on globalThis (Next.js may load this module more than once).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import type { DatabaseConfig } from './config';
import { migrate, readMigrations, type MigrationResult, type SqlSession } from './migrate';

export type AppSchema = typeof schema;
/** AppOrm is drizzle over either driver; queries and transactions work the same on both. */
export type AppOrm = PgDatabase<PgQueryResultHKT, AppSchema>;

export interface Database {
  readonly kind: DatabaseConfig['kind'];
  readonly orm: AppOrm;
  /** withSession runs fn on one connection (advisory locks, multi-statement work outside drizzle). */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** poolStats: the server pool's connections in use and requests waiting for one (the bench's timing). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** migrate applies pending migrations (done by openDatabase unless told not to). */
  migrate(): Promise<MigrationResult>;
  close(): Promise<void>;
}

interface PgliteEntry { db: Promise<PGlite>; users: number }
const globalKey = Symbol.for('pgcanvas.pglite.instances');
function pgliteInstances(): Map<string, PgliteEntry> {
  const g = globalThis as unknown as Record<symbol, Map<string, PgliteEntry>>;
  g[globalKey] ??= new Map();
  return g[globalKey];
}

async function openPglite(dataDir: string): Promise<Database> {
  const instances = pgliteInstances();
  let entry = instances.get(dataDir);
  if (!entry) {
    entry = { db: PGlite.create({ dataDir }), users: 0 };
    instances.set(dataDir, entry);
    entry.db.catch(() => instances.delete(dataDir));
  }
  entry.users++;
  const client = await entry.db;
  const theEntry = entry;
  const session: SqlSession = {
    async query<T>(text: string, params?: unknown[]) {
      const r = await client.query<T>(text, params);
      return { rows: r.rows };
    },
  };
  let closed = false;
  return {
    kind: 'pglite',
    orm: drizzlePglite({ client, schema }) as unknown as AppOrm,
    withSession: (fn) => fn(session),
    migrate: () => migrate(session, readMigrations()),
    async close() {
      if (closed) return;
      closed = true;
      theEntry.users--;
      if (theEntry.users === 0 && instances.get(dataDir) === theEntry) {
        instances.delete(dataDir);
        await client.close();
      }
    },
  };
}

function openServer(config: Extract<DatabaseConfig, { kind: 'server' }>): Database {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.pool.max,
    idleTimeoutMillis: config.pool.idleTimeoutMillis,
    connectionTimeoutMillis: config.pool.connectionTimeoutMillis,
    statement_timeout: config.pool.statementTimeoutMillis || undefined,
    application_name: 'pgcanvas',
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener Node exits.
  pool.on('error', (error) => console.error(`pgcanvas: database connection lost: ${error.message}`));
  const withSession = async <T>(fn: (session: SqlSession) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await fn({
        async query<R>(text: string, params?: unknown[]) {
          const r = await client.query(text, params as unknown[] | undefined);
          return { rows: r.rows as R[] };
        },
      });
    } finally {
      client.release();
    }
  };
  let closed = false;
  return {
    kind: 'server',
    orm: drizzleNodePg({ client: pool, schema }) as unknown as AppOrm,
    withSession,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    migrate: () => withSession((s) => migrate(s, readMigrations())),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** openDatabase connects and (unless `migrate: false`) brings the schema up to date. */
export async function openDatabase(config: DatabaseConfig, options: { migrate?: boolean } = {}): Promise<Database> {
  const db = config.kind === 'pglite' ? await openPglite(config.dataDir) : openServer(config);
  if (options.migrate !== false) {
    try {
      await db.migrate();
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
