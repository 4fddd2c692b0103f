/**
 * Benchmark: validate, compileSql and emitDrizzle on models of 100, 1,000 and 5,000 tables (~10 columns,
 * ~1.5 foreign keys, ~1 index each), against the reference drizzle-kit generateDrizzleJson +
 * generateMigration from empty on the same schema (the emitted Drizzle TypeScript, imported once,
 * outside the timing), all in this process. Prints medians, the ratio drizzle-kit / (compile + emit),
 * and the 5,000 / 1,000 scaling. Targets: ratio >= 10 at 1,000 tables; scaling <= 6.
 * Run: `npm run bench compile` or `npx tsx bench/compile.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { loadSqlParser } from '@/lib/model';
import { validate } from '@/lib/model/validate';
import { compileSql } from '@/lib/compile';
import { emitDrizzle } from '@/lib/drizzle';
import { largeModel } from './_large-model';

const SIZES = [
  { tables: 100, runs: 9, kitRuns: 5, kitWarmup: true },
  { tables: 1000, runs: 7, kitRuns: 3, kitWarmup: true },
  // drizzle-kit takes tens of seconds here: one run, no warm-up, to keep the bench under ~3 minutes.
  { tables: 5000, runs: 5, kitRuns: 1, kitWarmup: false },
];

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

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1)).padStart(9);

await loadSqlParser();
const outDir = join(process.cwd(), 'bench', 'out', 'drizzle');
mkdirSync(outDir, { recursive: true });
const rows: { tables: number; validate: number; compile: number; emit: number; kit: number }[] = [];
for (const size of SIZES) {
  const model = largeModel(size.tables);
  const findings = validate(model).filter((f) => f.severity === 'error');
  if (findings.length) throw new Error(`bench model is invalid: ${findings.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  const file = join(outDir, `schema-${size.tables}.ts`);
  writeFileSync(file, emitDrizzle(model).files.find((f) => f.path === 'schema.ts')!.content);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const empty = generateDrizzleJson({});
  const kit = () => generateMigration(empty, generateDrizzleJson(mod));
  // Warm-up (JIT, lazy module state), then interleaved rounds so a busy machine slows both sides alike.
  validate(model); compileSql(model); emitDrizzle(model);
  if (size.kitWarmup) await kit();
  const t = { validate: [] as number[], compile: [] as number[], emit: [] as number[], kit: [] as number[] };
  for (let i = 0; i < size.runs; i++) {
    t.validate.push(await time(() => validate(model)));
    t.compile.push(await time(() => compileSql(model)));
    t.emit.push(await time(() => emitDrizzle(model)));
    if (i < size.kitRuns) t.kit.push(await time(kit));
  }
  const [validateMs, compileMs, emitMs, kitMs] = [medianOf(t.validate), medianOf(t.compile), medianOf(t.emit), medianOf(t.kit)];
  rows.push({ tables: size.tables, validate: validateMs, compile: compileMs, emit: emitMs, kit: kitMs });
  console.log(`measured ${size.tables} tables`);
}

console.log('\nmedians of CPU time in ms');
console.log(`${'tables'.padStart(7)} ${'validate'.padStart(9)} ${'compile'.padStart(9)} ${'emit'.padStart(9)} ${'comp+emit'.padStart(9)} ${'drizzle-kit'.padStart(11)} ${'kit/ours'.padStart(9)}`);
for (const r of rows) {
  const ours = r.compile + r.emit;
  console.log(`${String(r.tables).padStart(7)} ${ms(r.validate)} ${ms(r.compile)} ${ms(r.emit)} ${ms(ours)} ${ms(r.kit).padStart(11)} ${(r.kit / ours).toFixed(1).padStart(8)}x`);
}
const at = (n: number) => rows.find((r) => r.tables === n)!;
const [k1, k5] = [at(1000), at(5000)];
const scale = (f: (r: (typeof rows)[number]) => number) => (f(k5) / f(k1)).toFixed(2);
console.log(`\nscaling 5,000 / 1,000 tables: validate ${scale((r) => r.validate)}x, compile ${scale((r) => r.compile)}x, emit ${scale((r) => r.emit)}x, compile+emit ${scale((r) => r.compile + r.emit)}x, drizzle-kit ${scale((r) => r.kit)}x`);
const ratio = k1.kit / (k1.compile + k1.emit);
const scaling = (k5.compile + k5.emit) / (k1.compile + k1.emit);
console.log(`targets: compile+emit >= 10x faster than drizzle-kit at 1,000 tables: ${ratio.toFixed(1)}x ${ratio >= 10 ? 'MET' : 'MISSED'}; 5,000 within 6x of 1,000: ${scaling.toFixed(2)}x ${scaling <= 6 ? 'MET' : 'MISSED'}`);
