/**
 * Storage configuration from the environment (documented in docs/storage.md):
 * - DATABASE_URL: a PostgreSQL server; when absent, PGlite in DATA_DIR (default ./.data).
 * - DATABASE_POOL_MAX (10), DATABASE_IDLE_TIMEOUT_MS (30000), DATABASE_CONNECT_TIMEOUT_MS (5000),
 *   DATABASE_STATEMENT_TIMEOUT_MS (15000): the pg Pool's size and timeouts.
 */
import { resolve } from 'node:path';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'server'; url: string; pool: PoolOptions };

export interface PoolOptions {
  max: number;
  idleTimeoutMillis: number;
  connectionTimeoutMillis: number;
  statementTimeoutMillis: number;
}

function intFromEnv(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  }
  return n;
}

/** databaseConfigFromEnv reads the storage settings; throws with the variable's name when one is malformed. */
export function databaseConfigFromEnv(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    return {
      kind: 'server',
      url,
      pool: {
        max: intFromEnv(env, 'DATABASE_POOL_MAX', 10, 1, 1000),
        idleTimeoutMillis: intFromEnv(env, 'DATABASE_IDLE_TIMEOUT_MS', 30_000, 0, 3_600_000),
        connectionTimeoutMillis: intFromEnv(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5_000, 0, 600_000),
        statementTimeoutMillis: intFromEnv(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000, 0, 3_600_000),
      },
    };
  }
  return { kind: 'pglite', dataDir: resolve(/*turbopackIgnore: true*/ env.DATA_DIR?.trim() || './.data') };
}
