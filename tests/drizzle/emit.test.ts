import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTableConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { emitDrizzle } from '@/lib/drizzle';
import { Namer, camelIdentifier } from '@/lib/drizzle/names';
import { sqlTemplate } from '@/lib/drizzle/ts';
import { arbModel } from '@/lib/testing/arbitraries';
import { hostileModel, TRICKY_EXPRESSION } from './hostile-model';
import { ORACLE_DIR, writeFiles } from './oracle-helpers';

afterAll(() => rmSync(ORACLE_DIR, { recursive: true, force: true }));

describe('identifiers', () => {
  it('are valid, non-reserved, and unique in a scope', () => {
    expect(camelIdentifier('order_items', 't')).toBe('orderItems');
    expect(camelIdentifier('数据表', 'table')).toBe('table');
    expect(camelIdentifier('1st', 'c')).toBe('_1st');
    expect(camelIdentifier('class', 'c')).toBe('class_');
    const n = new Namer(['sql']);
    expect(['sql', 'a', 'a', 'a2', 'a'].map((b) => n.take(b))).toEqual(['sql2', 'a', 'a2', 'a22', 'a3']);
  });
});

describe('sqlTemplate', () => {
  it('round-trips backticks, ${, backslashes and CR through a real tagged template', () => {
    const text = 'a `b` ${c} \\d \\` \r\n e';
    // eslint-disable-next-line no-new-func
    const evaluate = new Function('sql', `return ${sqlTemplate(text)};`) as (tag: (s: TemplateStringsArray) => string) => string;
    expect(evaluate((s) => s.join(''))).toBe(text);
  });
});

describe('emitDrizzle', () => {
  it('is deterministic on random models', () => {
    fc.assert(fc.property(arbModel(), (model) => {
      const a = emitDrizzle(model);
      const b = emitDrizzle(structuredClone(model));
      expect(b).toEqual(a);
    }), { numRuns: 60 });
  });

  it('keeps hostile SQL names exact and gives them valid unique identifiers', async () => {
    const model = hostileModel();
    const { files } = emitDrizzle(model);
    const dir = writeFiles(files, 'hostile');
    const mod = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'schema.ts')).href)) as Record<string, unknown>;
    const tables = Object.values(mod).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableConfig(t));
    expect(tables.map((t) => `${t.schema ?? 'public'}.${t.name}`).sort()).toEqual(
      model.tables.map((t) => `${t.schemaId === 's_weird' ? 'my schema' : 'public'}.${t.name}`).sort(),
    );
    const first = tables.find((t) => t.name === 'my table')!;
    expect(first.columns.map((c) => c.name)).toEqual(model.tables[0]!.columns.map((c) => c.name));
    expect(first.primaryKeys[0]!.getName()).toBe('pk "1"');
    expect(first.foreignKeys[0]!.getName()).toBe('self ref');
    expect(new PgDialect().sqlToQuery(first.checks[0]!.value).sql).toBe(TRICKY_EXPRESSION);
    const schemaTs = files.find((f) => f.path === 'schema.ts')!.content;
    const exported = [...schemaTs.matchAll(/^export const (\S+) =/gm)].map((m) => m[1]!);
    expect(new Set(exported).size).toBe(exported.length);
    for (const id of exported) expect(id).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
    expect(exported).not.toContain('sql');
    expect(exported).not.toContain('pgTable');
  });

  it('writes relations with one/many pairs per foreign key', () => {
    const rel = emitDrizzle(hostileModel()).files.find((f) => f.path === 'relations.ts')!.content;
    expect(rel).toContain('relationName: "self ref"');
    expect(rel).toContain('relationName: "to t1"');
    expect(rel.match(/many\(/g)).toHaveLength(2);
    expect(rel.match(/one\(/g)).toHaveLength(2);
  });
});
