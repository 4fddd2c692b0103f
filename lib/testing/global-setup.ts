/**
 * Vitest global setup: finds a PostgreSQL server once per run and hands its URL to the workers in
 * PGCANVAS_TEST_SERVER_URL. Order: TEST_DATABASE_URL; the local server on 127.0.0.1:5432; a throwaway
 * cluster when `initdb` is on the PATH; last, PGlite served over the wire protocol (pglite-socket),
 * so `npm test` passes on a fresh machine.
 */
import pg from 'pg';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function startThrowawayCluster(): { url: string; stop: () => void } | undefined {
  const initdb = which('initdb');
  const pgCtl = which('pg_ctl');
  if (!initdb || !pgCtl) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pgcanvas-pg-'));
  chmodSync(dir, 0o777);
  const port = 54000 + Math.floor(Math.random() * 900);
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: 'ignore' }) : execFileSync(bin, args, { stdio: 'ignore' });
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run(initdb, ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(pgCtl, ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try { run(pgCtl, ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']); } catch { /* already gone */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function setup(): Promise<() => Promise<void>> {
  const candidates = [process.env.TEST_DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter(Boolean) as string[];
  for (const url of candidates) {
    if (await answers(url)) {
      process.env.PGCANVAS_TEST_SERVER_URL = url;
      return async () => {};
    }
  }
  const cluster = startThrowawayCluster();
  if (cluster && (await answers(cluster.url))) {
    process.env.PGCANVAS_TEST_SERVER_URL = cluster.url;
    return async () => cluster.stop();
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const { PGLITE_EXTENSIONS } = await import('./pglite');
  const db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const port = 55000 + Math.floor(Math.random() * 900);
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1' });
  await server.start();
  process.env.PGCANVAS_TEST_SERVER_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  console.warn('pgcanvas tests: no PostgreSQL server found; using PGlite over pglite-socket for "server" tests');
  return async () => {
    await server.stop();
    await db.close();
  };
}
