/**
 * Benchmark: validate, compileSql and emitDrizzle on models of 100, 1,000 and 5,000 tables (~10 columns,
 * ~1.5 foreign keys, ~1 index each), against the reference drizzle-kit generateDrizzleJson +
 * generateMigration from empty on the same schema (the emitted Drizzle TypeScript, imported once,
 * outside the timing), all in this process. Prints medians, the ratio drizzle-kit / (compile + emit),
 * and the 5,000 / 1,000 scaling. Ours is measured first, every size in each round; then drizzle-kit,
 * each of its runs paired with a run of ours on the same model for the ratio.
 * Targets: ratio >= 10 at 1,000 tables; scaling <= 6.
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
  { tables: 100, kitRuns: 5, kitWarmup: true },
  { tables: 1000, kitRuns: 3, kitWarmup: true },
  // drizzle-kit takes seconds here: one run, no warm-up, to keep the bench short.
  { tables: 5000, kitRuns: 1, kitWarmup: false },
];
/** ROUNDS of ours: each round measures every size once. */
const ROUNDS = 9;

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
const models = SIZES.map((size) => {
  const model = largeModel(size.tables);
  const findings = validate(model).filter((f) => f.severity === 'error');
  if (findings.length) throw new Error(`bench model is invalid: ${findings.slice(0, 3).map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  // Warm-up (JIT, lazy module state).
  compileSql(model); emitDrizzle(model);
  return model;
});

// Ours, all sizes in each round: the scaling compares sizes measured on the same heap and under the same
// machine load, not one size after another (the later one would also pay for collecting what the earlier
// ones and drizzle-kit left behind).
const ours = SIZES.map(() => ({ validate: [] as number[], compile: [] as number[], emit: [] as number[] }));
for (let round = 0; round < ROUNDS; round++) {
  for (let i = 0; i < SIZES.length; i++) {
    const model = models[i]!;
    ours[i]!.validate.push(await time(() => validate(model)));
    ours[i]!.compile.push(await time(() => compileSql(model)));
    ours[i]!.emit.push(await time(() => emitDrizzle(model)));
  }
}
console.log(`measured ${SIZES.map((s) => s.tables).join(', ')} tables, ${ROUNDS} rounds`);

// The reference: drizzle-kit on the emitted schema (imported once, outside the timing), each run paired
// with a run of ours on the same model, so a busy machine slows both sides of the ratio alike.
const reference = SIZES.map(() => ({ kit: [] as number[], ours: [] as number[] }));
for (let i = 0; i < SIZES.length; i++) {
  const size = SIZES[i]!;
  const model = models[i]!;
  const file = join(outDir, `schema-${size.tables}.ts`);
  writeFileSync(file, emitDrizzle(model).files.find((f) => f.path === 'schema.ts')!.content);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const empty = generateDrizzleJson({});
  const kit = () => generateMigration(empty, generateDrizzleJson(mod));
  if (size.kitWarmup) await kit();
  for (let run = 0; run < size.kitRuns; run++) {
    reference[i]!.ours.push((await time(() => compileSql(model))) + (await time(() => emitDrizzle(model))));
    reference[i]!.kit.push(await time(kit));
  }
  console.log(`measured drizzle-kit at ${size.tables} tables`);
}

const rows = SIZES.map((size, i) => ({
  tables: size.tables,
  validate: medianOf(ours[i]!.validate),
  compile: medianOf(ours[i]!.compile),
  emit: medianOf(ours[i]!.emit),
  kit: medianOf(reference[i]!.kit),
  paired: medianOf(reference[i]!.ours),
}));

console.log('\nmedians of CPU time in ms (ours: every size in each round; drizzle-kit: paired with a run of ours)');
console.log(`${'tables'.padStart(7)} ${'validate'.padStart(9)} ${'compile'.padStart(9)} ${'emit'.padStart(9)} ${'comp+emit'.padStart(9)} ${'drizzle-kit'.padStart(11)} ${'paired ours'.padStart(11)} ${'kit/ours'.padStart(9)}`);
for (const r of rows) {
  console.log(`${String(r.tables).padStart(7)} ${ms(r.validate)} ${ms(r.compile)} ${ms(r.emit)} ${ms(r.compile + r.emit)} ${ms(r.kit).padStart(11)} ${ms(r.paired).padStart(11)} ${(r.kit / r.paired).toFixed(1).padStart(8)}x`);
}
const at = (n: number) => rows.find((r) => r.tables === n)!;
const [k1, k5] = [at(1000), at(5000)];
const scale = (f: (r: (typeof rows)[number]) => number) => (f(k5) / f(k1)).toFixed(2);
console.log(`\nscaling 5,000 / 1,000 tables: validate ${scale((r) => r.validate)}x, compile ${scale((r) => r.compile)}x, emit ${scale((r) => r.emit)}x, compile+emit ${scale((r) => r.compile + r.emit)}x, drizzle-kit ${scale((r) => r.kit)}x`);
const ratio = k1.kit / k1.paired;
const scaling = (k5.compile + k5.emit) / (k1.compile + k1.emit);
console.log(`targets: compile+emit >= 10x faster than drizzle-kit at 1,000 tables: ${ratio.toFixed(1)}x ${ratio >= 10 ? 'MET' : 'MISSED'}; 5,000 within 6x of 1,000: ${scaling.toFixed(2)}x ${scaling <= 6 ? 'MET' : 'MISSED'}`);
