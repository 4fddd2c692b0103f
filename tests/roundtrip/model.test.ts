/**
 * Model round trip: a random valid model (arbModel) is compiled and applied, then pulled back; the
 * pulled model equals the original in the normal form of docs/import.md (ids aside). Pulling twice
 * through compile/apply gives the same model (idempotence). ROUNDTRIP_SEED=<n> replays fast-check's seed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DATABASE_KINDS } from '@/lib/testing';
import { arbModel } from '@/lib/testing/arbitraries';
import { introspect } from '@/lib/introspect';
import { compileSql } from '@/lib/compile';
import { loadSqlParser } from '@/lib/model';
import { applyScript, TARGET, withDatabases } from './helpers';
import { normalModel, withoutIds } from './normal-form';

const RUNS = Number(process.env.MODEL_ROUNDTRIP_RUNS ?? 15);
const SEED = process.env.ROUNDTRIP_SEED !== undefined ? Number(process.env.ROUNDTRIP_SEED) : undefined;

describe.each(DATABASE_KINDS)('model round trip on %s', (kind) => {
  it(`compile, apply, pull gives the model back (${RUNS} random models)`, async () => {
    await loadSqlParser();
    await fc.assert(
      fc.asyncProperty(arbModel({ target: TARGET[kind] === 18 ? 16 : 15, maxTables: 4 }), async (model) => {
        await withDatabases(kind, 2, async (a, b) => {
          const sql = compileSql(model, { target: TARGET[kind] });
          await applyScript(a, sql);
          const user = String((await a.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u);
          const pulled = await introspect(a.query);
          expect(withoutIds(normalModel(pulled, user)), sql).toEqual(withoutIds(normalModel(model, user)));
          await applyScript(b, compileSql(pulled, { target: TARGET[kind] }));
          const again = await introspect(b.query);
          expect(withoutIds(again)).toEqual(withoutIds(pulled));
        });
      }),
      { numRuns: RUNS, endOnFailure: true, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
  }, 600_000);
});
