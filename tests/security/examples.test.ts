/**
 * Every example model (examples/*.json): schema DDL from compileSql, then the generated security files in
 * order, apply cleanly on the server and PGlite, and again (idempotent); also with random security
 * marks (RLS templates, audit, updated_at, bcrypt in the database) on top.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compileSql } from '@/lib/compile';
import { createDatabase, DATABASE_KINDS, type TestDatabase } from '@/lib/testing';
import { securityFiles } from '@/lib/security';
import { parseModel } from '@/lib/model/validate';
import type { Model } from '@/lib/model';
import { arbMarks, mark } from './arbitrary';
import { applyFiles, dropServerRoles, uniquePrefix } from './helpers';

const dir = join(__dirname, '../../examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
  const parsed = parseModel(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  if (!parsed.ok) throw new Error(`${f} is not a valid model`);
  return [f, parsed.model] as const;
});

describe.each(DATABASE_KINDS)('security files for the examples (%s)', (kind) => {
  const rolePrefix = uniquePrefix();
  let last: TestDatabase | undefined;
  afterAll(async () => {
    if (last) await dropServerRoles(last, ['owner', 'migrator', 'rw', 'ro', 'admin'].map((s) => `${rolePrefix}_${s}`));
  });

  it('there are examples to check', () => expect(examples.length).toBeGreaterThanOrEqual(3));

  async function check(model: Model): Promise<void> {
    const db = await createDatabase(kind);
    last = db;
    try {
      // The DDL creates the roles an example declares (saas.json: its policies name saas_rw, saas_ro) if
      // the cluster lacks them; cluster-wide and privilege-free, so other test files may share them.
      await db.exec(compileSql(model));
      const files = securityFiles(model, { rolePrefix, bcryptCost: 10 });
      await applyFiles(db, files);
      await applyFiles(db, files);
    } finally {
      await db.close();
    }
  }

  for (const [name, model] of examples) {
    // Generous timeouts: the first PGlite of a worker boots from scratch (seconds to a minute on a busy machine).
    it(`${name}: applies after the schema DDL`, async () => {
      await check(model);
    }, 300_000);
    it(`${name}: applies with random security marks`, async () => {
      for (const marks of fc.sample(arbMarks, { numRuns: 2, seed: name.length })) await check(mark(model, marks));
    }, 300_000);
  }
});
