/**
 * Drizzle oracle: the emitted schema.ts, given to drizzle-kit (generateDrizzleJson + generateMigration
 * from empty) and applied with extras-before.sql / extras.sql, gives the same catalog as our own
 * compileSql output, on the PostgreSQL server and on PGlite, for every example and for random models.
 * The only differences allowed are the documented gaps (tests/drizzle/gaps.ts, docs/drizzle-export.md).
 */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ModelSchema, type Model } from '@/lib/model';
import { compileSql } from '@/lib/compile';
import { emitDrizzle } from '@/lib/drizzle';
import { arbModel } from '@/lib/testing/arbitraries';
import { DATABASE_KINDS, catalogFingerprint, createDatabase, type DatabaseKind } from '@/lib/testing';
import { drizzleKitSafe } from './drizzle-kit-safe';
import { hostileModel } from './hostile-model';
import { normaliseDrizzleGaps } from './gaps';
import { drizzleKitMigration, ensureRoles, ORACLE_DIR, runScript, writeFiles } from './oracle-helpers';

// Each random model costs two fresh databases; PGlite databases are slower, so it gets fewer.
const RUNS = { server: Number(process.env.DRIZZLE_ORACLE_RUNS ?? 30), pglite: Number(process.env.DRIZZLE_ORACLE_RUNS ?? 15) } as const;
const TARGET = { server: 15, pglite: 18 } as const;

function exampleModels(): [string, Model][] {
  const dir = join(process.cwd(), 'examples');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    names = [];
  }
  return names.map((f) => [f, ModelSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')))]);
}

async function oracle(kind: DatabaseKind, original: Model): Promise<void> {
  const model = drizzleKitSafe(original);
  const files = emitDrizzle(model).files;
  const file = (p: string) => files.find((f) => f.path === p)?.content;
  const dir = writeFiles(files, kind);
  const migration = await drizzleKitMigration(dir);

  const viaDrizzle = await createDatabase(kind);
  const viaCompile = await createDatabase(kind);
  try {
    await ensureRoles(viaDrizzle, model);
    await ensureRoles(viaCompile, model);
    const before = file('extras-before.sql');
    if (before) await runScript(viaDrizzle, [before], 'extras-before.sql');
    await runScript(viaDrizzle, migration, 'drizzle-kit migration');
    await runScript(viaDrizzle, [file('extras.sql')!], 'extras.sql');
    await runScript(viaCompile, [compileSql(model, { target: TARGET[kind] })], 'compileSql');
    const drizzleSide = await catalogFingerprint(viaDrizzle.query);
    const ours = normaliseDrizzleGaps(await catalogFingerprint(viaCompile.query));
    expect(drizzleSide, `drizzle output in ${dir}`).toEqual(ours);
  } finally {
    await viaDrizzle.close();
    await viaCompile.close();
  }
  rmSync(dir, { recursive: true, force: true });
}

afterAll(() => {
  rmSync(ORACLE_DIR, { recursive: true, force: true });
});

describe.each(DATABASE_KINDS)('Drizzle oracle on %s', (kind) => {
  for (const [name, model] of [...exampleModels(), ['hand-made hostile names', hostileModel()] as [string, Model]]) {
    it(`example ${name}`, async () => {
      await oracle(kind, model);
    });
  }

  it(`${RUNS[kind]} random models`, async () => {
    await fc.assert(
      fc.asyncProperty(arbModel({ target: TARGET[kind] }), async (model) => {
        await oracle(kind, model);
      }),
      // Each run builds two databases: report the first failing model (with its seed) instead of shrinking for minutes.
      { numRuns: RUNS[kind], endOnFailure: true },
    );
  }, 1_200_000);
});
