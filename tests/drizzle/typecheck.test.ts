/**
 * The emitted TypeScript (the Drizzle export, RLS template policies included) compiles under
 * `tsc --strict`: every example, a hand-made model of hostile names, the security fixture, and random
 * models with and without security marks, written under tests/tmp and checked in ONE tsc run (fast), resolving
 * drizzle-orm from the repo's node_modules like a user's project would.
 */
import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ModelSchema, type Model } from '@/lib/model';
import { drizzleExport } from '@/lib/bundle/drizzle';
import { arbModel } from '@/lib/testing/arbitraries';
import { hostileModel } from './hostile-model';
import { securityFixture } from '../security/fixture';
import { arbSecuredModel } from '../security/arbitrary';

const DIR = join(process.cwd(), 'tests', 'tmp', 'drizzle-tsc');
const RANDOM = Number(process.env.DRIZZLE_TSC_MODELS ?? 40);

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

it(`emitted schema.ts and relations.ts compile with tsc --strict (examples, hostile names, security fixture, ${RANDOM} + ${RANDOM / 4} random models)`, () => {
  rmSync(DIR, { recursive: true, force: true });
  const models: [string, Model][] = readdirSync('examples').filter((f) => f.endsWith('.json')).sort()
    .map((f) => [f.replace(/\.json$/, ''), ModelSchema.parse(JSON.parse(readFileSync(join('examples', f), 'utf8')))]);
  models.push(['hostile', hostileModel()], ['security', securityFixture()]);
  // The run's seed (fixed under CI; FC_SEED replays), as for every property: see docs/testing.md.
  const seed = fc.readConfigureGlobal().seed ?? 0;
  fc.sample(arbModel(), { numRuns: RANDOM, seed }).forEach((m, i) => models.push([`random-${i}`, m]));
  fc.sample(arbSecuredModel(), { numRuns: RANDOM / 4, seed }).forEach((m, i) => models.push([`secured-${i}`, m]));
  for (const [name, model] of models) {
    const dir = join(DIR, name);
    mkdirSync(dir, { recursive: true });
    for (const f of drizzleExport(model).files) if (f.path.endsWith('.ts')) writeFileSync(join(dir, f.path), f.content);
  }
  writeFileSync(join(DIR, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'esnext', moduleResolution: 'bundler', target: 'ES2022', lib: ['ES2023'], types: [], skipLibCheck: true, noUnusedLocals: true },
    include: ['**/*.ts'],
  }));
  const r = spawnSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', join(DIR, 'tsconfig.json')], { encoding: 'utf8' });
  expect(r.stdout + r.stderr, `tsc failed (random models seed ${seed})`).toBe('');
  expect(r.status).toBe(0);
}, 300_000);
