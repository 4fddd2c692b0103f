/**
 * Benchmark: validate, compileSql and emitDrizzle on models of 100, 1,000 and 5,000 tables (~10 columns,
 * ~1.5 foreign keys, ~1 index each), against the reference drizzle-kit generateDrizzleJson +
 * generateMigration from empty on the same schema (the emitted Drizzle TypeScript, imported once,
 * outside the timing). Prints medians, the ratio drizzle-kit / (compile + emit) and the 5,000 / 1,000
 * scaling. Targets: ratio >= 10 at 1,000 tables; scaling <= 6.
 *
 * Each size, and each side (ours, drizzle-kit), runs in a process of its own, as one model does in
 * `pgcanvas sql`: in a shared process the garbage one run leaves (drizzle-kit's above all) is collected
 * during another's, and which one pays for it depends on the order of the runs.
 * Run: `npm run bench compile` or `npx tsx bench/compile.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { loadSqlParser } from '@/lib/model';
import { validate } from '@/lib/model/validate';
import { compileSql } from '@/lib/compile';
import { emitDrizzle } from '@/lib/drizzle';
import { largeModel } from './_large-model';

const SIZES = [
  { tables: 100, kitRuns: 5, kitWarmup: true },
  { tables: 1000, kitRuns: 3, kitWarmup: true },
  // drizzle-kit takes seconds here: one run, no warm-up, to keep the bench short.
  { tables: 5000, kitRuns: 1, kitWarmup: false },
];
/** ROUNDS of ours per size. */
const ROUNDS = 9;

interface SizeResult { tables: number; validate: number; compile: number; emit: number; kit: number }

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * time measures the CPU time (user + system) of this process, not wall time: on a shared machine other
 * processes stretch wall time unevenly, while both sides here are single-threaded and CPU-bound.
 */
async function time(fn: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** measureOurs is one child process's work: validate, compileSql and emitDrizzle on one model. */
async function measureOurs(size: (typeof SIZES)[number]): Promise<Omit<SizeResult, 'kit'>> {
  await loadSqlParser();
  const model = largeModel(size.tables);
  const findings = validate(model).filter((f) => f.severity === 'error');
  if (findings.length) throw new Error(`bench model is invalid: ${findings.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  // Warm-up (JIT, lazy module state).
  validate(model); compileSql(model); emitDrizzle(model);
  const ours = { validate: [] as number[], compile: [] as number[], emit: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    ours.validate.push(await time(() => validate(model)));
    ours.compile.push(await time(() => compileSql(model)));
    ours.emit.push(await time(() => emitDrizzle(model)));
  }
  return { tables: size.tables, validate: medianOf(ours.validate), compile: medianOf(ours.compile), emit: medianOf(ours.emit) };
}

/** measureKit is the reference's child process: drizzle-kit on the schema we emit for the same model. */
async function measureKit(size: (typeof SIZES)[number]): Promise<{ kit: number }> {
  const model = largeModel(size.tables);
  const outDir = join(process.cwd(), 'bench', 'out', 'drizzle');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `schema-${size.tables}.ts`);
  writeFileSync(file, emitDrizzle(model).files.find((f) => f.path === 'schema.ts')!.content);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
  const empty = generateDrizzleJson({});
  const kit = () => generateMigration(empty, generateDrizzleJson(mod));
  if (size.kitWarmup) await kit();
  const runs: number[] = [];
  for (let run = 0; run < size.kitRuns; run++) runs.push(await time(kit));
  return { kit: medianOf(runs) };
}

/** inChild runs one side of one size in a fresh process and returns what it printed. */
function inChild<T>(tables: number, side: 'ours' | 'kit'): T {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!], {
    env: { ...process.env, BENCH_COMPILE_SIZE: String(tables), BENCH_COMPILE_SIDE: side }, encoding: 'utf8', maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`measuring ${side} at ${tables} tables failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

const child = process.env.BENCH_COMPILE_SIZE;
if (child) {
  const size = SIZES.find((s) => s.tables === Number(child))!;
  const result = process.env.BENCH_COMPILE_SIDE === 'kit' ? await measureKit(size) : await measureOurs(size);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const rows: SizeResult[] = [];
  for (const size of SIZES) {
    rows.push({ ...inChild<Omit<SizeResult, 'kit'>>(size.tables, 'ours'), ...inChild<{ kit: number }>(size.tables, 'kit') });
    console.log(`measured ${size.tables} tables`);
  }
  const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1)).padStart(9);
  console.log('\nmedians of CPU time in ms (each size and side in a process of its own)');
  console.log(`${'tables'.padStart(7)} ${'validate'.padStart(9)} ${'compile'.padStart(9)} ${'emit'.padStart(9)} ${'comp+emit'.padStart(9)} ${'drizzle-kit'.padStart(11)} ${'kit/ours'.padStart(9)}`);
  for (const r of rows) {
    console.log(`${String(r.tables).padStart(7)} ${ms(r.validate)} ${ms(r.compile)} ${ms(r.emit)} ${ms(r.compile + r.emit)} ${ms(r.kit).padStart(11)} ${(r.kit / (r.compile + r.emit)).toFixed(1).padStart(8)}x`);
  }
  const at = (n: number) => rows.find((r) => r.tables === n)!;
  const [k1, k5] = [at(1000), at(5000)];
  const scale = (f: (r: SizeResult) => number) => (f(k5) / f(k1)).toFixed(2);
  console.log(`\nscaling 5,000 / 1,000 tables: validate ${scale((r) => r.validate)}x, compile ${scale((r) => r.compile)}x, emit ${scale((r) => r.emit)}x, compile+emit ${scale((r) => r.compile + r.emit)}x, drizzle-kit ${scale((r) => r.kit)}x`);
  const ratio = k1.kit / (k1.compile + k1.emit);
  const scaling = (k5.compile + k5.emit) / (k1.compile + k1.emit);
  console.log(`targets: compile+emit >= 10x faster than drizzle-kit at 1,000 tables: ${ratio.toFixed(1)}x ${ratio >= 10 ? 'MET' : 'MISSED'}; 5,000 within 6x of 1,000: ${scaling.toFixed(2)}x ${scaling <= 6 ? 'MET' : 'MISSED'}`);
}
