/**
 * Drizzle oracle: the emitted schema.ts, given to drizzle-kit (generateDrizzleJson + generateMigration
 * from empty) and applied with extras-before.sql / extras.sql, gives the same catalog as our own
 * compileSql output, on the PostgreSQL server and on PGlite, for every example and for random models.
 * The only differences allowed are the documented gaps (tests/drizzle/gaps.ts, docs/drizzle-export.md).
 */
import { afterAll, describe, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ModelSchema, type Model } from '@/lib/model';
import { arbModel } from '@/lib/testing/arbitraries';
import { DATABASE_KINDS } from '@/lib/testing';
import { hostileModel } from './hostile-model';
import { ORACLE_DIR, oracle, TARGET } from './oracle-helpers';

// Each random model costs two fresh databases; PGlite databases are slower, so it gets fewer.
const RUNS = { server: Number(process.env.DRIZZLE_ORACLE_RUNS ?? 30), pglite: Number(process.env.DRIZZLE_ORACLE_RUNS ?? 15) } as const;

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
      // FC_SEED replays a reported seed. Each run builds two databases: report the first failing model (with its seed) instead of shrinking for minutes.
      { numRuns: RUNS[kind], endOnFailure: true },
    );
  }, 1_200_000);
});
