/** diff: records matched by id, aspects of alters, enum label logic, ordering. Pure, no database. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diff, changeContext } from '@/lib/diff';
import { arbModel } from '@/lib/testing/arbitraries';
import { EMPTY_MODEL, type Enum, type Model } from '@/lib/model';
import { diffValues } from './enums';

const base: Model = {
  format: 1,
  schemas: [{ id: 'p', name: 'public' }],
  enums: [{ id: 'e', schemaId: 'p', name: 'mood', values: ['sad', 'ok'] }],
  tables: [{
    id: 't', schemaId: 'p', name: 'users',
    columns: [
      { id: 'a', name: 'id', type: { kind: 'builtin', name: 'integer' }, nullable: false },
      { id: 'b', name: 'email', type: { kind: 'builtin', name: 'text' }, nullable: true },
    ],
    primaryKey: { id: 'pk', name: 'users_pkey', columnIds: ['a'] },
    indexes: [{ id: 'ix', name: 'users_email_idx', elements: [{ columnId: 'b' }] }],
  }],
};

/** reorderKeys rebuilds every object with its keys reversed. */
function reorderKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reorderKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorderKeys(v)])) as T;
}

function edit(fn: (m: Model) => void): Model {
  const m = structuredClone(base);
  fn(m);
  return m;
}

describe('diff', () => {
  it('finds nothing between a model and a copy of it, whatever the key order', () => {
    fc.assert(fc.property(arbModel(), (m) => {
      expect(diff(m, structuredClone(m))).toEqual([]);
      expect(diff(m, reorderKeys(m))).toEqual([]);
    }), { numRuns: 50 });
  });

  it('reports a renamed table as one rename, not a drop and a create', () => {
    const changes = diff(base, edit((m) => { m.tables[0]!.name = 'people'; }));
    expect(changes.map((c) => c.kind)).toEqual(['table.rename']);
  });

  it('reports a column change as one record with every changed aspect', () => {
    const changes = diff(base, edit((m) => {
      Object.assign(m.tables[0]!.columns[1]!, { type: { kind: 'builtin', name: 'varchar', length: 10 }, nullable: false, default: "''", collation: 'C', comment: 'x' });
    }));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'column.alter', aspects: ['type', 'nullable', 'default', 'collation', 'comment'] });
  });

  it('treats a changed index definition as drop + create, and a new name alone as a rename', () => {
    expect(diff(base, edit((m) => { m.tables[0]!.indexes![0]!.unique = true; })).map((c) => c.kind)).toEqual(['index.drop', 'index.create']);
    expect(diff(base, edit((m) => { m.tables[0]!.indexes![0]!.name = 'x'; })).map((c) => c.kind)).toEqual(['index.rename']);
  });

  it('marks a new column as last only when no existing column follows it', () => {
    const col = { id: 'n', name: 'n', type: { kind: 'builtin', name: 'text' }, nullable: true } as const;
    const atEnd = diff(base, edit((m) => { m.tables[0]!.columns.push({ ...col }); }));
    expect(atEnd[0]).toMatchObject({ kind: 'column.create', last: true });
    const inMiddle = diff(base, edit((m) => { m.tables[0]!.columns.splice(1, 0, { ...col }); }));
    expect(inMiddle[0]).toMatchObject({ kind: 'column.create', last: false });
  });

  it('from the empty model creates everything, foreign keys and indexes as records of their own', () => {
    const kinds = diff(EMPTY_MODEL, base).map((c) => c.kind);
    expect(kinds).toEqual(['schema.create', 'enum.create', 'table.create', 'index.create']);
  });

  it('drops the foreign keys of dropped tables first, and partitions before their parent', () => {
    const from: Model = edit((m) => {
      m.tables[0]!.foreignKeys = [{ id: 'fk', name: 'self_fk', columnIds: ['a'], refTableId: 't', refColumnIds: ['a'] }];
      m.tables.push({ id: 'part', schemaId: 'p', name: 'users_part', columns: [], partitionOf: { parentId: 't', bound: 'DEFAULT' } });
    });
    const kinds = diff(from, { ...from, tables: [] }).map((c) => c.kind + ':' + ('table' in c ? c.table.id : ''));
    expect(kinds).toEqual(['table.drop:part', 'constraint.drop:t', 'table.drop:t']);
  });

  it('remembers the model versions of every record for the planner', () => {
    const to = edit((m) => { m.tables[0]!.name = 'people'; });
    const [change] = diff(base, to);
    expect(changeContext(change!)?.to.model).toBe(to);
    expect(changeContext({ ...change! })).toBeUndefined();
  });
});

describe('enum values', () => {
  const e = (values: string[]): Enum => ({ id: 'e', schemaId: 'p', name: 'mood', values });
  it('adds values next to a neighbour, in order', () => {
    expect(diffValues(e(['sad', 'ok']), e(['meh', 'sad', 'mid', 'ok', 'top']))).toMatchObject([
      { kind: 'enum.add-value', value: 'meh', before: 'sad' },
      { kind: 'enum.add-value', value: 'mid', after: 'sad' },
      { kind: 'enum.add-value', value: 'top', after: 'ok' },
    ]);
    expect(diffValues(e([]), e(['a']))).toMatchObject([{ kind: 'enum.add-value', value: 'a' }]);
  });
  it('recognises renamed values', () => {
    expect(diffValues(e(['sad', 'ok']), e(['sad', 'fine']))).toMatchObject([{ kind: 'enum.rename-value', from: 'ok', to: 'fine' }]);
  });
  it('cannot remove or reorder values in place', () => {
    expect(diffValues(e(['sad', 'ok']), e(['ok', 'sad']))[0]!.kind).toBe('enum.reorder-values');
    expect(diffValues(e(['sad', 'ok', 'x']), e(['sad', 'ok']))[0]!.kind).toBe('enum.reorder-values');
  });
});
