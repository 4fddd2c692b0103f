/**
 * bench/api.ts: 50 concurrent clients doing load/save cycles of a 200-table model against the built
 * app (`next start`), for 30 s, on PGlite and on the PostgreSQL server.
 *
 * Each client loads a project (GET /api/projects/:id/model), changes the model (one table's comment)
 * and saves it (PUT .../model with If-Match, the whole 208 KB model). Since 2026-11-26 the client makes
 * that change by editing the loaded text rather than JSON.parse + JSON.stringify of 208 KB (see
 * editComment; same saved model, about 30% less client CPU on the two cores the app shares with it). Five clients share each of ten projects, so stale saves (409) happen
 * and are part of the protocol, not errors. At the end every project's version must equal 1 + the
 * number of saves the server acknowledged with 200: any difference is a lost (or phantom) update.
 * Reference: the same clients calling GET /api/session (authentication only) for a few seconds, so
 * load and save latencies are also quoted as ratios to it.
 *
 *
 * Closed loop (the issue's figure): every client starts its next cycle as soon as the last one ends,
 * with no think time, so latency there is mostly queueing: 50 clients wait for each other.
 * Paced (BENCH_PACE_MS, e.g. 1000, the editor's autosave cadence): afterwards, for the same time,
 * every client starts one cycle every BENCH_PACE_MS (late if its previous cycle has not ended;
 * late starts are counted). Printed separately and labelled; it never replaces the closed-loop lines.
 *
 * Env: BENCH_SECONDS (30), BENCH_CLIENTS (50), NEXT_DIST_DIR (.next; built if missing),
 * BENCH_DATABASE_URL (admin URL of the server; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_BACKENDS (pglite,server), BENCH_PACE_MS (unset: no paced run), BENCH_DELTA=1 (then the same
 * run(s) again with delta saves: PATCH with the changed table only, labelled), BENCH_PROFILE=1 (server: sample
 * pg_stat_activity and PostgreSQL's CPU), BENCH_SERVER_NODE_ARGS (e.g. --cpu-prof for the app process).
 * With the app started under PGCANVAS_TIMING=1 (inherited), the routes' Server-Timing phases are summarised.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { modelWithTables } from '../tests/app/models';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PROJECTS = Math.max(1, Math.round(CLIENTS / 5));
const TABLES = 200;
const DIST = process.env.NEXT_DIST_DIR ?? '.next';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'pglite,server').split(',').map((s) => s.trim());
const PACE_MS = process.env.BENCH_PACE_MS ? Number(process.env.BENCH_PACE_MS) : undefined;
const DELTA = process.env.BENCH_DELTA === '1';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
}

/**
 * cpuMs is the CPU time (user + system) the server process has used so far, from /proc: latency on a
 * shared machine mostly measures the neighbours, CPU per cycle measures the app. undefined off Linux.
 */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** procCpuMs is the CPU time of every process whose command line matches (PostgreSQL backends by database name). */
function procCpuMs(match: (cmdline: string) => boolean): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!match(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))) continue;
      total += cpuMs(Number(pid)) ?? 0;
    } catch { /* gone */ }
  }
  return total;
}

/**
 * startProfile (BENCH_PROFILE=1, server only) samples pg_stat_activity of the bench database every
 * 20 ms (what the app's connections are doing or waiting on) and the CPU of PostgreSQL: the bench
 * database's backends and the shared WAL writer/checkpointer/background writer.
 */
