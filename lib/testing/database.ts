/**
 * TestDatabase is what a test gets from the harness, whether the database is on the PostgreSQL server
 * or in PGlite: a query function with parameters, a multi-statement exec, and close (which drops it).
 */
export interface TestDatabase {
  readonly kind: 'server' | 'pglite';
  readonly name: string;
  /** Connection URL (server databases only; PGlite has none unless served over a socket). */
  readonly url?: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** exec runs a script of several statements (simple query protocol). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseKind = TestDatabase['kind'];
