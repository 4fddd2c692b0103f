/** plan: phase order, hazards with stable codes, reverse SQL, names at the moment a step runs. Pure. */
import { describe, expect, it } from 'vitest';
import { diff } from '@/lib/diff';
import { plan, PHASES, HAZARDS } from '@/lib/plan';
import type { Model } from '@/lib/model';

const base: Model = {
  format: 1,
  schemas: [{ id: 'p', name: 'public' }, { id: 's', name: 'app' }],
  tables: [{
    id: 't', schemaId: 'p', name: 'users',
    columns: [
      { id: 'a', name: 'id', type: { kind: 'builtin', name: 'integer' }, nullable: false },
      { id: 'b', name: 'email', type: { kind: 'builtin', name: 'text' }, nullable: true },
    ],
    primaryKey: { id: 'pk', name: 'users_pkey', columnIds: ['a'] },
  }],
};

function edit(fn: (m: Model) => void): Model {
  const m = structuredClone(base);
  fn(m);
  return m;
}

describe('plan', () => {
  it('lists every phase once', () => {
    expect(new Set(PHASES).size).toBe(PHASES.length);
  });

  it('drops before it creates and renames, and adds foreign keys after tables', () => {
    const to = edit((m) => {
      m.tables[0]!.columns = m.tables[0]!.columns.filter((c) => c.id !== 'b');
      m.tables.push({
        id: 'o', schemaId: 'p', name: 'orders',
        columns: [{ id: 'u', name: 'user_id', type: { kind: 'builtin', name: 'integer' }, nullable: false }],
        foreignKeys: [{ id: 'f', name: 'orders_user_fk', columnIds: ['u'], refTableId: 't', refColumnIds: ['a'] }],
      });
    });
    const steps = plan(diff(base, to));
    expect(steps.map((s) => s.phase)).toEqual(['drop-columns', 'tables', 'foreign-keys']);
    expect(steps[0]!.hazards.map((h) => h.code)).toEqual(['drop-column']);
    // A foreign key on a new table cannot fail on existing rows.
    expect(steps[2]!.hazards).toEqual([]);
  });

  it('moves and renames a table with its names as they are when each step runs', () => {
    const steps = plan(diff(base, edit((m) => { m.schemas[1]!.name = 'application'; Object.assign(m.tables[0]!, { schemaId: 's', name: 'people' }); })));
    expect(steps.map((s) => s.sql)).toEqual([
      'ALTER SCHEMA "app" RENAME TO "application"',
      'ALTER TABLE "public"."users" SET SCHEMA "application"',
      'ALTER TABLE "application"."users" RENAME TO "people"',
    ]);
    expect(steps[2]!.reverse).toBe('ALTER TABLE "application"."people" RENAME TO "users"');
    expect(steps.every((s) => s.hazards.some((h) => h.code === 'rename'))).toBe(true);
  });

  it('orders a column alter so each piece is legal: drop default, change type, set default, set not null', () => {
    const steps = plan(diff(edit((m) => { m.tables[0]!.columns[1]!.default = "'x'"; }), edit((m) => {
      Object.assign(m.tables[0]!.columns[1]!, { type: { kind: 'builtin', name: 'varchar', length: 5 }, default: "'y'", nullable: false });
    })));
    expect(steps.map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "email" DROP DEFAULT',
      'ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE character varying(5) USING "email"::character varying(5)',
      `ALTER TABLE "public"."users" ALTER COLUMN "email" SET DEFAULT ('y')`,
      'ALTER TABLE "public"."users" ALTER COLUMN "email" SET NOT NULL',
    ]);
    expect(steps.flatMap((s) => s.hazards.map((h) => h.code))).toEqual(['change-column-type', 'set-not-null']);
  });

  it('flags a NOT NULL column added to an existing table without a default, and one not placed last', () => {
    const steps = plan(diff(base, edit((m) => { m.tables[0]!.columns.splice(1, 0, { id: 'n', name: 'n', type: { kind: 'builtin', name: 'text' }, nullable: false }); })));
    expect(steps[0]!.hazards.map((h) => h.code)).toEqual(['add-not-null-column', 'column-order']);
  });

  it('recreates an enum to remove or reorder values, converting the columns that use it', () => {
    const withEnum = (values: string[]): Model => ({
      ...structuredClone(base),
      enums: [{ id: 'e', schemaId: 'p', name: 'mood', values }],
      tables: [{ ...structuredClone(base.tables[0]!), columns: [...structuredClone(base.tables[0]!.columns), { id: 'm', name: 'mood', type: { kind: 'enum', enumId: 'e', array: true }, nullable: true, default: "'{}'" }] }],
    });
    const steps = plan(diff(withEnum(['a', 'b']), withEnum(['b', 'c'])));
    expect(steps.map((s) => s.sql)).toEqual([
      'ALTER TYPE "public"."mood" RENAME TO "pgcanvas_old_e"',
      `CREATE TYPE "public"."mood" AS ENUM ('b', 'c')`,
      'ALTER TABLE "public"."users" ALTER COLUMN "mood" DROP DEFAULT',
      'ALTER TABLE "public"."users" ALTER COLUMN "mood" TYPE "public"."mood"[] USING "mood"::text[]::"public"."mood"[]',
      `ALTER TABLE "public"."users" ALTER COLUMN "mood" SET DEFAULT ('{}')`,
      'DROP TYPE "public"."pgcanvas_old_e"',
    ]);
    expect(steps[0]!.hazards[0]!.code).toBe('recreate-enum');
    expect(steps[0]!.hazards[0]!.message).toContain('without "a"');
  });

  it('refuses to change the partitioning of a table with a step that raises, marked unsupported', () => {
    const from: Model = edit((m) => { m.tables[0]!.partitionBy = { strategy: 'hash', keys: [{ columnId: 'a' }] }; });
    const to: Model = edit((m) => { m.tables[0]!.partitionBy = { strategy: 'list', keys: [{ columnId: 'a' }] }; });
    const steps = plan(diff(from, to));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.sql).toMatch(/^DO \$pgcanvas\$ BEGIN RAISE EXCEPTION USING MESSAGE = '.*users/);
    expect(steps[0]!.hazards[0]!.code).toBe('unsupported-change');
  });

  it('marks enum value additions as non-transactional', () => {
    const from: Model = { ...base, enums: [{ id: 'e', schemaId: 'p', name: 'mood', values: ['a'] }] };
    const [step] = plan(diff(from, { ...from, enums: [{ id: 'e', schemaId: 'p', name: 'mood', values: ['a', "it's"] }] }));
    expect(step).toMatchObject({ sql: `ALTER TYPE "public"."mood" ADD VALUE 'it''s' AFTER 'a'`, transactional: false });
  });

  it('changes a generation expression in place from PostgreSQL 17, and recreates the column before', () => {
    const gen = (expression: string) => edit((m) => { m.tables[0]!.columns.push({ id: 'g', name: 'g', type: { kind: 'builtin', name: 'text' }, nullable: true, generated: { expression } }); });
    const changes = diff(gen('lower(email)'), gen('upper(email)'));
    expect(plan(changes, { target: 17 }).map((s) => s.sql)).toEqual(['ALTER TABLE "public"."users" ALTER COLUMN "g" SET EXPRESSION AS (upper(email))']);
    const old = plan(changes, { target: 16 });
    expect(old.map((s) => s.sql)).toEqual([
      'ALTER TABLE "public"."users" DROP COLUMN "g"',
      'ALTER TABLE "public"."users" ADD COLUMN "g" text GENERATED ALWAYS AS (upper(email)) STORED',
    ]);
    expect(old[0]!.hazards.map((h) => h.code)).toEqual(['recreate-column']);
    // Indexes on the recreated column come back.
    const indexed = (expression: string) => edit((m) => {
      m.tables[0]!.columns.push({ id: 'g', name: 'g', type: { kind: 'builtin', name: 'text' }, nullable: true, generated: { expression } });
      m.tables[0]!.indexes = [{ id: 'gi', name: 'users_g_idx', elements: [{ columnId: 'g' }] }];
    });
    expect(plan(diff(indexed('lower(email)'), indexed('upper(email)')), { target: 16 }).map((s) => s.sql)).toContain('CREATE INDEX "users_g_idx" ON "public"."users" ("g")');
  });

  it('uses only hazard codes from the registry', () => {
    const to = edit((m) => { m.tables = []; m.schemas.pop(); });
    for (const s of plan(diff(base, to))) for (const h of s.hazards) expect(Object.keys(HAZARDS)).toContain(h.code);
  });

  it('rejects records that did not come from diff, and targets out of range', () => {
    const changes = diff(base, edit((m) => { m.tables[0]!.name = 'x'; }));
    expect(() => plan(changes.map((c) => ({ ...c })))).toThrow(/no model context/);
    expect(() => plan(changes, { target: 12 })).toThrow(RangeError);
  });
});