function startProfile(url: string | undefined, dbName: string | undefined): () => Promise<string[]> {
  const clientCpu0 = process.cpuUsage();
  if (!url || !dbName || process.env.BENCH_PROFILE !== '1') {
    return async () => { const c = process.cpuUsage(clientCpu0); return [`bench client CPU ${((c.user + c.system) / 1000).toFixed(0)} ms`]; };
  }
  const backends = (cmd: string) => cmd.startsWith('postgres: ') && cmd.includes(` ${dbName} `);
  const shared = (cmd: string) => /^postgres: .*?(walwriter|checkpointer|background writer|autovacuum)/.test(cmd);
  const pg0 = procCpuMs(backends);
  const sh0 = procCpuMs(shared);
  const counts = new Map<string, number>();
  let samples = 0;
  let stop = false;
  const client = new pg.Client({ connectionString: url });
  const loop = (async () => {
    await client.connect();
    while (!stop) {
      const r = await client.query(`SELECT state, wait_event_type, wait_event, left(query, 30) AS q FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name = 'pgcanvas'`, [dbName]);
      samples++;
      for (const row of r.rows) {
        const key = row.state === 'active' ? `active:${row.wait_event_type ?? 'cpu'}:${row.wait_event ?? ''}:${String(row.q).split(' ')[0]}` : String(row.state);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await client.end();
  })();
  return async () => {
    stop = true;
    await loop;
    const c = process.cpuUsage(clientCpu0);
    const lines = [`bench client CPU ${((c.user + c.system) / 1000).toFixed(0)} ms; PostgreSQL backends ${(procCpuMs(backends) - pg0).toFixed(0)} ms, WAL writer/checkpointer/bgwriter/autovacuum ${(procCpuMs(shared) - sh0).toFixed(0)} ms`];
    const avg = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / samples).toFixed(2)}`);
    lines.push(`pg_stat_activity, mean connections per sample (${samples} samples): ${avg.join(', ')}`);
    return lines;
  };
}

async function startApp(env: Record<string, string>): Promise<{ base: string; pid: number | undefined; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), 'node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited: ${stderr.slice(-1500)}`);
    try { if ((await fetch(`${base}/api/setup`)).ok) break; } catch { /* starting */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('next start did not answer in 90 s'); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    pid: child.pid,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (stderr.trim()) console.log(`  server stderr (last 500 chars): ${stderr.slice(-500)}`);
    },
  };
}

/**
 * editComment sets table k's comment in a load's body `{"model":<text>,"version":N}`. The client runs
 * on the same two cores as the app and PostgreSQL, so it edits the text instead of parsing and
 * serialising 208 KB per cycle: the stored text is jsonb's canonical form (tables t0..t199 in order,
 * each starting `{"id": "tK", `), so table k is the text up to the next table. Anything unexpected
 * falls back to JSON.parse + JSON.stringify (counted and printed), so the saved model is the same.
 */
