/**
 * CREATE TABLE: columns, column and table constraints (named in PostgreSQL's order: checks, then the
 * primary key and unique constraints, then foreign keys), PARTITION BY and PARTITION OF. Tables the model
 * cannot hold (INHERITS, LIKE, OF type, temporary) are kept verbatim.
 */
import type { Table } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { deparse, inner, nodeType, qkey, rangeVarName, strings, type Fields } from './ast';
import { columnFrom, type ColumnConstraint } from './columns';
import { addTableConstraint, deparseAlterAdd } from './constraints';
import { indexColumnNames, joinNames } from './names';
import type { ImportState } from './state';

/** partitionBound renders a PartitionBoundSpec as `FOR VALUES ...` or `DEFAULT`. */
export function partitionBound(b: Fields): string {
  if (b.is_default) return 'DEFAULT';
  const list = (xs: unknown[] | undefined) => (xs ?? []).map(datum).join(', ');
  switch (b.strategy as string) {
    case 'l': return `FOR VALUES IN (${list(b.listdatums)})`;
    case 'r': return `FOR VALUES FROM (${list(b.lowerdatums)}) TO (${list(b.upperdatums)})`;
    case 'h': return `FOR VALUES WITH (MODULUS ${Number(b.modulus ?? 0)}, REMAINDER ${Number(b.remainder ?? 0)})`;
    default: throw new Error(`unknown partition strategy ${String(b.strategy)}`);
  }
}

function datum(node: unknown): string {
  const ref = inner(node, 'ColumnRef');
  if (ref) {
    const f = strings(ref.fields);
    if (f.length === 1 && (f[0] === 'minvalue' || f[0] === 'maxvalue')) return f[0].toUpperCase();
  }
  return deparse(node);
}

const STRATEGIES = { PARTITION_STRATEGY_RANGE: 'range', PARTITION_STRATEGY_LIST: 'list', PARTITION_STRATEGY_HASH: 'hash' } as const;

function unsupportedReason(stmt: Fields): string | undefined {
  if (stmt.ofTypename) return 'typed table (OF type)';
  if (stmt.inhRelations?.length && !stmt.partbound) return 'table inheritance (INHERITS)';
  if (stmt.relation?.relpersistence === 't') return 'temporary table';
  if ((stmt.tableElts as unknown[] | undefined)?.some((e) => nodeType(e) === 'TableLikeClause')) return 'LIKE clause';
  if (stmt.accessMethod && stmt.accessMethod !== 'heap') return `table access method ${String(stmt.accessMethod)}`;
  return undefined;
}

export function createTable(s: ImportState, stmt: Fields): void {
  const q = rangeVarName(stmt.relation);
  const why = unsupportedReason(stmt);
  if (why) {
    s.verbatimRelations.add(qkey(q));
    s.verbatim('table', 'post-tables', q.name);
    s.note('warning', 'table', `${why} is not in the model, so the table stays SQL`, q.name);
    return;
  }
  if (s.table(q)) {
    s.note(stmt.if_not_exists ? 'skipped' : 'warning', 'table', 'table already defined earlier in the script; this definition is ignored', q.name);
    return;
  }
  if (stmt.relation?.relpersistence === 'u') s.note('warning', 'table', 'UNLOGGED is not in the model; imported as a logged table', q.name);
  if (stmt.options?.length) s.note('warning', 'table', 'storage parameters (WITH ...) are not in the model; dropped', q.name);

  const table: Table = { id: newId('tbl'), schemaId: s.schemaId(q.schema), name: q.name, columns: [] };
  if (stmt.partbound) {
    const parent = s.table(rangeVarName(inner(stmt.inhRelations[0], 'RangeVar') ?? stmt.inhRelations[0]));
    if (!parent) {
      s.verbatimRelations.add(qkey(q));
      s.verbatim('table', 'post-tables', q.name);
      s.note('warning', 'table', 'partition of a table that is not in the model stays SQL', q.name);
      return;
    }
    table.partitionOf = { parentId: parent.id, bound: partitionBound(stmt.partbound) };
  }

  const keyConstraints: ColumnConstraint[] = [];
  const tableConstraints: Fields[] = [];
  for (const el of (stmt.tableElts as unknown[] | undefined) ?? []) {
    const def = inner(el, 'ColumnDef');
    if (def) {
      if (table.partitionOf) {
        // `PARTITION OF p (col WITH OPTIONS ...)`: only its constraints can be kept.
        for (const c of (def.constraints as unknown[] | undefined) ?? []) {
          const con = inner(c, 'Constraint')!;
          if (['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_CHECK', 'CONSTR_FOREIGN'].includes(con.contype)) keyConstraints.push({ column: def.colname, constraint: con });
          else s.note('warning', 'column', 'column options of a partition are not in the model (partitions share the parent columns); dropped', `${q.name}.${String(def.colname)}`);
        }
        continue;
      }
      table.columns.push(columnFrom(s, table, def, keyConstraints));
      continue;
    }
    const con = inner(el, 'Constraint');
    if (con) tableConstraints.push(con);
  }

  // The table name is taken only now: serial sequence names were chosen before the table existed.
  const ns = s.namespace(q.schema);
  ns.relations.add(q.name);
  s.tables.set(qkey(q), table);
  s.model.tables.push(table);

  if (stmt.partspec) {
    const spec = stmt.partspec as Fields;
    table.partitionBy = {
      strategy: STRATEGIES[spec.strategy as keyof typeof STRATEGIES],
      keys: ((spec.partParams as unknown[] | undefined) ?? []).map((p) => {
        const e = inner(p, 'PartitionElem')!;
        const collation = strings(e.collation);
        const opclass = strings(e.opclass);
        const col = e.name ? s.column(table, e.name as string) : undefined;
        return {
          ...(col ? { columnId: col.id } : { expression: deparse(e.expr ?? { ColumnRef: { fields: [{ String: { sval: e.name } }] } }) }),
          ...(collation.length ? { collation: collation[collation.length - 1]! } : {}),
          ...(opclass.length ? { opclass: opclass.join('.') } : {}),
        };
      }),
    };
  }

  // Everything in PostgreSQL's order: CHECKs (in the order written), then the primary key, then UNIQUE
  // constraints, then foreign keys.
  const ordered = orderLikeTransform(keyConstraints, tableConstraints, stmt.tableElts as unknown[]);
  const checkNames = new Set<string>();
  for (const { column, c } of ordered.filter((x) => x.c.contype === 'CONSTR_CHECK')) addTableConstraint(s, table, c, checkNames, column);
  for (const { column, c } of dedupIndexConstraints(ordered.filter((x) => x.c.contype === 'CONSTR_PRIMARY' || x.c.contype === 'CONSTR_UNIQUE'))) {
    addTableConstraint(s, table, c, checkNames, column);
  }
  for (const { column, c } of ordered.filter((x) => x.c.contype === 'CONSTR_EXCLUSION')) exclusionAsSql(s, table, c, column);
  for (const { column, c } of ordered.filter((x) => x.c.contype === 'CONSTR_FOREIGN')) addTableConstraint(s, table, c, checkNames, column);
  for (const { c } of ordered) {
    if (!['CONSTR_CHECK', 'CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_FOREIGN', 'CONSTR_EXCLUSION'].includes(c.contype)) {
      s.note('warning', 'table', `table constraint ${String(c.contype)} is not in the model; dropped`, q.name);
    }
  }
}

