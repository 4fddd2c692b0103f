/**
 * Benchmark: advise(model) (every advisor rule, as the editor's findings worker runs it on each edit) on
 * models of 100, 1,000 and 5,000 tables from bench/_large-model.ts, against validate(model) on the same
 * model in the same process as the reference. Prints CPU-time medians and advise / validate.
 * Run: `npm run bench advise` or `npx tsx bench/advise.ts`.
 */
import { loadSqlParser } from '@/lib/model';
import { validate } from '@/lib/model/validate';
import { advise } from '@/lib/advisor';
import { largeModel } from './_large-model';

const SIZES = [100, 1000, 5000];
const ROUNDS = 7;

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** time measures this process's CPU time (user + system), which other processes on a shared machine stretch less than wall time. */
function time(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

await loadSqlParser();
console.log(`${'tables'.padStart(7)} ${'validate'.padStart(9)} ${'advise'.padStart(9)} ${'findings'.padStart(9)} ${'advise/validate'.padStart(16)}`);
for (const tables of SIZES) {
  const model = largeModel(tables);
  // Warm-up (JIT, parse caches), then rounds alternating the two so a busy machine slows both alike.
  validate(model);
  const findings = advise(model).length;
  const v: number[] = [];
  const a: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    v.push(time(() => validate(model)));
    a.push(time(() => advise(model)));
  }
  const [vm, am] = [medianOf(v), medianOf(a)];
  console.log(`${String(tables).padStart(7)} ${vm.toFixed(1).padStart(9)} ${am.toFixed(1).padStart(9)} ${String(findings).padStart(9)} ${(am / vm).toFixed(2).padStart(15)}x`);
}
