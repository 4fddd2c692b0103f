/**
 * Id rules: every id is unique across the whole model, and every reference points at an object of
 * the right kind (a column reference at a column of the right table). Layout keys may dangle: a
 * position for a deleted table is harmless and the editor drops it.
 */
import type { Column, Table } from '../schema';
import type { RuleContext } from './context';

export function idRules(ctx: RuleContext): void {
  if (!hasDuplicateId(ctx.model)) return;
  const { model } = ctx;
  const seen = new Map<string, string>();
  const add = (id: string, path: string) => {
    const first = seen.get(id);
    if (first !== undefined) ctx.error('id-duplicate', `id ${JSON.stringify(id)} is already used by ${first}`, `${path}.id`, id);
    else seen.set(id, path);
  };
  model.schemas.forEach((s, i) => add(s.id, `schemas[${i}]`));
  model.extensions?.forEach((e, i) => add(e.id, `extensions[${i}]`));
  model.enums?.forEach((e, i) => add(e.id, `enums[${i}]`));
  model.sequences?.forEach((s, i) => add(s.id, `sequences[${i}]`));
  model.roles?.forEach((r, i) => add(r.id, `roles[${i}]`));
  model.sqlObjects?.forEach((o, i) => add(o.id, `sqlObjects[${i}]`));
  model.layout?.notes?.forEach((n, i) => add(n.id, `layout.notes[${i}]`));
  model.layout?.areas?.forEach((a, i) => add(a.id, `layout.areas[${i}]`));
  model.tables.forEach((t, i) => {
    const path = `tables[${i}]`;
    add(t.id, path);
    t.columns.forEach((c, j) => add(c.id, `${path}.columns[${j}]`));
    if (t.primaryKey) add(t.primaryKey.id, `${path}.primaryKey`);
    t.uniques?.forEach((o, j) => add(o.id, `${path}.uniques[${j}]`));
    t.checks?.forEach((o, j) => add(o.id, `${path}.checks[${j}]`));
    t.foreignKeys?.forEach((o, j) => add(o.id, `${path}.foreignKeys[${j}]`));
    t.indexes?.forEach((o, j) => add(o.id, `${path}.indexes[${j}]`));
    t.policies?.forEach((o, j) => add(o.id, `${path}.policies[${j}]`));
  });
}

/**
 * hasDuplicateId is the cheap first pass: nearly every model has unique ids, and the pass that
 * reports duplicates builds a path string per object to point at the first use.
 */
function hasDuplicateId(model: RuleContext['model']): boolean {
  const seen = new Set<string>();
  let count = 0;
  const add = (o: { id: string }) => { seen.add(o.id); count++; };
  model.schemas.forEach(add);
  model.extensions?.forEach(add);
  model.enums?.forEach(add);
  model.sequences?.forEach(add);
  model.roles?.forEach(add);
  model.sqlObjects?.forEach(add);
  model.layout?.notes?.forEach(add);
  model.layout?.areas?.forEach(add);
  for (const t of model.tables) {
    add(t);
    t.columns.forEach(add);
    if (t.primaryKey) add(t.primaryKey);
    t.uniques?.forEach(add);
    t.checks?.forEach(add);
    t.foreignKeys?.forEach(add);
    t.indexes?.forEach(add);
    t.policies?.forEach(add);
  }
  return seen.size !== count;
}

/** checkColumnIds reports column ids that are not columns of `table`, and repeats within one list. */
export function checkColumnIds(ctx: RuleContext, table: Table, columnIds: readonly string[], path: string, ownerId: string, what: string): Column[] {
  const columns: Column[] = [];
  const seen = new Set<string>();
  columnIds.forEach((columnId, k) => {
    const column = ctx.column(table, columnId);
    if (!column) {
      ctx.error('reference-dangling', `${what} refers to column id ${JSON.stringify(columnId)}, which is not a column of table ${JSON.stringify(table.name)}`, `${path}[${k}]`, ownerId);
    } else {
      columns.push(column);
    }
    if (seen.has(columnId)) ctx.error('key-columns', `${what} lists column ${JSON.stringify(column?.name ?? columnId)} twice`, `${path}[${k}]`, ownerId);
    seen.add(columnId);
  });
  return columns;
}

