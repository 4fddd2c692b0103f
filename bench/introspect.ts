/**
 * bench/introspect.ts: a generated 1,000-table database (about 10 columns, 1.5 foreign keys and 1 index
 * per table) on the PostgreSQL server. Times, as medians:
 * - pull: connect + introspect (a fixed handful of catalog queries) + model JSON, in process;
 * - pg_dump --schema-only of the same database (the reference);
 * - drizzle-kit pull (its CLI with a temporary config, writing into a temporary folder; one run by
 *   default, it is slow: BENCH_DRIZZLE_RUNS=n for more);
 * - import-sql of the same DDL file (parse + model build, parser already loaded).
 * Targets (issue #3): pull <= 1.5x pg_dump, >= 5x faster than drizzle-kit pull, import-sql < 1 s.
 * Server: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres.
 */
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { introspectWithReport } from '../lib/introspect';
import { importSql } from '../lib/import';
import { loadSqlParser } from '../lib/model/expression';

const TABLES = Number(process.env.BENCH_TABLES ?? 1000);
const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** ddl writes the benchmark schema: deterministic, so runs compare. */
function ddl(): string {
  const out: string[] = [];
  const types = ['integer', 'bigint', 'text', 'varchar(80)', 'numeric(12,2)', 'boolean', 'timestamptz', 'date', 'jsonb', 'uuid'];
  for (let t = 0; t < TABLES; t++) {
    const cols = ['id bigserial PRIMARY KEY'];
    for (let c = 0; c < 7; c++) cols.push(`c${c} ${types[(t + c) % types.length]}${c % 3 === 0 ? ' NOT NULL' : ''}${c === 2 && types[(t + c) % types.length]!.startsWith('text') ? " DEFAULT 'x'" : ''}`);
    // 1.5 foreign keys per table on average: every table one, every other table a second.
    const fks = t === 0 ? 0 : t % 2 === 0 ? 2 : 1;
    for (let f = 0; f < fks; f++) cols.push(`ref${f} bigint REFERENCES t${String((t * 7 + f * 13) % t).padStart(4, '0')} (id)`);
    while (cols.length < 10) cols.push(`extra${cols.length} text`);
    out.push(`CREATE TABLE t${String(t).padStart(4, '0')} (\n  ${cols.join(',\n  ')}\n);`);
    out.push(`CREATE INDEX ON t${String(t).padStart(4, '0')} (c1, c0);`);
  }
  return out.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    xs.push(performance.now() - start);
  }
  return median(xs);
}

async function main(): Promise<void> {
  const name = `pgcanvas_bench_${process.pid}`;
  const adminClient = new pg.Client({ connectionString: admin });
  adminClient.on('error', () => {});
  await adminClient.connect();
  await adminClient.query(`DROP DATABASE IF EXISTS ${name}`);
  await adminClient.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'pgcanvas-bench-'));
  try {
    const script = ddl();
    const setup = new pg.Client({ connectionString: url.toString() });
    setup.on('error', () => {});
    await setup.connect();
    await setup.query(script);
    await setup.end();
    await loadSqlParser();

    const pullMs = await time(5, async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      client.on('error', () => {});
      await client.connect();
      const { model } = await introspectWithReport((sql, params) => client.query(sql, params as unknown[] | undefined));
      if (model.tables.length !== TABLES) throw new Error(`pulled ${model.tables.length} tables`);
      JSON.stringify(model);
      await client.end();
    });
    const dumpMs = await time(5, () => execFileSync('pg_dump', ['--schema-only', '-d', url.toString(), '-f', join(dir, 'dump.sql')]));
    const importMs = await time(5, () => {
      const r = importSql(script);
      if (!r.ok || r.model.tables.length !== TABLES) throw new Error('import failed');
    });
    const config = join(dir, 'drizzle.config.json');
    writeFileSync(config, JSON.stringify({ dialect: 'postgresql', dbCredentials: { url: url.toString() }, out: join(dir, 'drizzle') }));
    const drizzleBin = join(process.cwd(), 'node_modules', '.bin', 'drizzle-kit');
    const drizzleRuns = Number(process.env.BENCH_DRIZZLE_RUNS ?? 1);
    const drizzleMs = drizzleRuns === 0 ? Number.NaN : await time(drizzleRuns, () => execFileSync(drizzleBin, ['pull', `--config=${config}`], { cwd: dir, stdio: 'ignore' }));

    const f = (ms: number) => `${ms.toFixed(0)} ms`;
    console.log(`${TABLES} tables, ~10 columns, 1.5 foreign keys and 1 index each (medians)`);
    console.log(`  pgcanvas pull            ${f(pullMs)}`);
    console.log(`  pg_dump --schema-only    ${f(dumpMs)}   (reference)`);
    console.log(`  drizzle-kit pull         ${drizzleRuns === 0 ? 'skipped (BENCH_DRIZZLE_RUNS=0)' : f(drizzleMs)}`);
    console.log(`  pgcanvas import-sql      ${f(importMs)}`);
    console.log(`  pull / pg_dump           ${(pullMs / dumpMs).toFixed(2)}x   (target <= 1.5x)`);
    if (drizzleRuns > 0) console.log(`  drizzle-kit / pull       ${(drizzleMs / pullMs).toFixed(1)}x   (target >= 5x)`);
    console.log(`  import-sql               ${importMs < 1000 ? 'under' : 'OVER'} 1 s   (target < 1 s)`);
    console.log(`  (load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminClient.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
