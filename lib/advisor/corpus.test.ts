/**
 * The advisor on real-world schemas (../shared/corpus: pagila, northwind), imported with lib/import, and
 * checked against PostgreSQL's own catalog after the same file is applied to the test server: the tables
 * without a primary key, the foreign keys no index leads with, and the duplicate indexes the advisor
 * reports are exactly the ones catalog queries find. Every fix keeps the model valid and undoes exactly,
 * and one fix of each rule on the corpus compiles to DDL that PostgreSQL applies. (examples/*.json used to
 * be sources too; they now have no error or warning findings and no fixes: see examples.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSqlParser, type Model } from '@/lib/model';
import { compileSql } from '@/lib/compile';
import { importSql } from '@/lib/import';
import { createServerDatabase, type TestDatabase } from '@/lib/testing';
import { EditorStore } from '@/lib/editor/store';
import { advise } from './index';
import { errorCounts, newValidationErrors, targetAt } from './testing/rule-fixtures';

const corpusDir = join(__dirname, '../../../shared/corpus');
const corpus = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.sql')).sort() : [];

function corpusModel(file: string): Model {
  const imported = importSql(readFileSync(join(corpusDir, file), 'utf8'));
  if (!imported.ok) throw new Error(`${file}: ${imported.error.message}`);
  return imported.model;
}

const TABLES_WITHOUT_PK = `
  SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')`;

/** Declared foreign keys (not the copies on partitions) whose columns no non-partial btree index leads with. */
const FKS_WITHOUT_INDEX = `
  SELECT t.relname || '.' || f.conname AS name FROM pg_constraint f JOIN pg_class t ON t.oid = f.conrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  WHERE n.nspname = 'public' AND f.contype = 'f' AND f.conparentid = 0 AND NOT EXISTS (
    SELECT 1 FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = f.conrelid AND i.indpred IS NULL AND am.amname = 'btree'
      AND (i.indkey::int2[])[0:cardinality(f.conkey) - 1] @> f.conkey
      AND (i.indkey::int2[])[0:cardinality(f.conkey) - 1] <@ f.conkey)`;

/** Groups of plain btree indexes on the same columns, with the same operator classes and options. */
const DUPLICATE_GROUPS = `
  SELECT t.relname AS "table", array_agg(ic.relname::text ORDER BY ic.relname) AS indexes
  FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = ic.relam
  WHERE n.nspname = 'public' AND i.indexprs IS NULL AND i.indpred IS NULL AND am.amname = 'btree'
  GROUP BY t.relname, i.indkey::text, i.indclass::text, i.indoption::text, i.indcollation::text HAVING count(*) > 1`;

describe('advisor on the corpus, checked against the catalog', () => {
  if (corpus.length === 0) {
    if (process.env.CI) it(`corpus folder ${corpusDir} is present in CI`, () => { throw new Error(`corpus folder ${corpusDir} is absent`); });
    else it.todo(`corpus folder ${corpusDir} is absent: advisor corpus checks not run`);
  }
  beforeAll(async () => { await loadSqlParser(); });

  for (const file of corpus) {
    describe(file, () => {
      let db: TestDatabase;
      beforeAll(async () => {
        db = await createServerDatabase('pgcanvas_adv');
        await db.exec(readFileSync(join(corpusDir, file), 'utf8'));
      }, 120_000);
      afterAll(async () => { await db?.close(); });

      it('reports what the catalog shows, and its fixes undo exactly', async () => {
        const model = corpusModel(file);
        const findings = advise(model);
        const names = (rule: string, name: (f: (typeof findings)[number]) => string) => findings.filter((f) => f.ruleId === rule).map(name).sort();
        const tableOf = (id: string) => model.tables.find((t) => t.id === id || t.columns.some((c) => c.id === id) || (t.foreignKeys ?? []).some((k) => k.id === id) || (t.indexes ?? []).some((x) => x.id === id))!;

        const noPk = (await db.query<{ name: string }>(TABLES_WITHOUT_PK)).rows.map((r) => r.name).sort();
        expect(names('table-without-primary-key', (f) => tableOf(f.target.id).name)).toEqual(noPk);

        const fks = (await db.query<{ name: string }>(FKS_WITHOUT_INDEX)).rows.map((r) => r.name).sort();
        expect(fks.length).toBeGreaterThan(0);
        expect(names('foreign-key-without-index', (f) => {
          const t = tableOf(f.target.id);
          return `${t.name}.${t.foreignKeys!.find((k) => k.id === f.target.id)!.name}`;
        })).toEqual(fks);

        // One index of each duplicate group is kept; the advisor reports the others.
        const groups = (await db.query<{ table: string; indexes: string[] }>(DUPLICATE_GROUPS)).rows;
        const reported = names('duplicate-index', (f) => tableOf(f.target.id).indexes!.find((x) => x.id === f.target.id)!.name);
        expect(reported.length).toBe(groups.reduce((n, g) => n + g.indexes.length - 1, 0));
        for (const g of groups) expect(g.indexes.filter((x) => reported.includes(x)), g.table).toHaveLength(g.indexes.length - 1);

        const before = errorCounts(model);
        for (const f of findings) {
          expect(targetAt(model, f.target.path), f.id).toBe(f.target.id);
          if (!f.fix) continue;
          const next = f.fix.apply(model);
          expect(newValidationErrors(before, next), f.id).toEqual([]);
          const store = new EditorStore(model);
          store.dispatch({ type: 'applyFix', title: f.fix.title, model: next });
          expect(store.model).toStrictEqual(next);
          store.undo();
          expect(store.model).toStrictEqual(model);
        }
      }, 300_000);
    });
  }
});

describe('advisor fixes compile to DDL PostgreSQL applies', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    await loadSqlParser();
    db = await createServerDatabase('pgcanvas_advfix');
  }, 120_000);
  afterAll(async () => { await db?.close(); });

  const sources = corpus.map((f) => ({ name: `corpus ${f}`, load: () => corpusModel(f) }));
  for (const source of sources) {
    it(source.name, async () => {
      const model = source.load();
      const fixed = advise(model).filter((f, i, all) => f.fix && all.findIndex((g) => g.fix && g.ruleId === f.ruleId) === i);
      expect(fixed.length).toBeGreaterThan(0);
      for (const f of fixed) {
        const next = f.fix!.apply(model);
        await db.exec('BEGIN');
        try {
          await db.exec(compileSql(next));
        } catch (error) {
          throw new Error(`${f.id} (${f.fix!.title}): the fixed model's DDL fails on PostgreSQL: ${(error as Error).message}`);
        } finally {
          await db.exec('ROLLBACK');
        }
      }
    }, 300_000);
  }
});
