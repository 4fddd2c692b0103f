import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';
import { ModelSchema } from '@/lib/model';

describe('pgcanvas import-sql', () => {
  it('prints the model and reports verbatim and ignored statements on stderr', async () => {
    const sql = "SET client_encoding = 'UTF8';\nCREATE TABLE t (id serial PRIMARY KEY, name text NOT NULL);\n\nCREATE VIEW v AS SELECT id FROM t;\nALTER TABLE t OWNER TO postgres;\n";
    const io = memoryIo({ 'schema.sql': sql });
    expect(await main(['import-sql', 'schema.sql'], io)).toBe(0);
    const model = ModelSchema.parse(JSON.parse(io.out()));
    expect(model.tables.map((t) => t.name)).toEqual(['t']);
    expect(model.tables[0]!.primaryKey!.name).toBe('t_pkey');
    expect(model.sqlObjects!.map((o) => [o.kind, o.name])).toEqual([['view', 'v']]);
    expect(io.err()).toContain('line 4: verbatim view v');
    expect(io.err()).toContain('line 1: ignored set');
    expect(io.err()).toContain('line 5: ignored owner');
  });

  it('writes the model to -o', async () => {
    const io = memoryIo({ 'a.sql': 'CREATE TABLE a (x int);' });
    expect(await main(['import-sql', 'a.sql', '-o', 'a.json'], io)).toBe(0);
    expect(io.out()).toBe('');
    expect(ModelSchema.parse(JSON.parse(io.files.get('a.json')!)).tables[0]!.name).toBe('a');
  });

  it('exits 1 with file, line, column and the parser message on unparseable SQL', async () => {
    const io = memoryIo({ 'bad.sql': 'CREATE TABLE a (x int);\nCREATE TABLE b (y int,, z int);\n' });
    expect(await main(['import-sql', 'bad.sql', '-o', 'out.json'], io)).toBe(1);
    expect(io.err()).toContain('bad.sql:2:23: syntax error at or near ","');
    expect(io.err()).toContain('nothing imported');
    expect(io.files.has('out.json')).toBe(false);
  });

  it('exits 2 for a missing file and for usage errors', async () => {
    const io = memoryIo();
    expect(await main(['import-sql', '/nonexistent/x.sql'], io)).toBe(2);
    expect(io.err()).toContain('no such file');
    const io2 = memoryIo();
    expect(await main(['import-sql'], io2)).toBe(2);
    expect(io2.err()).toContain('usage: pgcanvas import-sql');
    expect(await main(['import-sql', 'a.sql', '--bogus'], memoryIo())).toBe(2);
  });
});
