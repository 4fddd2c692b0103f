/**
 * Convergence: apply model A, then plan(diff(A, B)) step by step; the catalog must equal a fresh apply
 * of B. Hand-written pairs exercise each change kind; random pairs (rename everything, drop everything,
 * replace one random model by another) exercise them in bulk. Each case runs in a rolled-back transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DATABASE_KINDS, catalogFingerprint, createDatabase, type CatalogFingerprint, type TestDatabase } from '@/lib/testing';
import { arbModel } from '@/lib/testing/arbitraries';
import { compileSql } from '@/lib/compile';
import { diff } from '@/lib/diff';
import { plan, type Step } from '@/lib/plan';
import { emptyModel, type Model } from '@/lib/model';
import { BASE, MUTATIONS } from './fixtures/mutations';
import { prefixIds, renameAll } from './model-transforms';

const RANDOM_RUNS = Number(process.env.PGCANVAS_CONVERGENCE_RUNS ?? 15);

/**
 * normalise drops what PostgreSQL names by itself and does not rename with its owner: identity
 * sequences (their options stay, on the column) and the keys and indexes a partition inherits.
 */
function normalise(fp: CatalogFingerprint): CatalogFingerprint {
  const sequences = Object.fromEntries(Object.entries(fp.sequences).filter(([, s]) => !s.identity));
  const tables = Object.fromEntries(Object.entries(fp.tables).map(([name, t]) => {
    if (t.partition_of === null) return [name, t];
    const constraints = Object.fromEntries(Object.entries(t.constraints as Record<string, { type: string }>).filter(([, c]) => c.type !== 'p' && c.type !== 'u'));
    return [name, { ...t, constraints, indexes: {} }];
  }));
  return { ...fp, sequences, tables };
}

describe.each(DATABASE_KINDS)('diff and plan converge on %s', (kind) => {
  let db: TestDatabase;
  const target = kind === 'server' ? 15 : 18;
  beforeAll(async () => { db = await createDatabase(kind); });
  afterAll(async () => { await db?.close(); });

  async function fresh(model: Model): Promise<CatalogFingerprint> {
    await db.exec('BEGIN');
    try {
      await db.exec(compileSql(model, { target }));
      return normalise(await catalogFingerprint(db.query));
    } finally {
      await db.exec('ROLLBACK');
    }
  }

  async function migrated(a: Model, b: Model): Promise<{ fp: CatalogFingerprint; steps: Step[] }> {
    const steps = plan(diff(a, b), { target });
    await db.exec('BEGIN');
    try {
      await db.exec(compileSql(a, { target }));
      for (const step of steps) {
        try {
          await db.exec(step.sql);
        } catch (error) {
          throw new Error(`step failed: ${step.sql}\n${(error as Error).message}\nplan:\n${steps.map((s) => s.sql).join(';\n')}`);
        }
      }
      return { fp: normalise(await catalogFingerprint(db.query)), steps };
    } finally {
      await db.exec('ROLLBACK');
    }
  }

  it.each(MUTATIONS.map((m) => [m.name, m] as const))('%s', async (_name, mutation) => {
    const a = mutation.start ? mutation.start(structuredClone(BASE)) : BASE;
    const b = mutation.apply(structuredClone(a));
    const { fp, steps } = await migrated(a, b);
    expect(fp).toEqual(await fresh(b));
    expect(steps.length).toBeGreaterThan(0);
    // The plan of a model against itself is empty: nothing drifts.
    expect(plan(diff(b, structuredClone(b)), { target })).toEqual([]);
    for (const code of mutation.hazards ?? []) expect(steps.flatMap((s) => s.hazards.map((h) => h.code))).toContain(code);
  });

  it(`random models: renaming every object converges with renames only (${RANDOM_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(arbModel({ target: 15 }), async (a) => {
      const b = renameAll(a);
      const changes = diff(a, b);
      expect(changes.every((c) => c.kind.endsWith('.rename'))).toBe(true);
      const { fp } = await migrated(a, b);
      expect(fp).toEqual(await fresh(b));
    }), { numRuns: RANDOM_RUNS, endOnFailure: true });
  }, 600_000);

  it(`random models: dropping everything leaves an empty database (${RANDOM_RUNS} runs)`, async () => {
    const empty = await fresh(emptyModel());
    await fc.assert(fc.asyncProperty(arbModel({ target: 15 }), async (a) => {
      const publicOnly: Model = { ...emptyModel(), schemas: a.schemas.filter((s) => s.name === 'public') };
      const { fp } = await migrated(a, publicOnly);
      expect(fp).toEqual(empty);
    }), { numRuns: RANDOM_RUNS, endOnFailure: true });
  }, 600_000);

  it(`random models: replacing one model by another converges (${RANDOM_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(arbModel({ target: 15 }), arbModel({ target: 15 }), async (a0, b) => {
      const a = prefixIds(a0, 'old_');
      const { fp } = await migrated(a, b);
      expect(fp).toEqual(await fresh(b));
    }), { numRuns: RANDOM_RUNS, endOnFailure: true });
  }, 600_000);
});
