/**
 * Playwright: real Chromium (Debian's, at /usr/bin/chromium) against the built app. `npm run test:e2e`
 * builds first (`next build`, honouring NEXT_DIST_DIR) and this config starts `next start` on a free
 * port with a fresh temporary DATA_DIR (PGlite), so every run begins on a new install. One worker:
 * the machine has two cores. Specs that need their own fresh install (first-run setup) start another
 * server with `startAppServer` from e2e/fixtures.ts.
 */
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Chosen once in the runner; workers inherit the environment, so they agree on port and folder.
process.env.PGCANVAS_E2E_PORT ??= execFileSync(process.execPath, ['-e',
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"], { encoding: 'utf8' });
process.env.PGCANVAS_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'pgcanvas-e2e-'));
const port = Number(process.env.PGCANVAS_E2E_PORT);

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/setup`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { DATA_DIR: process.env.PGCANVAS_E2E_DATA_DIR, NODE_ENV: 'production' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
