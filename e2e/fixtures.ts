/**
 * Shared helpers for Playwright specs (stable API; other specs import it):
 *
 * - `E2E_ADMIN`: the account `signIn` uses ({ email, password }).
 * - `api(page, method, path, body?, headers?)`: same-origin fetch from inside the page (cookie and Origin sent
 *   by the browser, as the UI does) -> { status, body }.
 * - `signIn(page, user = E2E_ADMIN)`: on a fresh app creates that first account through
 *   POST /api/setup, otherwise signs in through POST /api/session; the page's context then holds
 *   the session cookie. Throws with a clear message if the account exists with another password.
 * - `createProject(page, { name, model?, example? })` -> { id, version } through the API.
 * - `signedIn`: `test` whose contexts start signed in as E2E_ADMIN (one sign-in per worker, reused as
 *   storageState), for specs that only need the admin: `import { signedIn as test } from './fixtures'`.
 * - `signUpInvited(page, email, password)`: as the signed-in admin on `page`, invites `email` and signs
 *   that account up with the invitation in a throwaway context (no-op if it exists); returns its credentials.
 * - `startAppServer({ dataDir? })` -> { baseURL, dataDir, stop({ keepData? }) }: another `next start` of
 *   the built app on a free port with its own fresh DATA_DIR (or the given one, to restart on existing
 *   data), for specs that need a brand-new install (first-run setup) or a restart.
 *
 * The playwright.config.ts webServer serves `baseURL` with a fresh temporary DATA_DIR per run.
 */
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_ADMIN = { email: 'admin@e2e.example.com', password: 'e2e admin password 1234' } as const;

export interface ApiReply<T = any> { status: number; body: T }

export async function api<T = any>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiReply<T>> {
  if (page.url() === 'about:blank') await page.goto('/api/setup');
  return page.evaluate(async ([m, p, b, h]) => {
    const r = await fetch(p as string, {
      method: m as string,
      headers: { ...(b === undefined ? {} : { 'content-type': 'application/json' }), ...(h as Record<string, string>) },
      body: b === undefined ? undefined : JSON.stringify(b),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON */ }
    return { status: r.status, body: parsed as any };
  }, [method, path, body, headers] as const);
}

export async function signIn(page: Page, user: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  const setup = await api(page, 'POST', '/api/setup', user);
  if (setup.status === 201) return;
  const login = await api(page, 'POST', '/api/session', user);
  expect(login.status, `sign in as ${user.email}: ${JSON.stringify(login.body)}`).toBe(200);
}

export async function createProject(page: Page, input: { name: string; model?: unknown; example?: string }): Promise<{ id: string; version: number }> {
  const r = await api(page, 'POST', '/api/projects', input);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

type StorageState = Awaited<ReturnType<import('@playwright/test').BrowserContext['storageState']>>;

async function adminState(browser: Browser): Promise<StorageState> {
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${process.env.PGCANVAS_E2E_PORT}` });
  try {
    const page = await context.newPage();
    await signIn(page);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export const signedIn = base.extend<object, { adminStorageState: StorageState }>({
  adminStorageState: [async ({ browser }, use) => { await use(await adminState(browser)); }, { scope: 'worker' }],
  storageState: ({ adminStorageState }, use) => use(adminStorageState),
});

export async function signUpInvited(page: Page, email: string, password: string): Promise<{ email: string; password: string }> {
  const invite = await api(page, 'POST', '/api/invites', { email });
  expect(invite.status, JSON.stringify(invite.body)).toBe(201);
  const context = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const other = await context.newPage();
    const r = await api(other, 'POST', '/api/users', { email, password, invite: invite.body.token });
    expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
  } finally {
    await context.close();
  }
  return { email, password };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface AppServer { baseURL: string; dataDir: string; stop(options?: { keepData?: boolean }): Promise<void> }

export async function startAppServer(options: { dataDir?: string } = {}): Promise<AppServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pgcanvas-e2e-own-'));
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr.slice(-2000)}`);
    try {
      const r = await fetch(`${baseURL}/api/setup`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`next start did not answer within 60 s: ${stderr.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseURL,
    dataDir,
    async stop(stopOptions = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      if (!stopOptions.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
