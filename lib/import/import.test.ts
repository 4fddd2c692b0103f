import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '@/lib/model';
import { importSql } from './index';
import { makeObjectName } from './names';

beforeAll(async () => {
  await loadSqlParser();
});

function ok(sql: string) {
  const r = importSql(sql);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('importSql', () => {
  it('reports a syntax error with line, column and the parser message, and imports nothing', () => {
    const r = importSql('CREATE TABLE a (x int);\n\nCREATE TABLE b (\n  y int,,\n  z int);');
    expect(r).toEqual({ ok: false, error: { message: 'syntax error at or near ","', line: 4, column: 9 } });
  });

  it('counts columns in characters on lines with multibyte text', () => {
    const r = importSql("COMMENT ON TABLE t IS 'ünï';\nSELECT 'é' FROM;");
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.line, r.error.column]).toEqual([2, 16]);
  });

  it('recognises serial and pg_dump sequence-plus-default as the same thing', () => {
    const a = ok('CREATE TABLE t (id serial PRIMARY KEY);').model;
    const b = ok(`CREATE TABLE t (id integer NOT NULL);
      CREATE SEQUENCE t_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
      ALTER SEQUENCE t_id_seq OWNED BY t.id;
      ALTER TABLE ONLY t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass);
      ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);`).model;
    for (const m of [a, b]) {
      const col = m.tables[0]!.columns[0]!;
      expect(col.default).toBeUndefined();
      expect(m.sequences).toHaveLength(1);
      expect(col.sequenceId).toBe(m.sequences![0]!.id);
      expect(m.sequences![0]).toMatchObject({ name: 't_id_seq', dataType: 'integer', ownedBy: { tableId: m.tables[0]!.id, columnId: col.id } });
      expect(Object.keys(m.sequences![0]!).sort()).toEqual(['dataType', 'id', 'name', 'ownedBy', 'schemaId']);
    }
  });

  it('names unnamed constraints and indexes as PostgreSQL does, with collisions numbered', () => {
    const m = ok(`CREATE TABLE t (a int PRIMARY KEY, b int UNIQUE, c int CHECK (c > 0), CHECK (b < c), UNIQUE (b, c));
      CREATE INDEX ON t (b); CREATE INDEX ON t (b); CREATE INDEX ON t (lower(a::text), (b + c));
      CREATE TABLE u (a int REFERENCES t, b int, c int, FOREIGN KEY (b, c) REFERENCES t (b, c));`).model;
    const [t, u] = m.tables;
    expect(t!.primaryKey!.name).toBe('t_pkey');
    expect(t!.uniques!.map((x) => x.name)).toEqual(['t_b_key', 't_b_c_key']);
    expect(t!.checks!.map((x) => x.name)).toEqual(['t_c_check', 't_check']);
    expect(t!.indexes!.map((x) => x.name)).toEqual(['t_b_idx', 't_b_idx1', 't_lower_expr_idx']);
    expect(u!.foreignKeys!.map((x) => x.name)).toEqual(['u_a_fkey', 'u_b_c_fkey']);
  });

  it('truncates generated names to 63 bytes without splitting characters', () => {
    const long = 'x'.repeat(70);
    expect(makeObjectName(long, 'col', 'key')).toBe(`${'x'.repeat(55)}_col_key`);
    const name = makeObjectName('é'.repeat(40), undefined, 'pkey');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(63);
    expect(name).toBe(`${'é'.repeat(29)}_pkey`);
  });

  it('keeps what the model does not hold verbatim, in order, and reports ignored pg_dump noise', () => {
    const r = ok(`SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION g() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM t $$;
ALTER TABLE t OWNER TO postgres;
GRANT SELECT ON t TO PUBLIC;
INSERT INTO t VALUES (1);
INSERT INTO t VALUES (2);`);
    expect(r.model.sqlObjects!.map((o) => [o.kind, o.name, o.phase])).toEqual([
      ['view', 'v', 'post-tables'], ['function', 'f', 'pre-tables'], ['function', 'g', 'pre-tables'], ['grant', undefined, 'post-tables'],
    ]);
    expect(r.model.sqlObjects![0]!.sql).toBe('CREATE VIEW v AS SELECT id FROM t;');
    // g reads t, which does not exist before the tables: created as pg_dump does, without the body check.
    expect(r.model.sqlObjects![2]!.sql).toBe('SET check_function_bodies = false;\nCREATE FUNCTION g() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM t $$;\nRESET check_function_bodies;');
    expect(r.report.map((e) => [e.line, e.action, e.kind, e.count ?? 1])).toEqual([
      [1, 'ignored', 'set', 2], [4, 'verbatim', 'view', 1], [5, 'verbatim', 'function', 1],
      [6, 'verbatim', 'function', 1], [7, 'ignored', 'owner', 1], [8, 'verbatim', 'grant', 1], [9, 'skipped', 'data', 2],
    ]);
  });

  it('turns an attached partition into a partition sharing the parent columns', () => {
    const m = ok(`CREATE TABLE p (id int NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE p1 (id int NOT NULL, at date NOT NULL);
      ALTER TABLE ONLY p ATTACH PARTITION p1 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      ALTER TABLE ONLY p1 ADD CONSTRAINT p1_pkey PRIMARY KEY (id, at);`).model;
    const [p, p1] = m.tables;
    expect(p1!.columns).toEqual([]);
    expect(p1!.partitionOf).toEqual({ parentId: p!.id, bound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')" });
    expect(p1!.primaryKey!.columnIds).toEqual(p!.columns.map((c) => c.id));
  });
});

describe('forms PostgreSQL reads differently from how they look', () => {
  it('keeps the quoted type "bit" of pg_get_expr/pg_dump quoted (bare bit is bit(1) and would cut the value)', () => {
    const m = ok(`CREATE TABLE t (f bit varying(8) DEFAULT '101'::"bit", g bit(3) DEFAULT '1'::bit(3), h bit varying(4)[] DEFAULT '{}'::"bit"[]);`).model;
    expect(m.tables[0]!.columns.map((c) => c.default)).toEqual([`CAST('101' AS "bit")`, `CAST('1' AS pg_catalog.bit(3))`, `CAST('{}' AS "bit"[])`]);
  });

  it('keeps a DEFERRABLE primary key as SQL with a warning (the model primary key is never deferrable)', () => {
    const r = ok('CREATE TABLE t (id int PRIMARY KEY DEFERRABLE INITIALLY DEFERRED, v int);');
    const t = r.model.tables[0]!;
    expect(t.primaryKey).toBeUndefined();
    expect(t.columns[0]!.nullable).toBe(false);
    expect(r.model.sqlObjects!.map((o) => [o.kind, o.name, o.phase, o.sql])).toEqual([
      ['primary key', 't_pkey', 'post-tables', 'ALTER TABLE public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED;'],
    ]);
    expect(r.report.map((e) => [e.line, e.action, e.kind])).toEqual([[1, 'verbatim', 'primary key'], [1, 'warning', 'primary key']]);
  });
});

describe('statements on a table kept as SQL (INHERITS)', () => {
  it('keeps a column REFERENCES to it as ALTER TABLE with the column list, and pg_dump\'s OWNED BY it as SQL after it', () => {
    const r = ok(`CREATE TABLE p (id int); CREATE TABLE c (id int UNIQUE) INHERITS (p);
      CREATE TABLE r (cid int REFERENCES c (id));
      CREATE SEQUENCE s; ALTER SEQUENCE s OWNED BY c.id;`);
    expect(r.model.sequences![0]!.ownedBy).toBeUndefined();
    expect(r.model.sqlObjects!.map((o) => [o.kind, o.sql])).toEqual([
      ['table', 'CREATE TABLE c (id int UNIQUE) INHERITS (p);'],
      ['alter sequence', 'ALTER SEQUENCE "public"."s" OWNED BY "public"."c"."id";'],
      ['foreign key', 'ALTER TABLE public.r ADD CONSTRAINT r_cid_fkey FOREIGN KEY (cid) REFERENCES c (id);'],
    ]);
  });
});

describe('ALTER TABLE ... ALTER COLUMN', () => {
  it('applies TYPE, identity options, DROP IDENTITY and DROP EXPRESSION to the model (nothing verbatim)', () => {
    const r = ok(`CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, code text COLLATE "C", n int, g int GENERATED ALWAYS AS (n * 2) STORED, k int GENERATED ALWAYS AS IDENTITY);
      ALTER TABLE t ALTER COLUMN code TYPE varchar(20), ALTER COLUMN id TYPE bigint;
      ALTER TABLE t ALTER COLUMN id SET GENERATED ALWAYS, ALTER COLUMN id SET INCREMENT BY 5, ALTER COLUMN id RESTART;
      ALTER TABLE t ALTER COLUMN g DROP EXPRESSION, ALTER COLUMN k DROP IDENTITY;
      ALTER TABLE t ALTER COLUMN n TYPE text COLLATE "C" USING n::text;`);
    expect(r.model.sqlObjects).toBeUndefined();
    expect(r.report).toEqual([]);
    const [id, code, n, g, k] = r.model.tables[0]!.columns;
    expect(id!.type).toEqual({ kind: 'builtin', name: 'bigint' });
    expect(id!.identity).toEqual({ generation: 'always', increment: '5' });
    expect([code!.type, code!.collation]).toEqual([{ kind: 'builtin', name: 'varchar', length: 20 }, undefined]);
    expect(n!.collation).toBe('C');
    expect(g!.generated).toBeUndefined();
    expect(k!.identity).toBeUndefined();
  });
});

describe("pg_dump's partitioned indexes", () => {
  it('reports a partition index only when its name is not the one PostgreSQL gives the copy', () => {
    const r = ok(`CREATE TABLE p (id int NOT NULL, k text, at date NOT NULL) PARTITION BY RANGE (at);
      CREATE TABLE p1 (id int NOT NULL, k text, at date NOT NULL);
      CREATE TABLE p2 (at date NOT NULL, id int NOT NULL, k text);
      ALTER TABLE ONLY p ATTACH PARTITION p1 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      ALTER TABLE ONLY p ATTACH PARTITION p2 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE INDEX p_k_idx ON ONLY p (k);
      CREATE INDEX p1_k_idx ON p1 (k);
      CREATE INDEX custom_name ON p2 (k);
      ALTER INDEX p_k_idx ATTACH PARTITION p1_k_idx;
      ALTER INDEX p_k_idx ATTACH PARTITION custom_name;
      ALTER TABLE ONLY p ADD CONSTRAINT p_pkey PRIMARY KEY (id, at);
      ALTER TABLE ONLY p1 ADD CONSTRAINT p1_pkey PRIMARY KEY (id, at);
      ALTER INDEX p_pkey ATTACH PARTITION p1_pkey;`);
    expect(r.report.map((e) => [e.line, e.kind, e.name])).toEqual([[5, 'partition', 'p2'], [10, 'index', 'custom_name']]);
    expect(r.model.tables.flatMap((t) => (t.indexes ?? []).map((i) => i.name))).toEqual(['p_k_idx']);
  });
});

describe('DROP', () => {
  it('applies DROP TABLE and DROP INDEX of model objects, freeing their names, sequences and foreign keys', () => {
    const r = ok(`DROP TABLE IF EXISTS a;
      CREATE TABLE a (id serial PRIMARY KEY); CREATE TABLE b (a_id int REFERENCES a, x int);
      CREATE INDEX ON b (x); DROP INDEX b_x_idx; CREATE INDEX ON b (x);
      DROP TABLE b; DROP TABLE a; CREATE TABLE a (id serial PRIMARY KEY);`);
    expect(r.model.tables.map((t) => t.name)).toEqual(['a']);
    expect(r.model.sequences!.map((q) => q.name)).toEqual(['a_id_seq']);
    expect(r.model.tables[0]!.columns[0]!.sequenceId).toBe(r.model.sequences![0]!.id);
    expect(r.report.map((e) => [e.line, e.action, e.kind])).toEqual([[1, 'skipped', 'drop']]);
    const again = ok('CREATE TABLE t (x int); CREATE INDEX ON t (x); DROP INDEX t_x_idx; CREATE INDEX ON t (x);');
    expect(again.model.tables[0]!.indexes!.map((i) => i.name)).toEqual(['t_x_idx']);
  });

  it('keeps the DROP as SQL when kept SQL objects may depend on the table, or with CASCADE', () => {
    const r = ok(`CREATE TABLE t (id int); CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f(); DROP TABLE t;`);
    expect(r.model.tables.map((t) => t.name)).toEqual(['t']);
    expect(r.model.sqlObjects!.map((o) => [o.kind, o.sql])).toEqual([['trigger', 'CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();'], ['drop', 'DROP TABLE t;']]);
  });
});

describe('psql meta-commands', () => {
  it("ignores pg_dump's \\restrict lines with a report, keeps backslash lines inside strings and bodies", () => {
    const sql = [
      '\\restrict abc123',
      "CREATE TABLE t (a text DEFAULT E'x\\\\'' \\n', b text DEFAULT 'y');",
      'CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$',
      "\\not a meta command $$;",
      '\\unrestrict abc123',
    ].join('\n');
    const r = importSql(sql);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.model.tables[0]!.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(r.model.sqlObjects![0]!.sql).toContain('\\not a meta command');
    expect(r.report[0]).toMatchObject({ line: 1, action: 'ignored', kind: 'psql', count: 2 });
  });

  it('keeps line and column of a later syntax error true', () => {
    const r = importSql('\\connect db\nCREATE TABLE (x int);');
    expect(r.ok ? undefined : [r.error.line, r.error.column]).toEqual([2, 14]);
  });
});