let parsedEdits = 0;
function editComment(body: string, k: number, comment: string): { version: number; model: string; table: string; parsed: boolean } {
  const tail = body.lastIndexOf(',"version":');
  const version = Number(body.slice(tail + ',"version":'.length, -1));
  const text = body.slice('{"model":'.length, tail);
  const head = `{"id": "t${k}", `;
  const start = text.indexOf(head);
  const end = start < 0 ? -1 : k + 1 < TABLES ? text.indexOf(`, {"id": "t${k + 1}", `, start) : text.indexOf('], "schemas": ', start);
  if (!body.startsWith('{"model":') || !Number.isInteger(version) || start < 0 || end < 0 || comment.includes('"')) {
    const parsed = JSON.parse(body) as { model: ReturnType<typeof modelWithTables>; version: number };
    const table = parsed.model.tables[k]!;
    table.comment = comment;
    return { version: parsed.version, model: JSON.stringify(parsed.model), table: JSON.stringify(table), parsed: true };
  }
  const rest = text.slice(start + head.length, end).replace(/, "comment": "[^"\\]*"(?=[,}])/, '');
  const table = `${head}"comment": "${comment}", ${rest}`;
  return { version, model: text.slice(0, start) + table + text.slice(end), table, parsed: false };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Stats { latencies: number[]; errors: number; statuses: Map<number, number>; firstError?: string; phases: Map<string, number[]> }
const newStats = (): Stats => ({ latencies: [], errors: 0, statuses: new Map(), phases: new Map() });

/** addPhases collects a Server-Timing header (sent when the app runs with PGCANVAS_TIMING=1). */
function addPhases(stats: Stats, header: string | null) {
  if (!header) return;
  for (const part of header.split(',')) {
    const m = part.trim().match(/^([\w-]+);dur=([\d.]+)$/);
    if (!m) continue;
    let list = stats.phases.get(m[1]!);
    if (!list) stats.phases.set(m[1]!, list = []);
    list.push(Number(m[2]));
  }
}

async function timed(stats: Stats, fn: () => Promise<Response>): Promise<Response | undefined> {
  const t0 = performance.now();
  try {
    const r = await fn();
    const body = await r.arrayBuffer();
    stats.latencies.push(performance.now() - t0);
    stats.statuses.set(r.status, (stats.statuses.get(r.status) ?? 0) + 1);
    addPhases(stats, r.headers.get('server-timing'));
    return new Response(body, { status: r.status, headers: r.headers });
  } catch (error) {
    stats.errors++;
    stats.firstError ??= `${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`;
    return undefined;
  }
}

function summary(name: string, s: Stats, seconds: number, reference?: number) {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const ratio = reference ? `  (p50 ${(p50 / reference).toFixed(1)}x reference)` : '';
  const statuses = [...s.statuses.entries()].sort().map(([k, v]) => `${k}:${v}`).join(' ');
  console.log(`  ${name.padEnd(11)} ${String(sorted.length).padStart(7)} req  ${(sorted.length / seconds).toFixed(1).padStart(7)} req/s  p50 ${p50.toFixed(1).padStart(6)} ms  p99 ${p99.toFixed(1).padStart(6)} ms  network errors ${s.errors}  [${statuses}]${ratio}`);
  if (s.firstError) console.log(`    first network error: ${s.firstError}`);
  if (s.phases.size > 0) {
    const parts = [...s.phases.entries()].map(([k, v]) => {
      const sorted = [...v].sort((a, b) => a - b);
      return `${k} ${percentile(sorted, 50).toFixed(1)}/${percentile(sorted, 99).toFixed(1)}`;
    });
    console.log(`    server phases p50/p99 (ms; busy/queued = pool connections at arrival): ${parts.join('  ')}`);
  }
  return { p50, p99 };
}

async function runBackend(kind: string): Promise<void> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let profileUrl: string | undefined;
  let profileDb: string | undefined;
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'pgcanvas-bench-'));
    env = { DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
    try { await admin.connect(); } catch (e) { console.log(`server: skipped, no PostgreSQL at ${ADMIN_URL} (${(e as Error).message})`); return; }
    const name = `pgcanvas_bench_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const version = await (async () => { const c = new pg.Client({ connectionString: url.toString() }); await c.connect(); const r = await c.query('SHOW server_version'); await c.end(); return r.rows[0].server_version; })();
    console.log(`server: PostgreSQL ${version}, pool max ${process.env.DATABASE_POOL_MAX ?? 10}`);
    env = { DATABASE_URL: url.toString() };
    profileUrl = url.toString();
    profileDb = name;
    cleanup = async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  }
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(env);
  } catch (error) {
    await cleanup(); // the bench database would otherwise stay behind
    throw error;
  }
  try {
    const origin = { origin: app.base, 'content-type': 'application/json' };
    const setup = await fetch(`${app.base}/api/setup`, { method: 'POST', headers: origin, body: JSON.stringify({ email: 'bench@example.com', password: 'bench password 1234' }) });
    if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
    const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
    const tokenReply = await fetch(`${app.base}/api/tokens`, { method: 'POST', headers: { ...origin, cookie }, body: JSON.stringify({ name: 'bench' }) });
    const { token } = (await tokenReply.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const model = modelWithTables(TABLES);
    const modelBytes = JSON.stringify({ model }).length;
    const projectIds: string[] = [];
    for (let i = 0; i < PROJECTS; i++) {
      const r = await fetch(`${app.base}/api/projects`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ name: `bench ${i}`, model }) });
      if (r.status !== 201) throw new Error(`create: ${r.status} ${await r.text()}`);
      projectIds.push(((await r.json()) as { id: string }).id);
    }
    console.log(`${kind}: ${CLIENTS} clients, ${PROJECTS} projects of ${TABLES} tables (${(modelBytes / 1024).toFixed(0)} KB per save), ${SECONDS} s`);

    // Reference: authentication only.
    const referenceStats = newStats();
    const refEnd = Date.now() + 3000;
    await Promise.all(Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < refEnd) await timed(referenceStats, () => fetch(`${app.base}/api/session`, { headers: auth }));
    }));

    const acknowledged = new Map<string, number>(projectIds.map((id) => [id, 0]));
    /**
     * cycle loads a project, changes one table's comment and saves it with If-Match: the whole model
     * (PUT, the issue's protocol) or, for the delta runs, only that table (PATCH, what the editor's
     * autosave sends after its first save).
     */
    const cycle = async (load: Stats, save: Stats, c: number, n: number, delta: boolean) => {
      const id = projectIds[c % PROJECTS]!;
      const got = await timed(load, () => fetch(`${app.base}/api/projects/${id}/model`, { headers: auth }));
      if (!got || got.status !== 200) return;
      const edited = editComment(await got.text(), (c + n) % TABLES, `client ${c} edit ${n + 1}`);
      if (edited.parsed) parsedEdits++;
      const { version } = edited;
      const body = delta ? `{"changes":{"tables":{"put":[${edited.table}]}}}` : `{"model":${edited.model}}`;
      const put = await timed(save, () => fetch(`${app.base}/api/projects/${id}/model`, {
        method: delta ? 'PATCH' : 'PUT', headers: { ...auth, 'content-type': 'application/json', 'if-match': String(version) }, body,
      }));
      if (put?.status === 200) acknowledged.set(id, acknowledged.get(id)! + 1);
    };
    const lostUpdates = async () => {
      let lost = 0;
      for (const id of projectIds) {
        const r = await fetch(`${app.base}/api/projects/${id}/model`, { headers: auth });
        const { version } = (await r.json()) as { version: number };
        lost += Math.abs(1 + acknowledged.get(id)! - version);
      }
      return lost;
    };
    const unexpected = (st: Stats) => st.errors + [...st.statuses.entries()].filter(([k]) => k !== 200 && k !== 409).reduce((a, [, v]) => a + v, 0);
    const reference = summary('reference', referenceStats, 3);

    /** run is one 30 s run: closed loop (paceMs undefined) or paced; PUT or PATCH saves. */
    const run = async (label: string, paceMs: number | undefined, delta: boolean) => {
      const load = newStats();
      const save = newStats();
      const before = [...acknowledged.values()].reduce((a, b) => a + b, 0);
      let late = 0;
      let cycles = 0;
      const end = Date.now() + SECONDS * 1000;
      const t0 = performance.now();
      const cpu0 = cpuMs(app.pid);
      const profile = startProfile(profileUrl, profileDb);
      await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
        // Paced: the clients' first starts spread over one period, as editors opened at different times would be.
        let next = performance.now() + (paceMs === undefined ? 0 : (paceMs * c) / CLIENTS);
        let n = 0;
        while (Date.now() < end) {
          if (paceMs !== undefined) {
            const wait = next - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            else if (n > 0) late++;
            next += paceMs;
          }
          cycles++;
          await cycle(load, save, c, n++, delta);
        }
      }));
      const elapsed = (performance.now() - t0) / 1000;
      const cpu1 = cpuMs(app.pid);
      const profiled = await profile();
      const lost = await lostUpdates();
      console.log(`  ${label}`);
      const l = summary('load', load, elapsed, reference.p50);
      const s = summary(delta ? 'save PATCH' : 'save PUT', save, elapsed, reference.p50);
      const saves = [...acknowledged.values()].reduce((a, b) => a + b, 0) - before;
      console.log(`    ${cycles} cycles (${(cycles / elapsed).toFixed(1)}/s)${paceMs === undefined ? '' : `, ${late} started late (previous cycle still running)`}; ${saves} saves acknowledged, ${save.statuses.get(409) ?? 0} stale saves refused (409); errors ${unexpected(load) + unexpected(save)}; lost updates ${lost}`);
      console.log(`    p99 < 50 ms: load ${l.p99 < 50 ? 'met' : 'NOT met'}, save ${s.p99 < 50 ? 'met' : 'NOT met'}`);
      if (cpu0 !== undefined && cpu1 !== undefined) {
        console.log(`    server process CPU: ${((cpu1 - cpu0) / Math.max(1, save.latencies.length)).toFixed(1)} ms per load/save cycle, ${((cpu1 - cpu0) / 10 / elapsed).toFixed(0)}% of one core`);
      }
      for (const line of profiled) console.log(`    ${line}`);
      if (parsedEdits > 0) console.log(`    (the client parsed ${parsedEdits} loads instead of editing their text)`);
      parsedEdits = 0;
    };

    await run('CLOSED LOOP, whole-model saves (PUT): the issue\'s figure', undefined, false);
    if (PACE_MS !== undefined && PACE_MS > 0) await run(`PACED: each client starts one load/save cycle every ${PACE_MS} ms (PUT; not the issue's figure)`, PACE_MS, false);
    if (DELTA) {
      await run('CLOSED LOOP, delta saves (PATCH with the one changed table; not the issue\'s figure)', undefined, true);
      if (PACE_MS !== undefined && PACE_MS > 0) await run(`PACED every ${PACE_MS} ms, delta saves (PATCH; not the issue's figure)`, PACE_MS, true);
    }
  } finally {
    await app.stop();
    await cleanup();
  }
}

async function main() {
  const { loadavg, cpus } = await import('node:os');
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} (figures are only comparable at a similar load)`);
  if (!existsSync(join(DIST, 'BUILD_ID'))) {
    console.log(`no build in ${DIST}: running next build first`);
    const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_DIST_DIR: DIST } });
    if (r.status !== 0) process.exit(1);
  }
  for (const kind of BACKENDS) await runBackend(kind);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