/** orderLikeTransform interleaves column and table constraints in the order of the table elements. */
function orderLikeTransform(columnOnes: ColumnConstraint[], tableOnes: Fields[], elements: unknown[] | undefined): { column?: string; c: Fields }[] {
  const out: { column?: string; c: Fields }[] = [];
  for (const el of elements ?? []) {
    const def = inner(el, 'ColumnDef');
    if (def) {
      for (const cc of columnOnes) if (cc.column === def.colname) out.push({ column: cc.column, c: cc.constraint });
      continue;
    }
    const con = inner(el, 'Constraint');
    if (con && tableOnes.includes(con)) out.push({ c: con });
  }
  return out;
}

/**
 * dedupIndexConstraints: CREATE TABLE drops a UNIQUE that repeats the primary key (or an earlier UNIQUE)
 * on the same columns; the primary key goes first. A name given to the dropped one moves to the kept one
 * when that one was unnamed (transformIndexConstraints in PostgreSQL).
 */
function dedupIndexConstraints(list: { column?: string; c: Fields }[]): { column?: string; c: Fields }[] {
  const keysOf = (x: { column?: string; c: Fields }) => (x.column !== undefined ? [x.column] : strings(x.c.keys)).join('\u0000');
  const primary = list.filter((x) => x.c.contype === 'CONSTR_PRIMARY').slice(0, 1);
  const rest = list.filter((x) => x.c.contype !== 'CONSTR_PRIMARY');
  const kept: { column?: string; c: Fields }[] = [...primary.map((x) => ({ ...x, c: { ...x.c } }))];
  for (const x of rest) {
    const same = kept.find((k) => keysOf(k) === keysOf(x) && !k.c.including?.length && !x.c.including?.length
      && Boolean(k.c.nulls_not_distinct) === Boolean(x.c.nulls_not_distinct)
      && Boolean(k.c.deferrable) === Boolean(x.c.deferrable) && Boolean(k.c.initdeferred) === Boolean(x.c.initdeferred));
    if (same) {
      if (!same.c.conname && x.c.conname) same.c.conname = x.c.conname;
      continue;
    }
    kept.push({ ...x, c: { ...x.c } });
  }
  return kept;
}

/** exclusionAsSql keeps an EXCLUDE constraint as SQL, with the name PostgreSQL would give it. */
function exclusionAsSql(s: ImportState, table: Table, c: Fields, column?: string): void {
  const ns = s.namespace(s.schemaName(table.schemaId));
  const elems = ((c.exclusions as unknown[][] | undefined) ?? []).map((pair) => inner(pair[0] ?? (inner(pair, 'List')?.items?.[0]), 'IndexElem') ?? {});
  const name = (c.conname as string | undefined) ?? ns.chooseRelationName(table.name, joinNames(indexColumnNames(elems.length ? elems : [{ name: column }])), 'excl', true);
  ns.relations.add(name);
  ns.constraints.add(name);
  s.verbatim('exclusion constraint', 'post-tables', name, deparseAlterAdd(s, table, { ...c, conname: name }));
}
