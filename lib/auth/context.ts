/**
 * AppContext is everything the auth and project services need: the database and the policies, with
 * the clock and the password parameters injectable so tests can move time and change hashing costs.
 * The running app has one context per process (on globalThis), opened lazily from the environment,
 * which also applies pending migrations before the first request is served.
 */
import { openDatabase, databaseConfigFromEnv, type Database } from '@/lib/db';
import { OWASP_ARGON2ID, type PasswordParams } from './password';

export interface SessionPolicy {
  /** A session unused for this long expires (sliding). */
  idleMs: number;
  /** No session lives longer than this, however active. */
  absoluteMs: number;
  /** Renew (extend the expiry and re-send the cookie) at most this often. */
  renewAfterMs: number;
}

export interface ThrottlePolicy {
  windowMs: number;
  /** Failed attempts per email address within the window before logins for it are refused. */
  maxPerAccount: number;
  /** Failed attempts per client address within the window. */
  maxPerIp: number;
}

export interface AppContext {
  db: Database;
  password: PasswordParams;
  now: () => Date;
  session: SessionPolicy;
  throttle: ThrottlePolicy;
  /** Take the client address from X-Forwarded-For (set TRUST_PROXY=1 behind a reverse proxy). */
  trustProxy: boolean;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 14 * 24 * 3600_000,
  absoluteMs: 90 * 24 * 3600_000,
  renewAfterMs: 3600_000,
};

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, maxPerAccount: 5, maxPerIp: 50 };

/** createAppContext fills in the defaults around an open database. */
export function createAppContext(db: Database, overrides: Partial<Omit<AppContext, 'db'>> = {}): AppContext {
  return {
    db,
    password: OWASP_ARGON2ID,
    now: () => new Date(),
    session: DEFAULT_SESSION_POLICY,
    throttle: DEFAULT_THROTTLE_POLICY,
    trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
    ...overrides,
  };
}

const key = Symbol.for('pgcanvas.app-context');
type Holder = Record<symbol, Promise<AppContext> | undefined>;

/** getAppContext returns the process's context, opening (and migrating) the database on first use. */
export function getAppContext(): Promise<AppContext> {
  const g = globalThis as unknown as Holder;
  let ctx = g[key];
  if (!ctx) {
    ctx = openDatabase(databaseConfigFromEnv()).then((db) => createAppContext(db));
    g[key] = ctx;
    // A failed start (server down, bad migration) is retried at the next request rather than cached.
    ctx.catch(() => { if (g[key] === ctx) g[key] = undefined; });
  }
  return ctx;
}

/** setAppContext installs a context (tests call route handlers directly against their own database). */
export function setAppContext(ctx: AppContext | undefined): void {
  (globalThis as unknown as Holder)[key] = ctx ? Promise.resolve(ctx) : undefined;
}