export function referenceRules(ctx: RuleContext): void {
  const { model, index } = ctx;
  const schema = (schemaId: string, path: string, id: string) => {
    if (!index.schemas.has(schemaId)) ctx.error('reference-dangling', `schemaId ${JSON.stringify(schemaId)} is not a schema of the model`, `${path}.schemaId`, id);
  };
  model.extensions?.forEach((e, i) => { if (e.schemaId !== undefined) schema(e.schemaId, `extensions[${i}]`, e.id); });
  model.enums?.forEach((e, i) => schema(e.schemaId, `enums[${i}]`, e.id));
  model.sequences?.forEach((s, i) => {
    const path = `sequences[${i}]`;
    schema(s.schemaId, path, s.id);
    if (!s.ownedBy) return;
    const table = index.tables.get(s.ownedBy.tableId);
    if (!table) {
      ctx.error('reference-dangling', `ownedBy.tableId ${JSON.stringify(s.ownedBy.tableId)} is not a table of the model`, `${path}.ownedBy.tableId`, s.id);
      return;
    }
    if (!table.columns.some((c) => c.id === s.ownedBy!.columnId)) {
      ctx.error('reference-dangling', `ownedBy.columnId ${JSON.stringify(s.ownedBy.columnId)} is not a column of table ${JSON.stringify(table.name)}`, `${path}.ownedBy.columnId`, s.id);
    }
    if (table.schemaId !== s.schemaId) {
      ctx.error('sequence-owned-by', `sequence ${JSON.stringify(s.name)} is OWNED BY a table in another schema; PostgreSQL requires the same schema`, `${path}.ownedBy`, s.id);
    }
  });

  model.tables.forEach((t) => {
    const path = ctx.tablePath(t);
    schema(t.schemaId, path, t.id);
    t.columns.forEach((c, j) => {
      const cpath = `${path}.columns[${j}]`;
      if (c.type.kind === 'enum' && !index.enums.has(c.type.enumId)) {
        ctx.error('reference-dangling', `type.enumId ${JSON.stringify(c.type.enumId)} is not an enum of the model`, `${cpath}.type.enumId`, c.id);
      }
      if (c.sequenceId !== undefined && !index.sequences.has(c.sequenceId)) {
        ctx.error('reference-dangling', `sequenceId ${JSON.stringify(c.sequenceId)} is not a sequence of the model`, `${cpath}.sequenceId`, c.id);
      }
    });
    if (t.primaryKey) checkColumnIds(ctx, t, t.primaryKey.columnIds, `${path}.primaryKey.columnIds`, t.primaryKey.id, 'primary key');
    t.uniques?.forEach((u, j) => checkColumnIds(ctx, t, u.columnIds, `${path}.uniques[${j}].columnIds`, u.id, 'unique constraint'));
    t.foreignKeys?.forEach((f, j) => {
      const fpath = `${path}.foreignKeys[${j}]`;
      checkColumnIds(ctx, t, f.columnIds, `${fpath}.columnIds`, f.id, 'foreign key');
      const target = index.tables.get(f.refTableId);
      if (!target) ctx.error('reference-dangling', `refTableId ${JSON.stringify(f.refTableId)} is not a table of the model`, `${fpath}.refTableId`, f.id);
      else checkColumnIds(ctx, target, f.refColumnIds, `${fpath}.refColumnIds`, f.id, 'foreign key target');
    });
    t.indexes?.forEach((ix, j) => {
      const ipath = `${path}.indexes[${j}]`;
      ix.elements.forEach((el, k) => {
        if (el.columnId !== undefined && !ctx.column(t, el.columnId)) {
          ctx.error('reference-dangling', `columnId ${JSON.stringify(el.columnId)} is not a column of table ${JSON.stringify(t.name)}`, `${ipath}.elements[${k}].columnId`, ix.id);
        }
      });
      if (ix.include) checkColumnIds(ctx, t, ix.include, `${ipath}.include`, ix.id, 'INCLUDE');
    });
    t.partitionBy?.keys.forEach((key, k) => {
      if (key.columnId !== undefined && !ctx.column(t, key.columnId)) {
        ctx.error('reference-dangling', `columnId ${JSON.stringify(key.columnId)} is not a column of table ${JSON.stringify(t.name)}`, `${path}.partitionBy.keys[${k}].columnId`, t.id);
      }
    });
    const template = t.security?.rls;
    for (const field of ['ownerColumnId', 'tenantColumnId'] as const) {
      const columnId = template?.[field];
      if (columnId !== undefined && !ctx.column(t, columnId)) {
        ctx.error('reference-dangling', `security.rls.${field} ${JSON.stringify(columnId)} is not a column of table ${JSON.stringify(t.name)}`, `${path}.security.rls.${field}`, t.id);
      }
    }
    if (t.partitionOf && !index.tables.has(t.partitionOf.parentId)) {
      ctx.error('reference-dangling', `partitionOf.parentId ${JSON.stringify(t.partitionOf.parentId)} is not a table of the model`, `${path}.partitionOf.parentId`, t.id);
    }
  });
}
