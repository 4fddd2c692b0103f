/** CREATE [UNIQUE] INDEX on a model table; unnamed indexes get PostgreSQL's `<table>_<columns>_idx` name. */
import type { Index, IndexElement, IndexMethod, Table } from '@/lib/model/schema';
import { newId } from '@/lib/import/ids';
import { deparse, inner, qkey, rangeVarName, strings, type Fields } from './ast';
import { indexColumnNames, joinNames } from './names';
import type { ImportState } from './state';

const METHODS: ReadonlySet<string> = new Set(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist']);

/** unsupportedIndex says why an index must stay SQL, or undefined when the model holds it. */
function unsupportedIndex(s: ImportState, table: Table | undefined, stmt: Fields, elems: Fields[]): string | undefined {
  if (!table) return 'index on a relation that is not a model table';
  if (!METHODS.has(stmt.accessMethod as string)) return `index method ${String(stmt.accessMethod)}`;
  if (stmt.options?.length) return 'storage parameters (WITH ...)';
  if (stmt.tableSpace) return 'tablespace';
  for (const e of elems) {
    if (e.opclassopts?.length) return 'operator class options';
    if (e.name && !s.column(table, e.name as string)) return `unknown column ${String(e.name)}`;
  }
  for (const p of (stmt.indexIncludingParams as unknown[] | undefined) ?? []) {
    const n = inner(p, 'IndexElem')?.name as string | undefined;
    if (!n || !s.column(table, n)) return 'INCLUDE of an unknown column';
  }
  return undefined;
}

export function createIndex(s: ImportState, stmt: Fields): void {
  const q = rangeVarName(stmt.relation);
  const table = s.verbatimRelations.has(qkey(q)) ? undefined : s.table(q);
  const elems = ((stmt.indexParams as unknown[] | undefined) ?? []).map((p) => inner(p, 'IndexElem')!);
  const why = unsupportedIndex(s, table, stmt, elems);
  const ns = s.namespace(q.schema);
  if (why || !table) {
    if (stmt.idxname) ns.relations.add(stmt.idxname as string);
    s.verbatim('index', 'post-tables', stmt.idxname as string | undefined);
    if (table) s.note('warning', 'index', `${why} is not in the model, so the index stays SQL`, stmt.idxname as string | undefined);
    return;
  }
  if (stmt.if_not_exists && stmt.idxname && ns.relations.has(stmt.idxname as string)) {
    s.note('skipped', 'index', 'IF NOT EXISTS and the name is taken', stmt.idxname as string);
    return;
  }
  const including = ((stmt.indexIncludingParams as unknown[] | undefined) ?? []).map((p) => inner(p, 'IndexElem')!);
  const name = (stmt.idxname as string | undefined) ?? ns.chooseRelationName(table.name, joinNames(indexColumnNames([...elems, ...including])), 'idx', false);
  ns.relations.add(name);
  const index: Index = {
    id: newId('ix'), name,
    ...(stmt.unique ? { unique: true } : {}),
    ...(stmt.accessMethod !== 'btree' ? { method: stmt.accessMethod as IndexMethod } : {}),
    elements: elems.map((e) => indexElement(s, table, e)),
    ...(including.length ? { include: including.map((e) => s.column(table, e.name as string)!.id) } : {}),
    ...(stmt.whereClause ? { where: deparse(stmt.whereClause) } : {}),
    ...(stmt.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
  };
  (table.indexes ??= []).push(index);
}

/**
 * indexElement: the normal form keeps `order` only for DESC, `nulls` only when not the default for that
 * order, and a column's `collation` only when it is not the column's own (PostgreSQL does not record it).
 */
function indexElement(s: ImportState, table: Table, e: Fields): IndexElement {
  const desc = e.ordering === 'SORTBY_DESC';
  const nulls = e.nulls_ordering === 'SORTBY_NULLS_FIRST' ? 'first' : e.nulls_ordering === 'SORTBY_NULLS_LAST' ? 'last' : undefined;
  const column = e.name ? s.column(table, e.name as string)! : undefined;
  const collations = strings(e.collation);
  const collation = collations.length && collations[collations.length - 1] !== (column ? column.collation ?? 'default' : undefined) ? collations[collations.length - 1] : undefined;
  const opclass = strings(e.opclass);
  const nonDefaultNulls = nulls !== undefined && nulls !== (desc ? 'first' : 'last');
  return {
    ...(column ? { columnId: column.id } : { expression: deparse(e.expr) }),
    ...(collation ? { collation } : {}),
    ...(opclass.length ? { opclass: opclass.join('.') } : {}),
    ...(desc ? { order: 'desc' as const } : {}),
    ...(nonDefaultNulls ? { nulls } : {}),
  };
}
