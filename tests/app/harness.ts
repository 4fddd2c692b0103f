/**
 * Test harness for the app: a real database of either kind (a PGlite data folder, or a fresh database
 * on the PostgreSQL server) opened and migrated through lib/db exactly as the app does, an AppContext
 * with a movable clock, and HTTP-ish clients that call the route handlers with Request objects and
 * keep their session cookie like a browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database, type DatabaseConfig } from '@/lib/db';
import { createAppContext, setAppContext, SESSION_COOKIE, type AppContext, type PasswordParams } from '@/lib/auth';
import { createServerDatabase, type DatabaseKind, type TestDatabase } from '@/lib/testing';
import { resolveRoute, type Method } from './routes';

export const ORIGIN = 'http://pgcanvas.test';

export interface TestApp {
  kind: DatabaseKind;
  app: AppContext;
  config: DatabaseConfig;
  /** Moves the app's clock (ms, cumulative). */
  advance(ms: number): void;
  /** Closes the database and opens it again on the same folder / server database ("restart"). */
  restart(overrides?: Partial<Omit<AppContext, 'db'>>): Promise<AppContext>;
  /** Replaces context settings (password params, policies) without reopening. */
  configure(overrides: Partial<Omit<AppContext, 'db'>>): void;
  client(): Client;
  close(): Promise<void>;
}

export async function openTestApp(kind: DatabaseKind): Promise<TestApp> {
  let offset = 0;
  let serverDb: TestDatabase | undefined;
  let dataDir: string | undefined;
  let config: DatabaseConfig;
  if (kind === 'server') {
    serverDb = await createServerDatabase('pgcanvas_app');
    config = { kind: 'server', url: serverDb.url!, pool: { max: 5, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 5_000, statementTimeoutMillis: 15_000 } };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'pgcanvas-app-'));
    config = { kind: 'pglite', dataDir };
  }
  let db: Database = await openDatabase(config);
  const now = () => new Date(Date.now() + offset);
  let app = createAppContext(db, { now });
  setAppContext(app);
  const t: TestApp = {
    kind,
    get app() { return app; },
    config,
    advance(ms) { offset += ms; },
    async restart(overrides = {}) {
      await db.close();
      db = await openDatabase(config);
      app = createAppContext(db, { now, ...overrides });
      setAppContext(app);
      return app;
    },
    configure(overrides) {
      app = { ...app, ...overrides };
      setAppContext(app);
    },
    client: () => new Client(() => app),
    async close() {
      setAppContext(undefined);
      await db.close();
      if (serverDb) await serverDb.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

export interface CallOptions {
  body?: unknown;
  /** Raw body text (sent as is). */
  raw?: string;
  headers?: Record<string, string>;
  /** Leave out the Origin header a browser would send. */
  noOrigin?: boolean;
  token?: string;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** Client is one browser: it sends Origin on mutating requests and keeps the session cookie. */
export class Client {
  cookie: string | undefined;
  constructor(private readonly appRef: () => AppContext) {}

  async call<T = any>(method: Method, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    setAppContext(this.appRef());
    const [pathname] = path.split('?');
    const { handler, params } = await resolveRoute(method, pathname!);
    const headers: Record<string, string> = { host: 'pgcanvas.test', 'x-forwarded-for': '10.0.0.1', ...(options.headers ?? {}) };
    if (method !== 'GET' && !options.noOrigin) headers.origin ??= ORIGIN;
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const request = new Request(`${ORIGIN}${path}`, { method, headers, body });
    const response = await handler(request, { params: Promise.resolve(params) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const m = setCookie.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`));
      if (m) this.cookie = m[1] ? m[1] : undefined;
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, text, headers: response.headers };
  }
}

export const PASSWORD = 'correct horse battery staple';

/** signedIn creates the first admin (if needed) or a user through sign-up, and returns its client. */
export async function setupAdmin(t: TestApp, email = 'admin@example.com'): Promise<Client> {
  const c = t.client();
  const r = await c.call('POST', '/api/setup', { body: { email, password: PASSWORD } });
  if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${r.text}`);
  return c;
}

/** addUser creates another account through an admin invitation and signs it in. */
export async function addUser(t: TestApp, admin: Client, email: string): Promise<Client> {
  const invite = await admin.call('POST', '/api/invites', { body: { email } });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  const c = t.client();
  const r = await c.call('POST', '/api/users', { body: { email, password: PASSWORD, invite: invite.body.token } });
  if (r.status !== 201) throw new Error(`sign-up failed: ${r.status} ${r.text}`);
  return c;
}

export const LOW_COST: PasswordParams = { memoryCost: 8192, timeCost: 1, parallelism: 1 };
